#include "ais/aisbinary.h"

#include "ais/aisbinarydecoders.h"

#include <algorithm>

namespace sightline::ais {

namespace {

using binary::Decoder;

struct Application
{
    int type, dac, fid;
    Decoder decode;
};

// Every DAC/FID gpsd 3.22 decodes (checked against its gpsdecode); any other is printed as
// gpsd's raw "data". gpsd 3.22 leaves 6/1/11, 6/1/23, 6/1/40, 8/1/21, 8/1/22, 8/1/24, 8/1/25,
// 8/1/26 and the St Lawrence Seaway messages (DAC 316/366) undecoded.
constexpr Application kApplications[] = {
    {6, 1, 12, binary::dangerousCargo236},
    {6, 1, 14, binary::tidalWindow236},
    {6, 1, 15, binary::airDraught},
    {6, 1, 16, binary::personsAddressed},
    {6, 1, 18, binary::clearanceTime},
    {6, 1, 20, binary::berthingData},
    {6, 1, 25, binary::dangerousCargo289},
    {6, 1, 28, binary::routeAddressed},
    {6, 1, 30, binary::textAddressed},
    {6, 1, 32, binary::tidalWindow289},
    {6, 200, 21, binary::inlandEta},
    {6, 200, 22, binary::inlandRta},
    {6, 200, 55, binary::inlandPersons},
    {6, 235, 10, binary::atonMonitoring},
    {6, 250, 10, binary::atonMonitoring},
    {8, 1, 11, binary::meteoHydro236},
    {8, 1, 13, binary::fairwayClosed},
    {8, 1, 15, binary::airDraught},
    {8, 1, 16, binary::personsBroadcast},
    {8, 1, 17, binary::syntheticTargets},
    {8, 1, 19, binary::trafficSignal},
    {8, 1, 27, binary::routeBroadcast},
    {8, 1, 29, binary::textBroadcast},
    {8, 1, 31, binary::meteoHydro289},
    {8, 200, 10, binary::inlandStatic},
    {8, 200, 23, binary::emmaWarning},
    {8, 200, 24, binary::waterLevels},
    {8, 200, 40, binary::signalStatus},
};

Decoder decoderFor(int type, int dac, int fid)
{
    for (const Application &a : kApplications)
        if (a.type == type && a.dac == dac && a.fid == fid)
            return a.decode;
    return nullptr;
}

// The application's fields, or gpsd's raw bit string of everything after the header.
void writeApplication(AisJson &o, const BitBuffer &b, int type, int dac, int fid, int dataStart)
{
    if (const Decoder decode = decoderFor(type, dac, fid); decode && decode(o, b))
        return;
    o.data("data", b, dataStart, b.size() - dataStart);
}

} // namespace

void writeBinaryMessage(AisJson &o, const BitBuffer &b, int type)
{
    const int size = b.size();
    switch (type) {
    case 6: {
        o.i("seqno", b.u(38, 2));
        o.i("dest_mmsi", b.u(40, 30));
        o.b("retransmit", b.flag(70));
        const int dac = int(b.u(72, 10)), fid = int(b.u(82, 6));
        o.i("dac", dac);
        o.i("fid", fid);
        writeApplication(o, b, 6, dac, fid, 88);
        break;
    }
    case 8: {
        const int dac = int(b.u(40, 10)), fid = int(b.u(50, 6));
        o.i("dac", dac);
        o.i("fid", fid);
        writeApplication(o, b, 8, dac, fid, 56);
        break;
    }
    case 25:
    case 26: {
        // gpsd prints every member whatever the flags say: 0 for an absent address or
        // application id.
        const bool addressed = b.flag(38), structured = b.flag(39);
        o.b("addressed", addressed);
        o.b("structured", structured);
        int at = 40;
        o.i("dest_mmsi", addressed ? b.u(at, 30) : 0);
        if (addressed)
            at += 30;
        o.i("app_id", structured ? b.u(at, 16) : 0);
        if (structured)
            at += 16;
        const int end = type == 26 ? size - 20 : size;
        if (type == 25) {
            o.data("data", b, at, end - at);
        } else {
            // gpsd copies whole bytes: the last one carries the first bits of the radio status.
            o.data("data", b, at, end - at);
            // gpsd copies whole bytes from the end of the header (bit 40, or 56 when
            // structured) before it drops an address, so the bits it shows stop there.
            const int from = structured ? 56 : 40, copied = 8 * ((size - 20 - from + 7) / 8);
            const int tail = (end - at) % 8;
            if (tail != 0) {
                const int last = end - tail, valid = std::min(8, from + copied - last);
                const unsigned byte = valid > 0 ? b.u(last, valid) << (8 - valid) : 0u;
                static constexpr char hex[] = "0123456789abcdef";
                o.w.p[-3] = hex[byte >> 4];
                o.w.p[-2] = hex[byte & 0xf];
            }
        }
        // gpsd 3.22 never fills a type 26's radio status and prints 0; this is the message's.
        if (type == 26)
            o.i("radio", b.u(size - 20, 20));
        break;
    }
    default:
        break;
    }
}

} // namespace sightline::ais
