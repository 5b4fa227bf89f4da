#include "analysis/movementevent.h"

#include <QDateTime>
#include <QJsonArray>

#include <cmath>

namespace sightline {

namespace {

struct TypeInfo
{
    EventType type;
    const char *key;
    const char *label;
    /// The detail keys, in the order CSV columns list them.
    QStringList detailKeys;
};

const QList<TypeInfo> &typeInfo()
{
    static const QList<TypeInfo> info = {
        {EventType::Gap,
         "gap",
         "Gap",
         {QStringLiteral("distance_km"), QStringLiteral("implied_speed_kn"), QStringLiteral("start_in_port"),
          QStringLiteral("start_port_distance_km"), QStringLiteral("end_in_port"),
          QStringLiteral("end_port_distance_km"), QStringLiteral("start_shore_distance_km"),
          QStringLiteral("end_shore_distance_km"), QStringLiteral("near_shore"),
          QStringLiteral("course_at_start"), QStringLiteral("heading_toward"), QStringLiteral("max_speed_kn"),
          QStringLiteral("reachable_ports"), QStringLiteral("last_heard_by"), QStringLiteral("first_heard_by"),
          QStringLiteral("likely_cause"), QStringLiteral("disabling_score"),
          QStringLiteral("reception_cell_bins_with_data"), QStringLiteral("reception_cell_bins_heard"),
          QStringLiteral("reception_cell_bins_receiver_up"), QStringLiteral("vessels_heard_meanwhile"),
          QStringLiteral("receivers_meanwhile")}},
        {EventType::PortCall,
         "port-call",
         "Port call",
         {QStringLiteral("entry_seen"), QStringLiteral("exit_seen"), QStringLiteral("stopped"),
          QStringLiteral("stopped_hours"), QStringLiteral("gap_in_port"), QStringLiteral("positions"),
          QStringLiteral("inferred"), QStringLiteral("dark_hours"), QStringLiteral("candidates"),
          QStringLiteral("port_reception"), QStringLiteral("dark_likely_cause")}},
        {EventType::Voyage,
         "voyage",
         "Voyage",
         {QStringLiteral("from_port"), QStringLiteral("to_port"), QStringLiteral("from_confidence"),
          QStringLiteral("to_confidence"), QStringLiteral("dark_hours"), QStringLiteral("possible_calls")}},
        {EventType::RoundTrip,
         "round-trip",
         "Round trip",
         {QStringLiteral("port_a"), QStringLiteral("port_b"), QStringLiteral("depart_a"),
          QStringLiteral("at_b_from"), QStringLiteral("at_b_to"), QStringLiteral("return_a"),
          QStringLiteral("b_inferred"), QStringLiteral("evidence")}},
        {EventType::Encounter,
         "encounter",
         "Encounter",
         {QStringLiteral("min_distance_m"), QStringLiteral("median_distance_m"),
          QStringLiteral("median_speed_kn"), QStringLiteral("in_port"), QStringLiteral("port")}},
        {EventType::Loitering,
         "loitering",
         "Loitering",
         {QStringLiteral("mean_speed_kn"), QStringLiteral("positions"), QStringLiteral("distance_km"),
          QStringLiteral("in_port"), QStringLiteral("port")}},
        {EventType::Spoofing,
         "spoofing",
         "Spoofing suspicion",
         {QStringLiteral("kind"), QStringLiteral("implied_speed_kn"), QStringLiteral("distance_km"),
          QStringLiteral("jumps")}},
        {EventType::Stop,
         "stop",
         "Stop",
         {QStringLiteral("centre_lon"), QStringLiteral("centre_lat"), QStringLiteral("diameter_m"),
          QStringLiteral("positions"), QStringLiteral("longest_silence_h"), QStringLiteral("in_port"),
          QStringLiteral("port")}},
        {EventType::SafetyMessage,
         "safety-message",
         "Safety message",
         {QStringLiteral("text"), QStringLiteral("message_type"), QStringLiteral("dest_mmsi"),
          QStringLiteral("source"), QStringLiteral("channel")}},
        {EventType::VesselDetection,
         "vessel-detection",
         "Vessel in image",
         {QStringLiteral("dark"), QStringLiteral("length_m"), QStringLiteral("width_m"), QStringLiteral("heading"),
          QStringLiteral("detection_confidence"), QStringLiteral("match_score"), QStringLiteral("vessel_name"),
          QStringLiteral("scene_id"), QStringLiteral("image"), QStringLiteral("detection_id")}},
    };
    return info;
}

const TypeInfo &infoOf(EventType type)
{
    for (const TypeInfo &i : typeInfo())
        if (i.type == type)
            return i;
    return typeInfo().front();
}

QString isoOrEmpty(std::int64_t ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

QString csvValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d))
                                                        : QString::number(d, 'f', 3);
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &e : v.toArray())
            parts << csvValue(e);
        return parts.join(QStringLiteral("; "));
    }
    case QJsonValue::String:
        return v.toString();
    default:
        return {};
    }
}

} // namespace

