#include "analysis/trajectorystops.h"

#include "analysis/localdistance.h"
#include "analysis/portset.h"
#include "analysis/trackkinematics.h"

#include <algorithm>
#include <cmath>

namespace sightline {

namespace {

/// Metres per degree of longitude and of latitude at `lat`, as LocalPlane has them.
QPointF metresPerDegree(double lat)
{
    const LocalPlane plane(lat);
    return plane.toMetres(QPointF(0.0, lat), QPointF(1.0, lat + 1.0));
}

double cross(QPointF o, QPointF a, QPointF b)
{
    return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
}

/// Andrew's monotone chain: the hull counter-clockwise, collinear points dropped.
std::vector<QPointF> convexHull(std::vector<QPointF> points)
{
    std::sort(points.begin(), points.end(),
              [](QPointF a, QPointF b) { return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y()); });
    points.erase(std::unique(points.begin(), points.end()), points.end());
    if (points.size() < 3)
        return points;
    std::vector<QPointF> hull(2 * points.size());
    std::size_t k = 0;
    for (const QPointF &p : points) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0)
            --k;
        hull[k++] = p;
    }
    for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {
        while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0)
            --k;
        hull[k++] = points[i];
    }
    hull.resize(k - 1);
    return hull;
}

double farthestFrom(QPointF p, const std::vector<QPointF> &points)
{
    double best = 0.0;
    for (const QPointF &q : points)
        best = std::max(best, std::hypot(q.x() - p.x(), q.y() - p.y()));
    return best;
}

double diameterOf(const std::vector<QPointF> &hull)
{
    double best = 0.0;
    for (std::size_t i = 0; i < hull.size(); ++i)
        best = std::max(best, farthestFrom(hull[i], hull));
    return best;
}

bool insideHull(QPointF p, const std::vector<QPointF> &hull)
{
    if (hull.size() < 3)
        return std::find(hull.begin(), hull.end(), p) != hull.end();
    for (std::size_t i = 0; i < hull.size(); ++i)
        if (cross(hull[i], hull[(i + 1) % hull.size()], p) < 0)
            return false;
    return true;
}

/// The track's positions with longitudes made continuous (no jump of 360° at the antimeridian),
/// so that an extent in degrees is an extent on the ground.
struct Unwrapped
{
    std::vector<double> x, y;
    explicit Unwrapped(std::span<const QPointF> lonLat)
        : x(lonLat.size())
        , y(lonLat.size())
    {
        double shift = 0.0;
        for (std::size_t i = 0; i < lonLat.size(); ++i) {
            if (i > 0)
                shift += (lonLat[i - 1].x() - lonLat[i].x() > 180.0)   ? 360.0
                         : (lonLat[i].x() - lonLat[i - 1].x() > 180.0) ? -360.0
                                                                       : 0.0;
            x[i] = lonLat[i].x() + shift;
            y[i] = lonLat[i].y();
        }
    }
};

/// The positions of a run in metres on a plane tangent at `origin`.
struct RunPlane
{
    QPointF origin;
    QPointF scale;
    RunPlane(const Unwrapped &u, std::size_t at)
        : origin(u.x[at], u.y[at])
        , scale(metresPerDegree(u.y[at]))
    {
    }
    QPointF metres(const Unwrapped &u, std::size_t i) const
    {
        return {(u.x[i] - origin.x()) * scale.x(), (u.y[i] - origin.y()) * scale.y()};
    }
    std::vector<QPointF> hullOf(const Unwrapped &u, std::size_t first, std::size_t last) const
    {
        // Akl–Toussaint: a point strictly inside the quadrilateral of the four extreme points is no
        // hull vertex, so a stop of thousands of positions sorts only the few near its edge.
        std::size_t extreme[4] = {first, first, first, first}; // west, south, east, north
        for (std::size_t i = first + 1; i <= last; ++i) {
            extreme[0] = u.x[i] < u.x[extreme[0]] ? i : extreme[0];
            extreme[1] = u.y[i] < u.y[extreme[1]] ? i : extreme[1];
            extreme[2] = u.x[i] > u.x[extreme[2]] ? i : extreme[2];
            extreme[3] = u.y[i] > u.y[extreme[3]] ? i : extreme[3];
        }
        QPointF quad[4];
        for (int k = 0; k < 4; ++k)
            quad[k] = metres(u, extreme[k]);
        std::vector<QPointF> points;
        for (std::size_t i = first; i <= last; ++i) {
            const QPointF p = metres(u, i);
            bool inside = true;
            for (int k = 0; k < 4 && inside; ++k)
                inside = cross(quad[k], quad[(k + 1) % 4], p) > 0;
            if (!inside)
                points.push_back(p);
        }
        for (const QPointF &q : quad)
            points.push_back(q);
        return convexHull(std::move(points));
    }
};

