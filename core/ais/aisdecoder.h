#pragma once

#include "ais/aismessage.h"
#include "ais/bitbuffer.h"

namespace sightline::ais {

enum class DecodeStatus
{
    Ok,
    /// A valid message of a type Sightline recognises but does not decode (6, 7, 8, 10, 12–17, 20, 22, 23,
    /// 25, 26).
    NotDecoded,
    /// Fewer bits than the message type needs.
    TooShort,
    /// Message type 0 or above 27.
    UnknownType,
};

/// Decodes message types 1, 2, 3, 4, 5, 9, 11, 18, 19, 21, 24 (parts A and B)
/// and 27. Fills `out` only on Ok; `out.type` is set whatever the result.
DecodeStatus decode(const BitBuffer &bits, AisMessage &out);

/// Fewest bits a message of `type` may have (0 for types not decoded).
int minimumBits(int type);

} // namespace sightline::ais
