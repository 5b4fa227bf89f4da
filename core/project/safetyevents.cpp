#include "project/safetyevents.h"

namespace sightline {

MovementEvent safetyMessageEvent(const SafetyMessage &m)
{
    MovementEvent e;
    e.id = -m.id;
    e.type = EventType::SafetyMessage;
    e.mmsi = m.mmsi;
    e.otherMmsi = 0; // the addressee is in the details: an encounter's second vessel is not what it is
    e.startMs = e.endMs = std::max<std::int64_t>(m.timeMs, 0);
    e.from = e.to = QPointF(m.lon, m.lat);
    e.details.insert(QStringLiteral("text"), m.text);
    e.details.insert(QStringLiteral("message_type"), m.type);
    if (m.destMmsi)
        e.details.insert(QStringLiteral("dest_mmsi"), qint64(m.destMmsi));
    if (!m.source.isEmpty())
        e.details.insert(QStringLiteral("source"), m.source);
    if (m.channel)
        e.details.insert(QStringLiteral("channel"), QString(QLatin1Char(m.channel)));
    return e;
}

} // namespace sightline
