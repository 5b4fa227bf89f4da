#pragma once

#include "ais/aismessage.h"

#include <array>
#include <cstdint>
#include <string>

namespace sightline::ais {

/// Merges the two parts of a type 24 (class B static data) into the one record per
/// vessel that gpsd prints. As gpsd 3.22 does: a part A is held in a ring of eight
/// (gpsd's MAX_TYPE24_INTERLEAVE) and printed with nothing; a part B takes the name of
/// the first held part A of its MMSI (in ring order), frees that slot and is printed; a
/// part B without a held part A is not printed.
class Type24Merger
{
public:
    /// True when `m` is to be written: every message that is not a type 24, and a part B
    /// that found its part A, which then carries the name and `merged24`.
    bool take(AisMessage &m);

private:
    struct PartA
    {
        std::uint32_t mmsi = 0;
        std::string shipname;
    };
    std::array<PartA, 8> mRing;
    std::size_t mNext = 0;
};

} // namespace sightline::ais
