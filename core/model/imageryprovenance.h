#pragma once

#include <QPointF>
#include <QString>

#include <cstdint>

namespace sightline {

/// What the sighting form is prefilled with: the topmost visible image under
/// the click, its provider, when it was taken and its ground resolution, as far
/// as the file's metadata or its name tell.
struct ImageryProvenance
{
    QString source;   ///< scene id or file name; empty when no image is under the point
    QString provider; ///< "USGS Landsat 8", or empty
    std::int64_t acquiredMs = 0;
    double resolutionM = 0;
};

} // namespace sightline
