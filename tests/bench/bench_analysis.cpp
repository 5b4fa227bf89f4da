// Movement-analytics benchmark: one synthetic day of AIS in the East China Sea
// (10,000 vessels × 1,000 positions by default, 200 ports) with events planted in it
// (dark periods, meetings at sea, loitering, impossible jumps, a ferry line) through
// the cleaning that runs before every detector (and the copy of the store without what it
// marks), then every detector, each timed alone (first run and best of --runs) beside what the
// generator planted. Then encounters at 1,000 / 3,000 / all vessels, twice: in the same
// sea (where moored ships crowd the same ports, so the pairs close enough to compare
// grow with the square of the fleet, as they would in reality) and at constant density
// (copies of the first 1,000 vessels' sea side by side), where the time of a detector
// that is not quadratic in vessels grows ten times for ten times the vessels.
//   sightline_bench_analysis [--vessels 10000] [--positions-per-vessel 1000] [--runs 3]
#include "analysis/encounterdetector.h"
#include "analysis/gapdetector.h"
#include "analysis/localdistance.h"
#include "analysis/loiteringdetector.h"
#include "analysis/portcalldetector.h"
#include "analysis/portset.h"
#include "analysis/receptionmodel.h"
#include "analysis/spoofingdetector.h"
#include "analysis/trackcleaning.h"
#include "analysis/trajectorygeneralize.h"
#include "analysis/trajectorystops.h"
#include "analysis/voyages.h"
#include "tracks/trackstore.h"

#include <QJsonDocument>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace sightline;

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kT0 = 1696118400000; // 2023-10-01T00:00Z, as the unit tests' synthetic tracks
constexpr std::uint64_t kSeed = 20231001;
constexpr std::uint32_t kFirstMmsi = 412000000;
constexpr double kWest = 120.0, kEast = 130.0, kSouth = 30.0, kNorth = 35.0;
constexpr int kPorts = 200;
constexpr double kMetresPerMsPerKnot = kMetresPerNauticalMile / 3.6e6;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::int64_t hours(double h)
{
    return std::int64_t(std::llround(h * double(kHour)));
}

