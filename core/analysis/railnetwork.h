#pragma once

#include <QPointF>
#include <QString>

#include <cstdint>
#include <vector>

namespace sightline {

class VectorData;

/// A routable graph built from lines: every vertex is a node (vertices
/// within the snapping distance are one node, so lines that meet join up) and
/// every segment an edge weighted by its geodesic length.
class RailNetwork
{
public:
    static RailNetwork build(const VectorData &lines, double snapMetres = 30.0);

    struct Route
    {
        bool found = false;
        double metres = 0;           ///< along the network
        std::vector<QPointF> lonLat; ///< the path, start to end
        double startSnapMetres = 0;  ///< from the asked start to the network
        double endSnapMetres = 0;
        QString message; ///< why there is no route
    };
    /// Shortest path between the network nodes nearest to the two points (Dijkstra).
    Route route(QPointF fromLonLat, QPointF toLonLat) const;

    std::size_t nodeCount() const { return mNodes.size(); }
    std::size_t edgeCount() const { return mEdgeCount; }

private:
    struct Edge
    {
        std::uint32_t to;
        double metres;
    };
    int nearestNode(QPointF lonLat, double *metres) const;

    std::vector<QPointF> mNodes;
    std::vector<std::vector<Edge>> mAdjacency;
    std::size_t mEdgeCount = 0;
};

} // namespace sightline
