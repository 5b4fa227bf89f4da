#pragma once

#include <cstdint>
#include <span>

namespace sightline {

/// The country or geographical area a Maritime Identification Digit is allocated to
/// (ITU-R M.585, ITU MARS "Table of Maritime Identification Digits"). Territories
/// with their own MID carry their own ISO code, e.g. 477 "HK" Hong Kong (China);
/// the French southern lands (501, 607, 618, 635) are "TF", Ascension (608) "SH".
struct FlagState
{
    int mid = 0;
    const char *iso2 = nullptr; ///< ISO 3166-1 alpha-2, e.g. "RU"
    const char *name = nullptr; ///< English, UTF-8, e.g. "Russian Federation"
    bool isValid() const { return name != nullptr; }
};

/// What an MMSI identifies, by its leading digits (ITU-R M.585 annexes).
enum class MmsiKind
{
    Ship,            ///< MIDXXXXXX, first digit 2–7
    GroupShip,       ///< 0MIDXXXXX
    CoastStation,    ///< 00MIDXXXX
    SarAircraft,     ///< 111MIDXXX
    AidToNavigation, ///< 99MIDXXXX
    AuxiliaryCraft,  ///< 98MIDXXXX, craft associated with a parent ship
    SartMobEpirb,    ///< 970xxyyyy AIS-SART, 972xxyyyy MOB, 974xxyyyy EPIRB-AIS: no MID
    Handheld,        ///< 8MIDXXXXX, handheld VHF / diver's radio
    Invalid,         ///< none of the above
};

/// "Ship", "Coast station", ... for display.
const char *mmsiKindName(MmsiKind kind);

/// The flag state allocated MID `mid`; invalid (no name) for unallocated MIDs.
FlagState flagForMid(int mid);

/// The whole allocation table, sorted by MID, one entry per MID.
std::span<const FlagState> allFlagStates();

/// The MID carried by `mmsi` (a nine-digit number, leading zeros implied) and,
/// in `*kind` when given, what kind of station it is. 0 when the MMSI carries
/// no MID (AIS-SART/MOB/EPIRB, malformed numbers); the MID returned need not
/// be allocated, check with flagForMid().
int midOf(std::uint32_t mmsi, MmsiKind *kind = nullptr);

/// flagForMid(midOf(mmsi)).
FlagState flagForMmsi(std::uint32_t mmsi);

} // namespace sightline
