#include "analysis/encounterdetector.h"

#include "analysis/portset.h"
#include "analysis/trackkinematics.h"
#include "tracks/trackstore.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <unordered_map>

namespace sightline {

namespace {

struct Sample
{
    std::uint32_t vessel; ///< index into TrackStore::tracks()
    double x, y, z;       ///< Earth-centred, metres (sphere)
    float lon, lat;
    float knots;
};

struct Run
{
    std::int64_t firstStep = 0;
    std::int64_t lastStep = 0;
    std::vector<float> speeds;                ///< the pair's mean speed at each step
    std::vector<float> distances;             ///< metres at each step
    std::vector<std::array<float, 4>> places; ///< lon/lat of both at each step
};

constexpr double kEarthRadius = 6371008.8;

std::uint64_t cellKey(std::int64_t ix, std::int64_t iy, std::int64_t iz)
{
    // 21 bits a coordinate: cells of ≥ 10 m across 2 × 6371 km fit.
    constexpr std::int64_t kBias = 1 << 20;
    return (std::uint64_t(ix + kBias) << 42) | (std::uint64_t(iy + kBias) << 21) | std::uint64_t(iz + kBias);
}

/// Open addressing from cell key to the range of samples in it (sorted by key).
class CellTable
{
public:
    void rebuild(const std::vector<std::pair<std::uint64_t, std::uint32_t>> &sorted)
    {
        std::size_t capacity = 16;
        while (capacity < sorted.size() * 2)
            capacity *= 2;
        mKeys.assign(capacity, kEmpty);
        mRanges.resize(capacity);
        mMask = capacity - 1;
        for (std::size_t i = 0; i < sorted.size();) {
            std::size_t j = i;
            while (j < sorted.size() && sorted[j].first == sorted[i].first)
                ++j;
            std::size_t slot = hash(sorted[i].first) & mMask;
            while (mKeys[slot] != kEmpty)
                slot = (slot + 1) & mMask;
            mKeys[slot] = sorted[i].first;
            mRanges[slot] = {std::uint32_t(i), std::uint32_t(j)};
            i = j;
        }
    }
    std::pair<std::uint32_t, std::uint32_t> find(std::uint64_t key) const
    {
        for (std::size_t slot = hash(key) & mMask;; slot = (slot + 1) & mMask) {
            if (mKeys[slot] == key)
                return mRanges[slot];
            if (mKeys[slot] == kEmpty)
                return {0, 0};
        }
    }

private:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);
    static std::size_t hash(std::uint64_t k) { return std::size_t((k * 0x9E3779B97F4A7C15ull) >> 20); }
    std::vector<std::uint64_t> mKeys;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> mRanges;
    std::size_t mMask = 0;
};

float median(std::vector<float> v)
{
    if (v.empty())
        return 0.0f;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

} // namespace

std::vector<MovementEvent> findEncounters(const TrackStore &tracks, const EncounterParameters &parameters,
                                          const PortSet *ports, const AnalysisProgress &progress)
{
    std::vector<MovementEvent> events;
    const std::vector<VesselTrack> &all = tracks.tracks();
    if (all.size() < 2 || parameters.stepMinutes <= 0 || parameters.maxDistanceM <= 0)
        return events;
    const auto stepMs = std::int64_t(parameters.stepMinutes * 60000.0);
    const auto maxInterpolationMs = std::int64_t(parameters.maxInterpolationMinutes * 60000.0);
    const auto minSteps =
        std::int64_t(std::ceil(parameters.minDurationHours * kMsPerHour / double(stepMs) - 1e-9));
    const double cell = 2 * parameters.maxDistanceM;
    const double maxDistance2 = parameters.maxDistanceM * parameters.maxDistanceM;
    const QJsonObject json = parameters.toJson();

    // Vessels ordered by first report, so each step only visits those that have started.
    std::vector<std::uint32_t> order(all.size());
    for (std::uint32_t i = 0; i < all.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](auto a, auto b) { return all[a].firstTimeMs() < all[b].firstTimeMs(); });
    std::vector<std::size_t> cursor(all.size(), 0);
    std::vector<std::uint32_t> active;
    std::size_t nextToStart = 0;

    const std::int64_t firstStep = (tracks.firstTimeMs() + stepMs - 1) / stepMs;
    const std::int64_t lastStep = tracks.lastTimeMs() / stepMs;

