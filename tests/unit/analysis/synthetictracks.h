#pragma once

#include "analysis/localdistance.h"
#include "geo/geodesic.h"
#include "tracks/trackstore.h"

#include <QPointF>

#include <cmath>
#include <cstdint>

namespace sightline::test {

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kHour = 60 * kMinute;
/// 2023-10-01T00:00Z: synthetic tracks start here.
constexpr std::int64_t kT0 = 1696118400000;

/// Builds tracks with known answers: fixes one by one, or sailing a straight
/// (geodesic) line at a speed, reporting every so often.
class SyntheticTracks
{
public:
    void fix(std::uint32_t mmsi, std::int64_t t, QPointF lonLat, double knots = std::nan(""))
    {
        TrackStore::Position p{mmsi, t, lonLat.x(), lonLat.y()};
        p.sog = knots;
        store.append(p);
    }
    /// Sails from `from` towards `azimuth` at `knots` for `durationMs`, a fix every
    /// `everyMs` (the first at `t`); returns where it ends.
    QPointF sail(std::uint32_t mmsi, std::int64_t t, QPointF from, double azimuth, double knots,
                 std::int64_t durationMs, std::int64_t everyMs)
    {
        QPointF at = from;
        for (std::int64_t dt = 0; dt <= durationMs; dt += everyMs) {
            at = Geodesic::direct(from, azimuth, knots * 1852.0 * double(dt) / 3.6e6);
            fix(mmsi, t + dt, at, knots);
        }
        return at;
    }
    /// Stays at `at` (a few metres of GPS jitter) reporting `knots`.
    void stay(std::uint32_t mmsi, std::int64_t t, QPointF at, std::int64_t durationMs, std::int64_t everyMs,
              double knots = 0.0)
    {
        int k = 0;
        for (std::int64_t dt = 0; dt <= durationMs; dt += everyMs, ++k)
            fix(mmsi, t + dt, at + QPointF((k % 3 - 1) * 2e-5, (k % 2) * 2e-5), knots);
    }
    TrackStore &done()
    {
        store.finalize();
        return store;
    }
    TrackStore store;
};

/// The point `metres` from `p` towards `azimuth`.
inline QPointF offset(QPointF p, double azimuth, double metres)
{
    return Geodesic::direct(p, azimuth, metres);
}

} // namespace sightline::test
