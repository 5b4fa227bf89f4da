#pragma once

#include "analysis/movementevent.h"
#include "model/sighting.h"

namespace sightline {

/// A vessel detection (its event, EventType::VesselDetection) made into the analyst's sighting:
/// a vessel at the detection's place and acquisition, the image as its imagery source
/// (provenance), linked to the matched vessel, or tagged "dark" when none fits. The
/// measurements go to the notes; the analyst grades it.
Sighting sightingFromDetection(const MovementEvent &detection);

} // namespace sightline
