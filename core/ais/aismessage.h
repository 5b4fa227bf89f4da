#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace sightline::ais {

/// One decoded AIS message. Field names and units follow gpsd's AIVDM JSON
/// (lon/lat in degrees, speed in knots, course in degrees); values the
/// protocol marks "not available" (lat 91, lon 181, speed 102.3, course 360,
/// heading 511) are stored as absent: NaN, or -1 for integers.
struct AisMessage
{
    static constexpr double kAbsent = std::numeric_limits<double>::quiet_NaN();

    int type = 0;
    int repeat = 0;
    std::uint32_t mmsi = 0;

    // Position reports (1, 2, 3, 4, 9, 11, 18, 19, 21, 27).
    double lon = kAbsent;
    double lat = kAbsent;
    double speed = kAbsent;  ///< knots (type 9: whole knots)
    double course = kAbsent; ///< degrees
    int heading = -1;        ///< degrees
    int second = -1;         ///< UTC second of the report (0–59)
    int status = -1;         ///< navigation status
    int turn = -128;         ///< raw rate-of-turn: -128 not available, ±127 fast turn
    bool accuracy = false;
    bool raim = false;
    std::uint32_t radio = 0;
    int maneuver = 0;

    // Base station / UTC answer (4, 11): the time the station reports.
    int year = 0, month = 0, day = 0, hour = 24, minute = 60, utcSecond = 60;
    int epfd = 0;

    // Static and voyage data (5, 19, 21, 24).
    int aisVersion = 0;
    std::uint32_t imo = 0;
    std::string callsign;
    std::string shipname; ///< type 21: the aid's name, with its extension
    int shiptype = 0;
    int toBow = 0, toStern = 0, toPort = 0, toStarboard = 0;
    int etaMonth = 0, etaDay = 0, etaHour = 24, etaMinute = 60;
    double draught = 0;
    std::string destination;
    bool dte = false;

    // SAR aircraft (9).
    int alt = -1; ///< metres; -1 not available

    // Class B (18, 19).
    int reserved = 0;
    int regional = 0;
    bool cs = false, display = false, dsc = false, band = false, msg22 = false;
    bool assigned = false;

    // Aids to navigation (21).
    int aidType = 0;
    bool offPosition = false;
    bool virtualAid = false;

    // Class B static data (24): part 0 = A (name), 1 = B (the rest).
    int partno = -1;
    std::string vendorid;
    int model = 0;
    std::uint32_t serial = 0;
    std::uint32_t mothershipMmsi = 0;

    // Long-range broadcast (27).
    bool gnss = false;

    // Addressed messages (6, 7, 12, 13, 25, 26): the station addressed, and the sequence number.
    std::uint32_t destMmsi = 0;
    int seqno = 0;
    bool retransmit = false;

    // Binary messages (6, 8): the application's designated area code and function.
    int dac = 0;
    int fid = 0;

    // Safety-related text (12, 14).
    std::string text;

    bool hasPosition() const { return !std::isnan(lon) && !std::isnan(lat); }
};

/// The human-readable texts gpsd prints beside codes.
const char *navigationStatusText(int status);
const char *shipTypeText(int shiptype);
const char *epfdText(int epfd);
const char *aidTypeText(int aidType);

} // namespace sightline::ais
