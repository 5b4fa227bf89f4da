#pragma once

#include <QColor>
#include <QPointF>
#include <QString>

#include <vector>

class QPainter;

namespace sightline {

class MapSettings;

/// A label a layer would like drawn. Layers hand these over instead of drawing
/// them, so one engine can place every layer's labels without collisions.
struct LabelCandidate
{
    enum class Placement
    {
        BesidePoint,
        Centred
    };
    QPointF anchor; ///< output pixels
    QString text;
    Placement placement = Placement::BesidePoint;
    QColor colour = QColor(0x22, 0x2b, 0x33);
    double sizePx = 11.0; ///< at 96 dpi
};

/// Places candidates in order (earlier wins), trying beside-point positions
/// right, left, above and below, skipping what would overlap, and draws them
/// with a white halo. At most `limit` labels. Returns how many were drawn.
std::size_t placeAndDrawLabels(QPainter &painter, const std::vector<LabelCandidate> &candidates,
                               const MapSettings &settings, std::size_t limit = 800);

} // namespace sightline
