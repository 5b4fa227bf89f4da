#pragma once

#include "model/sighting.h"

#include <ogr_geometry.h>

#include <QString>

#include <memory>
#include <optional>

namespace sightline {

/// The geometry as OGR holds it, in lon/lat; a polygon's ring is closed.
std::unique_ptr<OGRGeometry> sightingGeometryToOgr(const SightingGeometry &geometry);

/// An OGR geometry as a sighting's: a point, multipoint, line or polygon (one ring,
/// stored open), or a multi-line or multi-polygon of a single part, as other tools
/// often write those. Z and M are dropped. nullopt, with the reason in `why`, for
/// anything else (no geometry, holes, several parts, collections).
std::optional<SightingGeometry> sightingGeometryFromOgr(const OGRGeometry *geometry, QString *why = nullptr);

} // namespace sightline
