#pragma once

#include "geo/crs.h"

#include <QPointF>
#include <QRectF>
#include <QString>

#include <cstddef>

typedef struct PJconsts PJ;

namespace sightline {

/// A coordinate operation between two CRSs, always in "GIS order"
/// (longitude/easting first). The PROJ object behind it is cached per thread
/// and per CRS pair, so making a Transform is cheap after the first time.
/// A Transform belongs to the thread that made it: make one per worker.
class Transform
{
public:
    Transform() = default;
    Transform(const Crs &source, const Crs &destination);

    bool isValid() const { return mIdentity || mPj != nullptr; }
    bool isIdentity() const { return mIdentity; }
    const QString &error() const { return mError; }
    const Crs &source() const { return mSource; }
    const Crs &destination() const { return mDestination; }

    /// Transforms one point; on failure both coordinates are infinite.
    QPointF forward(QPointF p) const;
    QPointF inverse(QPointF p) const;

    /// Transforms arrays in place; points that fail become HUGE_VAL.
    /// Returns how many points transformed successfully.
    std::size_t forward(double *x, double *y, std::size_t count) const;
    std::size_t inverse(double *x, double *y, std::size_t count) const;

    /// Bounding box of a rectangle after transformation, sampled densely along
    /// its edges so that curved edges are enclosed. Empty when nothing maps.
    QRectF forwardBounds(const QRectF &rect, int pointsPerEdge = 21) const;
    QRectF inverseBounds(const QRectF &rect, int pointsPerEdge = 21) const;

private:
    std::size_t apply(double *x, double *y, std::size_t count, bool inverse) const;
    QRectF bounds(const QRectF &rect, int pointsPerEdge, bool inverse) const;

    Crs mSource;
    Crs mDestination;
    PJ *mPj = nullptr; // owned by the thread-local cache
    bool mIdentity = false;
    QString mError;
};

} // namespace sightline
