#pragma once

// Field writers shared by the binary-application decoders (types 6 and 8). Each writes one
// member the way gpsd 3.22 prints it, straight into the record: no allocation, since they
// run on the writer thread for every binary message.

#include "ais/aisjson.h"
#include "ais/bitbuffer.h"

#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace sightline::ais::binary {

/// A decoder of one DAC/FID: writes the application's members and returns true, or returns
/// false (having written nothing) when gpsd would not decode this message and prints its raw
/// "data" instead, e.g. a length gpsd refuses.
using Decoder = bool (*)(AisJson &o, const BitBuffer &b);

/// A text of at most `chars` six-bit characters from bit `start`, as gpsd reads a fixed-width
/// field: it ends at the first '@', trailing spaces and '@' are dropped, and bits past the
/// message's end read as zero ('@').
inline void sixbit(AisJson &o, std::string_view key, const BitBuffer &b, int start, int chars)
{
    char text[200];
    if (chars > int(sizeof text))
        chars = int(sizeof text);
    int n = 0;
    for (; n < chars; ++n) {
        const unsigned v = b.u(start + 6 * n, 6);
        if (v == 0)
            break;
        text[n] = char(v < 32 ? v + 64 : v);
    }
    while (n > 0 && text[n - 1] == ' ')
        --n;
    o.s(key, std::string_view(text, std::size_t(n)));
}

/// Free text from bit `start` to the end of the message (whole characters only), as gpsd
/// reads the text of the IMO289 text descriptions.
inline void sixbitToEnd(AisJson &o, std::string_view key, const BitBuffer &b, int start)
{
    const int chars = b.size() > start ? (b.size() - start) / 6 : 0;
    sixbit(o, key, b, start, chars);
}

/// gpsd's partial dates and times, e.g. "05-28T11:30Z": `pattern` is copied as it is, except
/// that each 'D' is the next value with two digits and each 'N' the next value as it is.
inline void stamp(AisJson &o, std::string_view key, std::string_view pattern,
                  std::initializer_list<unsigned> values)
{
    o.key(key);
    o.w.ch('"');
    const unsigned *v = values.begin();
    for (const char c : pattern) {
        if ((c == 'D' || c == 'N') && v != values.end()) {
            const unsigned x = *v++;
            if (c == 'D' && x < 10)
                o.w.ch('0');
            o.w.integer(x);
        } else {
            o.w.ch(c);
        }
    }
    o.w.ch('"');
}

/// A number with `decimals` decimals, rounded as printf rounds it (the binary value to the
/// nearest decimal, ties to even), since gpsd prints with printf and values such as
/// lat/60000 to four decimals often fall on a tie.
inline void printfFixed(AisJson &o, std::string_view key, double v, int decimals)
{
    o.key(key);
    o.w.p = std::to_chars(o.w.p, o.w.p + 48, v, std::chars_format::fixed, decimals).ptr;
}

/// A position in 1/1000 minute (IMO236/289 "LATLON3"): degrees to four decimals when scaled,
/// the integer otherwise.
inline void minutes1000(AisJson &o, std::string_view key, std::int32_t v, bool scaled)
{
    if (scaled)
        printfFixed(o, key, v / 60000.0, 4);
    else
        o.i(key, v);
}

/// A position in 1/10000 minute, as types 1–3 carry it: six decimals when scaled.
inline void minutes10000(AisJson &o, std::string_view key, std::int32_t v, bool scaled)
{
    if (scaled)
        printfFixed(o, key, v / 600000.0, 6);
    else
        o.i(key, v);
}

/// A code with its text from a table; codes past the table's end get `invalid`.
template <std::size_t N>
void coded(AisJson &o, std::string_view key, std::string_view textKey, unsigned code,
           const char *const (&texts)[N], const char *invalid)
{
    o.i(key, code);
    o.s(textKey, code < N ? texts[code] : invalid);
}

} // namespace sightline::ais::binary
