#pragma once

#include <QStringList>

class QPainter;

namespace sightline {

class MapSettings;

/// Map furniture painted over a rendered map, by the same code for the canvas,
/// the command line and (later) the brief: a scale bar at the bottom left and
/// the credits of the visible layers at the bottom right.
void paintScaleBar(QPainter &painter, const MapSettings &settings);
void paintAttribution(QPainter &painter, const MapSettings &settings, const QStringList &credits);
/// Both of the above, with the credits taken from the settings' visible layers.
void paintMapDecorations(QPainter &painter, const MapSettings &settings);

/// The scale bar's length in metres and its label ("10 km", "500 m") for a
/// ground resolution, aiming at about `targetPixels` on screen.
struct ScaleBarLength
{
    double metres = 0;
    QString label;
};
ScaleBarLength niceScaleBarLength(double groundMetresPerPixel, double targetPixels);

} // namespace sightline
