#pragma once

// The decoders of the binary applications gpsd 3.22 decodes, one per DAC/FID; aisbinary.cpp
// dispatches to them through one table.

#include "ais/aisbinaryfields.h"

namespace sightline::ais::binary {

// DAC 1, IMO236 and IMO289 (aisbinaryimo.cpp: addressed, type 6; aisbinaryimobroadcast.cpp: type 8).
bool dangerousCargo236(AisJson &o, const BitBuffer &b);   // 6/1/12
bool tidalWindow236(AisJson &o, const BitBuffer &b);      // 6/1/14
bool airDraught(AisJson &o, const BitBuffer &b);          // 6/1/15 and 8/1/15
bool personsAddressed(AisJson &o, const BitBuffer &b);    // 6/1/16
bool clearanceTime(AisJson &o, const BitBuffer &b);       // 6/1/18
bool berthingData(AisJson &o, const BitBuffer &b);        // 6/1/20
bool dangerousCargo289(AisJson &o, const BitBuffer &b);   // 6/1/25
bool routeAddressed(AisJson &o, const BitBuffer &b);      // 6/1/28
bool textAddressed(AisJson &o, const BitBuffer &b);       // 6/1/30
bool tidalWindow289(AisJson &o, const BitBuffer &b);      // 6/1/32
bool meteoHydro236(AisJson &o, const BitBuffer &b);       // 8/1/11
bool fairwayClosed(AisJson &o, const BitBuffer &b);       // 8/1/13
bool personsBroadcast(AisJson &o, const BitBuffer &b);    // 8/1/16
bool syntheticTargets(AisJson &o, const BitBuffer &b);    // 8/1/17
bool trafficSignal(AisJson &o, const BitBuffer &b);       // 8/1/19
bool routeBroadcast(AisJson &o, const BitBuffer &b);      // 8/1/27
bool textBroadcast(AisJson &o, const BitBuffer &b);       // 8/1/29
bool meteoHydro289(AisJson &o, const BitBuffer &b);       // 8/1/31

/// Route information (6/1/28 and 8/1/27) from the linkage field at bit `at`.
void route(AisJson &o, const BitBuffer &b, int at);

// DAC 200 (inland waterways) and DAC 235/250 (UK and Ireland) in aisbinaryregional.cpp.
bool inlandEta(AisJson &o, const BitBuffer &b);           // 6/200/21
bool inlandRta(AisJson &o, const BitBuffer &b);           // 6/200/22
bool inlandPersons(AisJson &o, const BitBuffer &b);       // 6/200/55
bool atonMonitoring(AisJson &o, const BitBuffer &b);      // 6/235/10 and 6/250/10
bool inlandStatic(AisJson &o, const BitBuffer &b);        // 8/200/10
bool emmaWarning(AisJson &o, const BitBuffer &b);         // 8/200/23
bool waterLevels(AisJson &o, const BitBuffer &b);         // 8/200/24
bool signalStatus(AisJson &o, const BitBuffer &b);        // 8/200/40

} // namespace sightline::ais::binary
