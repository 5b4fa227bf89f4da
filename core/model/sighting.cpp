#include "model/sighting.h"

#include "util/datetimetext.h"

#include <algorithm>

#include <QDateTime>
#include <QJsonArray>
#include <QRectF>
#include <QTimeZone>

namespace sightline {

bool SightingGeometry::isValid() const
{
    switch (type) {
    case Type::Point:
        return lonLat.size() == 1;
    case Type::MultiPoint:
        return !lonLat.isEmpty();
    case Type::Line:
        return lonLat.size() >= 2;
    case Type::Polygon:
        return lonLat.size() >= 3;
    }
    return false;
}

QRectF SightingGeometry::boundsWgs84() const
{
    return boundsOfLonLat(lonLat);
}

QRectF boundsOfLonLat(const QList<QPointF> &lonLat)
{
    if (lonLat.isEmpty())
        return {};
    double w = lonLat.first().x(), e = w, s = lonLat.first().y(), n = s;
    for (const QPointF &p : lonLat) {
        w = std::min(w, p.x());
        e = std::max(e, p.x());
        s = std::min(s, p.y());
        n = std::max(n, p.y());
    }
    return QRectF(QPointF(w, s), QPointF(e, n));
}

QStringList sightingKinds()
{
    return {QStringLiteral("vessel"),   QStringLiteral("containers"), QStringLiteral("rail cars"),
            QStringLiteral("vehicles"), QStringLiteral("pits"),       QStringLiteral("construction"),
            QStringLiteral("other")};
}

QString sightingKindLabel(const QString &kind)
{
    if (kind.isEmpty())
        return kind;
    return kind.at(0).toUpper() + kind.mid(1);
}

QString sourceReliabilityMeaning(QChar grade)
{
    switch (grade.toUpper().toLatin1()) {
    case 'A':
        return QStringLiteral("Completely reliable");
    case 'B':
        return QStringLiteral("Usually reliable");
    case 'C':
        return QStringLiteral("Fairly reliable");
    case 'D':
        return QStringLiteral("Not usually reliable");
    case 'E':
        return QStringLiteral("Unreliable");
    case 'F':
        return QStringLiteral("Reliability cannot be judged");
    default:
        return {};
    }
}

QString informationCredibilityMeaning(int grade)
{
    static const char *meanings[] = {
        "Confirmed by other sources", "Probably true", "Possibly true", "Doubtful", "Improbable",
        "Truth cannot be judged"};
    return grade >= 1 && grade <= 6 ? QString::fromLatin1(meanings[grade - 1]) : QString();
}

QString Sighting::grading() const
{
    return QStringLiteral("%1%2").arg(sourceReliability).arg(informationCredibility);
}

QString Sighting::title() const
{
    if (count > 0)
        return QStringLiteral("%1 %2").arg(count).arg(kind);
    if (kind == QLatin1String("vessel") && !vesselName.isEmpty())
        return QStringLiteral("Vessel: %1").arg(vesselName);
    return sightingKindLabel(kind);
}

QString Sighting::validate() const
{
    if (!sightingKinds().contains(kind))
        return QStringLiteral("unknown kind '%1' (one of: %2)")
            .arg(kind, sightingKinds().join(QStringLiteral(", ")));
    if (!geometry.isValid())
        return QStringLiteral("the geometry has too few points");
    for (const QPointF &p : geometry.lonLat)
        if (!(p.x() >= -180 && p.x() <= 180 && p.y() >= -90 && p.y() <= 90))
            return QStringLiteral("a point lies outside -180..180, -90..90");
    if (sourceReliability < QLatin1Char('A') || sourceReliability > QLatin1Char('F'))
        return QStringLiteral("source reliability must be A to F");
    if (informationCredibility < 1 || informationCredibility > 6)
        return QStringLiteral("information credibility must be 1 to 6");
    if (count < 0)
        return QStringLiteral("the count cannot be negative");
    if (geometry.type == SightingGeometry::Type::MultiPoint && count != geometry.lonLat.size())
        return QStringLiteral("a count of %1 has %2 marks").arg(count).arg(geometry.lonLat.size());
    return {};
}

QString utcIsoString(std::int64_t ms)
{
    if (ms == 0)
        return {};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return t.toString(ms % 1000 ? QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")
                                : QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

std::int64_t parseUtcIso(const QString &text)
{
    const auto parsed = parseIsoDateTime(text);
    return parsed ? parsed->ms : 0;
}

QJsonObject sightingToJson(const Sighting &s)
{
    QJsonObject o{{QStringLiteral("kind"), s.kind},
                  {QStringLiteral("observed_at"), utcIsoString(s.observedAtMs)},
                  {QStringLiteral("imagery_source"), s.imagerySource},
                  {QStringLiteral("imagery_provider"), s.imageryProvider},
                  {QStringLiteral("imagery_acquired"), utcIsoString(s.imageryAcquiredMs)},
                  {QStringLiteral("imagery_resolution_m"), s.imageryResolutionM},
                  {QStringLiteral("count"), s.count},
                  {QStringLiteral("vessel_mmsi"), qint64(s.vesselMmsi)},
                  {QStringLiteral("vessel_name"), s.vesselName},
                  {QStringLiteral("source_reliability"), QString(s.sourceReliability)},
                  {QStringLiteral("information_credibility"), s.informationCredibility},
                  {QStringLiteral("analyst"), s.analyst},
                  {QStringLiteral("notes"), s.notes},
                  {QStringLiteral("tags"), s.tags.join(QStringLiteral(", "))},
                  {QStringLiteral("created_at"), utcIsoString(s.createdMs)},
                  {QStringLiteral("updated_at"), utcIsoString(s.updatedMs)},
                  {QStringLiteral("version"), s.version}};
    if (s.id)
        o.insert(QStringLiteral("id"), qint64(s.id));
    return o;
}

Sighting sightingFromJson(const QJsonObject &o, Sighting s)
{
    auto text = [&o](const char *key, QString &into) {
        if (o.contains(QLatin1String(key)))
            into = o.value(QLatin1String(key)).toVariant().toString();
    };
    auto time = [&o](const char *key, std::int64_t &into) {
        if (o.contains(QLatin1String(key)))
            into = parseUtcIso(o.value(QLatin1String(key)).toString());
    };
    auto number = [&o](const char *key, auto &into) {
        if (o.contains(QLatin1String(key)))
            into = decltype(into + 0)(o.value(QLatin1String(key)).toVariant().toDouble());
    };
    if (o.contains(QLatin1String("id")))
        s.id = o.value(QLatin1String("id")).toVariant().toLongLong();
    text("kind", s.kind);
    time("observed_at", s.observedAtMs);
    text("imagery_source", s.imagerySource);
    text("imagery_provider", s.imageryProvider);
    time("imagery_acquired", s.imageryAcquiredMs);
    number("imagery_resolution_m", s.imageryResolutionM);
    number("count", s.count);
    number("vessel_mmsi", s.vesselMmsi);
    text("vessel_name", s.vesselName);
    QString grade;
    text("source_reliability", grade);
    if (!grade.isEmpty())
        s.sourceReliability = grade.at(0).toUpper();
    number("information_credibility", s.informationCredibility);
    text("analyst", s.analyst);
    text("notes", s.notes);
    QString tags;
    text("tags", tags);
    if (o.value(QLatin1String("tags")).isArray()) {
        s.tags.clear();
        for (const QJsonValue &v : o.value(QLatin1String("tags")).toArray())
            s.tags << v.toString();
    } else if (o.contains(QLatin1String("tags"))) {
        s.tags = splitTags(tags);
    }
    time("created_at", s.createdMs);
    time("updated_at", s.updatedMs);
    number("version", s.version);
    return s;
}

QStringList splitTags(const QString &text)
{
    QStringList tags;
    for (const QString &t : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            tags << t.trimmed();
    return tags;
}

void sortSightingsChronologically(QList<Sighting> &sightings)
{
    std::stable_sort(sightings.begin(), sightings.end(), [](const Sighting &a, const Sighting &b) {
        const bool aKnown = a.observedAtMs != 0, bKnown = b.observedAtMs != 0;
        if (aKnown != bKnown)
            return aKnown;
        if (a.observedAtMs != b.observedAtMs)
            return a.observedAtMs < b.observedAtMs;
        return a.id < b.id;
    });
}

} // namespace sightline