/// splitmix64 rather than std::uniform_real_distribution, whose output differs between
/// standard libraries: the same seed makes the same day everywhere.
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : mState(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (mState += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform(double lo, double hi) { return lo + (hi - lo) * double(next() >> 11) * 0x1.0p-53; }
    std::size_t below(std::size_t n) { return std::size_t(next() % n); }

private:
    std::uint64_t mState;
};

/// An independent stream per purpose and index, so that vessel v is the same vessel
/// whether 1,000 or 10,000 are generated.
Random streamFor(std::uint64_t purpose, std::uint64_t index)
{
    return Random(Random(kSeed + (purpose << 40) + index).next());
}

/// `p` moved `metres` towards `bearingDeg` in the local plane (legs of a few hundred km at most).
QPointF moved(QPointF p, double bearingDeg, double metres)
{
    const double b = bearingDeg * M_PI / 180.0;
    const LocalPlane plane(p.y());
    return {p.x() + metres * std::sin(b) / plane.metresPerDegreeLon,
            p.y() + metres * std::cos(b) / plane.metresPerDegreeLat};
}

double bearingTo(QPointF a, QPointF b)
{
    const QPointF d = LocalPlane((a.y() + b.y()) / 2).toMetres(a, b);
    const double deg = std::atan2(d.x(), d.y()) * 180.0 / M_PI;
    return deg < 0 ? deg + 360.0 : deg;
}

// ---------------------------------------------------------------------------------------------
// The sea: ports, some drawn as outlines, at least 25 km apart.

struct SimPort
{
    QString name;
    QPointF centre;
    double berthRadiusM; ///< berths lie this close to the centre: inside the outline or the entry distance
};

struct World
{
    std::vector<SimPort> ports;
    PortSet portSet;
    std::vector<std::vector<std::uint32_t>> destinations; ///< per port, the ports 50–300 km away
    std::size_t ferryA = 0, ferryB = 0;
    int polygons = 0;
};

World makeWorld()
{
    World w;
    Random rng = streamFor(1, 0);
    while (int(w.ports.size()) < kPorts) {
        const QPointF c(rng.uniform(kWest + 0.3, kEast - 0.3), rng.uniform(kSouth + 0.3, kNorth - 0.3));
        if (std::any_of(w.ports.begin(), w.ports.end(),
                        [&](const SimPort &p) { return haversineMetres(p.centre, c) < 25000.0; }))
            continue;
        SimPort port;
        port.name = QStringLiteral("Port %1").arg(w.ports.size() + 1, 3, 10, QLatin1Char('0'));
        port.centre = c;
        if (w.ports.size() % 4 == 3) {
            // A harbour outline of 8–12 vertices, 1.5–3 km across its radius.
            const double r = rng.uniform(1500.0, 3000.0);
            const int n = 8 + int(rng.below(5));
            std::vector<QPointF> ring;
            for (int k = 0; k < n; ++k)
                ring.push_back(moved(c, 360.0 * k / n, r * rng.uniform(0.85, 1.15)));
            ring.push_back(ring.front());
            w.portSet.addPolygon(port.name, {ring});
            port.berthRadiusM = 0.6 * r; // well inside: no edge is nearer than 0.78 r
            ++w.polygons;
        } else {
            w.portSet.addPoint(port.name, c);
            port.berthRadiusM = 2000.0; // within the 3 km entry distance
        }
        w.ports.push_back(port);
    }
    w.destinations.resize(w.ports.size());
    bool ferry = false;
    for (std::size_t i = 0; i < w.ports.size(); ++i)
        for (std::size_t j = 0; j < w.ports.size(); ++j) {
            const double d = haversineMetres(w.ports[i].centre, w.ports[j].centre);
            if (i != j && d >= 50000.0 && d <= 300000.0)
                w.destinations[i].push_back(std::uint32_t(j));
            if (!ferry && j > i && d >= 60000.0 && d <= 110000.0) {
                w.ferryA = i;
                w.ferryB = j;
                ferry = true;
            }
        }
    return w;
}

/// Open water: at least 25 km from every port.
QPointF seaPoint(const World &w, Random &rng)
{
    for (;;) {
        const QPointF p(rng.uniform(kWest + 0.5, kEast - 0.5), rng.uniform(kSouth + 0.5, kNorth - 0.5));
        if (std::none_of(w.ports.begin(), w.ports.end(),
                         [&](const SimPort &port) { return haversineMetres(port.centre, p) < 25000.0; }))
            return p;
    }
}

// ---------------------------------------------------------------------------------------------
// A vessel's day as a plan of segments (moored, sailing, slow), sampled at its report times.

enum class Doing
{
    Moored,
    Sailing,
    Slow
};

struct Segment
{
    Doing doing;
    std::int64_t t0, t1;
    QPointF from, to;
    double knots;
    double course;
    int port; ///< moored: the port's index
};

class Voyager
{
public:
    Voyager(const World &world, Random &rng)
        : mWorld(world)
        , mRng(rng)
    {
    }

    QPointF berth(std::size_t port)
    {
        const SimPort &p = mWorld.ports[port];
        return moved(p.centre, mRng.uniform(0, 360), p.berthRadiusM * std::sqrt(mRng.uniform(0, 1)));
    }
    void startMoored(std::size_t port, std::int64_t t)
    {
        mNow = t;
        mAt = berth(port);
        mPort = int(port);
    }
    void moor(std::int64_t until)
    {
        segments.push_back({Doing::Moored, mNow, until, mAt, mAt, 0.0, 0.0, mPort});
        mNow = until;
    }
    void sail(QPointF to, double knots, Doing doing = Doing::Sailing)
    {
        const auto ms = std::int64_t(haversineMetres(mAt, to) / (knots * kMetresPerMsPerKnot));
        segments.push_back({doing, mNow, mNow + ms, mAt, to, knots, bearingTo(mAt, to), -1});
        mNow += ms;
        mAt = to;
        mPort = -1;
    }
    void sailToPort(std::size_t port, double knots)
    {
        sail(berth(port), knots);
        mPort = int(port);
    }
    /// Moored in a port 40–200 km from `target` for as long as it can, then sails there
    /// to arrive at `arrive`.
    void approach(QPointF target, std::int64_t arrive, std::int64_t planStart, double knots)
    {
        std::vector<std::size_t> near;
        for (std::size_t i = 0; i < mWorld.ports.size(); ++i) {
            const double d = haversineMetres(mWorld.ports[i].centre, target);
            if (d >= 40000.0 && d <= 200000.0)
                near.push_back(i);
        }
        const std::size_t origin = near.empty() ? nearestPort(target) : near[mRng.below(near.size())];
        const QPointF at = berth(origin);
        const auto ms = std::int64_t(haversineMetres(at, target) / (knots * kMetresPerMsPerKnot));
        mNow = std::min(planStart, arrive - ms - kHour);
        mAt = at;
        mPort = int(origin);
        moor(arrive - ms);
        sail(target, knots);
        mNow = arrive; // the rounding of the leg's length, not a jump
    }
    /// Port to port, 2–10 h in each, at 8–15 kn, until `until`.
    void trade(std::int64_t until)
    {
        while (mNow < until) {
            std::size_t to;
            if (mPort >= 0 && !mWorld.destinations[std::size_t(mPort)].empty()) {
                const auto &d = mWorld.destinations[std::size_t(mPort)];
                to = d[mRng.below(d.size())];
            } else {
                std::vector<std::size_t> near;
                for (std::size_t i = 0; i < mWorld.ports.size(); ++i) {
                    const double d = haversineMetres(mWorld.ports[i].centre, mAt);
                    if (int(i) != mPort && d >= 40000.0 && d <= 250000.0)
                        near.push_back(i);
                }
                to = near.empty() ? nearestPort(mAt) : near[mRng.below(near.size())];
            }
            sailToPort(to, mRng.uniform(8.0, 15.0));
            moor(mNow + hours(mRng.uniform(2.0, 10.0)));
        }
    }
    std::int64_t now() const { return mNow; }
    QPointF at() const { return mAt; }

    std::vector<Segment> segments;

private:
    std::size_t nearestPort(QPointF p) const
    {
        std::size_t best = 0;
        for (std::size_t i = 1; i < mWorld.ports.size(); ++i)
            if (haversineMetres(mWorld.ports[i].centre, p) < haversineMetres(mWorld.ports[best].centre, p))
                best = i;
        return best;
    }

    const World &mWorld;
    Random &mRng;
    std::int64_t mNow = 0;
    QPointF mAt;
    int mPort = -1;
};

/// Per hundred vessels: 2 pairs that meet at sea, 2 loiterers, 3 that go dark, 1 with
/// impossible jumps, 1 ferry, 89 traders. A prefix of the fleet has the same mix.
enum class Role
{
    Trader,
    Meeting,
    Loiterer,
    Dark,
    Spoofer,
    Ferry
};

Role roleOf(std::size_t v)
{
    const std::size_t k = v % 100;
    if (k < 4)
        return Role::Meeting; // pairs (0, 1) and (2, 3)
    if (k < 6)
        return Role::Loiterer;
    if (k < 9)
        return Role::Dark;
    if (k == 9)
        return Role::Spoofer;
    if (k == 10)
        return Role::Ferry;
    return Role::Trader;
}

/// What the generator planted: the answers to expect.
struct Truth
{
    std::size_t darkPeriods = 0;
    std::size_t meetings = 0;
    std::size_t loiterers = 0;
    std::size_t outliers = 0, twoPlaces = 0, impossibleJumps = 0;
    std::size_t ferries = 0;
    std::size_t stays = 0; ///< stays in port seen for half an hour or more: the port calls to expect
    std::size_t voyages = 0;
    std::size_t roundTrips = 0; ///< between the ferry ports, counted as findRoundTrips counts them
};

struct Fix
{
    std::int64_t t;
    QPointF p;
    double sog, cog;
    int status;
};

/// A → B → A in a sequence of calls, each cycle's return call starting the next.
std::size_t roundTripsIn(const std::vector<int> &calls, int a, int b)
{
    std::size_t trips = 0;
    for (std::size_t i = 0; i + 1 < calls.size();) {
        const int home = calls[i];
        const int there = home == a ? b : home == b ? a : -1;
        if (there >= 0 && calls[i + 1] == there && i + 2 < calls.size() && calls[i + 2] == home) {
            ++trips;
            i += 2;
        } else {
            ++i;
        }
    }
    return trips;
}

/// Vessel `v` of the fleet, reported as `mmsi` and moved `lonShift` degrees east.
void generateVessel(const World &w, std::size_t v, int perVessel, std::vector<Fix> &fixes, TrackStore &store,
                    Truth *truth, double lonShift, std::uint32_t mmsi)
{
    Random rng = streamFor(2, v);
    const std::int64_t planStart = kT0 - 12 * kHour, planEnd = kT0 + 25 * kHour;
    const Role role = roleOf(v);
    Voyager ship(w, rng);
    std::int64_t darkStart = 0, darkLength = 0;
    switch (role) {
    case Role::Meeting: {
        // Both of a pair draw the meeting from the same stream: 3 h together, 100–280 m
        // apart, drifting together at 0.3–1.2 kn.
        Random shared = streamFor(3, v / 2);
        const std::int64_t meet = kT0 + hours(shared.uniform(2.0, 20.0));
        const QPointF place = seaPoint(w, shared);
        const double driftCourse = shared.uniform(0, 360), driftKnots = shared.uniform(0.3, 1.2);
        const double side = shared.uniform(0, 360), apart = shared.uniform(100.0, 280.0);
        const QPointF here = v % 2 == 0 ? place : moved(place, side, apart);
        ship.approach(here, meet, planStart, rng.uniform(8.0, 15.0));
        ship.sail(moved(here, driftCourse, driftKnots * kMetresPerNauticalMile * 3.0), driftKnots,
                  Doing::Slow);
        ship.trade(planEnd);
        if (truth && v % 2 == 1)
            ++truth->meetings;
        break;
    }
    case Role::Loiterer: {
        // 5–10 h slow at sea, wandering at 0.3–1.5 kn in half-hour legs.
        const std::int64_t start = kT0 + hours(rng.uniform(1.0, 12.0));
        const std::int64_t end = start + hours(rng.uniform(5.0, 10.0));
        ship.approach(seaPoint(w, rng), start, planStart, rng.uniform(8.0, 15.0));
        while (ship.now() < end) {
            const double knots = rng.uniform(0.3, 1.5);
            ship.sail(moved(ship.at(), rng.uniform(0, 360), knots * kMetresPerNauticalMile * 0.5), knots,
                      Doing::Slow);
        }
        ship.trade(planEnd);
        if (truth)
            ++truth->loiterers;
        break;
    }
    case Role::Ferry: {
        const bool fromA = (v / 100) % 2 == 0;
        std::size_t here = fromA ? w.ferryA : w.ferryB, there = fromA ? w.ferryB : w.ferryA;
        const double knots = rng.uniform(13.0, 15.0);
        ship.startMoored(here, planStart);
        ship.moor(planStart + hours(rng.uniform(0.0, 4.0)));
        while (ship.now() < planEnd) {
            ship.sailToPort(there, knots);
            ship.moor(ship.now() + hours(rng.uniform(1.5, 3.0)));
            std::swap(here, there);
        }
        if (truth)
            ++truth->ferries;
        break;
    }
    case Role::Dark:
        darkStart = kT0 + hours(rng.uniform(2.0, 8.0));
        darkLength = hours(rng.uniform(12.5, 15.0));
        if (truth)
            ++truth->darkPeriods;
        [[fallthrough]];
    case Role::Trader:
    case Role::Spoofer:
        ship.startMoored(rng.below(w.ports.size()), planStart);
        ship.moor(planStart + hours(rng.uniform(0.0, 12.0)));
        ship.trade(planEnd);
        break;
    }

    // Report times: one every ~86 s across the day (less the dark period), ±35 % jitter,
    // whole seconds as AIS gives them.
    const double interval = double(kDay - darkLength) / perVessel;
    fixes.resize(std::size_t(perVessel));
    std::int64_t previous = 0;
    for (int k = 0; k < perVessel; ++k) {
        const double s = (k + 0.5 + rng.uniform(-0.35, 0.35)) * interval;
        std::int64_t t = kT0 + std::llround(s / double(kSecond)) * kSecond;
        if (darkLength > 0 && t >= darkStart)
            t += darkLength;
        if (k > 0 && t <= previous)
            t = previous + kSecond;
        fixes[std::size_t(k)].t = previous = t;
    }

    // Positions along the plan, with a few metres of GPS noise; which fixes each stay got.
    const std::vector<Segment> &plan = ship.segments;
    std::vector<std::pair<std::int64_t, std::int64_t>> seenInStay(plan.size(), {-1, -1});
    std::size_t s = 0;
    for (Fix &f : fixes) {
        while (s + 1 < plan.size() && plan[s].t1 < f.t)
            ++s;
        const Segment &seg = plan[s];
        const QPointF noise(rng.uniform(-3e-5, 3e-5), rng.uniform(-3e-5, 3e-5));
        if (seg.doing == Doing::Moored) {
            f.p = seg.from + noise;
            f.sog = rng.uniform(0, 1) < 0.7 ? 0.0 : 0.1;
            f.cog = rng.uniform(0, 360);
            f.status = 5;
            auto &seen = seenInStay[s];
            if (seen.first < 0)
                seen.first = f.t;
            seen.second = f.t;
        } else {
            const double along = std::clamp(
                double(f.t - seg.t0) / double(std::max<std::int64_t>(seg.t1 - seg.t0, 1)), 0.0, 1.0);
            f.p = seg.from + (seg.to - seg.from) * along + noise;
            f.sog = std::max(0.0, seg.knots + rng.uniform(-0.2, 0.2));
            f.cog = std::fmod(seg.course + rng.uniform(-2.0, 2.0) + 360.0, 360.0);
            f.status = 0;
        }
    }
    std::vector<int> calls;
    for (std::size_t k = 0; k < plan.size(); ++k)
        if (seenInStay[k].first >= 0 && seenInStay[k].second - seenInStay[k].first >= kHour / 2)
            calls.push_back(plan[k].port);

    // Impossible jumps, by thirds: two single outliers (out and straight back), one MMSI
    // in two places (every other fix 100–200 km away, five times), or 50 fixes moved 40 km
    // (an impossible jump there and another back).
    if (role == Role::Spoofer && perVessel >= 100) {
        const auto m = std::size_t(perVessel);
        switch ((v / 100) % 3) {
        case 0:
            for (std::size_t k : {m / 10 + rng.below(3 * m / 10), 6 * m / 10 + rng.below(3 * m / 10)})
                fixes[k].p = moved(fixes[k].p, rng.uniform(0, 360), rng.uniform(30000.0, 80000.0));
            if (truth)
                truth->outliers += 2;
            break;
        case 1: {
            const std::size_t k = 3 * m / 10 + rng.below(3 * m / 10);
            const QPointF far = moved(fixes[k].p, rng.uniform(0, 360), rng.uniform(100000.0, 200000.0));
            for (std::size_t j = k; j <= k + 8; j += 2)
                fixes[j].p = far + QPointF(rng.uniform(-3e-5, 3e-5), rng.uniform(-3e-5, 3e-5));
            if (truth)
                ++truth->twoPlaces;
            break;
        }
        default: {
            const std::size_t k = 2 * m / 10 + rng.below(5 * m / 10);
            const double course = rng.uniform(0, 360);
            for (std::size_t j = k; j < k + std::min<std::size_t>(50, m / 10); ++j)
                fixes[j].p = moved(fixes[j].p, course, 40000.0);
            if (truth)
                truth->impossibleJumps += 2;
        }
        }
    }

    if (truth) {
        truth->stays += calls.size();
        truth->voyages += calls.empty() ? 0 : calls.size() - 1;
        truth->roundTrips += roundTripsIn(calls, int(w.ferryA), int(w.ferryB));
    }
    for (const Fix &f : fixes) {
        TrackStore::Position p{mmsi, f.t, f.p.x() + lonShift, f.p.y()};
        p.sog = std::round(f.sog * 10) / 10;
        p.cog = std::round(f.cog * 10) / 10;
        p.status = f.status;
        store.append(p);
    }
}

struct Built
{
    double generateMs = 0, finalizeMs = 0;
};

Built generate(const World &w, std::size_t vessels, int perVessel, TrackStore &store, Truth *truth)
{
    Built b;
    std::vector<Fix> fixes;
    const Clock::time_point start = Clock::now();
    for (std::size_t v = 0; v < vessels; ++v)
        generateVessel(w, v, perVessel, fixes, store, truth, 0.0, std::uint32_t(kFirstMmsi + v));
    b.generateMs = msSince(start);
    const Clock::time_point finalizing = Clock::now();
    store.finalize();
    b.finalizeMs = msSince(finalizing);
    return b;
}

/// `copies` copies of the first 1,000 vessels and of the ports, 10.5° of longitude apart
/// westwards: the sea is 10° wide, so the copies never meet.
void generateCopies(const World &w, std::size_t copies, int perVessel, TrackStore &store, PortSet &ports)
{
    std::vector<Fix> fixes;
    for (std::size_t c = 0; c < copies; ++c) {
        const double shift = -10.5 * double(c);
        for (const Port &port : w.portSet.ports()) {
            const QString name = QStringLiteral("%1/%2").arg(port.name).arg(c + 1);
            if (port.isPoint()) {
                ports.addPoint(name, port.centre + QPointF(shift, 0));
                continue;
            }
            std::vector<std::vector<QPointF>> rings = port.rings;
            for (auto &ring : rings)
                for (QPointF &vertex : ring)
                    vertex.rx() += shift;
            ports.addPolygon(name, std::move(rings));
        }
        for (std::size_t v = 0; v < 1000; ++v)
            generateVessel(w, v, perVessel, fixes, store, nullptr, shift,
                           std::uint32_t(kFirstMmsi + c * 1000 + v));
    }
    store.finalize();
}

// ---------------------------------------------------------------------------------------------
// Timing.

struct Timing
{
    double firstMs = 0, bestMs = 0;
};

/// Runs `run` `runs` times; the result of the last run is kept, each earlier one freed
/// outside the timed span.
template <class Result, class Run> Timing timed(int runs, Result &result, Run run)
{
    Timing t;
    for (int r = 0; r < runs; ++r) {
        const Clock::time_point start = Clock::now();
        Result out = run();
        const double ms = msSince(start);
        result = std::move(out);
        t.firstMs = r == 0 ? ms : t.firstMs;
        t.bestMs = r == 0 ? ms : std::min(t.bestMs, ms);
    }
    return t;
}

void report(const char *name, std::size_t events, Timing t, const std::string &note)
{
    std::printf("%s: %zu events, %.0f ms (first run %.0f ms)%s%s\n", name, events, t.bestMs, t.firstMs,
                note.empty() ? "" : "; ", note.c_str());
    std::fflush(stdout);
}

[[gnu::format(printf, 1, 2)]] std::string format(const char *pattern, ...)
{
    char buffer[512];
    va_list values;
    va_start(values, pattern);
    std::vsnprintf(buffer, sizeof buffer, pattern, values);
    va_end(values);
    return buffer;
}

std::size_t countIf(const std::vector<MovementEvent> &events, const char *key, bool value = true)
{
    const QString k = QString::fromLatin1(key);
    return std::size_t(std::count_if(events.begin(), events.end(), [&](const MovementEvent &e) {
        return e.details.value(k).toBool() == value;
    }));
}

std::size_t countKind(const std::vector<MovementEvent> &events, const char *kind)
{
    const QString k = QString::fromLatin1(kind);
    return std::size_t(std::count_if(events.begin(), events.end(), [&](const MovementEvent &e) {
        return e.details.value(QStringLiteral("kind")).toString() == k;
    }));
}

/// One row of a scaling series.
Timing encounterRow(const std::string &label, const TrackStore &tracks, const PortSet &ports, int runs)
{
    std::vector<MovementEvent> found;
    const Timing t =
        timed(runs, found, [&] { return findEncounters(tracks, EncounterParameters{}, &ports); });
    const double millions = double(tracks.positionCount()) / 1e6;
    report(label.c_str(), found.size(), t,
           format("%zu positions, %.1f ms per million positions, %zu in port", tracks.positionCount(),
                  t.bestMs / millions, countIf(found, "in_port")));
    return t;
}

void reportGrowth(const char *what, const std::vector<std::pair<std::size_t, Timing>> &rows)
{
    if (rows.size() < 2)
        return;
    const auto &[n0, t0] = rows.front();
    const auto &[n1, t1] = rows.back();
    const double ratio = double(n1) / double(n0);
    std::printf(
        "encounters %s, %zu -> %zu vessels: x%.1f positions, x%.1f time (linear x%.1f, quadratic x%.0f)\n",
        what, n0, n1, ratio, t1.bestMs / t0.bestMs, ratio, ratio * ratio);
    std::fflush(stdout);
}

int usage()
{
    std::fprintf(stderr,
                 "usage: sightline_bench_analysis [--vessels N] [--positions-per-vessel M] [--runs R]\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    long vesselsArg = 10000, perVesselArg = 1000, runsArg = 3;
    for (int i = 1; i < argc; ++i) {
        long *target = std::strcmp(argv[i], "--vessels") == 0                ? &vesselsArg
                       : std::strcmp(argv[i], "--positions-per-vessel") == 0 ? &perVesselArg
                       : std::strcmp(argv[i], "--runs") == 0                 ? &runsArg
                                                                             : nullptr;
        if (!target || i + 1 >= argc)
            return usage();
        char *end = nullptr;
        *target = std::strtol(argv[++i], &end, 10);
        if (*end != '\0' || *target < 1)
            return usage();
    }
    if (perVesselArg < 2 || vesselsArg < 2)
        return usage();
    const auto vessels = std::size_t(vesselsArg);
    const int perVessel = int(perVesselArg);
    const int runs = int(runsArg);

    const World world = makeWorld();
    const QString &ferryA = world.ports[world.ferryA].name, &ferryB = world.ports[world.ferryB].name;
    Truth truth;
    TrackStore store;
    const Built built = generate(world, vessels, perVessel, store, &truth);

    std::printf("analysis benchmark: %zu positions of %zu vessels (%d each, one every %.0f s), 24 h from "
                "2023-10-01T00:00Z, %g-%gE %g-%gN, %d ports (%d points, %d polygons)\n",
                store.positionCount(), store.vesselCount(), perVessel, double(kDay) / perVessel / 1000.0,
                kWest, kEast, kSouth, kNorth, kPorts, kPorts - world.polygons, world.polygons);
    std::printf(
        "planted: %zu dark periods of 12.5-15 h, %zu meetings at sea (3 h, 100-280 m apart, 0.3-1.2 kn), "
        "%zu loiterers (5-10 h at 0.3-1.5 kn), impossible jumps (%zu outliers, %zu two-places, %zu "
        "single jumps), %zu ferries %s <-> %s; %zu stays in port seen for 30 min or more\n",
        truth.darkPeriods, truth.meetings, truth.loiterers, truth.outliers, truth.twoPlaces,
        truth.impossibleJumps, truth.ferries, qPrintable(ferryA), qPrintable(ferryB), truth.stays);
    std::printf("track store (not counted below): generated and appended in %.0f ms, finalized in %.0f ms, "
                "%.1f bytes/position\n",
                built.generateMs, built.finalizeMs, store.bytesPerPosition());
    std::printf("each detector alone, best of %d runs:\n", runs);
    std::fflush(stdout);

    // The cleaning runs before every analysis: it alone, then the copy the detectors are given.
    TrackCleaning cleaning;
    const Timing cleanTime = timed(runs, cleaning, [&] { return cleanTracks(store, CleaningParameters{}); });
    const QByteArray counts = QJsonDocument(cleaning.countsJson()).toJson(QJsonDocument::Compact);
    std::printf(
        "cleaning: %zu positions marked %s, %.0f ms (first run %.0f ms); planted %zu outliers and %zu "
        "two-places runs\n",
        cleaning.markedCount, counts.constData(), cleanTime.bestMs, cleanTime.firstMs, truth.outliers,
        truth.twoPlaces);
    TrackStore cleaned;
    const Timing copyTime = timed(runs, cleaned, [&] { return store.without(cleaning.marks); });
    std::printf("the store without the marked positions (what the detectors get): %zu positions, %.0f ms "
                "(first run %.0f ms)\n",
                cleaned.positionCount(), copyTime.bestMs, copyTime.firstMs);
    std::fflush(stdout);

    double totalBest = 0, totalFirst = 0;
    auto add = [&](Timing t) {
        totalBest += t.bestMs;
        totalFirst += t.firstMs;
        return t;
    };

    // The reception model alone: gaps and inferred port calls each build one (inside their times below).
    std::optional<ReceptionModel> reception;
    const GapParameters gapDefaults;
    const Timing receptionTime = timed(runs, reception, [&] {
        return std::optional<ReceptionModel>(std::in_place, store, gapDefaults.reception.cellDeg,
                                             gapDefaults.reception.binHours);
    });
    std::printf(
        "reception model (%.2f deg x %.0f h): %zu cell-bins heard, %zu vessel entries, %.0f ms (first run "
        "%.0f ms)\n",
        reception->cellDeg(), double(reception->binMs()) / 3.6e6, reception->cellBinCount(),
        reception->vesselEntryCount(), receptionTime.bestMs, receptionTime.firstMs);
    std::fflush(stdout);

    std::vector<MovementEvent> gaps;
    const Timing gapTime =
        add(timed(runs, gaps, [&] { return findGaps(store, GapParameters{}, &world.portSet); }));
    report("gaps", gaps.size(), gapTime, format("planted %zu", truth.darkPeriods));

    std::vector<MovementEvent> calls;
    PortCallParameters callParameters;
    callParameters.inferFromGaps = true;
    const Timing callTime =
        add(timed(runs, calls, [&] { return findPortCalls(store, world.portSet, callParameters); }));
    const std::size_t inferred = countIf(calls, "inferred");
    report("port calls", calls.size(), callTime,
           format("%zu seen (planted stays: about %zu), %zu inferred from dark periods",
                  calls.size() - inferred, truth.stays, inferred));

    std::pair<std::vector<MovementEvent>, std::vector<MovementEvent>> trips;
    const Timing tripTime = add(timed(runs, trips, [&] {
        return std::make_pair(findVoyages(calls), findRoundTrips(calls, ferryA, ferryB));
    }));
    report("voyages + round trips", trips.first.size() + trips.second.size(), tripTime,
           format("%zu voyages (planted about %zu), %zu round trips %s <-> %s (planted about %zu)",
                  trips.first.size(), truth.voyages, trips.second.size(), qPrintable(ferryA),
                  qPrintable(ferryB), truth.roundTrips));

    std::vector<MovementEvent> encounters;
    const Timing encounterTime = add(timed(
        runs, encounters, [&] { return findEncounters(store, EncounterParameters{}, &world.portSet); }));
    const std::size_t inPort = countIf(encounters, "in_port");
    report("encounters", encounters.size(), encounterTime,
           format("%zu at sea (planted %zu), %zu in port (moored side by side)", encounters.size() - inPort,
                  truth.meetings, inPort));

    std::vector<MovementEvent> loitering;
    const Timing loiterTime = add(
        timed(runs, loitering, [&] { return findLoitering(store, LoiteringParameters{}, &world.portSet); }));
    report("loitering", loitering.size(), loiterTime, format("planted %zu", truth.loiterers));

    std::vector<MovementEvent> spoofing;
    const Timing spoofTime =
        add(timed(runs, spoofing, [&] { return findSpoofing(store, SpoofingParameters{}); }));
    report("spoofing", spoofing.size(), spoofTime,
           format("%zu outlier, %zu two-places, %zu impossible-speed (planted %zu, %zu, %zu)",
                  countKind(spoofing, "outlier"), countKind(spoofing, "two-places"),
                  countKind(spoofing, "impossible-speed"), truth.outliers, truth.twoPlaces,
                  truth.impossibleJumps));

    std::vector<MovementEvent> stops;
    const Timing stopTime =
        add(timed(runs, stops, [&] { return findStops(store, StopParameters{}, &world.portSet); }));
    report(
        "stops", stops.size(), stopTime,
        format(
            "within %.0f m for %.0f h or more (the stays in port, loiterers and meetings at sea among them)",
            StopParameters{}.maxDiameterM, StopParameters{}.minDurationHours));

    std::printf("all detectors: %.0f ms (first runs %.0f ms)\n", totalBest, totalFirst);
    std::fflush(stdout);

    // Not a detector: what an export or a display thins each track with.
    const auto generalizeAll = [&](const GeneralizeParameters &g) {
        std::size_t kept = 0;
        std::vector<QPointF> lonLat;
        for (const VesselTrack &track : store.tracks()) {
            lonLat.resize(track.size());
            for (std::size_t i = 0; i < track.size(); ++i)
                lonLat[i] = QPointF(track.lon(i), track.lat(i));
            kept +=
                generalizeTrack(std::span<const std::int64_t>(track.times(), track.size()), lonLat, g).size();
        }
        return kept;
    };
    for (const auto &[label, g] :
         {std::pair{"generalize (Douglas-Peucker 50 m)", GeneralizeParameters{50.0, 0}},
          std::pair{"generalize (one position a minute, then 50 m)", GeneralizeParameters{50.0, 60000}}}) {
        std::size_t kept = 0;
        const Timing t = timed(runs, kept, [&] { return generalizeAll(g); });
        std::printf("%s: %zu of %zu positions kept, %.0f ms (first run %.0f ms)\n", label, kept,
                    store.positionCount(), t.bestMs, t.firstMs);
    }
    std::fflush(stdout);

    // The same fleet's first 1,000 and 3,000 vessels in the same sea and ports.
    std::printf("encounter scaling in the same sea and ports, same %d positions per vessel:\n", perVessel);
    std::vector<std::pair<std::size_t, Timing>> sameSea;
    for (std::size_t n : {std::size_t(1000), std::size_t(3000), vessels}) {
        if (n > vessels || (!sameSea.empty() && sameSea.back().first >= n))
            continue;
        TrackStore subset;
        if (n < vessels)
            generate(world, n, perVessel, subset, nullptr);
        sameSea.emplace_back(n, encounterRow(format("encounters at %zu vessels", n),
                                             n < vessels ? subset : store, world.portSet, runs));
    }
    reportGrowth("in the same sea", sameSea);

    // Copies of the first 1,000 vessels' sea side by side: the density stays, so the
    // close pairs grow with the fleet and the time of a linear detector exactly so.
    if (vessels >= 2000) {
        store.clear();
        std::printf("encounter scaling at constant density (copies of the first 1000 vessels' sea and ports, "
                    "10.5 deg of longitude apart):\n");
        std::vector<std::pair<std::size_t, Timing>> sameDensity;
        for (std::size_t copies : {std::size_t(1), std::size_t(3), vessels / 1000}) {
            if (copies * 1000 > vessels ||
                (!sameDensity.empty() && sameDensity.back().first >= copies * 1000))
                continue;
            TrackStore tracks;
            PortSet ports;
            generateCopies(world, copies, perVessel, tracks, ports);
            const std::string label = format("encounters at %zu vessels (%zu %s)", copies * 1000, copies,
                                             copies == 1 ? "copy" : "copies");
            sameDensity.emplace_back(copies * 1000, encounterRow(label, tracks, ports, runs));
        }
        reportGrowth("at constant density", sameDensity);
    }
    return 0;
}
