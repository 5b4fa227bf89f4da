#include "ais/aismessage.h"

#include <array>
#include <string>

namespace sightline::ais {

const char *navigationStatusText(int status)
{
    static const char *const texts[] = {"Under way using engine",
                                        "At anchor",
                                        "Not under command",
                                        "Restricted manoeuverability",
                                        "Constrained by her draught",
                                        "Moored",
                                        "Aground",
                                        "Engaged in fishing",
                                        "Under way sailing",
                                        "Reserved for HSC",
                                        "Reserved for WIG",
                                        "Reserved",
                                        "Reserved",
                                        "Reserved",
                                        "AIS-SART is active",
                                        "Not defined"};
    return status >= 0 && status < 16 ? texts[status] : "Not defined";
}

const char *shipTypeText(int t)
{
    if (t == 0)
        return "Not available";
    if (t >= 1 && t <= 19)
        return "Reserved for future use";
    static const char *const thirties[] = {"Fishing",
                                           "Towing",
                                           "Towing: length exceeds 200m or breadth exceeds 25m",
                                           "Dredging or underwater ops",
                                           "Diving ops",
                                           "Military ops",
                                           "Sailing",
                                           "Pleasure Craft",
                                           "Reserved",
                                           "Reserved"};
    static const char *const fifties[] = {"Pilot Vessel",
                                          "Search and Rescue vessel",
                                          "Tug",
                                          "Port Tender",
                                          "Anti-pollution equipment",
                                          "Law Enforcement",
                                          "Spare - Local Vessel",
                                          "Spare - Local Vessel",
                                          "Medical Transport",
                                          "Noncombatant ship according to RR Resolution No. 18"};
    if (t >= 30 && t <= 39)
        return thirties[t - 30];
    if (t >= 50 && t <= 59)
        return fifties[t - 50];
    if (t >= 20 && t <= 99) {
        // 20–29 WIG, 40–49 HSC, 60–69 passenger, 70–79 cargo, 80–89 tanker, 90–99 other;
        // the last digit is the cargo category.
        static const std::array<std::string, 100> texts = [] {
            const char *const kinds[] = {"Wing in ground (WIG)",
                                         "",
                                         "High speed craft (HSC)",
                                         "",
                                         "Passenger",
                                         "Cargo",
                                         "Tanker",
                                         "Other Type"};
            const char *const categories[] = {"all ships of this type",  "Hazardous category A",
                                              "Hazardous category B",    "Hazardous category C",
                                              "Hazardous category D",    "Reserved for future use",
                                              "Reserved for future use", "Reserved for future use",
                                              "Reserved for future use", "No additional information"};
            std::array<std::string, 100> all;
            for (int code = 20; code < 100; ++code)
                all[std::size_t(code)] = std::string(kinds[code / 10 - 2]) + " - " + categories[code % 10];
            all[99] = "Other Type - no additional information"; // lower case in the standard's table too
            return all;
        }();
        return texts[std::size_t(t)].c_str();
    }
    return "Unknown";
}

const char *epfdText(int epfd)
{
    static const char *const texts[] = {"Undefined",
                                        "GPS",
                                        "GLONASS",
                                        "Combined GPS/GLONASS",
                                        "Loran-C",
                                        "Chayka",
                                        "Integrated navigation system",
                                        "Surveyed",
                                        "Galileo"};
    return epfd >= 0 && epfd <= 8 ? texts[epfd] : (epfd == 15 ? "Internal GNSS" : "Undefined");
}

const char *aidTypeText(int t)
{
    static const char *const texts[] = {"Unspecified",
                                        "Reference point",
                                        "RACON",
                                        "Fixed offshore structure",
                                        "Spare, Reserved for future use.",
                                        "Light, without sectors",
                                        "Light, with sectors",
                                        "Leading Light Front",
                                        "Leading Light Rear",
                                        "Beacon, Cardinal N",
                                        "Beacon, Cardinal E",
                                        "Beacon, Cardinal S",
                                        "Beacon, Cardinal W",
                                        "Beacon, Port hand",
                                        "Beacon, Starboard hand",
                                        "Beacon, Preferred Channel port hand",
                                        "Beacon, Preferred Channel starboard hand",
                                        "Beacon, Isolated danger",
                                        "Beacon, Safe water",
                                        "Beacon, Special mark",
                                        "Cardinal Mark N",
                                        "Cardinal Mark E",
                                        "Cardinal Mark S",
                                        "Cardinal Mark W",
                                        "Port hand Mark",
                                        "Starboard hand Mark",
                                        "Preferred Channel Port hand",
                                        "Preferred Channel Starboard hand",
                                        "Isolated danger",
                                        "Safe Water",
                                        "Special Mark",
                                        "Light Vessel / LANBY / Rigs"};
    return t >= 0 && t < 32 ? texts[t] : "Unspecified";
}

const char *gpsdStatusText(int status)
{
    return status == 14 ? "Reserved" : navigationStatusText(status);
}

const char *gpsdEpfdText(int epfd)
{
    return epfd > 8 ? "INVALID EPFD" : epfdText(epfd);
}

const char *gpsdShipTypeText(int shiptype)
{
    if (shiptype == 59)
        return "Ship according to RR Resolution No. 18";
    if (shiptype == 29)
        return "Wing in ground (WIG) - Reserved for future use";
    return shiptype > 99 ? "INVALID SHIP TYPE" : shipTypeText(shiptype);
}

const char *stationTypeText(int t)
{
    static const char *const texts[] = {"All types of mobiles",
                                        "Reserved for future use",
                                        "All types of Class B mobile stations",
                                        "SAR airborne mobile station",
                                        "Aid to Navigation station",
                                        "Class B shipborne mobile station",
                                        "Regional use and inland waterways",
                                        "Regional use and inland waterways",
                                        "Regional use and inland waterways",
                                        "Regional use and inland waterways"};
    return t >= 0 && t < 10 ? texts[t] : "Reserved for future use";
}

} // namespace sightline::ais
