#pragma once

#include "ais/aismessage.h"
#include "ais/bitbuffer.h"

namespace sightline::ais {

enum class DecodeStatus
{
    Ok,
    /// A type 24 of the reserved parts C or D (part numbers 2 and 3), which gpsd drops too.
    NotDecoded,
    /// Fewer bits than the message type needs.
    TooShort,
    /// More bits than the message type may have.
    TooLong,
    /// Message type 0 or above 27.
    UnknownType,
};

/// Decodes every message type 1–27 with gpsd 3.22's length rules. Position and
/// static reports fill `out`; the fields of the other types are read from the bits
/// when they are written (needsBitsToFormat). Fills `out` only on Ok; `out.type`
/// is set whatever the result. A type 1–3 of 163–167 bits is decoded as gpsd does,
/// the missing bits read as zero (see isShortPositionReport).
DecodeStatus decode(const BitBuffer &bits, AisMessage &out);

/// The lengths gpsd 3.22 accepts for a message, in bits. Some depend on the
/// message's own flags (type 24's part, 25's and 26's addressing and structure).
struct LengthLimits
{
    int fewest = 0;
    int most = 0; ///< 0: no limit
};
LengthLimits lengthLimits(int type, const BitBuffer &bits);

/// A type 1–3 report shorter than its 168 bits that gpsd still decodes (163 bits seen in real logs).
inline bool isShortPositionReport(int type, int bits)
{
    return type >= 1 && type <= 3 && bits < 168;
}

} // namespace sightline::ais