QString eventTypeKey(EventType type)
{
    return QString::fromLatin1(infoOf(type).key);
}

QString eventTypeLabel(EventType type)
{
    return QString::fromLatin1(infoOf(type).label);
}

std::optional<EventType> eventTypeFromKey(const QString &key)
{
    for (const TypeInfo &i : typeInfo())
        if (key == QLatin1String(i.key))
            return i.type;
    return std::nullopt;
}

QList<EventType> allEventTypes()
{
    QList<EventType> types;
    for (const TypeInfo &i : typeInfo())
        types << i.type;
    return types;
}

bool MovementEvent::isInferredCall() const
{
    return type == EventType::PortCall && details.value(QStringLiteral("inferred")).toBool();
}

bool MovementEvent::hasInferredFarCall() const
{
    return type == EventType::RoundTrip && details.value(QStringLiteral("b_inferred")).toBool();
}

QString MovementEvent::gapCauseText() const
{
    const QString cause = details.value(QStringLiteral("likely_cause")).toString();
    if (type != EventType::Gap || cause.isEmpty())
        return {};
    const QString score =
        QString::number(details.value(QStringLiteral("disabling_score")).toDouble(), 'f', 2);
    if (cause == QLatin1String("switched_off"))
        return QStringLiteral("likely switched off (score %1)").arg(score);
    if (cause == QLatin1String("out_of_coverage"))
        return QStringLiteral("likely out of coverage (score %1)").arg(score);
    return QStringLiteral("cause unknown (score %1)").arg(score);
}

QString MovementEvent::summary() const
{
    const QString hours = QString::number(durationHours(), 'f', 1);
    switch (type) {
    case EventType::Gap: {
        const QString cause = gapCauseText();
        const QString causeSuffix = cause.isEmpty() ? QString() : QStringLiteral("; ") + cause;
        if (details.value(QStringLiteral("distance_km")).toDouble() < 0.5)
            return QStringLiteral("Dark %1 h, back where it went quiet").arg(hours) + causeSuffix;
        return QStringLiteral("Dark %1 h over %2 km (%3 kn implied)")
                   .arg(hours)
                   .arg(details.value(QStringLiteral("distance_km")).toDouble(), 0, 'f', 1)
                   .arg(details.value(QStringLiteral("implied_speed_kn")).toDouble(), 0, 'f', 1) +
               causeSuffix;
    }
    case EventType::PortCall:
        return QStringLiteral("%1, %2 h%3")
            .arg(place, hours, isInferredCall() ? QStringLiteral(" (possible, while dark)") : QString());
    case EventType::Voyage:
        return details.value(QStringLiteral("dark_hours")).toDouble() > 0
                   ? QStringLiteral("%1, %2 h, dark %3 h on the way")
                         .arg(place, hours)
                         .arg(details.value(QStringLiteral("dark_hours")).toDouble(), 0, 'f', 1)
                   : QStringLiteral("%1, %2 h").arg(place, hours);
    case EventType::RoundTrip:
        return hasInferredFarCall()
                   ? QStringLiteral("%1, %2 h; at %3 only possibly (dark)")
                         .arg(place, hours, details.value(QStringLiteral("port_b")).toString())
                   : QStringLiteral("%1, %2 h").arg(place, hours);
    case EventType::Encounter:
        return QStringLiteral("Together %1 h, within %2 m%3")
            .arg(hours)
            .arg(details.value(QStringLiteral("median_distance_m")).toDouble(), 0, 'f', 0)
            .arg(place.isEmpty() ? QString() : QStringLiteral(" in ") + place);
    case EventType::Loitering:
        return QStringLiteral("Slow %1 h at %2 kn")
            .arg(hours)
            .arg(details.value(QStringLiteral("mean_speed_kn")).toDouble(), 0, 'f', 1);
    case EventType::Spoofing:
        return details.value(QStringLiteral("kind")).toString() == QLatin1String("two-places")
                   ? QStringLiteral("Two places at once: %1 jumps of %2 km")
                         .arg(details.value(QStringLiteral("jumps")).toInt())
                         .arg(details.value(QStringLiteral("distance_km")).toDouble(), 0, 'f', 1)
                   : QStringLiteral("Jump of %1 km at %2 kn")
                         .arg(details.value(QStringLiteral("distance_km")).toDouble(), 0, 'f', 1)
                         .arg(details.value(QStringLiteral("implied_speed_kn")).toDouble(), 0, 'f', 0);
    case EventType::Stop:
        return QStringLiteral("Stopped %1 h within %2 m%3")
            .arg(hours)
            .arg(details.value(QStringLiteral("diameter_m")).toDouble(), 0, 'f', 0)
            .arg(place.isEmpty() ? QString() : QStringLiteral(" in ") + place);
    case EventType::SafetyMessage: {
        const QString text = details.value(QStringLiteral("text")).toString();
        const qint64 to = details.value(QStringLiteral("dest_mmsi")).toInteger();
        const QString heard = details.value(QStringLiteral("source")).toString();
        return QStringLiteral("Safety message%1: \u201c%2\u201d%3")
            .arg(to ? QStringLiteral(" to MMSI %1").arg(to) : QString(), text,
                 heard.isEmpty() ? QString() : QStringLiteral(" (heard by %1)").arg(heard));
    }
    case EventType::VesselDetection: {
        const QString length =
            QStringLiteral("%1 m").arg(details.value(QStringLiteral("length_m")).toDouble(), 0, 'f', 0);
        const QString scene = details.value(QStringLiteral("scene_id")).toString();
        if (details.value(QStringLiteral("dark")).toBool())
            return QStringLiteral("Dark vessel, %1, in %2 (no AIS)").arg(length, scene);
        const QString name = details.value(QStringLiteral("vessel_name")).toString();
        return QStringLiteral("%1, %2, in %3 (match %4)")
            .arg(name.isEmpty() ? QStringLiteral("MMSI %1").arg(mmsi) : name, length, scene)
            .arg(details.value(QStringLiteral("match_score")).toDouble(), 0, 'f', 2);
    }
    }
    return {};
}

