#include "analysis/spoofingdetector.h"

#include "analysis/trackkinematics.h"

#include <algorithm>

namespace sightline {

std::vector<MovementEvent> findSpoofing(const TrackStore &tracks, const SpoofingParameters &parameters,
                                        const AnalysisProgress &progress)
{
    std::vector<MovementEvent> events;
    const double minJumpM = parameters.minJumpKm * 1000.0;
    const QJsonObject json = parameters.toJson();
    const std::vector<VesselTrack> &all = tracks.tracks();
    for (std::size_t v = 0; v < all.size(); ++v) {
        if (!reportProgress(progress, v, all.size()))
            return {};
        const VesselTrack &track = all[v];
        const std::int64_t *t = track.times();
        const std::int32_t *lon = track.lonE7(), *lat = track.latE7();
        auto jumpAt = [&](std::size_t i, double *metres, double *knots) {
            // Without trigonometry first: the great circle is no longer than along the meridian
            // then the equator-sized parallel, R (|dlat| + |dlon|); most fixes stop here.
            const double dLon = std::abs(LocalPlane::wrapLon((lon[i] - std::int64_t(lon[i - 1])) * 1e-7));
            const double upper =
                111195.08 * 1.0001 * (std::abs((lat[i] - std::int64_t(lat[i - 1])) * 1e-7) + dLon);
            if (upper < minJumpM ||
                knotsFrom(upper, std::max<std::int64_t>(t[i] - t[i - 1], 1000)) <= parameters.maxSpeedKnots)
                return false;
            *metres = haversineMetres(positionAt(track, i - 1), positionAt(track, i));
            // AIS times are whole seconds: two reports in the same second are a second apart at most.
            *knots = knotsFrom(*metres, std::max<std::int64_t>(t[i] - t[i - 1], 1000));
            return *metres >= minJumpM && *knots > parameters.maxSpeedKnots;
        };
        std::size_t i = 1;
        while (i < track.size()) {
            double metres = 0, knots = 0;
            if (!jumpAt(i, &metres, &knots)) {
                ++i;
                continue;
            }
            // A run of consecutive impossible jumps starting at i.
            std::size_t end = i;
            double maxMetres = metres, maxKnots = knots;
            for (double m = 0, k = 0; end + 1 < track.size() && jumpAt(end + 1, &m, &k); ++end) {
                maxMetres = std::max(maxMetres, m);
                maxKnots = std::max(maxKnots, k);
            }
            const std::size_t jumps = end - i + 1;
            MovementEvent e;
            e.type = EventType::Spoofing;
            e.mmsi = track.mmsi();
            e.startMs = t[i - 1];
            e.endMs = t[end];
            e.from = positionAt(track, i - 1);
            e.to = positionAt(track, i);
            const char *kind = jumps == 1 ? "impossible-speed" : jumps == 2 ? "outlier" : "two-places";
            e.details = {{QStringLiteral("kind"), QString::fromLatin1(kind)},
                         {QStringLiteral("implied_speed_kn"), std::round(maxKnots * 10) / 10},
                         {QStringLiteral("distance_km"), std::round(maxMetres) / 1000.0},
                         {QStringLiteral("jumps"), qint64(jumps)}};
            e.parameters = json;
            events.push_back(std::move(e));
            i = end + 1;
        }
    }
    return events;
}

} // namespace sightline