    std::vector<Sample> samples;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
    CellTable table;
    std::unordered_map<std::uint64_t, Run> runs;

    auto finish = [&](std::uint64_t pairKey, Run &run) {
        if (run.lastStep - run.firstStep < minSteps)
            return;
        const float speed = median(run.speeds);
        if (speed > parameters.maxMedianSpeedKnots)
            return;
        const auto &mid = run.places[run.places.size() / 2];
        MovementEvent e;
        e.type = EventType::Encounter;
        const VesselTrack &a = all[pairKey >> 32], &b = all[pairKey & 0xffffffffu];
        const bool swap = b.mmsi() < a.mmsi();
        e.mmsi = swap ? b.mmsi() : a.mmsi();
        e.otherMmsi = swap ? a.mmsi() : b.mmsi();
        e.startMs = run.firstStep * stepMs;
        e.endMs = run.lastStep * stepMs;
        e.from = swap ? QPointF(mid[2], mid[3]) : QPointF(mid[0], mid[1]);
        e.to = swap ? QPointF(mid[0], mid[1]) : QPointF(mid[2], mid[3]);
        QString port;
        if (ports && !ports->empty()) {
            const int p = ports->portAt(e.from, parameters.portDistanceKm * 1000.0);
            if (p >= 0)
                port = ports->at(std::size_t(p)).name;
        }
        e.place = port;
        e.details = {{QStringLiteral("min_distance_m"),
                      std::round(*std::min_element(run.distances.begin(), run.distances.end()))},
                     {QStringLiteral("median_distance_m"), std::round(median(run.distances))},
                     {QStringLiteral("median_speed_kn"), std::round(speed * 100) / 100},
                     {QStringLiteral("in_port"), !port.isEmpty()},
                     {QStringLiteral("port"), port}};
        e.parameters = json;
        events.push_back(std::move(e));
    };

