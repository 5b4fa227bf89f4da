#include "ais/aistype24merge.h"

namespace sightline::ais {

bool Type24Merger::take(AisMessage &m)
{
    if (m.type != 24)
        return true;
    if (m.partno == 0) {
        mRing[mNext] = PartA{m.mmsi, m.shipname};
        mNext = (mNext + 1) % mRing.size();
        return false;
    }
    for (PartA &a : mRing) {
        if (a.mmsi != m.mmsi)
            continue;
        m.shipname = a.shipname;
        m.merged24 = true;
        a.mmsi = 0; // a repeated part B does not match again
        return true;
    }
    return false;
}

} // namespace sightline::ais
