#include "ais/nmeareader.h"

#include "util/utctime.h"

#include <charconv>
#include <cstdio>

namespace sightline::ais {

namespace {

constexpr std::int64_t kFragmentExpiryLines = 200; // a partial message older than this is given up

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

unsigned xorOf(std::string_view s)
{
    unsigned x = 0;
    for (char c : s)
        x ^= static_cast<unsigned char>(c);
    return x;
}

bool validCivil(int y, int mo, int d, int h, int mi, double s)
{
    return y >= 1970 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 &&
           mi >= 0 && mi <= 59 && s >= 0 && s < 61;
}

double unixFromCivil(int y, int mo, int d, int h, int mi, double s)
{
    return double(daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60) + s;
}

bool readInt(std::string_view s, int &out)
{
    if (s.size() == 1 && s[0] >= '0' && s[0] <= '9') { // the common case: fragment counts and fill bits
        out = s[0] - '0';
        return true;
    }
    if (s.empty())
        return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool readDouble(std::string_view s, double &out)
{
    if (s.empty())
        return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

// "2023-08-15T12:00:00Z", "2023-08-15 12:00:00.250", with an optional trailing separator.
bool parseIsoTime(std::string_view s, double &out)
{
    s = trim(s);
    while (!s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == ':'))
        s.remove_suffix(1);
    if (!s.empty() && (s.back() == 'Z' || s.back() == 'z'))
        s.remove_suffix(1);
    if (s.size() < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' ||
        s[16] != ':')
        return false;
    int y, mo, d, h, mi;
    double sec;
    if (!readInt(s.substr(0, 4), y) || !readInt(s.substr(5, 2), mo) || !readInt(s.substr(8, 2), d) ||
        !readInt(s.substr(11, 2), h) || !readInt(s.substr(14, 2), mi) || !readDouble(s.substr(17), sec))
        return false;
    if (!validCivil(y, mo, d, h, mi, sec))
        return false;
    out = unixFromCivil(y, mo, d, h, mi, sec);
    return true;
}

// Unix seconds of a plausible receive time (2000–2100), or milliseconds of one.
bool plausibleUnix(double &t)
{
    if (t > 9.46e11 && t < 4.11e12)
        t /= 1000.0;
    return t > 9.46e8 && t < 4.11e9;
}

std::string hex2(unsigned v)
{
    char buf[3];
    std::snprintf(buf, sizeof buf, "%02X", v & 0xff);
    return buf;
}

} // namespace

const char *rejectionName(Rejection r)
{
    switch (r) {
    case Rejection::Checksum:
        return "checksum";
    case Rejection::Malformed:
        return "malformed";
    case Rejection::BadPayload:
        return "bad payload";
    case Rejection::MissingFragment:
        return "missing fragment";
    case Rejection::TooShort:
        return "too short";
    case Rejection::UnknownType:
        return "unknown type";
    case Rejection::TooLong:
        return "too long";
    case Rejection::Count:
        break;
    }
    return "?";
}

std::int64_t NmeaReader::Stats::rejectedTotal() const
{
    std::int64_t n = 0;
    for (auto v : rejected)
        n += v;
    return n;
}

void NmeaReader::reject(Rejection reason, std::int64_t line, std::string detail)
{
    const int i = int(reason);
    ++mStats.rejected[i];
    if (int(mStats.examples[i].size()) < kMaxExamples)
        mStats.examples[i].push_back(Example{line, std::move(detail)});
}

void NmeaReader::finish()
{
    for (Fragmented &f : mSlots) {
        if (f.count != 0) {
            reject(Rejection::MissingFragment, f.firstLine,
                   "a " + std::to_string(f.count) +
                       "-sentence message ended before all its sentences arrived");
            f = Fragmented();
        }
    }
}

bool NmeaReader::parse(std::string_view line, std::int64_t lineNumber, Parsed &out)
{
    line = trim(line);
    if (line.empty() || line.front() == '#') {
        ++mStats.otherLines;
        return false;
    }

    std::size_t pos = 0;
    // NMEA 4.0 tag block: \s:station,c:unixtime*hh\ before the sentence.
    if (line.front() == '\\') {
        const std::size_t end = line.find('\\', 1);
        if (end == std::string_view::npos) {
            reject(Rejection::Malformed, lineNumber, "tag block is not closed with '\\'");
            return false;
        }
        std::string_view tag = line.substr(1, end - 1);
        if (const std::size_t star = tag.rfind('*'); star != std::string_view::npos) {
            const int hi = star + 2 < tag.size() ? hexDigit(tag[star + 1]) : -1;
            const int lo = star + 2 < tag.size() ? hexDigit(tag[star + 2]) : -1;
            const unsigned want = xorOf(tag.substr(0, star));
            if (hi < 0 || lo < 0 || unsigned(hi * 16 + lo) != want) {
                reject(Rejection::Checksum, lineNumber,
                       "tag block checksum " + std::string(tag.substr(star + 1)) + ", expected " +
                           hex2(want));
                return false;
            }
            tag = tag.substr(0, star);
        }
        while (!tag.empty()) {
            const std::size_t comma = tag.find(',');
            const std::string_view field = tag.substr(0, comma);
            if (field.size() > 2 && field[1] == ':') {
                if (field[0] == 'c') {
                    double t;
                    if (readDouble(field.substr(2), t) && plausibleUnix(t)) {
                        out.time = t;
                        out.timeSource = TimeSource::TagBlock;
                    }
                } else if (field[0] == 's') {
                    out.station = field.substr(2);
                }
            }
            if (comma == std::string_view::npos)
                break;
            tag.remove_prefix(comma + 1);
        }
        pos = end + 1;
    }

    const std::size_t bang = line.find('!', pos);
    if (bang == std::string_view::npos) {
        const std::string_view rest = trim(line.substr(pos));
        if (rest.substr(0, 5) == "$PGHP") {
            // Gatehouse: $PGHP,1,YYYY,M,D,h,m,s,ms,... stamps the sentence that follows.
            int v[8] = {};
            std::string_view f = rest;
            bool ok = true;
            for (int i = 0; i < 9 && ok; ++i) {
                const std::size_t comma = f.find(',');
                ok = comma != std::string_view::npos;
                if (ok) {
                    f.remove_prefix(comma + 1);
                    if (i >= 1 && i <= 8)
                        ok = readInt(f.substr(0, f.find(',')), v[i - 1]);
                }
            }
            if (ok && validCivil(v[0], v[1], v[2], v[3], v[4], v[5])) {
                mGatehouseTime = unixFromCivil(v[0], v[1], v[2], v[3], v[4], v[5]) + v[6] / 1000.0;
                mHasGatehouseTime = true;
            }
            ++mStats.otherLines;
            return false;
        }
        if (!rest.empty() && rest.front() == '$') {
            ++mStats.otherLines; // other NMEA (GPS fixes, heading...)
            return false;
        }
        reject(Rejection::Malformed, lineNumber, "not an NMEA sentence");
        return false;
    }
    if (bang > pos && out.timeSource == TimeSource::None) {
        double t;
        if (parseIsoTime(line.substr(pos, bang - pos), t)) {
            out.time = t;
            out.timeSource = TimeSource::LinePrefix;
        }
    }

    const std::string_view sentence = line.substr(bang);
    if (sentence.size() < 6 || (sentence.substr(3, 3) != "VDM" && sentence.substr(3, 3) != "VDO")) {
        ++mStats.otherLines; // other encapsulated sentences (!AIABK, !AIALR...)
        return false;
    }
    const std::size_t star = sentence.find('*');
    if (star == std::string_view::npos || star + 3 > sentence.size()) {
        reject(Rejection::Malformed, lineNumber, "no checksum (*hh) at the end of the sentence");
        return false;
    }
    const int hi = hexDigit(sentence[star + 1]), lo = hexDigit(sentence[star + 2]);
    const unsigned want = xorOf(sentence.substr(1, star - 1));
    if (hi < 0 || lo < 0) {
        reject(Rejection::Malformed, lineNumber,
               "checksum '" + std::string(sentence.substr(star + 1, 2)) + "' is not hex");
        return false;
    }
    if (unsigned(hi * 16 + lo) != want) {
        reject(Rejection::Checksum, lineNumber,
               "checksum " + std::string(sentence.substr(star + 1, 2)) + ", expected " + hex2(want));
        return false;
    }
    if (out.timeSource == TimeSource::None) {
        std::string_view after = sentence.substr(star + 3);
        while (!after.empty() && (after.front() == ',' || after.front() == ';' || after.front() == ' ' ||
                                  after.front() == '\t'))
            after.remove_prefix(1);
        double t;
        if (readDouble(trim(after), t) && plausibleUnix(t)) {
            out.time = t;
            out.timeSource = TimeSource::TrailingUnix;
        }
    }
    if (out.timeSource == TimeSource::None && mHasGatehouseTime) {
        out.time = mGatehouseTime;
        out.timeSource = TimeSource::Gatehouse;
    }
    mHasGatehouseTime = false;

    // !AIVDM,count,number,seqid,channel,payload,fill
    std::string_view fields[7];
    std::string_view body = sentence.substr(0, star);
    int n = 0;
    while (n < 7) {
        const std::size_t comma = body.find(',');
        fields[n++] = body.substr(0, comma);
        if (comma == std::string_view::npos)
            break;
        body.remove_prefix(comma + 1);
        if (n == 7) {
            n = 8; // too many fields
            break;
        }
    }
    if (n != 7) {
        reject(Rejection::Malformed, lineNumber,
               "expected 7 comma-separated fields, found " + std::string(n > 7 ? "more" : std::to_string(n)));
        return false;
    }
    int count = 0, number = 0, fill = 0;
    if (!readInt(fields[1], count) || count < 1 || count > 9 || !readInt(fields[2], number) || number < 1 ||
        number > count) {
        reject(Rejection::Malformed, lineNumber,
               "fragment " + std::string(fields[2]) + " of " + std::string(fields[1]) +
                   " is not a valid fragment number");
        return false;
    }
    if (fields[3].size() > 1 || (fields[3].size() == 1 && (fields[3][0] < '0' || fields[3][0] > '9'))) {
        reject(Rejection::Malformed, lineNumber,
               "sequence id '" + std::string(fields[3]) + "' is not a digit");
        return false;
    }
    if (fields[5].empty()) {
        reject(Rejection::Malformed, lineNumber, "empty payload");
        return false;
    }
    if (!readInt(fields[6], fill) || fill < 0 || fill > 5) {
        reject(Rejection::BadPayload, lineNumber, "fill bits '" + std::string(fields[6]) + "' are not 0–5");
        return false;
    }
    ++mStats.sentences;
    out.ownShip = sentence.substr(3, 3) == "VDO";
    out.channel = fields[4].size() == 1 ? fields[4][0] : 0;
    out.payload = fields[5];
    out.fill = fill;
    if (count == 1) {
        out.complete = true;
        return true;
    }

    const int seq = fields[3].empty() ? 10 : fields[3][0] - '0';
    const int chan = out.channel == 'A' || out.channel == '1'   ? 0
                     : out.channel == 'B' || out.channel == '2' ? 1
                     : out.channel                              ? 2
                                                                : 3;
    const int slot = seq * 4 + chan;
    Fragmented &f = mSlots[slot];
    const unsigned bit = 1u << (number - 1);
    if (f.count != 0 &&
        (f.count != count || (f.received & bit) || lineNumber - f.lastLine > kFragmentExpiryLines)) {
        // Another message took this sequence id before the last one completed.
        reject(Rejection::MissingFragment, f.firstLine,
               "a " + std::to_string(f.count) + "-sentence message (sequence id " + std::string(fields[3]) +
                   ") was interrupted before all its sentences arrived");
        f = Fragmented();
    }
    if (f.count == 0) {
        f.count = count;
        f.firstLine = lineNumber;
    }
    f.parts[number - 1].assign(out.payload);
    f.received |= bit;
    f.lastLine = lineNumber;
    if (number == count)
        f.fill = fill;
    if (f.timeSource == TimeSource::None && out.timeSource != TimeSource::None) {
        f.time = out.time;
        f.timeSource = out.timeSource;
    }
    if (f.station.empty() && !out.station.empty())
        f.station.assign(out.station);
    if (f.received == (1u << count) - 1) {
        out.complete = true;
        out.slot = slot;
    }
    return true;
}

} // namespace sightline::ais
