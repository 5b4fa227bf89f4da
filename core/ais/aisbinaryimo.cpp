// DAC 1 addressed binary messages (type 6) of IMO SN.1/Circ.236 and 289, as gpsd 3.22 prints
// them. Bit offsets are from the start of the message; bits past its end read as zero, as in
// gpsd, which decodes these applications at any length.
#include "ais/aisbinarydecoders.h"

namespace sightline::ais::binary {

namespace {

const char *const kRouteTypes[32] = {
    "Undefined (default)", "Mandatory", "Recommended", "Alternative", "Recommended route through ice",
    "Ship route plan", "Reserved for future use.", "Reserved for future use.", "Reserved for future use.",
    "Reserved for future use.", "Reserved for future use.", "Reserved for future use.",
    "Reserved for future use.", "Reserved for future use.", "Reserved for future use.",
    "Reserved for future use.", "Reserved for future use.", "Reserved for future use.",
    "Reserved for future use.", "Reserved for future use.", "Reserved for future use.",
    "Reserved for future use.", "Reserved for future use.", "Reserved for future use.",
    "Reserved for future use.", "Reserved for future use.", "Reserved for future use.",
    "Reserved for future use.", "Reserved for future use.", "Reserved for future use.",
    "Reserved for future use.", "Cancel route identified by message linkage",
};

const char *const kBerthPositions[8] = {
    "Not available", "Port-side to", "Starboard-side to", "Mediterranean (end-on) mooring",
    "Mooring buoy", "Anchorage", "Reserved for future use", "Reserved for future use",
};

// The services of a berthing message, two bits each from bit 139, in message order.
const char *const kBerthServices[] = {
    "agent", "fuel", "chandler", "stevedore", "electrical", "water", "customs", "cartage", "crane",
    "lift", "medical", "navrepair", "provisions", "shiprepair", "surveyor", "steam", "tugs",
    "solidwaste", "liquidwaste", "hazardouswaste", "ballast", "additional", "regional1",
    "regional2", "future1", "future2",
};

// One tidal-window element; IMO236 and IMO289 differ in widths and in the order of lat and lon.
struct TidalLayout
{
    int size;                 // bits an element
    int lonAt, lonBits;       // offsets within the element
    int latAt, latBits;
    int timesAt;              // from_hour(5) from_min(6) to_hour(5) to_min(6)
    int cdirAt, cspeedAt, cspeedBits;
};

void tidals(AisJson &o, const BitBuffer &b, const TidalLayout &t)
{
    const bool scaled = o.scaled();
    o.i("month", b.u(88, 4));
    o.i("day", b.u(92, 5));
    o.beginArray("tidals");
    // gpsd counts an element whenever it starts at or before the message's end.
    for (int at = 97; at <= b.size(); at += t.size) {
        o.beginObject();
        minutes1000(o, "lon", b.s(at + t.lonAt, t.lonBits), scaled);
        minutes1000(o, "lat", b.s(at + t.latAt, t.latBits), scaled);
        const int ti = at + t.timesAt;
        o.i("from_hour", b.u(ti, 5));
        o.i("from_min", b.u(ti + 5, 6));
        o.i("to_hour", b.u(ti + 11, 5));
        o.i("to_min", b.u(ti + 16, 6));
        o.i("cdir", b.u(at + t.cdirAt, 9));
        const unsigned cspeed = b.u(at + t.cspeedAt, t.cspeedBits);
        if (scaled)
            printfFixed(o, "cspeed", cspeed / 10.0, 1);
        else
            o.i("cspeed", cspeed);
        o.endObject();
    }
    o.endArray();
}

} // namespace

/// Route information (IMO289, 6/1/28 and 8/1/27): `at` is where the linkage field starts.
void route(AisJson &o, const BitBuffer &b, int at)
{
    o.i("linkage", b.u(at, 10));
    o.i("sender", b.u(at + 10, 3));
    coded(o, "rtype", "rtype_text", b.u(at + 13, 5), kRouteTypes, "");
    stamp(o, "start", "D-DTD:DZ", {b.u(at + 18, 4), b.u(at + 22, 5), b.u(at + 27, 5), b.u(at + 32, 6)});
    o.i("duration", b.u(at + 38, 18));
    const unsigned count = b.u(at + 56, 5);
    o.beginArray("waypoints");
    for (unsigned i = 0; i < count; ++i) {
        const int w = at + 61 + 55 * int(i);
        o.beginObject();
        minutes10000(o, "lon", b.s(w, 28), o.scaled());
        minutes10000(o, "lat", b.s(w + 28, 27), o.scaled());
        o.endObject();
    }
    o.endArray();
}

bool dangerousCargo236(AisJson &o, const BitBuffer &b)
{
    sixbit(o, "lastport", b, 88, 5);
    stamp(o, "departure", "D-DTD:DZ", {b.u(118, 4), b.u(122, 5), b.u(127, 5), b.u(132, 6)});
    sixbit(o, "nextport", b, 138, 5);
    stamp(o, "eta", "D-DTD:DZ", {b.u(168, 4), b.u(172, 5), b.u(177, 5), b.u(182, 6)});
    sixbit(o, "dangerous", b, 188, 20);
    sixbit(o, "imdcat", b, 308, 4);
    o.i("unid", b.u(332, 13));
    o.i("amount", b.u(345, 10));
    o.i("unit", b.u(355, 2));
    return true;
}

bool tidalWindow236(AisJson &o, const BitBuffer &b)
{
    // IMO236 carries lat (27 bits) before lon (28 bits); gpsd prints lon first either way.
    tidals(o, b, TidalLayout{93, 27, 28, 0, 27, 55, 77, 86, 7});
    return true;
}

bool tidalWindow289(AisJson &o, const BitBuffer &b)
{
    tidals(o, b, TidalLayout{88, 0, 25, 25, 24, 49, 71, 80, 8});
    return true;
}

bool airDraught(AisJson &o, const BitBuffer &b)
{
    // gpsd reads it at bit 56 for both message types (inside a type 6's address).
    o.i("airdraught", b.u(56, 11));
    return true;
}

bool personsAddressed(AisJson &o, const BitBuffer &b)
{
    // IMO289's layout when the payload after the header is 136 bits, else IMO236's.
    o.i("persons", b.size() - 88 == 136 ? b.u(88, 13) : b.u(55, 13));
    return true;
}

bool clearanceTime(AisJson &o, const BitBuffer &b)
{
    o.i("linkage", b.u(88, 10));
    stamp(o, "arrival", "D-DTD:DZ", {b.u(98, 4), b.u(102, 5), b.u(107, 5), b.u(112, 6)});
    sixbit(o, "portname", b, 118, 20);
    sixbit(o, "destination", b, 238, 5);
    minutes1000(o, "lon", b.s(268, 25), o.scaled());
    minutes1000(o, "lat", b.s(293, 24), o.scaled());
    return true;
}

bool berthingData(AisJson &o, const BitBuffer &b)
{
    o.i("linkage", b.u(88, 10));
    o.i("berth_length", b.u(98, 9));
    coded(o, "position", "position_text", b.u(115, 3), kBerthPositions, "");
    stamp(o, "arrival", "N-NTN:N", {b.u(118, 4), b.u(122, 5), b.u(127, 5), b.u(132, 6)});
    o.i("availability", b.u(138, 1));
    int at = 139;
    for (const char *service : kBerthServices) {
        o.i(service, b.u(at, 2));
        at += 2;
    }
    sixbit(o, "berth_name", b, 191, 20);
    minutes1000(o, "berth_lon", b.s(311, 25), o.scaled());
    minutes1000(o, "berth_lat", b.s(336, 24), o.scaled());
    const unsigned depth = b.u(107, 8);
    if (o.scaled())
        printfFixed(o, "berth_depth", depth * 0.1, 1);
    else
        o.i("berth_depth", depth);
    return true;
}

bool dangerousCargo289(AisJson &o, const BitBuffer &b)
{
    o.i("unit", b.u(88, 2));
    o.i("amount", b.u(90, 10));
    o.beginArray("cargos");
    for (int at = 100; at < b.size(); at += 17) {
        o.beginObject();
        o.i("code", b.u(at, 4));
        o.i("subtype", b.u(at + 4, 13));
        o.endObject();
    }
    o.endArray();
    return true;
}

bool routeAddressed(AisJson &o, const BitBuffer &b)
{
    route(o, b, 88);
    return true;
}

bool textAddressed(AisJson &o, const BitBuffer &b)
{
    o.i("linkage", b.u(88, 10));
    sixbitToEnd(o, "text", b, 98);
    return true;
}

} // namespace sightline::ais::binary
