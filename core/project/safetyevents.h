#pragma once

#include "analysis/movementevent.h"
#include "tracks/aisbroadcasts.h"

namespace sightline {

/// A safety message (AIS 12, 14) as an event on its sender's timeline lane: an instant at the
/// time it was heard, at the sender's position then, its text, addressee and receiver in the
/// details. Its id is the stored row negated, so it never meets an analysis event's id.
MovementEvent safetyMessageEvent(const SafetyMessage &message);

} // namespace sightline
