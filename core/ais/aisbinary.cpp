#include "ais/aisbinary.h"

namespace sightline::ais {

void writeBinaryMessage(AisJson &o, const BitBuffer &b, int type)
{
    const int size = b.size();
    switch (type) {
    case 6:
        o.i("seqno", b.u(38, 2));
        o.i("dest_mmsi", b.u(40, 30));
        o.b("retransmit", b.flag(70));
        o.i("dac", b.u(72, 10));
        o.i("fid", b.u(82, 6));
        o.data("data", b, 88, size - 88);
        break;
    case 8:
        o.i("dac", b.u(40, 10));
        o.i("fid", b.u(50, 6));
        o.data("data", b, 56, size - 56);
        break;
    case 25:
    case 26: {
        const bool addressed = b.flag(38), structured = b.flag(39);
        o.b("addressed", addressed);
        o.b("structured", structured);
        int at = 40;
        if (addressed) {
            o.i("dest_mmsi", b.u(at, 30));
            at += 30;
        }
        if (structured) {
            o.i("app_id", b.u(at, 16));
            at += 16;
        }
        const int end = type == 26 ? size - 20 : size;
        o.data("data", b, at, end - at);
        if (type == 26)
            o.i("radio", b.u(size - 20, 20));
        break;
    }
    default:
        break;
    }
}

} // namespace sightline::ais