/// The extent of a sliding window of positions: a monotonic deque per side, so each position
/// enters and leaves once.
class SlidingExtent
{
public:
    explicit SlidingExtent(const Unwrapped &u)
        : mU(u)
    {
    }
    void clear()
    {
        for (Queue *d : {&mMinX, &mMaxX, &mMinY, &mMaxY})
            d->clear();
    }
    void push(std::size_t i)
    {
        pushInto(mMinX, i, mU.x, std::less_equal<>());
        pushInto(mMaxX, i, mU.x, std::greater_equal<>());
        pushInto(mMinY, i, mU.y, std::less_equal<>());
        pushInto(mMaxY, i, mU.y, std::greater_equal<>());
    }
    void dropBefore(std::size_t first)
    {
        for (Queue *d : {&mMinX, &mMaxX, &mMinY, &mMaxY})
            while (!d->empty() && d->front() < first)
                d->popFront();
    }
    double minX() const { return mU.x[mMinX.front()]; }
    double maxX() const { return mU.x[mMaxX.front()]; }
    double minY() const { return mU.y[mMinY.front()]; }
    double maxY() const { return mU.y[mMaxY.front()]; }

private:
    /// A deque of indices that only grows at the back: a vector and the index of its front
    /// (cheaper than std::deque, and cleared at each stop).
    struct Queue
    {
        std::vector<std::size_t> items;
        std::size_t head = 0;
        bool empty() const { return head == items.size(); }
        std::size_t front() const { return items[head]; }
        std::size_t back() const { return items.back(); }
        void popFront() { ++head; }
        void popBack() { items.pop_back(); }
        void pushBack(std::size_t i) { items.push_back(i); }
        void clear()
        {
            items.clear();
            head = 0;
        }
    };
    template <class Keep>
    static void pushInto(Queue &d, std::size_t i, const std::vector<double> &v, Keep dominated)
    {
        while (!d.empty() && dominated(v[i], v[d.back()]))
            d.popBack();
        d.pushBack(i);
    }
    const Unwrapped &mU;
    Queue mMinX, mMaxX, mMinY, mMaxY;
};

enum class Fit
{
    No,
    Yes,
    Maybe ///< the extent's sides fit but its diagonal does not: only the points can tell
};

/// metresPerDegree, remembered for the last latitude: a run's latitude barely moves, and the
/// cosine would otherwise be most of the work of a position.
struct ScaleCache
{
    double lat = 1000.0;
    QPointF scale;
    QPointF at(double atLat)
    {
        if (std::abs(atLat - lat) > 0.01) { // 0.01° changes the scale by under 2e-4 · tan(lat)
            lat = atLat;
            scale = metresPerDegree(atLat);
        }
        return scale;
    }
};

/// What the extent alone says: a side longer than the diameter cannot fit; a diagonal within it must.
Fit fitOfExtent(double minX, double maxX, double minY, double maxY, double maxDiameterM, ScaleCache &scales)
{
    const QPointF scale = scales.at((minY + maxY) / 2);
    const double w = (maxX - minX) * scale.x(), h = (maxY - minY) * scale.y();
    if (std::max(w, h) > maxDiameterM)
        return Fit::No;
    if (std::hypot(w, h) <= maxDiameterM)
        return Fit::Yes;
    return Fit::Maybe;
}

} // namespace

std::vector<TrackStop> findTrackStops(std::span<const std::int64_t> t, std::span<const QPointF> lonLat,
                                      double maxDiameterM, std::int64_t minDurationMs)
{
    std::vector<TrackStop> stops;
    const std::size_t n = std::min(t.size(), lonLat.size());
    if (n < 2)
        return stops;
    const Unwrapped u(lonLat);
    SlidingExtent window(u);
    ScaleCache scales;
    std::size_t s = 0;
    for (std::size_t i = 0; i < n; ++i) {
        window.push(i);
        // The window: the shortest run ending at i that spans the minimum duration.
        while (s + 1 < i && t[i] - t[s + 1] >= minDurationMs)
            ++s;
        window.dropBefore(s);
        if (i == s || t[i] - t[s] < minDurationMs)
            continue;
        Fit fit =
            fitOfExtent(window.minX(), window.maxX(), window.minY(), window.maxY(), maxDiameterM, scales);
        if (fit == Fit::Maybe) {
            const RunPlane plane(u, s);
            fit = diameterOf(plane.hullOf(u, s, i)) <= maxDiameterM ? Fit::Yes : Fit::No;
        }
        if (fit == Fit::No)
            continue;

        // A stop from s: grow it while every new position keeps the whole run within the diameter.
        const RunPlane plane(u, s);
        double minX = window.minX(), maxX = window.maxX(), minY = window.minY(), maxY = window.maxY();
        std::vector<QPointF> hull; // built the first time the extent cannot decide, then kept up
        bool haveHull = false;
        std::size_t j = i + 1;
        for (; j < n; ++j) {
            const double nminX = std::min(minX, u.x[j]), nmaxX = std::max(maxX, u.x[j]);
            const double nminY = std::min(minY, u.y[j]), nmaxY = std::max(maxY, u.y[j]);
            const Fit grown = fitOfExtent(nminX, nmaxX, nminY, nmaxY, maxDiameterM, scales);
            if (grown == Fit::No)
                break;
            const QPointF p = plane.metres(u, j);
            if (grown == Fit::Maybe && !haveHull) {
                hull = plane.hullOf(u, s, j - 1);
                haveHull = true;
            }
            if (haveHull) {
                if (grown == Fit::Maybe && farthestFrom(p, hull) > maxDiameterM)
                    break;
                if (!insideHull(p, hull)) {
                    hull.push_back(p);
                    hull = convexHull(std::move(hull));
                }
            }
            minX = nminX;
            maxX = nmaxX;
            minY = nminY;
            maxY = nmaxY;
        }
        const std::size_t last = j - 1;
        stops.push_back({s, last, diameterOf(haveHull ? hull : plane.hullOf(u, s, last))});
        // The next stop is looked for after this one.
        window.clear();
        s = j;
        i = j - 1;
    }
    return stops;
}

