#pragma once

#include <QString>

namespace sightline {

class MapSettings;

/// Ground metres per output pixel at the centre of the view (geodesic on
/// WGS84); 0 when the view does not map to the ground.
double groundMetresPerPixel(const MapSettings &settings);

/// The scale denominator N of "1:N" at the centre of the view: ground
/// distance across the view's middle (geodesic on WGS84) over its printed width
/// at the settings' DPI. 0 when the view does not map to the ground.
double mapScaleDenominator(const MapSettings &settings);

/// "1:25,000"-style text, rounded to three significant figures.
QString formatScale(double denominator);

} // namespace sightline