QJsonObject eventToJson(const MovementEvent &e, const QString &vesselName, const QString &otherVesselName)
{
    QJsonObject o;
    if (e.id)
        o.insert(QStringLiteral("id"), qint64(e.id));
    o.insert(QStringLiteral("type"), eventTypeKey(e.type));
    o.insert(QStringLiteral("mmsi"), qint64(e.mmsi));
    if (!vesselName.isEmpty())
        o.insert(QStringLiteral("vessel"), vesselName);
    if (e.otherMmsi) {
        o.insert(QStringLiteral("other_mmsi"), qint64(e.otherMmsi));
        if (!otherVesselName.isEmpty())
            o.insert(QStringLiteral("other_vessel"), otherVesselName);
    }
    o.insert(QStringLiteral("start"), isoOrEmpty(e.startMs));
    o.insert(QStringLiteral("end"), isoOrEmpty(e.endMs));
    o.insert(QStringLiteral("duration_h"), std::round(e.durationHours() * 1000) / 1000);
    o.insert(QStringLiteral("from"), QJsonArray{e.from.x(), e.from.y()});
    o.insert(QStringLiteral("to"), QJsonArray{e.to.x(), e.to.y()});
    if (!e.place.isEmpty())
        o.insert(QStringLiteral("place"), e.place);
    if (e.confidence)
        o.insert(QStringLiteral("confidence"), e.confidence);
    o.insert(QStringLiteral("details"), e.details);
    if (!e.parameters.isEmpty())
        o.insert(QStringLiteral("parameters"), e.parameters);
    return o;
}

QStringList eventCsvHeader(EventType type)
{
    QStringList header = {
        QStringLiteral("type"),       QStringLiteral("mmsi"),         QStringLiteral("vessel"),
        QStringLiteral("other_mmsi"), QStringLiteral("other_vessel"), QStringLiteral("start"),
        QStringLiteral("end"),        QStringLiteral("duration_h"),   QStringLiteral("from_lon"),
        QStringLiteral("from_lat"),   QStringLiteral("to_lon"),       QStringLiteral("to_lat"),
        QStringLiteral("place"),      QStringLiteral("confidence")};
    header += infoOf(type).detailKeys;
    return header;
}

QStringList eventCsvRow(const MovementEvent &e, const QString &vesselName, const QString &otherVesselName)
{
    QStringList row = {eventTypeKey(e.type),
                       QString::number(e.mmsi),
                       vesselName,
                       e.otherMmsi ? QString::number(e.otherMmsi) : QString(),
                       otherVesselName,
                       isoOrEmpty(e.startMs),
                       isoOrEmpty(e.endMs),
                       QString::number(e.durationHours(), 'f', 3),
                       QString::number(e.from.x(), 'f', 6),
                       QString::number(e.from.y(), 'f', 6),
                       QString::number(e.to.x(), 'f', 6),
                       QString::number(e.to.y(), 'f', 6),
                       e.place,
                       e.confidence ? QString::number(e.confidence) : QString()};
    for (const QString &key : infoOf(e.type).detailKeys)
        row << csvValue(e.details.value(key));
    return row;
}

} // namespace sightline
