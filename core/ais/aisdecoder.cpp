#include "ais/aisdecoder.h"

namespace sightline::ais {

namespace {

// Positions in 1/10000 minute (types 1–21) or 1/10 minute (27); 181° and 91° mean "not available".
void readPosition(const BitBuffer &b, int lonBit, int lonBits, int latBit, int latBits, double perDegree,
                  AisMessage &m)
{
    const double lon = b.s(lonBit, lonBits) / perDegree;
    const double lat = b.s(latBit, latBits) / perDegree;
    m.lon = (lon == 181.0 || lon < -180.0 || lon > 180.0) ? AisMessage::kAbsent : lon;
    m.lat = (lat == 91.0 || lat < -90.0 || lat > 90.0) ? AisMessage::kAbsent : lat;
}

void readSpeedCourse(const BitBuffer &b, int speedBit, int courseBit, AisMessage &m)
{
    const std::uint32_t speed = b.u(speedBit, 10), course = b.u(courseBit, 12);
    m.speed = speed == 1023 ? AisMessage::kAbsent : speed / 10.0;
    m.course = course >= 3600 ? AisMessage::kAbsent : course / 10.0;
}

void readHeading(const BitBuffer &b, int bit, AisMessage &m)
{
    const int heading = int(b.u(bit, 9));
    m.heading = heading > 359 ? -1 : heading;
}

void readSecond(const BitBuffer &b, int bit, AisMessage &m)
{
    m.second = int(b.u(bit, 6)); // 60–63 are the protocol's own "not available" and mode codes
}

// Types 18 and 19 share their first 139 bits.
void readClassBPosition(const BitBuffer &b, AisMessage &m)
{
    m.reserved = int(b.u(38, 8));
    readSpeedCourse(b, 46, 112, m);
    m.accuracy = b.flag(56);
    readPosition(b, 57, 28, 85, 27, 600000.0, m);
    readHeading(b, 124, m);
    readSecond(b, 133, m);
}

void readDimensions(const BitBuffer &b, int bit, AisMessage &m)
{
    m.toBow = int(b.u(bit, 9));
    m.toStern = int(b.u(bit + 9, 9));
    m.toPort = int(b.u(bit + 18, 6));
    m.toStarboard = int(b.u(bit + 24, 6));
}

} // namespace

int minimumBits(int type)
{
    switch (type) {
    case 1:
    case 2:
    case 3:
    case 4:
    case 9:
    case 11:
    case 18:
        return 168;
    case 5:
        return 420; // some transponders send 420 of the 424 bits
    case 19:
        return 312;
    case 21:
        return 272;
    case 24:
        return 160;
    case 27:
        return 96;
    case 6:
        return 88;
    case 8:
        return 56;
    case 12:
        return 72;
    case 14:
        return 40;
    case 25:
        return 40;
    case 26:
        return 60;
    default:
        return 0;
    }
}

DecodeStatus decode(const BitBuffer &b, AisMessage &m)
{
    if (b.size() < 38) {
        m.type = b.size() >= 6 ? int(b.u(0, 6)) : 0;
        return DecodeStatus::TooShort;
    }
    m = AisMessage();
    m.type = int(b.u(0, 6));
    m.repeat = int(b.u(6, 2));
    m.mmsi = b.u(8, 30);
    if (m.type < 1 || m.type > 27)
        return DecodeStatus::UnknownType;
    const int need = minimumBits(m.type);
    if (need == 0)
        return DecodeStatus::NotDecoded;
    if (b.size() < need)
        return DecodeStatus::TooShort;

    switch (m.type) {
    case 1:
    case 2:
    case 3:
        m.status = int(b.u(38, 4));
        m.turn = b.s(42, 8);
        readSpeedCourse(b, 50, 116, m);
        m.accuracy = b.flag(60);
        readPosition(b, 61, 28, 89, 27, 600000.0, m);
        readHeading(b, 128, m);
        readSecond(b, 137, m);
        m.maneuver = int(b.u(143, 2));
        m.raim = b.flag(148);
        m.radio = b.u(149, 19);
        break;
    case 4:
    case 11:
        m.year = int(b.u(38, 14));
        m.month = int(b.u(52, 4));
        m.day = int(b.u(56, 5));
        m.hour = int(b.u(61, 5));
        m.minute = int(b.u(66, 6));
        m.utcSecond = int(b.u(72, 6));
        m.accuracy = b.flag(78);
        readPosition(b, 79, 28, 107, 27, 600000.0, m);
        m.epfd = int(b.u(134, 4));
        m.raim = b.flag(148);
        m.radio = b.u(149, 19);
        break;
    case 5:
        m.aisVersion = int(b.u(38, 2));
        m.imo = b.u(40, 30);
        m.callsign = b.text(70, 7);
        m.shipname = b.text(112, 20);
        m.shiptype = int(b.u(232, 8));
        readDimensions(b, 240, m);
        m.epfd = int(b.u(270, 4));
        m.etaMonth = int(b.u(274, 4));
        m.etaDay = int(b.u(278, 5));
        m.etaHour = int(b.u(283, 5));
        m.etaMinute = int(b.u(288, 6));
        m.draught = b.u(294, 8) / 10.0;
        m.destination = b.text(302, 20);
        m.dte = b.flag(422);
        break;
    case 9: {
        const int alt = int(b.u(38, 12));
        m.alt = alt == 4095 ? -1 : alt;
        const std::uint32_t speed = b.u(50, 10);
        m.speed = speed == 1023 ? AisMessage::kAbsent : double(speed); // whole knots for aircraft
        m.accuracy = b.flag(60);
        readPosition(b, 61, 28, 89, 27, 600000.0, m);
        const std::uint32_t course = b.u(116, 12);
        m.course = course >= 3600 ? AisMessage::kAbsent : course / 10.0;
        readSecond(b, 128, m);
        m.regional = int(b.u(134, 8));
        m.dte = b.flag(142);
        m.assigned = b.flag(146);
        m.raim = b.flag(147);
        m.radio = b.u(148, 20);
        break;
    }
    case 18:
        readClassBPosition(b, m);
        m.regional = int(b.u(139, 2));
        m.cs = b.flag(141);
        m.display = b.flag(142);
        m.dsc = b.flag(143);
        m.band = b.flag(144);
        m.msg22 = b.flag(145);
        m.assigned = b.flag(146);
        m.raim = b.flag(147);
        m.radio = b.u(148, 20);
        break;
    case 19:
        readClassBPosition(b, m);
        m.regional = int(b.u(139, 4));
        m.shipname = b.text(143, 20);
        m.shiptype = int(b.u(263, 8));
        readDimensions(b, 271, m);
        m.epfd = int(b.u(301, 4));
        m.raim = b.flag(305);
        m.dte = b.flag(306);
        m.assigned = b.flag(307);
        break;
    case 21: {
        m.aidType = int(b.u(38, 5));
        m.shipname = b.text(43, 20);
        m.accuracy = b.flag(163);
        readPosition(b, 164, 28, 192, 27, 600000.0, m);
        readDimensions(b, 219, m);
        m.epfd = int(b.u(249, 4));
        readSecond(b, 253, m);
        m.offPosition = b.flag(259);
        m.regional = int(b.u(260, 8));
        m.raim = b.flag(268);
        m.virtualAid = b.flag(269);
        m.assigned = b.flag(270);
        // Names longer than 20 characters continue after the fixed part.
        const int extraChars = (b.size() - 272) / 6;
        if (m.shipname.size() == 20 && extraChars > 0)
            m.shipname += b.text(272, extraChars);
        break;
    }
    case 24:
        m.partno = int(b.u(38, 2));
        if (m.partno == 0) {
            m.shipname = b.text(40, 20);
        } else if (m.partno == 1) {
            if (b.size() < 168)
                return DecodeStatus::TooShort;
            m.shiptype = int(b.u(40, 8));
            // gpsd reads the 42-bit vendor field as seven characters, and model and
            // serial out of its last 24 bits (the 2008 and 2012 layouts at once).
            m.vendorid = b.text(48, 7);
            m.model = int(b.u(66, 4));
            m.serial = b.u(70, 20);
            m.callsign = b.text(90, 7);
            // Auxiliary craft (MMSI 98XXXYYYY) give their mother ship instead of dimensions.
            if (m.mmsi / 10000000 == 98)
                m.mothershipMmsi = b.u(132, 30);
            else
                readDimensions(b, 132, m);
        } else {
            return DecodeStatus::NotDecoded; // parts C and D are reserved
        }
        break;
    case 6:
        m.seqno = int(b.u(38, 2));
        m.destMmsi = b.u(40, 30);
        m.retransmit = b.flag(70);
        m.dac = int(b.u(72, 10));
        m.fid = int(b.u(82, 6));
        break;
    case 8:
        m.dac = int(b.u(40, 10));
        m.fid = int(b.u(50, 6));
        break;
    case 12:
        m.seqno = int(b.u(38, 2));
        m.destMmsi = b.u(40, 30);
        m.retransmit = b.flag(70);
        m.text = b.text(72, (b.size() - 72) / 6);
        break;
    case 14:
        m.text = b.text(40, (b.size() - 40) / 6);
        break;
    case 25:
    case 26:
        if (b.flag(38))
            m.destMmsi = b.u(40, 30);
        break;
    case 27: {
        m.accuracy = b.flag(38);
        m.raim = b.flag(39);
        m.status = int(b.u(40, 4));
        readPosition(b, 44, 18, 62, 17, 600.0, m);
        const std::uint32_t speed = b.u(79, 6), course = b.u(85, 9);
        m.speed = speed == 63 ? AisMessage::kAbsent : double(speed);
        m.course = course == 511 ? AisMessage::kAbsent : double(course);
        m.gnss = b.flag(94);
        break;
    }
    default:
        return DecodeStatus::NotDecoded;
    }
    return DecodeStatus::Ok;
}

} // namespace sightline::ais
