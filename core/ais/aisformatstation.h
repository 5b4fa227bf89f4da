#pragma once

#include "ais/aisjson.h"
#include "ais/bitbuffer.h"

namespace sightline::ais {

/// Writes the members of a station-management message that follow "scaled", read from
/// its bits as gpsd 3.22 prints them (scaled or not, as `o` says): acknowledgements (7,
/// 13), UTC inquiry (10), interrogation (15), assigned mode (16), DGNSS corrections (17),
/// data link management (20), channel management (22) and group assignment (23).
/// Fields past the end of a short message read as zero, as in gpsd.
void writeStationMessage(AisJson &o, const BitBuffer &bits, int type);

} // namespace sightline::ais
