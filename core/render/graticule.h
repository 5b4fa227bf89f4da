#pragma once

#include <QColor>
#include <QList>
#include <QRectF>
#include <QString>

class QFont;
class QPainter;

namespace sightline {

class MapSettings;

/// A label where a graticule line meets the edge of the map.
struct GraticuleTick
{
    enum class Edge
    {
        Left,
        Right,
        Top,
        Bottom
    };
    Edge edge;
    double position =
        0; ///< along the edge, in the settings' output pixels (x for Top/Bottom, y for Left/Right)
    double degrees = 0;
    bool latitude = false;
    QString label; ///< "130°30′E", "42°N", "0°", "180°"
};

/// A step in degrees (from 1/60°, 2′, 5′, 10′, 15′, 30′, 1°, 2°, 5°, 10°, 15°, 30°) giving about
/// `targetLines` lines over `spanDegrees`.
double niceGraticuleStep(double spanDegrees, int targetLines);

/// "42°30′N" / "130°E" / "0°" / "180°" (minutes shown only when the step needs them).
QString formatGraticuleLabel(double degrees, bool latitude, double stepDegrees);

/// Draws lines of longitude and latitude over the map in the settings' destination CRS (densified:
/// they curve in a non-cylindrical CRS), clipped to the output rectangle (0,0,outputSize), in
/// settings output pixels, pen width scaled by settings.dpi()/96 like the other renderers. Returns
/// where each line crosses the four edges, for the frame labels. Handles views crossing the
/// antimeridian and views where some points do not transform.
QList<GraticuleTick> paintGraticule(QPainter &painter, const MapSettings &settings,
                                    const QColor &colour = QColor(40, 40, 40, 140), double stepDegrees = 0);

/// Paints tick marks and labels outside `frame` (a rectangle in the painter's current coordinates
/// that shows the map's output pixels scaled by `pixelToFrame`: frame.topLeft() + pos * pixelToFrame),
/// longitudes on top/bottom, latitudes on left/right (rotated 90° on the left/right edges), dropping
/// labels that would overlap. `font` is used as is. When no line of a kind meets its preferred
/// edges (a polar view), that kind is labelled on the other edges instead.
void paintGraticuleLabels(QPainter &painter, const QRectF &frame, double pixelToFrame,
                          const QList<GraticuleTick> &ticks, const QFont &font, const QColor &ink);

} // namespace sightline
