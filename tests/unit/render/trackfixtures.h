#pragma once

// Helpers of the track render tests: a layer made from positions, and pixel checks.

#include "layers/tracklayer.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QColor>
#include <QImage>

#include <cstdlib>
#include <memory>
#include <vector>

namespace sightline::test {

inline std::shared_ptr<TrackLayer> trackLayerWith(const std::vector<TrackStore::Position> &positions)
{
    auto store = std::make_shared<TrackStore>();
    for (const auto &p : positions)
        store->append(p);
    store->finalize();
    return std::make_shared<TrackLayer>(QStringLiteral("t"), QStringLiteral("test"), store,
                                        std::make_shared<VesselRegistry>());
}

/// An opaque enough pixel within `tolerance` of `b` on each channel.
inline bool nearColour(QRgb a, const QColor &b, int tolerance = 40)
{
    return qAlpha(a) > 150 && std::abs(qRed(a) - b.red()) <= tolerance &&
           std::abs(qGreen(a) - b.green()) <= tolerance && std::abs(qBlue(a) - b.blue()) <= tolerance;
}

/// Is there a pixel of `colour` within `radius` of `p`?
inline bool colourAround(const QImage &image, QPointF p, const QColor &colour, int radius = 1)
{
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint q = p.toPoint() + QPoint(dx, dy);
            if (image.rect().contains(q) && nearColour(image.pixel(q), colour))
                return true;
        }
    return false;
}

} // namespace sightline::test
