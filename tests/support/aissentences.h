#pragma once

// AIS sentences made in a test: the message's fields packed bit by bit as ITU-R M.1371 lays
// them out, six-bit armoured, wrapped in an !AIVDM sentence with its checksum and, when asked,
// an NMEA 4.0 tag block naming the receiver ("s:") and the receive time ("c:").

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace sightline::test {

class AisBits
{
public:
    AisBits &put(std::uint64_t value, int bits)
    {
        for (int i = bits - 1; i >= 0; --i)
            mBits.push_back((value >> i) & 1u);
        return *this;
    }
    /// Two's complement in `bits`.
    AisBits &putSigned(std::int64_t value, int bits)
    {
        return put(std::uint64_t(value) & ((std::uint64_t(1) << bits) - 1), bits);
    }
    /// Degrees in 1/10000 minute, as positions are sent.
    AisBits &putLon(double degrees) { return putSigned(std::llround(degrees * 600000.0), 28); }
    AisBits &putLat(double degrees) { return putSigned(std::llround(degrees * 600000.0), 27); }
    /// Six-bit ASCII, padded with '@' to `chars` (0: exactly the text).
    AisBits &putText(const std::string &text, int chars = 0)
    {
        const int n = chars ? chars : int(text.size());
        for (int i = 0; i < n; ++i) {
            const unsigned char c = i < int(text.size()) ? static_cast<unsigned char>(text[std::size_t(i)]) : '@';
            put(c >= 64 ? c - 64 : c, 6);
        }
        return *this;
    }
    std::size_t size() const { return mBits.size(); }

    /// The armoured payload and its fill bits.
    std::string payload(int *fill) const
    {
        std::string out;
        const std::size_t groups = (mBits.size() + 5) / 6;
        for (std::size_t g = 0; g < groups; ++g) {
            unsigned v = 0;
            for (std::size_t b = 0; b < 6; ++b) {
                const std::size_t i = g * 6 + b;
                v = (v << 1) | (i < mBits.size() ? mBits[i] : 0u);
            }
            out += char(v < 40 ? v + 48 : v + 56);
        }
        *fill = int(groups * 6 - mBits.size());
        return out;
    }

private:
    std::vector<unsigned> mBits;
};

inline std::string nmeaChecksum(const std::string &body)
{
    unsigned x = 0;
    for (char c : body)
        x ^= static_cast<unsigned char>(c);
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02X", x);
    return hex;
}

/// One line: the tag block (when `station` or `unixTime` is given), then the sentence.
inline std::string aisLine(const AisBits &bits, const std::string &station = {}, std::int64_t unixTime = -1,
                           char channel = 'A')
{
    int fill = 0;
    const std::string payload = bits.payload(&fill);
    const std::string body = "AIVDM,1,1,," + std::string(1, channel) + "," + payload + "," + std::to_string(fill);
    std::string line;
    if (!station.empty() || unixTime >= 0) {
        std::string tag;
        if (!station.empty())
            tag += "s:" + station;
        if (unixTime >= 0)
            tag += std::string(tag.empty() ? "" : ",") + "c:" + std::to_string(unixTime);
        line += "\\" + tag + "*" + nmeaChecksum(tag) + "\\";
    }
    return line + "!" + body + "*" + nmeaChecksum(body) + "\n";
}

/// Type 1 position report, under way, with speed and course.
inline AisBits positionReport(std::uint32_t mmsi, double lon, double lat, double knots = 10.0,
                              double course = 90.0)
{
    AisBits b;
    b.put(1, 6).put(0, 2).put(mmsi, 30).put(0, 4).putSigned(-128, 8).put(std::uint64_t(std::lround(knots * 10)), 10);
    b.put(1, 1).putLon(lon).putLat(lat).put(std::uint64_t(std::lround(course * 10)), 12).put(511, 9);
    b.put(0, 6).put(0, 2).put(0, 3).put(0, 1).put(0, 19);
    return b;
}

/// Type 4 base station report with its UTC.
inline AisBits baseStationReport(std::uint32_t mmsi, double lon, double lat, int year = 2023, int month = 8,
                                 int day = 15, int hour = 12, int minute = 0, int second = 0)
{
    AisBits b;
    b.put(4, 6).put(0, 2).put(mmsi, 30).put(std::uint64_t(year), 14).put(std::uint64_t(month), 4);
    b.put(std::uint64_t(day), 5).put(std::uint64_t(hour), 5).put(std::uint64_t(minute), 6).put(std::uint64_t(second), 6);
    b.put(1, 1).putLon(lon).putLat(lat).put(7, 4).put(0, 10).put(0, 1).put(0, 19);
    return b;
}

/// Type 14 safety-related broadcast.
inline AisBits safetyBroadcast(std::uint32_t mmsi, const std::string &text)
{
    AisBits b;
    b.put(14, 6).put(0, 2).put(mmsi, 30).put(0, 2).putText(text);
    return b;
}

/// Type 12 addressed safety message.
inline AisBits addressedSafety(std::uint32_t mmsi, std::uint32_t dest, const std::string &text, int seqno = 1)
{
    AisBits b;
    b.put(12, 6).put(0, 2).put(mmsi, 30).put(std::uint64_t(seqno), 2).put(dest, 30).put(0, 1).put(0, 1);
    b.putText(text);
    return b;
}

/// Type 21 aid-to-navigation report.
inline AisBits aidToNavigation(std::uint32_t mmsi, int aidType, const std::string &name, double lon, double lat,
                               bool virtualAid, bool offPosition)
{
    AisBits b;
    b.put(21, 6).put(0, 2).put(mmsi, 30).put(std::uint64_t(aidType), 5).putText(name, 20);
    b.put(1, 1).putLon(lon).putLat(lat).put(0, 9).put(0, 9).put(0, 6).put(0, 6).put(7, 4).put(0, 6);
    b.put(offPosition ? 1 : 0, 1).put(0, 8).put(0, 1).put(virtualAid ? 1 : 0, 1).put(0, 1).put(0, 1);
    return b;
}

} // namespace sightline::test
