#pragma once

#include "model/imageryprovenance.h"

#include <QPointF>
#include <QString>

namespace sightline {

class LayerStack;
struct RasterInfo;

/// The provenance of the topmost visible image under `lonLat`; empty when there is none.
ImageryProvenance imageryProvenanceAt(const LayerStack &layers, QPointF lonLat);
/// The same for one raster: from GDAL metadata (Landsat MTL keys, TIFFTAG_DATETIME,
/// ACQUISITIONDATETIME) or from a scene id in the file name (LC08_…_20231005, LC8…2015216).
ImageryProvenance imageryProvenanceOf(const RasterInfo &info, const QString &name);

} // namespace sightline
