#pragma once

#include "geo/crs.h"
#include "geo/transform.h"

#include <QPointF>
#include <QPolygonF>

#include <array>
#include <memory>
#include <vector>

namespace sightline {

/// Puts an image's pixels on the ground and back: through an affine geotransform (north-up or
/// rotated, as commercial SAR GeoTIFFs carry) or through ground control points (as Sentinel-1
/// GRD carries), in the image's CRS, answered in WGS84. Pixel coordinates are GDAL's: (0, 0) is
/// the top-left corner of the top-left pixel, so a pixel's centre is (col + 0.5, row + 0.5).
/// Belongs to the thread that made it, like Transform.
class SarGeolocation
{
public:
    struct Gcp
    {
        double col = 0, row = 0; ///< pixel, line
        double x = 0, y = 0;     ///< in the GCPs' CRS
    };

    SarGeolocation();
    ~SarGeolocation();
    SarGeolocation(SarGeolocation &&) noexcept;
    SarGeolocation &operator=(SarGeolocation &&) noexcept;

    /// GDAL's six coefficients: x = gt[0] + col·gt[1] + row·gt[2], y = gt[3] + col·gt[4] + row·gt[5].
    static SarGeolocation fromGeoTransform(const std::array<double, 6> &gt, const Crs &crs);
    /// A first-order polynomial fitted to the points (GDAL's GCP transformer; a second order
    /// when there are enough of them, as for a Sentinel-1 grid), in `crs`.
    static SarGeolocation fromGcps(const std::vector<Gcp> &gcps, const Crs &crs);

    bool isValid() const;
    QString error() const;

    /// WGS84 longitude/latitude of a pixel position; infinite coordinates when it cannot be placed.
    QPointF lonLat(QPointF pixel) const;
    /// The pixel position of a WGS84 point (may lie outside the image); infinite when unplaceable.
    QPointF pixel(QPointF lonLat) const;
    /// Ground metres per pixel along columns and rows near `pixel`, from the geodesic lengths of
    /// one-pixel steps: what turns windows in metres into windows in pixels.
    QPointF pixelSpacingM(QPointF pixel) const;
    /// The outline of a width × height image in WGS84, sampled along its edges.
    QPolygonF footprint(int width, int height, int pointsPerEdge = 8) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace sightline
