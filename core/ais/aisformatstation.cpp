#include "ais/aisformatstation.h"

#include "ais/aismessage.h"

namespace sightline::ais {

namespace {

// A corner of a type 22 or 23 area, in 1/10 minute: gpsd 3.22 prints it scaled as a
// string of six decimals, unscaled as the integer.
void corner(AisJson &o, std::string_view key, std::int32_t raw)
{
    if (o.scaled())
        o.exactString(key, raw / 600.0, 6);
    else
        o.i(key, raw);
}

void area(AisJson &o, const BitBuffer &b, int at)
{
    corner(o, "ne_lon", b.s(at, 18));
    corner(o, "ne_lat", b.s(at + 18, 17));
    corner(o, "sw_lon", b.s(at + 35, 18));
    corner(o, "sw_lat", b.s(at + 53, 17));
}

} // namespace

void writeStationMessage(AisJson &o, const BitBuffer &b, int type)
{
    switch (type) {
    case 7:
    case 13:
        // Up to four acknowledged stations, each MMSI followed by a two-bit sequence number gpsd does not print.
        for (int i = 0; i < 4; ++i) {
            const char key[] = {'m', 'm', 's', 'i', char('1' + i)};
            o.i(std::string_view(key, sizeof key), b.u(40 + 32 * i, 30));
        }
        break;
    case 10:
        o.i("dest_mmsi", b.u(40, 30));
        break;
    case 15:
        o.i("mmsi1", b.u(40, 30));
        o.i("type1_1", b.u(70, 6));
        o.i("offset1_1", b.u(76, 12));
        o.i("type1_2", b.u(90, 6));
        o.i("offset1_2", b.u(96, 12));
        o.i("mmsi2", b.u(110, 30));
        o.i("type2_1", b.u(140, 6));
        o.i("offset2_1", b.u(146, 12));
        break;
    case 16: {
        // gpsd reads the second station only from a message of two (144 bits or more).
        const bool second = b.size() >= 144;
        o.i("mmsi1", b.u(40, 30));
        o.i("offset1", b.u(70, 12));
        o.i("increment1", b.u(82, 10));
        o.i("mmsi2", second ? b.u(92, 30) : 0);
        o.i("offset2", second ? b.u(122, 12) : 0);
        o.i("increment2", second ? b.u(134, 10) : 0);
        break;
    }
    case 17: {
        const std::int32_t lon = b.s(40, 18), lat = b.s(58, 17);
        if (o.scaled()) {
            o.exact("lon", lon / 600.0, 1);
            o.exact("lat", lat / 600.0, 1);
        } else {
            o.i("lon", lon);
            o.i("lat", lat);
        }
        o.data("data", b, 80, b.size() - 80);
        break;
    }
    case 20:
        for (int i = 0; i < 4; ++i) {
            const int at = 40 + 30 * i;
            const char n = char('1' + i);
            const char offset[] = {'o', 'f', 'f', 's', 'e', 't', n};
            const char number[] = {'n', 'u', 'm', 'b', 'e', 'r', n};
            const char timeout[] = {'t', 'i', 'm', 'e', 'o', 'u', 't', n};
            const char increment[] = {'i', 'n', 'c', 'r', 'e', 'm', 'e', 'n', 't', n};
            o.i(std::string_view(offset, sizeof offset), b.u(at, 12));
            o.i(std::string_view(number, sizeof number), b.u(at + 12, 4));
            o.i(std::string_view(timeout, sizeof timeout), b.u(at + 16, 3));
            o.i(std::string_view(increment, sizeof increment), b.u(at + 19, 11));
        }
        break;
    case 22: {
        o.i("channel_a", b.u(40, 12));
        o.i("channel_b", b.u(52, 12));
        o.i("txrx", b.u(64, 4));
        o.b("power", b.flag(68));
        const bool addressed = b.flag(139);
        if (addressed) {
            o.i("dest1", b.u(69, 30));
            o.i("dest2", b.u(104, 30));
        } else {
            area(o, b, 69);
        }
        o.b("addressed", addressed);
        o.b("band_a", b.flag(140));
        o.b("band_b", b.flag(141));
        o.i("zonesize", b.u(142, 3));
        break;
    }
    case 23: {
        area(o, b, 40);
        const int stationType = int(b.u(110, 4)), shiptype = int(b.u(114, 8));
        o.i("stationtype", stationType);
        o.s("stationtype_text", stationTypeText(stationType));
        o.i("shiptype", shiptype);
        o.s("shiptype_text", gpsdShipTypeText(shiptype));
        o.i("interval", b.u(146, 4));
        o.i("quiet", b.u(150, 4));
        break;
    }
    default:
        break;
    }
}

} // namespace sightline::ais
