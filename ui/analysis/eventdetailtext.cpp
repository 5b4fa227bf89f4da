#include "ui/analysis/eventdetailtext.h"

#include "util/datetimetext.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QStringList>

#include <cmath>

namespace sightline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EventDetails", text);
}

/// Keys whose words do not say what they mean.
const QHash<QString, QString> &namedLabels()
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("dark_start_ms"), tr("Went dark")},
        {QStringLiteral("dark_from"), tr("Last seen before dark")},
        {QStringLiteral("dark_to"), tr("First seen after dark")},
        {QStringLiteral("dark_hours"), tr("Dark for")},
        {QStringLiteral("dark_gap_h"), tr("Dark gap")},
        {QStringLiteral("port_a"), tr("Port A")},
        {QStringLiteral("port_b"), tr("Port B")},
        {QStringLiteral("depart_a"), tr("Left port A")},
        {QStringLiteral("at_b_from"), tr("At port B from")},
        {QStringLiteral("at_b_to"), tr("At port B until")},
        {QStringLiteral("return_a"), tr("Back at port A")},
        {QStringLiteral("b_inferred"), tr("Call at port B inferred")},
        {QStringLiteral("implied_speed_kn"), tr("Implied speed")},
        {QStringLiteral("max_speed_kn"), tr("Top speed")},
        {QStringLiteral("start_in_port"), tr("Went dark in port")},
        {QStringLiteral("end_in_port"), tr("Reappeared in port")},
        {QStringLiteral("start_port_distance_km"), tr("Went dark, from nearest port")},
        {QStringLiteral("end_port_distance_km"), tr("Reappeared, from nearest port")},
        {QStringLiteral("start_shore_distance_km"), tr("Went dark, from shore")},
        {QStringLiteral("end_shore_distance_km"), tr("Reappeared, from shore")},
        {QStringLiteral("course_at_start"), tr("Course when going dark")},
        {QStringLiteral("from_confidence"), tr("Departure call confidence")},
        {QStringLiteral("to_confidence"), tr("Arrival call confidence")},
        {QStringLiteral("gap_in_port"), tr("Dark while in port")},
        {QStringLiteral("stopped_hours"), tr("Stopped for")},
        {QStringLiteral("other_mmsi"), tr("Other vessel MMSI")},
        {QStringLiteral("min_gap_h"), tr("Shortest gap")},
        {QStringLiteral("max_gap_h"), tr("Longest gap")},
        {QStringLiteral("step_min"), tr("Step")},
        {QStringLiteral("last_heard_by"), tr("Last report heard by")},
        {QStringLiteral("first_heard_by"), tr("First report after heard by")},
        {QStringLiteral("text"), tr("Message")},
        {QStringLiteral("message_type"), tr("AIS message type")},
        {QStringLiteral("dest_mmsi"), tr("Addressed to MMSI")},
        {QStringLiteral("source"), tr("Heard by")},
        {QStringLiteral("likely_cause"), tr("Likely cause")},
        {QStringLiteral("disabling_score"), tr("Disabling score (0–1)")},
        {QStringLiteral("reception_cell_bins"), tr("Cell-hours along the path")},
        {QStringLiteral("reception_cell_bins_with_data"), tr("… where others are ever heard")},
        {QStringLiteral("reception_cell_bins_heard"), tr("… where others were heard then")},
        {QStringLiteral("reception_cell_bins_receiver_up"),
         tr("… where nobody was, but its receiver was up")},
        {QStringLiteral("vessels_heard_meanwhile"), tr("Other vessels heard on the path meanwhile")},
        {QStringLiteral("receivers_meanwhile"), tr("Receivers that heard them")},
        {QStringLiteral("reception_cells"), tr("Reception along the path")},
        {QStringLiteral("port_reception"), tr("Port heard while dark")},
        {QStringLiteral("dark_likely_cause"), tr("Dark period's likely cause")},
    };
    return labels;
}

const QStringList &unitSuffixes()
{
    static const QStringList suffixes = {QStringLiteral("_ms"), QStringLiteral("_km"), QStringLiteral("_m"),
                                         QStringLiteral("_kn"), QStringLiteral("_h"), QStringLiteral("_min")};
    return suffixes;
}

QString number(double v, int decimals)
{
    return v == std::floor(v) ? QString::number(qint64(v)) : QString::number(v, 'f', decimals);
}

QString hours(double h)
{
    if (h < 48)
        return QStringLiteral("%1 h").arg(number(std::round(h * 10) / 10, 1));
    const int whole = int(std::round(h));
    return QStringLiteral("%1 d %2 h").arg(whole / 24).arg(whole % 24);
}

QString degrees(double lon, double lat)
{
    return QStringLiteral("%1°%2 %3°%4")
        .arg(std::abs(lat), 0, 'f', 3)
        .arg(lat < 0 ? QLatin1Char('S') : QLatin1Char('N'))
        .arg(std::abs(lon), 0, 'f', 3)
        .arg(lon < 0 ? QLatin1Char('W') : QLatin1Char('E'));
}

} // namespace

QString eventDetailLabel(const QString &key)
{
    if (const auto it = namedLabels().find(key); it != namedLabels().end())
        return *it;
    QString words = key;
    for (const QString &suffix : unitSuffixes())
        if (words.endsWith(suffix) && words.size() > suffix.size()) {
            words.chop(suffix.size());
            break;
        }
    if (words.endsWith(QLatin1String("_hours")))
        words.chop(6);
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

QString eventDetailValue(const QString &key, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (key.endsWith(QLatin1String("_ms")))
            return formatUtcMinutes(std::int64_t(d));
        if (key.endsWith(QLatin1String("_h")) || key.endsWith(QLatin1String("_hours")))
            return hours(d);
        if (key.endsWith(QLatin1String("_km")))
            return QStringLiteral("%1 km").arg(number(d, 1));
        if (key.endsWith(QLatin1String("_m")))
            return QStringLiteral("%1 m").arg(number(std::round(d), 0));
        if (key.endsWith(QLatin1String("_kn")))
            return QStringLiteral("%1 kn").arg(number(d, 1));
        if (key.endsWith(QLatin1String("_min")))
            return QStringLiteral("%1 min").arg(number(d, 0));
        if (key.startsWith(QLatin1String("course")))
            return QStringLiteral("%1°").arg(number(std::round(d), 0));
        return number(d, 2);
    }
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        if (key == QLatin1String("reception_cells")) // drawn on the map; in words, how many
            return tr("%1 cells, shaded on the map").arg(a.size());
        if (a.size() == 2 && a[0].isDouble() && a[1].isDouble() && !key.endsWith(QLatin1String("s")))
            return degrees(a[0].toDouble(), a[1].toDouble());
        QStringList parts;
        for (const QJsonValue &e : a)
            parts << eventDetailValue(QString(), e);
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::String: {
        const QString s = v.toString();
        if (key.endsWith(QLatin1String("likely_cause")) || key == QLatin1String("port_reception"))
            return QString(s).replace(QLatin1Char('_'), QLatin1Char(' '));
        if (const auto t = parseIsoDateTime(s); t && !t->dateOnly)
            return formatUtcMinutes(t->ms);
        return s;
    }
    default:
        return {};
    }
}

} // namespace sightline
