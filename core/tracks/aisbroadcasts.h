#pragma once

#include <QString>
#include <QStringList>

#include <cmath>
#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

namespace sightline {

namespace ais {
struct AisMessage;
}

/// A base station (type 4) as a log heard it: where it stands, when it was heard and which
/// receivers (tag-block sources) carried its reports. Base stations are the shore side of AIS,
/// so they say where the receivers of a network are.
struct BaseStation
{
    std::uint32_t mmsi = 0;
    double lon = std::nan("");
    double lat = std::nan("");
    std::int64_t firstHeardMs = -1; ///< -1: the log gave no time
    std::int64_t lastHeardMs = -1;
    std::int64_t reports = 0;
    QStringList sources; ///< tag-block "s:" names, in the order first heard
    bool hasPosition() const { return !std::isnan(lon) && !std::isnan(lat); }
};

/// An aid to navigation (type 21), as its last report gave it.
struct AidToNavigation
{
    std::uint32_t mmsi = 0;
    QString name;
    int aidType = 0;
    bool virtualAid = false;
    bool offPosition = false;
    double lon = std::nan("");
    double lat = std::nan("");
    std::int64_t firstHeardMs = -1;
    std::int64_t lastHeardMs = -1; ///< the last report's time; -1 when the log gave none
    std::int64_t reports = 0;
    QStringList sources;
    bool hasPosition() const { return !std::isnan(lon) && !std::isnan(lat); }
    /// gpsd's text for the aid type ("Cardinal Mark N", …).
    QString aidTypeText() const;
};

/// A safety-related broadcast (type 14) or addressed safety message (type 12).
struct SafetyMessage
{
    std::int64_t id = 0; ///< its row in the project (0 until stored)
    int type = 14;
    std::uint32_t mmsi = 0;     ///< the sender
    std::uint32_t destMmsi = 0; ///< type 12's addressee; 0 for a broadcast
    QString text;
    std::int64_t timeMs = -1; ///< -1: the log gave no time
    QString source;           ///< the tag-block "s:" of the first receiver that heard it
    char channel = 0;
    /// Where the sender was at the time, from its own positions (NaN when unknown).
    double lon = std::nan("");
    double lat = std::nan("");
};

/// What an AIS log says besides vessel positions: the base stations that timed it, the aids to
/// navigation and the safety messages. One per base station and aid (merged by MMSI); one per
/// safety message (the same text from the same sender heard again within a minute is one).
class AisBroadcasts
{
public:
    /// Notes a type 4, 12, 14 or 21 message; other types are ignored. `timeMs` -1 for no time.
    void note(const ais::AisMessage &m, std::int64_t timeMs, std::string_view source, char channel);

    const std::map<std::uint32_t, BaseStation> &baseStations() const { return mBaseStations; }
    const std::map<std::uint32_t, AidToNavigation> &aidsToNavigation() const { return mAids; }
    const std::vector<SafetyMessage> &safetyMessages() const { return mSafety; }
    std::vector<SafetyMessage> &safetyMessages() { return mSafety; }
    bool empty() const { return mBaseStations.empty() && mAids.empty() && mSafety.empty(); }

    /// "3 receivers (base stations), 2 aids to navigation, 4 safety messages".
    QString describe() const;

private:
    std::map<std::uint32_t, BaseStation> mBaseStations;
    std::map<std::uint32_t, AidToNavigation> mAids;
    std::vector<SafetyMessage> mSafety;
};

} // namespace sightline
