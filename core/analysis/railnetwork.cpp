#include "analysis/railnetwork.h"

#include "geo/geodesic.h"
#include "geo/transform.h"
#include "model/vectordata.h"

#include <QHash>

#include <cmath>
#include <limits>
#include <queue>

namespace sightline {

RailNetwork RailNetwork::build(const VectorData &data, double snapMetres)
{
    RailNetwork net;
    const Transform toWgs84(data.crs(), Crs::wgs84());
    // Snapping grid: cells about the snapping distance wide (in degrees at mid latitude).
    const double cell = std::max(1e-7, snapMetres / 111320.0);
    QHash<quint64, std::vector<std::uint32_t>> grid;
    auto key = [cell](double x, double y) {
        return (quint64(quint32(std::int32_t(std::floor(x / cell)))) << 32) |
               quint32(std::int32_t(std::floor(y / cell)));
    };
    auto nodeFor = [&](QPointF p) -> std::uint32_t {
        const auto cx = std::floor(p.x() / cell), cy = std::floor(p.y() / cell);
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy) {
                const auto it = grid.constFind(key((cx + dx + 0.5) * cell, (cy + dy + 0.5) * cell));
                if (it == grid.constEnd())
                    continue;
                for (std::uint32_t n : *it)
                    if (Geodesic::inverse(p, net.mNodes[n]).distanceMetres <= snapMetres)
                        return n;
            }
        const auto n = std::uint32_t(net.mNodes.size());
        net.mNodes.push_back(p);
        net.mAdjacency.emplace_back();
        grid[key(p.x(), p.y())].push_back(n);
        return n;
    };
    for (const VectorFeature &f : data.features()) {
        if (f.kind != VectorFeature::Kind::Line)
            continue;
        for (std::size_t part = 0; part < f.partCount(); ++part) {
            const auto [a, b] = f.part(part);
            std::int64_t previous = -1;
            QPointF previousPoint;
            for (std::uint32_t k = a; k < b; ++k) {
                const QPointF p = toWgs84.forward(f.points[k]);
                const std::uint32_t n = nodeFor(p);
                if (previous >= 0 && std::uint32_t(previous) != n) {
                    const double m = Geodesic::inverse(previousPoint, p).distanceMetres;
                    net.mAdjacency[std::size_t(previous)].push_back({n, m});
                    net.mAdjacency[n].push_back({std::uint32_t(previous), m});
                    ++net.mEdgeCount;
                }
                previous = n;
                previousPoint = p;
            }
        }
    }
    return net;
}

int RailNetwork::nearestNode(QPointF p, double *metres) const
{
    int best = -1;
    double bestD = std::numeric_limits<double>::max();
    const double cosLat = std::cos(p.y() * M_PI / 180);
    for (std::size_t i = 0; i < mNodes.size(); ++i) {
        const double dx = (mNodes[i].x() - p.x()) * cosLat, dy = mNodes[i].y() - p.y();
        const double d = dx * dx + dy * dy;
        if (d < bestD) {
            bestD = d;
            best = int(i);
        }
    }
    if (best >= 0 && metres)
        *metres = Geodesic::inverse(p, mNodes[std::size_t(best)]).distanceMetres;
    return best;
}

RailNetwork::Route RailNetwork::route(QPointF from, QPointF to) const
{
    Route r;
    const int s = nearestNode(from, &r.startSnapMetres), t = nearestNode(to, &r.endSnapMetres);
    if (s < 0 || t < 0) {
        r.message = QStringLiteral("the layer has no lines to route along");
        return r;
    }
    std::vector<double> dist(mNodes.size(), std::numeric_limits<double>::infinity());
    std::vector<std::int64_t> previous(mNodes.size(), -1);
    using Item = std::pair<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    dist[std::size_t(s)] = 0;
    queue.push({0, std::uint32_t(s)});
    while (!queue.empty()) {
        const auto [d, n] = queue.top();
        queue.pop();
        if (d > dist[n])
            continue;
        if (n == std::uint32_t(t))
            break;
        for (const Edge &e : mAdjacency[n]) {
            if (d + e.metres < dist[e.to]) {
                dist[e.to] = d + e.metres;
                previous[e.to] = n;
                queue.push({dist[e.to], e.to});
            }
        }
    }
    if (!std::isfinite(dist[std::size_t(t)])) {
        r.message = QStringLiteral("the two points are on parts of the network that do not connect");
        return r;
    }
    for (std::int64_t n = t; n >= 0; n = previous[std::size_t(n)])
        r.lonLat.insert(r.lonLat.begin(), mNodes[std::size_t(n)]);
    r.metres = dist[std::size_t(t)];
    r.found = true;
    return r;
}

} // namespace sightline
