#include "tracks/aisbroadcasts.h"

#include "ais/aismessage.h"

#include <cstdlib>

namespace sightline {

namespace {

// A safety message repeated by the sender, or heard by a second receiver, within this long is one.
constexpr std::int64_t kSameSafetyMessageMs = 60'000;

void noteHeard(std::int64_t timeMs, std::int64_t &firstMs, std::int64_t &lastMs)
{
    if (timeMs < 0)
        return;
    if (firstMs < 0 || timeMs < firstMs)
        firstMs = timeMs;
    if (timeMs > lastMs)
        lastMs = timeMs;
}

void noteSource(std::string_view source, QStringList &sources)
{
    if (source.empty())
        return;
    const QString name = QString::fromUtf8(source.data(), qsizetype(source.size()));
    if (!sources.contains(name))
        sources << name;
}

} // namespace

QString AidToNavigation::aidTypeText() const
{
    return QString::fromLatin1(ais::aidTypeText(aidType));
}

void AisBroadcasts::note(const ais::AisMessage &m, std::int64_t timeMs, std::string_view source, char channel)
{
    switch (m.type) {
    case 4: {
        BaseStation &b = mBaseStations[m.mmsi];
        b.mmsi = m.mmsi;
        // The last report with a position places it: a station moved in the log is where it is now.
        if (m.hasPosition()) {
            b.lon = m.lon;
            b.lat = m.lat;
        }
        noteHeard(timeMs, b.firstHeardMs, b.lastHeardMs);
        ++b.reports;
        noteSource(source, b.sources);
        return;
    }
    case 21: {
        AidToNavigation &a = mAids[m.mmsi];
        a.mmsi = m.mmsi;
        if (timeMs < 0 || timeMs >= a.lastHeardMs) {
            a.name = QString::fromStdString(m.shipname); // the decoder trims six-bit padding
            a.aidType = m.aidType;
            a.virtualAid = m.virtualAid;
            a.offPosition = m.offPosition;
            if (m.hasPosition()) {
                a.lon = m.lon;
                a.lat = m.lat;
            }
        }
        noteHeard(timeMs, a.firstHeardMs, a.lastHeardMs);
        ++a.reports;
        noteSource(source, a.sources);
        return;
    }
    case 12:
    case 14: {
        SafetyMessage s;
        s.type = m.type;
        s.mmsi = m.mmsi;
        s.destMmsi = m.type == 12 ? m.destMmsi : 0;
        s.text = QString::fromStdString(m.text);
        s.timeMs = timeMs;
        s.source = QString::fromUtf8(source.data(), qsizetype(source.size()));
        s.channel = channel;
        // Most logs are in time order: a repeat is among the last few messages.
        for (auto it = mSafety.rbegin(); it != mSafety.rend() && it - mSafety.rbegin() < 16; ++it)
            if (it->mmsi == s.mmsi && it->destMmsi == s.destMmsi && it->type == s.type && it->text == s.text &&
                (timeMs < 0 || it->timeMs < 0 || std::llabs(it->timeMs - timeMs) <= kSameSafetyMessageMs))
                return;
        mSafety.push_back(std::move(s));
        return;
    }
    default:
        return;
    }
}

QString AisBroadcasts::describe() const
{
    return QStringLiteral("%1 receivers (base stations), %2 aids to navigation, %3 safety messages")
        .arg(mBaseStations.size())
        .arg(mAids.size())
        .arg(mSafety.size());
}

} // namespace sightline
