#pragma once

#include <QList>
#include <QString>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace sightline {

namespace ais {
struct AisMessage;
}

/// What the static reports (types 5, 19, 21, 24) say about a vessel, kept over time.
struct VesselInfo
{
    struct NameSeen
    {
        QString name;
        std::int64_t firstSeenMs = 0;
        std::int64_t lastSeenMs = 0;
    };

    std::uint32_t mmsi = 0;
    std::uint32_t imo = 0;
    QString callsign;
    int shipType = 0;
    int toBow = 0, toStern = 0, toPort = 0, toStarboard = 0;
    QString destination;
    /// Every name the vessel broadcast, in the order first seen (a renamed ship keeps its history).
    QList<NameSeen> names;
    bool classB = false;

    QString currentName() const { return names.isEmpty() ? QString() : names.back().name; }
    int length() const { return toBow + toStern; }
    int beam() const { return toPort + toStarboard; }
};

/// Vessels by MMSI, with their names over time and their flag from the MID.
class VesselRegistry
{
public:
    /// Records what a static message says; `timeMs` is when it was received (0 when unknown).
    void noteStatic(const ais::AisMessage &message, std::int64_t timeMs);
    /// Makes sure a vessel seen only in position reports is listed too.
    void notePosition(std::uint32_t mmsi, bool classB);

    const VesselInfo *find(std::uint32_t mmsi) const;
    std::size_t size() const { return mVessels.size(); }
    const std::vector<VesselInfo> &vessels() const { return mVessels; }

    /// "ANGARA (273…)"-style label, or "MMSI 273…" when no name is known.
    QString displayName(std::uint32_t mmsi) const;
    /// Flag state name from the MMSI's MID, or empty.
    static QString flagOf(std::uint32_t mmsi);
    /// MMSIs whose name (any name seen), MMSI, IMO or call sign contains `text` (case-insensitive).
    std::vector<std::uint32_t> search(const QString &text) const;

    void clear();

private:
    VesselInfo &entry(std::uint32_t mmsi);
    std::vector<VesselInfo> mVessels;
    std::unordered_map<std::uint32_t, std::size_t> mIndex;
};

} // namespace sightline
