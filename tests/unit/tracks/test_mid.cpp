#include "tracks/mid.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <set>
#include <string>

using namespace sightline;

namespace {
struct MmsiCase
{
    std::uint32_t mmsi;
    int mid;
    MmsiKind kind;
    const char *iso2; // nullptr: no flag state
};

// MMSIs as written on a chart, leading zeros included where they matter.
constexpr MmsiCase kCases[] = {
    {273123456, 273, MmsiKind::Ship, "RU"},
    {445012345, 445, MmsiKind::Ship, "KP"},
    {412000000, 412, MmsiKind::Ship, "CN"},
    {413987654, 413, MmsiKind::Ship, "CN"},
    {414123456, 414, MmsiKind::Ship, "CN"},
    {440123456, 440, MmsiKind::Ship, "KR"},
    {441123456, 441, MmsiKind::Ship, "KR"},
    {431000001, 431, MmsiKind::Ship, "JP"},
    {432123456, 432, MmsiKind::Ship, "JP"},
    {477123456, 477, MmsiKind::Ship, "HK"},
    {453123456, 453, MmsiKind::Ship, "MO"},
    {416123456, 416, MmsiKind::Ship, "TW"},
    {538006789, 538, MmsiKind::Ship, "MH"},
    {636012345, 636, MmsiKind::Ship, "LR"},
    {637012345, 637, MmsiKind::Ship, "LR"},
    {351234567, 351, MmsiKind::Ship, "PA"},
    {357123456, 357, MmsiKind::Ship, "PA"},
    {370123456, 370, MmsiKind::Ship, "PA"},
    {374123456, 374, MmsiKind::Ship, "PA"},
    {366999712, 366, MmsiKind::Ship, "US"},
    {338123456, 338, MmsiKind::Ship, "US"},
    {369123456, 369, MmsiKind::Ship, "US"},
    {303123456, 303, MmsiKind::Ship, "US"},
    {209123456, 209, MmsiKind::Ship, "CY"},
    {210123456, 210, MmsiKind::Ship, "CY"},
    {212123456, 212, MmsiKind::Ship, "CY"},
    {215123456, 215, MmsiKind::Ship, "MT"},
    {229123456, 229, MmsiKind::Ship, "MT"},
    {248123456, 248, MmsiKind::Ship, "MT"},
    {249123456, 249, MmsiKind::Ship, "MT"},
    {256123456, 256, MmsiKind::Ship, "MT"},
    {308123456, 308, MmsiKind::Ship, "BS"},
    {309123456, 309, MmsiKind::Ship, "BS"},
    {311123456, 311, MmsiKind::Ship, "BS"},
    {232123456, 232, MmsiKind::Ship, "GB"},
    {211123456, 211, MmsiKind::Ship, "DE"},
    {244123456, 244, MmsiKind::Ship, "NL"},
    {257123456, 257, MmsiKind::Ship, "NO"},
    {563123456, 563, MmsiKind::Ship, "SG"},
    {525123456, 525, MmsiKind::Ship, "ID"},
    {775123456, 775, MmsiKind::Ship, "VE"},
    {201123456, 201, MmsiKind::Ship, "AL"},
    // Group calls, coast stations, aircraft, aids, craft, handhelds.
    {23112345, 231, MmsiKind::GroupShip, "FO"},   // 023112345
    {3669702, 366, MmsiKind::CoastStation, "US"}, // 003669702
    {2320001, 232, MmsiKind::CoastStation, "GB"}, // 002320001
    {111232000, 232, MmsiKind::SarAircraft, "GB"},
    {111366512, 366, MmsiKind::SarAircraft, "US"},
    {992351234, 235, MmsiKind::AidToNavigation, "GB"},
    {993669999, 366, MmsiKind::AidToNavigation, "US"},
    {982351234, 235, MmsiKind::AuxiliaryCraft, "GB"},
    {983521234, 352, MmsiKind::AuxiliaryCraft, "PA"},
    {823212345, 232, MmsiKind::Handheld, "GB"},
    // Unallocated but well-formed MIDs.
    {217123456, 217, MmsiKind::Ship, nullptr},
    {299245443, 299, MmsiKind::Ship, nullptr},
    {799000000, 799, MmsiKind::Ship, nullptr},
    // No MID at all.
    {970123456, 0, MmsiKind::SartMobEpirb, nullptr},
    {972123456, 0, MmsiKind::SartMobEpirb, nullptr},
    {974123456, 0, MmsiKind::SartMobEpirb, nullptr},
    {100123456, 0, MmsiKind::Invalid, nullptr},
    {199123456, 0, MmsiKind::Invalid, nullptr},
    {112232000, 0, MmsiKind::Invalid, nullptr},
    {900000000, 0, MmsiKind::Invalid, nullptr},
    {971123456, 0, MmsiKind::Invalid, nullptr},
    {999999999, 0, MmsiKind::Invalid, nullptr}, // 99 + MID 999
    {801234567, 0, MmsiKind::Invalid, nullptr}, // 8 + MID 012
    {1234567, 0, MmsiKind::Invalid, nullptr},   // 001234567: coast station, MID 123
    {0, 0, MmsiKind::Invalid, nullptr},
    {1000000000, 0, MmsiKind::Invalid, nullptr}, // ten digits
    {4294967295u, 0, MmsiKind::Invalid, nullptr},
};
} // namespace

