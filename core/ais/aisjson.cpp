#include "ais/aisjson.h"

#include "util/utctime.h"

namespace sightline::ais {

void JsonCursor::iso(double t)
{
    const std::int64_t whole = std::int64_t(std::floor(t));
    const int ms = int(std::lround((t - double(whole)) * 1000.0));
    std::int64_t days = whole / 86400, secs = whole % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    std::int64_t year;
    unsigned mo, d;
    civilFromDays(days, year, mo, d);
    integer(year);
    ch('-');
    two(int(mo));
    ch('-');
    two(int(d));
    ch('T');
    two(int(secs / 3600));
    ch(':');
    two(int(secs / 60 % 60));
    ch(':');
    two(int(secs % 60));
    if (ms > 0 && ms < 1000) {
        ch('.');
        ch(char('0' + ms / 100));
        two(ms % 100);
    }
    ch('Z');
}

void AisJson::data(std::string_view k, const BitBuffer &bits, int start, int count)
{
    static constexpr char hex[] = "0123456789abcdef";
    key(k);
    w.ch('"');
    w.integer(count < 0 ? 0 : count);
    w.ch(':');
    for (int at = 0; at < count; at += 8) {
        const int n = count - at < 8 ? count - at : 8;
        const unsigned byte = bits.u(start + at, n) << (8 - n);
        w.ch(hex[byte >> 4]);
        w.ch(hex[byte & 0xf]);
    }
    w.ch('"');
}

} // namespace sightline::ais