    // Samples are made a block of steps at a time, vessel by vessel: each vessel's columns are
    // read once per block while in cache, not once per step across all vessels.
    constexpr std::int64_t kBlock = 16;
    std::vector<std::vector<Sample>> blockSamples(kBlock);
    for (std::int64_t block = firstStep; block <= lastStep; block += kBlock) {
        if (!reportProgress(progress, std::size_t(block - firstStep), std::size_t(lastStep - firstStep + 1)))
            return {};
        const std::int64_t blockLast = std::min(lastStep, block + kBlock - 1);
        for (auto &b : blockSamples)
            b.clear();
        while (nextToStart < order.size() && all[order[nextToStart]].firstTimeMs() <= blockLast * stepMs)
            active.push_back(order[nextToStart++]);
        std::size_t keep = 0;
        for (std::uint32_t v : active) {
            const VesselTrack &track = all[v];
            if (track.lastTimeMs() < block * stepMs)
                continue; // finished: dropped from the active list
            active[keep++] = v;
            const std::int64_t *times = track.times();
            std::size_t &i = cursor[v];
            for (std::int64_t step = block; step <= blockLast; ++step) {
                const std::int64_t t = step * stepMs;
                if (track.firstTimeMs() > t)
                    continue;
                if (track.lastTimeMs() < t)
                    break;
                while (i + 1 < track.size() && times[i + 1] <= t)
                    ++i;
                double lon, lat, knots;
                if (times[i] == t || i + 1 >= track.size()) {
                    if (times[i] != t)
                        continue;
                    lon = track.lon(i);
                    lat = track.lat(i);
                    knots = speedKnotsAt(track, i);
                } else {
                    const std::int64_t span = times[i + 1] - times[i];
                    if (span > maxInterpolationMs)
                        continue;
                    const double f = double(t - times[i]) / double(span);
                    lon = track.lon(i) + LocalPlane::wrapLon(track.lon(i + 1) - track.lon(i)) * f;
                    lat = track.lat(i) + (track.lat(i + 1) - track.lat(i)) * f;
                    const double s0 = speedKnotsAt(track, i), s1 = speedKnotsAt(track, i + 1);
                    knots = s0 + (s1 - s0) * f;
                }
                const double rl = lat * M_PI / 180.0, rn = lon * M_PI / 180.0;
                blockSamples[std::size_t(step - block)].push_back(
                    {v, kEarthRadius * std::cos(rl) * std::cos(rn),
                     kEarthRadius * std::cos(rl) * std::sin(rn), kEarthRadius * std::sin(rl),
                     float(LocalPlane::wrapLon(lon)), float(lat), float(knots)});
            }
        }
        active.resize(keep);
        for (std::int64_t step = block; step <= blockLast; ++step) {
            samples.swap(blockSamples[std::size_t(step - block)]);
            if (samples.size() < 2)
                continue;

            keyed.resize(samples.size());
            for (std::uint32_t s = 0; s < samples.size(); ++s)
                keyed[s] = {cellKey(std::int64_t(std::floor(samples[s].x / cell)),
                                    std::int64_t(std::floor(samples[s].y / cell)),
                                    std::int64_t(std::floor(samples[s].z / cell))),
                            s};
            std::sort(keyed.begin(), keyed.end());
            table.rebuild(keyed);

            auto compare = [&](const Sample &a, const Sample &b) {
                const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
                const double d2 =
                    dx * dx + dy * dy + dz * dz; // chord: equal to the arc within a millimetre at 500 m
                if (d2 > maxDistance2)
                    return;
                const std::uint32_t lo = std::min(a.vessel, b.vessel), hi = std::max(a.vessel, b.vessel);
                const std::uint64_t pairKey = (std::uint64_t(lo) << 32) | hi;
                Run &run = runs[pairKey];
                if (run.speeds.empty() || run.lastStep != step - 1) {
                    if (!run.speeds.empty())
                        finish(pairKey, run);
                    run = Run{};
                    run.firstStep = step;
                }
                run.lastStep = step;
                run.speeds.push_back((a.knots + b.knots) / 2);
                run.distances.push_back(float(std::sqrt(d2)));
                const Sample &first = a.vessel == lo ? a : b, &second = a.vessel == lo ? b : a;
                run.places.push_back({first.lon, first.lat, second.lon, second.lat});
            };

            // Each pair once: within a cell, and towards the 13 neighbouring cells "after" it.
            for (std::size_t k = 0; k < keyed.size(); ++k) {
                const Sample &a = samples[keyed[k].second];
                for (std::size_t m = k + 1; m < keyed.size() && keyed[m].first == keyed[k].first; ++m)
                    compare(a, samples[keyed[m].second]);
                const double fx = a.x / cell, fy = a.y / cell, fz = a.z / cell;
                const auto ix = std::int64_t(std::floor(fx)), iy = std::int64_t(std::floor(fy)),
                           iz = std::int64_t(std::floor(fz));
                // Within the distance (half a cell) of at most one face per axis.
                const int sx = fx - double(ix) >= 0.5 ? 1 : -1, sy = fy - double(iy) >= 0.5 ? 1 : -1,
                          sz = fz - double(iz) >= 0.5 ? 1 : -1;
                for (int mx = 0; mx <= 1; ++mx)
                    for (int my = 0; my <= 1; ++my)
                        for (int mz = 0; mz <= 1; ++mz) {
                            const int dx = mx * sx, dy = my * sy, dz = mz * sz;
                            // Each pair once: only towards neighbours lexicographically after (0, 0, 0).
                            if (dx < 0 || (dx == 0 && (dy < 0 || (dy == 0 && dz <= 0))))
                                continue;
                            const auto [from, to] = table.find(cellKey(ix + dx, iy + dy, iz + dz));
                            for (std::uint32_t m = from; m < to; ++m)
                                compare(a, samples[keyed[m].second]);
                        }
            }

            // Runs that did not go on at this step are over.
            if ((step & 15) == 0 || step == lastStep)
                for (auto it = runs.begin(); it != runs.end();) {
                    if (it->second.lastStep < step || step == lastStep) {
                        finish(it->first, it->second);
                        it = runs.erase(it);
                    } else {
                        ++it;
                    }
                }
        }
    }
    for (auto &[key, run] : runs)
        finish(key, run);
    std::sort(events.begin(), events.end(), [](const MovementEvent &a, const MovementEvent &b) {
        return std::tie(a.mmsi, a.startMs, a.otherMmsi) < std::tie(b.mmsi, b.startMs, b.otherMmsi);
    });
    return events;
}

} // namespace sightline