TEST_CASE("midOf and flagForMmsi decode MMSIs by kind", "[tracks]")
{
    for (const MmsiCase &c : kCases) {
        INFO("MMSI " << c.mmsi);
        MmsiKind kind = MmsiKind::Ship;
        CHECK(midOf(c.mmsi, &kind) == c.mid);
        CHECK(kind == c.kind);
        CHECK(midOf(c.mmsi) == c.mid);
        const FlagState flag = flagForMmsi(c.mmsi);
        if (c.iso2) {
            REQUIRE(flag.isValid());
            CHECK(std::string(flag.iso2) == c.iso2);
            CHECK(flag.mid == c.mid);
        } else {
            CHECK_FALSE(flag.isValid());
            CHECK(flag.iso2 == nullptr);
        }
    }
}

TEST_CASE("flagForMid names the ITU allocations", "[tracks]")
{
    CHECK(std::string(flagForMid(273).name) == "Russian Federation");
    CHECK(std::string(flagForMid(445).name) == "Democratic People's Republic of Korea");
    CHECK(std::string(flagForMid(440).name) == "Republic of Korea");
    CHECK(std::string(flagForMid(477).name) == "Hong Kong (China)");
    CHECK(std::string(flagForMid(366).name) == "United States of America");
    CHECK(std::string(flagForMid(538).name) == "Marshall Islands");
    CHECK(flagForMid(201).mid == 201);
    CHECK(flagForMid(775).mid == 775);
    for (int mid : {0, -1, 100, 199, 200, 217, 221, 260, 280, 300, 400, 500, 600, 700, 776, 999, 1000})
        CHECK_FALSE(flagForMid(mid).isValid());
    CHECK_FALSE(FlagState{}.isValid());
}

TEST_CASE("mmsiKindName names every kind", "[tracks]")
{
    for (MmsiKind kind : {MmsiKind::Ship, MmsiKind::GroupShip, MmsiKind::CoastStation, MmsiKind::SarAircraft,
                          MmsiKind::AidToNavigation, MmsiKind::AuxiliaryCraft, MmsiKind::SartMobEpirb,
                          MmsiKind::Handheld, MmsiKind::Invalid})
        CHECK(std::strlen(mmsiKindName(kind)) > 0);
    CHECK(std::string(mmsiKindName(MmsiKind::CoastStation)) == "Coast station");
    CHECK(std::string(mmsiKindName(MmsiKind::Invalid)) == "Invalid");
}

TEST_CASE("The MID table is sorted, unique, in range and complete", "[tracks]")
{
    const auto table = allFlagStates();
    CHECK(table.size() >= 280);
    std::set<int> seen;
    int previous = 0;
    for (const FlagState &entry : table) {
        INFO("MID " << entry.mid);
        CHECK(entry.mid > previous);
        previous = entry.mid;
        CHECK(seen.insert(entry.mid).second);
        CHECK(entry.mid >= 201);
        CHECK(entry.mid <= 775);
        REQUIRE(entry.iso2 != nullptr);
        REQUIRE(std::strlen(entry.iso2) == 2);
        CHECK((entry.iso2[0] >= 'A' && entry.iso2[0] <= 'Z'));
        CHECK((entry.iso2[1] >= 'A' && entry.iso2[1] <= 'Z'));
        REQUIRE(entry.name != nullptr);
        CHECK(std::strlen(entry.name) > 0);
        CHECK(entry.isValid());
        // Every entry is found by the lookup.
        const FlagState found = flagForMid(entry.mid);
        CHECK(found.mid == entry.mid);
        CHECK(found.name == entry.name);
    }
}
