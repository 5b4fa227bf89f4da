#include "layers/vectorqueries.h"

#include "geo/measurement.h"
#include "geo/transform.h"
#include "layers/vectorlayer.h"

#include <algorithm>
#include <cmath>

namespace sightline {

namespace {
constexpr std::size_t kRefined = 8; // features measured geodesically after the planar ranking
}

NearestFeature nearestFeature(const VectorLayer &layer, QPointF lonLat)
{
    NearestFeature result;
    const VectorData &data = layer.data();
    const Transform toWgs84(data.crs(), Crs::wgs84());
    const double cosLat = std::cos(lonLat.y() * M_PI / 180.0);
    // Planar ranking in degrees scaled by latitude: cheap and good enough to choose candidates.
    std::vector<std::pair<double, std::uint32_t>> ranked;
    ranked.reserve(data.features().size());
    std::vector<std::vector<QPointF>> wgs(data.features().size());
    for (std::uint32_t i = 0; i < data.features().size(); ++i) {
        const VectorFeature &f = data.features()[i];
        std::vector<QPointF> &pts = wgs[i];
        pts = f.points;
        if (!toWgs84.isIdentity()) {
            std::vector<double> xs(pts.size()), ys(pts.size());
            for (std::size_t k = 0; k < pts.size(); ++k)
                xs[k] = pts[k].x(), ys[k] = pts[k].y();
            toWgs84.forward(xs.data(), ys.data(), pts.size());
            for (std::size_t k = 0; k < pts.size(); ++k)
                pts[k] = QPointF(xs[k], ys[k]);
        }
        auto scaled = [&](QPointF q) { return QPointF((q.x() - lonLat.x()) * cosLat, q.y() - lonLat.y()); };
        double best = 1e300;
        for (std::size_t part = 0; part < f.partCount(); ++part) {
            const auto [a, b] = f.part(part);
            if (b - a == 1)
                best = std::min(best, std::hypot(scaled(pts[a]).x(), scaled(pts[a]).y()));
            for (std::uint32_t k = a; k + 1 < b; ++k)
                best = std::min(best, distanceToSegment(QPointF(0, 0), scaled(pts[k]), scaled(pts[k + 1])));
        }
        ranked.emplace_back(best, i);
    }
    if (ranked.empty())
        return result;
    const std::size_t n = std::min(kRefined, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + std::ptrdiff_t(n), ranked.end());
    for (std::size_t r = 0; r < n; ++r) {
        const std::uint32_t i = ranked[r].second;
        const VectorFeature &f = data.features()[i];
        if (f.kind == VectorFeature::Kind::Polygon && layer.pick(toWgs84.inverse(lonLat), 0) == int(i)) {
            return NearestFeature{int(i), 0.0, lonLat};
        }
        for (std::size_t part = 0; part < f.partCount(); ++part) {
            const auto [a, b] = f.part(part);
            std::vector<QPointF> line(wgs[i].begin() + a, wgs[i].begin() + b);
            if (f.kind == VectorFeature::Kind::Polygon && !line.empty())
                line.push_back(line.front());
            const NearestPoint np = nearestOnPolyline(lonLat, line);
            if (np.metres >= 0 && (result.metres < 0 || np.metres < result.metres))
                result = NearestFeature{int(i), np.metres, np.lonLat};
        }
    }
    return result;
}

} // namespace sightline
