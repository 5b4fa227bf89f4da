#pragma once

#include <QPointF>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace sightline {

class VectorData;

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

/// A corridor as a layer's data: one polygon feature per piece, with the fields name, width_m
/// (the whole width) and source (the lines' source).
struct CorridorLayerData
{
    std::shared_ptr<VectorData> data; ///< null when no corridor could be built
    QString name;                     ///< "Rajin - Khasan corridor, 4.00 km wide"
    QString error;
    bool ok() const { return data != nullptr; }
};

/// Buffers the line features `chosen` of `lines` (every feature when empty; points and
/// polygons are passed over) by `halfWidthMetres` either side, on the ground. The corridor is
/// named after the chosen line's `labelField` value when one line is chosen and has one, else
/// after `layerName`.
CorridorLayerData buildCorridorLayer(const VectorData &lines, const std::vector<std::uint32_t> &chosen,
                                     double halfWidthMetres, const QString &layerName,
                                     const QString &labelField = QString());

} // namespace sightline
