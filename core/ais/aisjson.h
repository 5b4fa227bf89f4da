#pragma once

#include "ais/bitbuffer.h"

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace sightline::ais {

/// Raw output cursor. Formatting writes through it because it runs once per message,
/// millions of times, and std::string's per-character checks cost more than the decode.
/// The caller guarantees room (kMaxRecordBytes a record).
struct JsonCursor
{
    char *p;

    template <std::size_t N> void lit(const char (&s)[N])
    {
        std::memcpy(p, s, N - 1);
        p += N - 1;
    }
    void raw(const char *s, std::size_t n)
    {
        std::memcpy(p, s, n);
        p += n;
    }
    void ch(char c) { *p++ = c; }
    void integer(long long v) { p = std::to_chars(p, p + 24, v).ptr; }
    void two(int v)
    {
        *p++ = char('0' + (v / 10) % 10);
        *p++ = char('0' + v % 10);
    }
    /// Fixed-point without printf machinery: the value scaled to an integer, rounded half
    /// away from zero. The decimals are a template argument so the divisions are by constants.
    template <int Decimals> void fixed(double v)
    {
        constexpr long long scale = [] {
            long long s = 1;
            for (int i = 0; i < Decimals; ++i)
                s *= 10;
            return s;
        }();
        const double x = v * double(scale);
        long long scaled = (long long)(x < 0 ? x - 0.5 : x + 0.5);
        if (scaled < 0) {
            *p++ = '-';
            scaled = -scaled;
        } else if (v < 0 && scaled == 0) {
            // printf keeps the sign of a negative value that rounds to zero ("-0.0"); gpsd prints with printf.
            *p++ = '-';
        }
        integer(scaled / scale);
        if constexpr (Decimals > 0) {
            *p++ = '.';
            long long frac = scaled % scale;
            for (int d = Decimals - 1; d >= 0; --d) {
                p[d] = char('0' + frac % 10);
                frac /= 10;
            }
            p += Decimals;
        }
    }
    void fixed(double v, int decimals)
    {
        switch (decimals) {
        case 0:
            fixed<0>(v);
            break;
        case 1:
            fixed<1>(v);
            break;
        case 2:
            fixed<2>(v);
            break;
        case 4:
            fixed<4>(v);
            break;
        case 6:
            fixed<6>(v);
            break;
        default:
            fixed<7>(v);
            break;
        }
    }
    /// A JSON string: quotes and backslashes escaped, control characters as \u00XX.
    void text(std::string_view s)
    {
        *p++ = '"';
        for (char c : s) {
            if (c == '"' || c == '\\') {
                *p++ = '\\';
                *p++ = c;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                lit("\\u00");
                *p++ = hex[(c >> 4) & 0xf];
                *p++ = hex[c & 0xf];
            } else {
                *p++ = c;
            }
        }
        *p++ = '"';
    }
    /// Unix seconds as ISO 8601 UTC with milliseconds when there are any.
    void iso(double t);
};

/// One JSON object on one line, written member by member in order, with nested arrays
/// and objects. Writers of every message type share it, so every record has the same
/// spelling of numbers, texts and gpsd's "N:hex" bit strings.
class AisJson
{
public:
    /// `scaled`: gpsd's default output (degrees, knots, metres); false is `gpsdecode -u`
    /// (the protocol's integers).
    AisJson(char *p, bool scaled)
        : w{p}
        , mScaled(scaled)
    {
        w.ch('{');
    }
    /// Closes the object and the line; returns the end of the record.
    char *close()
    {
        w.lit("}\n");
        return w.p;
    }
    bool scaled() const { return mScaled; }

    void key(std::string_view k)
    {
        separate();
        w.ch('"');
        w.raw(k.data(), k.size());
        w.lit("\":");
    }
    void i(std::string_view k, long long v)
    {
        key(k);
        w.integer(v);
    }
    void b(std::string_view k, bool v)
    {
        key(k);
        if (v)
            w.lit("true");
        else
            w.lit("false");
    }
    /// A number with a fixed count of decimals; NaN leaves the member out.
    template <int Decimals> void f(std::string_view k, double v)
    {
        if (std::isnan(v))
            return;
        key(k);
        w.fixed<Decimals>(v);
    }
    void s(std::string_view k, std::string_view v)
    {
        key(k);
        w.text(v);
    }
    /// gpsd's form of an uninterpreted bit field: "<bits>:<hex>", the bits packed into
    /// bytes from the most significant end, the last byte padded with zero bits.
    void data(std::string_view k, const BitBuffer &bits, int start, int count);

    /// An array member; its elements are objects opened with element() and closed with end().
    void beginArray(std::string_view k)
    {
        key(k);
        w.ch('[');
        push();
    }
    void endArray()
    {
        w.ch(']');
        pop();
    }
    /// An object inside an array.
    void beginObject()
    {
        separate();
        w.ch('{');
        push();
    }
    /// An object member.
    void beginObject(std::string_view k)
    {
        key(k);
        w.ch('{');
        push();
    }
    void endObject()
    {
        w.ch('}');
        pop();
    }
    /// A bare value inside an array.
    void element(long long v)
    {
        separate();
        w.integer(v);
    }

    JsonCursor w;

private:
    void separate()
    {
        if (!mFirst[mDepth])
            w.ch(',');
        mFirst[mDepth] = false;
    }
    void push()
    {
        mFirst[++mDepth] = true;
    }
    void pop()
    {
        --mDepth;
    }

    static constexpr int kMaxDepth = 8;
    bool mFirst[kMaxDepth] = {true};
    int mDepth = 0;
    bool mScaled;
};

} // namespace sightline::ais
