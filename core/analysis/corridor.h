#pragma once

#include <QPointF>
#include <QString>

#include <vector>

namespace sightline {

/// A corridor: the area within `halfWidthMetres` of a line, measured on the
/// ground (geodesically), not in degrees. Polygons of lon/lat rings.
struct Corridor
{
    std::vector<std::vector<std::vector<QPointF>>> polygons; ///< polygons → rings (outer first) → lon/lat
    QString error;
    bool ok() const { return error.isEmpty() && !polygons.empty(); }
};

/// Buffers lon/lat polylines. Each stretch of about 200 km is buffered in its
/// own azimuthal equidistant projection (distances true from its centre), and
/// the pieces are united: long rail lines keep their width end to end.
Corridor buildCorridor(const std::vector<std::vector<QPointF>> &linesLonLat, double halfWidthMetres);

} // namespace sightline
