#include "analysis/loiteringdetector.h"

#include "analysis/portset.h"
#include "analysis/trackkinematics.h"

#include <map>

namespace sightline {

std::vector<MovementEvent> findLoitering(const TrackStore &tracks, const LoiteringParameters &parameters,
                                         const PortSet *ports, const AnalysisProgress &progress)
{
    std::vector<MovementEvent> events;
    const auto minMs = std::int64_t(parameters.minDurationHours * kMsPerHour);
    const auto maxGapMs = std::int64_t(parameters.maxGapHours * kMsPerHour);
    const QJsonObject json = parameters.toJson();
    const std::vector<VesselTrack> &all = tracks.tracks();
    for (std::size_t v = 0; v < all.size(); ++v) {
        if (!reportProgress(progress, v, all.size()))
            return {};
        const VesselTrack &track = all[v];
        const std::int64_t *t = track.times();
        std::size_t first = 0;
        bool open = false;
        double speedSum = 0;
        auto close = [&](std::size_t last) {
            open = false;
            if (t[last] - t[first] < minMs)
                return;
            MovementEvent e;
            e.type = EventType::Loitering;
            e.mmsi = track.mmsi();
            e.startMs = t[first];
            e.endMs = t[last];
            e.from = positionAt(track, first);
            e.to = positionAt(track, last);
            // In port when two of its first, middle and last positions are: one fix thrown off
            // by GPS (or spoofing) does not turn a ship at her berth into one loitering at sea.
            QString port;
            if (ports && !ports->empty()) {
                std::map<int, int> votes;
                for (std::size_t i : {first, (first + last) / 2, last}) {
                    const int p = ports->portAt(positionAt(track, i), parameters.portDistanceKm * 1000.0);
                    if (p >= 0 && ++votes[p] >= 2)
                        port = ports->at(std::size_t(p)).name;
                }
            }
            if (!port.isEmpty() && !parameters.includeInPort)
                return;
            e.place = port;
            const std::size_t count = last - first + 1;
            e.details = {{QStringLiteral("mean_speed_kn"), std::round(speedSum / double(count) * 100) / 100},
                         {QStringLiteral("positions"), qint64(count)},
                         {QStringLiteral("distance_km"), std::round(haversineMetres(e.from, e.to)) / 1000.0},
                         {QStringLiteral("in_port"), !port.isEmpty()},
                         {QStringLiteral("port"), port}};
            e.parameters = json;
            events.push_back(std::move(e));
        };
        for (std::size_t i = 0; i < track.size(); ++i) {
            const double v = speedKnotsAt(track, i);
            const bool slow = v < parameters.maxSpeedKnots;
            if (open && (!slow || t[i] - t[i - 1] > maxGapMs))
                close(i - 1);
            if (slow && !open) {
                open = true;
                first = i;
                speedSum = 0;
            }
            if (open)
                speedSum += v;
        }
        if (open)
            close(track.size() - 1);
    }
    return events;
}

} // namespace sightline
