#include "analysis/trajectorygeneralize.h"

#include "analysis/localdistance.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace sightline {

namespace {

/// Metres from p to the segment a–b, on a plane tangent at the segment's middle latitude.
double distanceToSegmentM(QPointF p, QPointF a, QPointF b)
{
    const LocalPlane plane((a.y() + b.y()) / 2);
    const QPointF ab = plane.toMetres(a, b), ap = plane.toMetres(a, p);
    const double length2 = ab.x() * ab.x() + ab.y() * ab.y();
    double along = length2 > 0 ? (ap.x() * ab.x() + ap.y() * ab.y()) / length2 : 0.0;
    along = std::clamp(along, 0.0, 1.0);
    return std::hypot(ap.x() - along * ab.x(), ap.y() - along * ab.y());
}

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
        const QPointF a = lonLat[in[from]], b = lonLat[in[to]];
        double worst = -1.0;
        std::size_t at = from;
        for (std::size_t k = from + 1; k < to; ++k) {
            const double d = distanceToSegmentM(lonLat[in[k]], a, b);
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
