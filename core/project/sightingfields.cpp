#include "project/sightingfields.h"

#include <QCoreApplication>

namespace sightline {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SightingFields", text);
}

QString readableTime(std::int64_t ms)
{
    return utcIsoString(ms).left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
}

QString geometryLabel(const SightingGeometry &g)
{
    switch (g.type) {
    case SightingGeometry::Type::Point:
        return tr("Point");
    case SightingGeometry::Type::MultiPoint:
        return tr("%1 count marks").arg(g.lonLat.size());
    case SightingGeometry::Type::Line:
        return tr("Line of %1 vertices").arg(g.lonLat.size());
    case SightingGeometry::Type::Polygon:
        return tr("Area of %1 vertices").arg(g.lonLat.size());
    }
    return {};
}
} // namespace

QList<QPair<QString, QString>> sightingFields(const Sighting &s)
{
    QList<QPair<QString, QString>> out;
    auto add = [&out](const QString &name, const QString &value) {
        if (!value.isEmpty())
            out.append({name, value});
    };
    add(tr("Sighting"), QStringLiteral("#%1").arg(s.id));
    add(tr("Kind"), sightingKindLabel(s.kind));
    if (s.count > 0)
        add(tr("Count"), QString::number(s.count));
    add(tr("Observed (UTC)"), s.observedAtMs ? readableTime(s.observedAtMs) : tr("unknown"));
    add(tr("Imagery"), s.imagerySource);
    add(tr("Provider"), s.imageryProvider);
    if (s.imageryAcquiredMs)
        add(tr("Acquired (UTC)"), readableTime(s.imageryAcquiredMs));
    if (s.imageryResolutionM > 0)
        add(tr("Resolution"), tr("%1 m").arg(s.imageryResolutionM, 0, 'g', 4));
    if (s.vesselMmsi)
        add(tr("Vessel"), s.vesselName.isEmpty()
                              ? QString::number(s.vesselMmsi)
                              : QStringLiteral("%1 (MMSI %2)").arg(s.vesselName).arg(s.vesselMmsi));
    add(tr("Grading"), QStringLiteral("%1 – %2, %3")
                           .arg(s.grading(), sourceReliabilityMeaning(s.sourceReliability).toLower(),
                                informationCredibilityMeaning(s.informationCredibility).toLower()));
    add(tr("Analyst"), s.analyst);
    add(tr("Tags"), s.tags.join(QStringLiteral(", ")));
    add(tr("Notes"), s.notes);
    add(tr("Geometry"), geometryLabel(s.geometry));
    if (!s.geometry.lonLat.isEmpty()) {
        const QPointF c = s.geometry.boundsWgs84().center();
        add(tr("Centre"), QStringLiteral("%1, %2").arg(c.y(), 0, 'f', 5).arg(c.x(), 0, 'f', 5));
    }
    if (s.createdMs)
        add(tr("Recorded (UTC)"), readableTime(s.createdMs));
    if (s.version > 1)
        add(tr("Version"), tr("%1, last changed %2").arg(s.version).arg(readableTime(s.updatedMs)));
    return out;
}

} // namespace sightline