std::vector<MovementEvent> findStops(const TrackStore &tracks, const StopParameters &parameters,
                                     const PortSet *ports, const AnalysisProgress &progress)
{
    std::vector<MovementEvent> events;
    const auto minMs = std::int64_t(parameters.minDurationHours * kMsPerHour);
    const auto maxGapMs = std::int64_t(parameters.maxGapHours * kMsPerHour);
    const QJsonObject json = parameters.toJson();
    const std::vector<VesselTrack> &all = tracks.tracks();
    std::vector<QPointF> lonLat;
    for (std::size_t v = 0; v < all.size(); ++v) {
        if (!reportProgress(progress, v, all.size()))
            return {};
        const VesselTrack &track = all[v];
        lonLat.resize(track.size());
        for (std::size_t i = 0; i < track.size(); ++i)
            lonLat[i] = positionAt(track, i);
        const std::span<const std::int64_t> times(track.times(), track.size());
        // Runs between silences longer than maxGapHours, each searched on its own.
        std::vector<TrackStop> found;
        for (std::size_t begin = 0, end = 1; begin < times.size(); begin = end++) {
            while (end < times.size() && (maxGapMs <= 0 || times[end] - times[end - 1] <= maxGapMs))
                ++end;
            for (TrackStop stop : findTrackStops(times.subspan(begin, end - begin),
                                                 std::span(lonLat).subspan(begin, end - begin),
                                                 parameters.maxDiameterM, minMs)) {
                stop.first += begin;
                stop.last += begin;
                found.push_back(stop);
            }
        }
        for (const TrackStop &stop : found) {
            MovementEvent e;
            e.type = EventType::Stop;
            e.mmsi = track.mmsi();
            e.startMs = times[stop.first];
            e.endMs = times[stop.last];
            e.from = lonLat[stop.first];
            e.to = lonLat[stop.last];
            // The centre as the mean offset from the first position, so the antimeridian is no edge.
            QPointF sum;
            std::int64_t longestSilenceMs = 0;
            for (std::size_t i = stop.first; i <= stop.last; ++i) {
                sum += QPointF(LocalPlane::wrapLon(lonLat[i].x() - e.from.x()), lonLat[i].y() - e.from.y());
                if (i > stop.first)
                    longestSilenceMs = std::max(longestSilenceMs, times[i] - times[i - 1]);
            }
            const double count = double(stop.last - stop.first + 1);
            QPointF centre = e.from + sum / count;
            centre.setX(LocalPlane::wrapLon(centre.x()));
            QString port;
            if (ports && !ports->empty())
                if (const int p = ports->portAt(centre, parameters.portDistanceKm * 1000.0); p >= 0)
                    port = ports->at(std::size_t(p)).name;
            e.place = port;
            e.details = {{QStringLiteral("centre_lon"), std::round(centre.x() * 1e6) / 1e6},
                         {QStringLiteral("centre_lat"), std::round(centre.y() * 1e6) / 1e6},
                         {QStringLiteral("diameter_m"), std::round(stop.diameterM)},
                         {QStringLiteral("positions"), qint64(count)},
                         // A silence up to maxGapHours does not end a stop (none does at 0, as in
                         // MovingPandas). How long the longest one inside was lets the analyst judge.
                         {QStringLiteral("longest_silence_h"),
                          std::round(double(longestSilenceMs) / kMsPerHour * 100) / 100},
                         {QStringLiteral("in_port"), !port.isEmpty()},
                         {QStringLiteral("port"), port}};
            e.parameters = json;
            events.push_back(std::move(e));
        }
    }
    return events;
}

} // namespace sightline
