#pragma once

#include "ais/aisjson.h"
#include "ais/bitbuffer.h"

namespace sightline::ais {

/// Writes the members of a binary message (types 6, 8, 25 and 26) that follow "scaled":
/// the addressing header, then the application's fields as gpsd names them for the
/// DAC/FID pairs gpsd decodes, or gpsd's raw "data" bit string for any other.
void writeBinaryMessage(AisJson &o, const BitBuffer &bits, int type);

} // namespace sightline::ais
