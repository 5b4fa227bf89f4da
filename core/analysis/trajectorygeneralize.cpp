#include "analysis/trajectorygeneralize.h"

#include "analysis/localdistance.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace sightline {

namespace {

/// Metres from a position to the segment a–b, on a plane tangent at the segment's middle latitude.
/// Made once a segment: Douglas–Peucker measures every position between a and b against it.
class SegmentDistance
{
public:
    SegmentDistance(QPointF a, QPointF b)
        : mPlane((a.y() + b.y()) / 2)
        , mA(a)
        , mAb(mPlane.toMetres(a, b))
        , mLength2(mAb.x() * mAb.x() + mAb.y() * mAb.y())
    {
    }
    double operator()(QPointF p) const
    {
        const QPointF ap = mPlane.toMetres(mA, p);
        double along = mLength2 > 0 ? (ap.x() * mAb.x() + ap.y() * mAb.y()) / mLength2 : 0.0;
        along = std::clamp(along, 0.0, 1.0);
        return std::hypot(ap.x() - along * mAb.x(), ap.y() - along * mAb.y());
    }

private:
    LocalPlane mPlane;
    QPointF mA, mAb;
    double mLength2;
};

/// Douglas–Peucker over the positions `in` (indices into lonLat), with an explicit stack: a
/// track of a million positions is no recursion depth.
std::vector<std::size_t> douglasPeucker(const std::vector<std::size_t> &in, std::span<const QPointF> lonLat,
                                        double toleranceM)
{
    if (in.size() < 3)
        return in;
    std::vector<char> keep(in.size(), 0);
    keep.front() = keep.back() = 1;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, in.size() - 1}};
    while (!stack.empty()) {
        const auto [from, to] = stack.back();
        stack.pop_back();
        if (to <= from + 1)
            continue;
        const SegmentDistance distanceM(lonLat[in[from]], lonLat[in[to]]);
        double worst = -1.0;
        std::size_t at = from;
        for (std::size_t k = from + 1; k < to; ++k) {
            const double d = distanceM(lonLat[in[k]]);
            if (d > worst) {
                worst = d;
                at = k;
            }
        }
        if (worst > toleranceM) {
            keep[at] = 1;
            stack.push_back({from, at});
            stack.push_back({at, to});
        }
    }
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < in.size(); ++k)
        if (keep[k])
            out.push_back(in[k]);
    return out;
}

} // namespace

std::vector<std::size_t> generalizeTrack(std::span<const std::int64_t> timesMs,
                                         std::span<const QPointF> lonLat, std::size_t first, std::size_t last,
                                         const GeneralizeParameters &parameters)
{
    std::vector<std::size_t> kept;
    const std::size_t n = std::min(timesMs.size(), lonLat.size());
    if (n == 0 || first > last || last >= n)
        return kept;
    kept.reserve(last - first + 1);
    if (parameters.minIntervalMs > 0) {
        kept.push_back(first);
        for (std::size_t i = first + 1; i < last; ++i)
            if (timesMs[i] - timesMs[kept.back()] >= parameters.minIntervalMs)
                kept.push_back(i);
        if (last != first)
            kept.push_back(last);
    } else {
        for (std::size_t i = first; i <= last; ++i)
            kept.push_back(i);
    }
    if (parameters.toleranceM > 0.0)
        kept = douglasPeucker(kept, lonLat, parameters.toleranceM);
    return kept;
}

std::vector<std::size_t> generalizeTrack(std::span<const std::int64_t> timesMs,
                                         std::span<const QPointF> lonLat,
                                         const GeneralizeParameters &parameters)
{
    const std::size_t n = std::min(timesMs.size(), lonLat.size());
    if (n == 0)
        return {};
    return generalizeTrack(timesMs, lonLat, 0, n - 1, parameters);
}

} // namespace sightline
