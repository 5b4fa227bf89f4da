// Regional binary applications gpsd 3.22 decodes: DAC 200 (inland waterways, the Inland AIS
// standard) and DAC 235/250 (the UK and Irish lighthouse authorities' AtoN monitoring). gpsd
// decodes each only at its standard length and prints the raw data of any other.
#include "ais/aisbinarydecoders.h"

namespace sightline::ais::binary {

namespace {

const char *const kRtaStatus[4] = {"Operational", "Limited operation", "Out of order", "N/A"};
const char *const kRacon[4] = {"No RACON installed", "RACON not monitored", "RACON operational",
                               "RACON ERROR"};
const char *const kLight[4] = {"No light or no monitoring", "Light ON", "Light OFF", "Light ERROR"};
const char *const kHazards[6] = {"0 blue cones/lights", "1 blue cone/light", "2 blue cones/lights",
                                 "3 blue cones/lights", "4 B-Flag",          "Unknown"};
const char *const kLoaded[3] = {"N/A (default)", "Unloaded", "Loaded"};
const char *const kEmmaTypes[10] = {"Not Available", "Wind",     "Rain",  "Snow and ice",
                                    "Thunderstorm",  "Fog",      "Low temperature",
                                    "High temperature", "Flood", "Forest Fire"};
const char *const kEmmaClasses[3] = {"Slight", "Medium", "Strong"};
const char *const kEmmaWinds[9] = {"N/A",   "North",      "North East", "East", "South East",
                                   "South", "South West", "West",       "North West"};
const char *const kDirections[5] = {"Unknown", "Upstream", "Downstream", "To left bank",
                                    "To right bank"};
const char *const kSignalLights[8] = {"Unknown", "No light",       "White",          "Yellow",
                                      "Green",   "Red",            "White flashing", "Yellow flashing."};

// Inland ship types: the ERI code or the AIS ship type it maps to; gpsd takes the first entry
// matching either.
struct InlandShipType
{
    unsigned eri, ais;
    const char *text;
};
const InlandShipType kInlandShipTypes[] = {
    {8000, 99, "Vessel, type unknown"},
    {8010, 79, "Motor freighter"},
    {8020, 89, "Motor tanker"},
    {8021, 80, "Motor tanker, liquid cargo, type N"},
    {8022, 80, "Motor tanker, liquid cargo, type C"},
    {8023, 89, "Motor tanker, dry cargo as if liquid (e.g. cement)"},
    {8030, 79, "Container vessel"},
    {8040, 80, "Gas tanker"},
    {8050, 79, "Motor freighter, tug"},
    {8060, 89, "Motor tanker, tug"},
    {8070, 79, "Motor freighter with one or more ships alongside"},
    {8080, 89, "Motor freighter with tanker"},
    {8090, 79, "Motor freighter pushing one or more freighters"},
    {8100, 89, "Motor freighter pushing at least one tank-ship"},
    {8110, 79, "Tug, freighter"},
    {8120, 89, "Tug, tanker"},
    {8130, 31, "Tug freighter, coupled"},
    {8140, 31, "Tug, freighter/tanker, coupled"},
    {8150, 99, "Freightbarge"},
    {8160, 99, "Tankbarge"},
    {8161, 90, "Tankbarge, liquid cargo, type N"},
    {8162, 90, "Tankbarge, liquid cargo, type C"},
    {8163, 99, "Tankbarge, dry cargo as if liquid (e.g. cement)"},
    {8170, 99, "Freightbarge with containers"},
    {8180, 90, "Tankbarge, gas"},
    {8210, 79, "Pushtow, one cargo barge"},
    {8220, 79, "Pushtow, two cargo barges"},
    {8230, 79, "Pushtow, three cargo barges"},
    {8240, 79, "Pushtow, four cargo barges"},
    {8250, 79, "Pushtow, five cargo barges"},
    {8260, 79, "Pushtow, six cargo barges"},
    {8270, 79, "Pushtow, seven cargo barges"},
    {8280, 79, "Pushtow, eigth cargo barges"},
    {8290, 79, "Pushtow, nine or more barges"},
    {8310, 80, "Pushtow, one tank/gas barge"},
    {8320, 80, "Pushtow, two barges at least one tanker or gas barge"},
    {8330, 80, "Pushtow, three barges at least one tanker or gas barge"},
    {8340, 80, "Pushtow, four barges at least one tanker or gas barge"},
    {8350, 80, "Pushtow, five barges at least one tanker or gas barge"},
    {8360, 80, "Pushtow, six barges at least one tanker or gas barge"},
    {8370, 80, "Pushtow, seven barges at least one tanker or gas barg"},
};

const char *inlandShipTypeText(unsigned code)
{
    for (const InlandShipType &t : kInlandShipTypes)
        if (t.eri == code || t.ais == code)
            return t.text;
    return "Illegal ship type value.";
}

// Country, UN/LOCODE, fairway section, terminal and hectometre of an inland ETA or RTA.
void inlandPlace(AisJson &o, const BitBuffer &b)
{
    sixbit(o, "country", b, 88, 2);
    sixbit(o, "locode", b, 100, 3);
    sixbit(o, "section", b, 118, 5);
    sixbit(o, "terminal", b, 148, 5);
    sixbit(o, "hectometre", b, 178, 5);
    stamp(o, "eta", "N-NTN:N", {b.u(208, 4), b.u(212, 5), b.u(217, 5), b.u(222, 6)});
}

// An analogue voltage in 0.05 V; gpsd prints a zero reading as the integer even when scaled.
void volts(AisJson &o, std::string_view key, unsigned raw)
{
    if (o.scaled() && raw != 0)
        printfFixed(o, key, raw * 0.05, 2);
    else
        o.i(key, raw);
}

} // namespace

bool inlandEta(AisJson &o, const BitBuffer &b)
{
    if (b.size() != 248)
        return false;
    inlandPlace(o, b);
    o.i("tugs", b.u(228, 3));
    o.i("airdraught", b.u(231, 12));
    return true;
}

bool inlandRta(AisJson &o, const BitBuffer &b)
{
    if (b.size() != 232)
        return false;
    inlandPlace(o, b);
    coded(o, "status", "status_text", b.u(228, 2), kRtaStatus, "");
    return true;
}

bool inlandPersons(AisJson &o, const BitBuffer &b)
{
    if (b.size() != 168)
        return false;
    o.i("crew", b.u(88, 8));
    o.i("passengers", b.u(96, 13));
    o.i("personnel", b.u(109, 8));
    return true;
}

bool atonMonitoring(AisJson &o, const BitBuffer &b)
{
    if (b.size() != 136)
        return false;
    o.b("off_pos", b.flag(131));
    o.b("alarm", b.flag(122));
    o.i("stat_ext", b.u(123, 8));
    volts(o, "ana_int", b.u(88, 10));
    volts(o, "ana_ext1", b.u(98, 10));
    volts(o, "ana_ext2", b.u(108, 10));
    coded(o, "racon", "racon_text", b.u(118, 2), kRacon, "");
    coded(o, "light", "light_text", b.u(120, 2), kLight, "");
    return true;
}

bool inlandStatic(AisJson &o, const BitBuffer &b)
{
    const unsigned hazard = b.u(141, 3);
    // gpsd takes a hazard code past its table as a sign that this is not really an inland
    // static report, and prints the raw data.
    if (b.size() != 168 || hazard > 5)
        return false;
    sixbit(o, "vin", b, 56, 8);
    o.i("length", b.u(104, 13));
    o.i("beam", b.u(117, 10));
    const unsigned shiptype = b.u(127, 14);
    o.i("shiptype", shiptype);
    o.s("shiptype_text", inlandShipTypeText(shiptype));
    coded(o, "hazard", "hazard_text", hazard, kHazards, "INVALID HAZARD TYPE");
    o.i("draught", b.u(144, 11));
    coded(o, "loaded", "loaded_text", b.u(155, 2), kLoaded, "INVALID LOAD STATUS");
    o.b("speed_q", b.flag(157));
    o.b("course_q", b.flag(158));
    o.b("heading_q", b.flag(159));
    return true;
}

bool emmaWarning(AisJson &o, const BitBuffer &b)
{
    if (b.size() != 256)
        return false;
    // gpsd 3.22 fills the start's date from month, hour, minute and then day (the day lands
    // in the minutes); the end's is in order. Printed as gpsd prints them.
    stamp(o, "start", "N-D-DTD:D", {b.u(56, 8) + 2000, b.u(64, 4), b.u(90, 5), b.u(95, 6), b.u(68, 5)});
    stamp(o, "end", "N-D-DTD:D", {b.u(73, 8) + 2000, b.u(81, 4), b.u(85, 5), b.u(101, 5), b.u(106, 6)});
    const bool scaled = o.scaled();
    minutes10000(o, "start_lon", b.s(112, 28), scaled);
    minutes10000(o, "start_lat", b.s(140, 27), scaled);
    minutes10000(o, "end_lon", b.s(167, 28), scaled);
    minutes10000(o, "end_lat", b.s(195, 27), scaled);
    coded(o, "type", "type_text", b.u(222, 4), kEmmaTypes, "INVALID EMMA TYPE");
    o.i("min", b.s(226, 9));
    o.i("max", b.s(235, 9));
    coded(o, "class", "class_text", b.u(244, 2), kEmmaClasses, "INVALID EMMA TYPE");
    coded(o, "wind", "wind_text", b.u(246, 4), kEmmaWinds, "INVALID EMMA WIND DIRECTION");
    return true;
}

bool waterLevels(AisJson &o, const BitBuffer &b)
{
    if (b.size() != 168)
        return false;
    sixbit(o, "country", b, 56, 2);
    o.beginArray("gauges");
    for (int at = 68; at < b.size(); at += 25) {
        o.beginObject();
        o.i("id", b.u(at, 11));
        o.i("level", b.s(at + 11, 14));
        o.endObject();
    }
    o.endArray();
    return true;
}

bool signalStatus(AisJson &o, const BitBuffer &b)
{
    if (b.size() != 168)
        return false;
    minutes10000(o, "lon", b.s(56, 28), o.scaled());
    minutes10000(o, "lat", b.s(84, 27), o.scaled());
    o.i("form", b.u(111, 4));
    o.i("facing", b.u(115, 9));
    coded(o, "direction", "direction_text", b.u(124, 3), kDirections, "INVALID DIRECTION");
    coded(o, "status", "status_text", b.u(127, 30), kSignalLights, "INVALID STATUS");
    return true;
}

} // namespace sightline::ais::binary
