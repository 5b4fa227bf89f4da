// DAC 1 broadcast binary messages (type 8) of IMO SN.1/Circ.236 and 289, as gpsd 3.22 prints
// them (field names, order, units and texts).
#include "ais/aisbinarydecoders.h"

namespace sightline::ais::binary {

namespace {

const char *const kTrends[4] = {"steady", "increasing", "decreasing", "N/A"};
// WMO 306, code table 4.201.
const char *const kPrecipitation[8] = {"reserved", "rain",  "thunderstorm", "freezing rain",
                                       "mixed/ice", "snow", "reserved",     "N/A"};
const char *const kIce[4] = {"no", "yes", "reserved", "N/A"};
const char *const kTargetIds[4] = {"mmsi", "imo", "callsign", "other"};
const char *const kSignals[15] = {
    "N/A",
    "Serious emergency \xe2\x80\x93 stop or divert according to instructions.",
    "Vessels shall not proceed.",
    "Vessels may proceed. One way traffic.",
    "Vessels may proceed. Two way traffic.",
    "Vessels shall proceed on specific orders only.",
    "Vessels in main channel shall not proceed.",
    "Vessels in main channel shall proceed on specific orders only.",
    "Vessels in main channel shall proceed on specific orders only.",
    "I = \"in-bound\" only acceptable.",
    "O = \"out-bound\" only acceptable.",
    "F = both \"in- and out-bound\" acceptable.",
    "XI = Code will shift to \"I\" in due time.",
    "XO = Code will shift to \"O\" in due time.",
    "X = Vessels shall proceed only on direction.",
};

void tenths(AisJson &o, std::string_view key, double raw)
{
    printfFixed(o, key, raw / 10.0, 1);
}

// Currents, waves, swell and sea state: the same fields at the same relative offsets in
// IMO236 (from bit 211) and IMO289 (from bit 215).
void seaFields(AisJson &o, const BitBuffer &b, int at)
{
    const bool scaled = o.scaled();
    auto speed = [&](std::string_view key, unsigned v) {
        if (scaled)
            tenths(o, key, v);
        else
            o.i(key, v);
    };
    speed("cspeed", b.u(at, 8));
    o.i("cdir", b.u(at + 8, 9));
    speed("cspeed2", b.u(at + 17, 8));
    o.i("cdir2", b.u(at + 25, 9));
    o.i("cdepth2", b.u(at + 34, 5));
    speed("cspeed3", b.u(at + 39, 8));
    o.i("cdir3", b.u(at + 47, 9));
    o.i("cdepth3", b.u(at + 56, 5));
    speed("waveheight", b.u(at + 61, 8));
    o.i("waveperiod", b.u(at + 69, 6));
    o.i("wavedir", b.u(at + 75, 9));
    speed("swellheight", b.u(at + 84, 8));
    o.i("swellperiod", b.u(at + 92, 6));
    o.i("swelldir", b.u(at + 98, 9));
    o.i("seastate", b.u(at + 107, 4));
}

void windAndHumidity(AisJson &o, const BitBuffer &b, int timeAt)
{
    stamp(o, "timestamp", "DTD:DZ", {b.u(timeAt, 5), b.u(timeAt + 5, 5), b.u(timeAt + 10, 6)});
    o.i("wspeed", b.u(timeAt + 16, 7));
    o.i("wgust", b.u(timeAt + 23, 7));
    o.i("wdir", b.u(timeAt + 30, 9));
    o.i("wgustdir", b.u(timeAt + 39, 9));
    o.i("humidity", b.u(timeAt + 59, 7));
}

} // namespace

bool meteoHydro236(AisJson &o, const BitBuffer &b)
{
    const bool scaled = o.scaled();
    minutes1000(o, "lat", b.s(56, 24), scaled);
    minutes1000(o, "lon", b.s(80, 25), scaled);
    windAndHumidity(o, b, 105);
    const unsigned airtemp = b.u(153, 11), dewpoint = b.u(171, 10), pressure = b.u(181, 9),
                   tend = b.u(190, 2), visibility = b.u(192, 8), level = b.u(200, 9),
                   levelTrend = b.u(209, 2), watertemp = b.u(322, 10), precip = b.u(332, 3),
                   salinity = b.u(335, 9), ice = b.u(344, 2);
    if (scaled) {
        tenths(o, "airtemp", int(airtemp) - 600);
        tenths(o, "dewpoint", int(dewpoint) - 200);
        o.i("pressure", pressure + 800);
        o.s("pressuretend", kTrends[tend]);
        tenths(o, "visibility", visibility);
        tenths(o, "waterlevel", int(level) - 100);
        o.s("leveltrend", kTrends[levelTrend]);
    } else {
        o.i("airtemp", airtemp);
        o.i("dewpoint", dewpoint);
        o.i("pressure", pressure);
        o.i("pressuretend", tend);
        o.i("visibility", visibility);
        o.i("waterlevel", level);
        o.i("leveltrend", levelTrend);
    }
    seaFields(o, b, 211);
    if (scaled)
        tenths(o, "watertemp", int(watertemp) - 100);
    else
        o.i("watertemp", watertemp);
    coded(o, "preciptype", "preciptype_text", precip, kPrecipitation, "");
    if (scaled)
        tenths(o, "salinity", salinity);
    else
        o.i("salinity", salinity);
    coded(o, "ice", "ice_text", ice, kIce, "");
    return true;
}

bool meteoHydro289(AisJson &o, const BitBuffer &b)
{
    const bool scaled = o.scaled();
    minutes1000(o, "lat", b.s(81, 24), scaled);
    minutes1000(o, "lon", b.s(56, 25), scaled);
    o.b("accuracy", b.flag(105));
    windAndHumidity(o, b, 106);
    const int airtemp = b.s(154, 11), dewpoint = b.s(172, 10), watertemp = b.s(326, 10);
    const unsigned pressure = b.u(182, 9), tend = b.u(191, 2), visibility = b.u(194, 7),
                   level = b.u(201, 12), levelTrend = b.u(213, 2), precip = b.u(336, 3),
                   salinity = b.u(339, 9), ice = b.u(348, 2);
    if (scaled) {
        tenths(o, "airtemp", airtemp);
        tenths(o, "dewpoint", dewpoint);
        o.i("pressure", pressure + 799);
        o.s("pressuretend", kTrends[tend]);
        o.b("visgreater", b.flag(193));
        tenths(o, "visibility", visibility);
        // gpsd subtracts the offset in unsigned arithmetic: a level below the offset wraps
        // around to about 42949663 m. Printed as gpsd prints it.
        printfFixed(o, "waterlevel", std::uint32_t(level - 1000u) / 100.0, 1);
        o.s("leveltrend", kTrends[levelTrend]);
    } else {
        o.i("airtemp", airtemp);
        o.i("dewpoint", dewpoint);
        o.i("pressure", pressure);
        o.i("pressuretend", tend);
        o.b("visgreater", b.flag(193));
        o.i("visibility", visibility);
        o.i("waterlevel", level);
        o.i("leveltrend", levelTrend);
    }
    seaFields(o, b, 215);
    if (scaled) {
        tenths(o, "watertemp", watertemp);
        o.s("preciptype", kPrecipitation[precip]);
        tenths(o, "salinity", salinity);
        o.s("ice", kIce[ice]);
    } else {
        o.i("watertemp", watertemp);
        o.i("preciptype", precip);
        o.i("salinity", salinity);
        o.i("ice", ice);
    }
    return true;
}

bool fairwayClosed(AisJson &o, const BitBuffer &b)
{
    sixbit(o, "reason", b, 56, 20);
    sixbit(o, "closefrom", b, 176, 20);
    sixbit(o, "closeto", b, 296, 20);
    o.i("radius", b.u(416, 10));
    o.i("extunit", b.u(426, 2));
    // The message carries day before month; gpsd prints month first.
    stamp(o, "from", "D-DTD:D", {b.u(433, 4), b.u(428, 5), b.u(437, 5), b.u(442, 6)});
    stamp(o, "to", "D-DTD:D", {b.u(453, 4), b.u(448, 5), b.u(457, 5), b.u(462, 6)});
    return true;
}

bool personsBroadcast(AisJson &o, const BitBuffer &b)
{
    // gpsd decodes only the two lengths of the standards (IMO289: 136 bits after the header,
    // IMO236: 72), and prints its raw data for any other. (gpsd 3.22 then prints 0 for
    // "persons", reading another message's field; this is the value the message carries.)
    const int payload = b.size() - 56;
    if (payload != 136 && payload != 72)
        return false;
    o.i("persons", payload == 136 ? b.u(88, 13) : b.u(55, 13));
    return true;
}

bool syntheticTargets(AisJson &o, const BitBuffer &b)
{
    const bool scaled = o.scaled();
    o.beginArray("targets");
    for (int at = 56; at <= b.size(); at += 122) {
        const unsigned idtype = b.u(at, 2);
        o.beginObject();
        coded(o, "idtype", "idtype_text", idtype, kTargetIds, "");
        if (idtype <= 1) {
            // A 42-bit number that gpsd keeps in 32 bits, printed as a string.
            char digits[12];
            const auto end = std::to_chars(digits, digits + sizeof digits, b.u(at + 12, 32)).ptr;
            o.s(kTargetIds[idtype], std::string_view(digits, std::size_t(end - digits)));
        } else {
            sixbit(o, kTargetIds[idtype], b, at + 2, 7);
        }
        minutes1000(o, "lat", b.s(at + 48, 24), scaled);
        minutes1000(o, "lon", b.s(at + 72, 25), scaled);
        o.i("course", b.u(at + 97, 9));
        o.i("second", b.u(at + 106, 6));
        o.i("speed", b.u(at + 112, 10));
        o.endObject();
    }
    o.endArray();
    return true;
}

bool trafficSignal(AisJson &o, const BitBuffer &b)
{
    o.i("linkage", b.u(56, 10));
    sixbit(o, "station", b, 66, 20);
    // gpsd prints this position in degrees even unscaled.
    minutes1000(o, "lon", b.s(186, 25), true);
    minutes1000(o, "lat", b.s(211, 24), true);
    o.i("status", b.u(235, 2));
    coded(o, "signal", "signal_text", b.u(237, 5), kSignals, "INVALID SIGNAL TYPE");
    o.i("hour", b.u(242, 5));
    o.i("minute", b.u(247, 6));
    // gpsd 3.22 leaves out the comma before "nextsignal_text" and the escapes of the quotes in
    // some signal texts, printing a line no JSON reader accepts; ours is valid JSON.
    coded(o, "nextsignal", "nextsignal_text", b.u(253, 5), kSignals, "INVALID SIGNAL TYPE");
    return true;
}

bool routeBroadcast(AisJson &o, const BitBuffer &b)
{
    route(o, b, 56);
    return true;
}

bool textBroadcast(AisJson &o, const BitBuffer &b)
{
    o.i("linkage", b.u(56, 10));
    sixbitToEnd(o, "text", b, 66);
    return true;
}

} // namespace sightline::ais::binary
