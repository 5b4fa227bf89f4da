#include "ais/bitbuffer.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace sightline::ais {

namespace {
// Armoured character → six-bit value, or 0x40 when outside '0'..'W' and '`'..'w'.
struct ArmourTable
{
    unsigned char value[256];
    constexpr ArmourTable()
        : value()
    {
        for (int c = 0; c < 256; ++c) {
            int v = 0x40; // invalid: the flag survives OR-ing, the low six bits stay clear
            if (c >= '0' && c <= 'W')
                v = c - 48;
            else if (c >= '`' && c <= 'w')
                v = c - 56;
            value[c] = static_cast<unsigned char>(v);
        }
    }
};
constexpr ArmourTable kArmour;
} // namespace

bool BitBuffer::assign(const char *payload, std::size_t length, int fillBits)
{
    // Only the words this payload reaches need clearing.
    const std::size_t words = std::min<std::size_t>(std::size(mWords), (length * 6 + 63) / 64 + 1);
    std::memset(mWords, 0, words * sizeof(std::uint64_t));
    mBits = 0;
    return append(payload, length, fillBits);
}

bool BitBuffer::append(const char *payload, std::size_t length, int fillBits)
{
    if (fillBits < 0 || fillBits > 5 || mBits + int(length) * 6 > kMaxBits)
        return false;
    // The payload is OR-ed in: clear what it will cover first. assign() cleared only the words
    // its own fragment reached; past them lie an earlier message's bits.
    const int lastWord = std::min(int(std::size(mWords)) - 1, (mBits + int(length) * 6) / 64 + 1);
    mWords[mBits >> 6] &= (mBits & 63) ? ~(~std::uint64_t(0) >> (mBits & 63)) : 0;
    for (int w = (mBits >> 6) + 1; w <= lastWord; ++w)
        mWords[w] = 0;
    // Ten characters (60 bits) at a time into a register, then into the words.
    unsigned bad = 0;
    int bit = mBits;
    for (std::size_t i = 0; i < length; i += 10) {
        const std::size_t n = std::min<std::size_t>(10, length - i);
        std::uint64_t chunk = 0;
        for (std::size_t k = 0; k < n; ++k) {
            const unsigned v = kArmour.value[static_cast<unsigned char>(payload[i + k])];
            bad |= v;
            chunk = (chunk << 6) | (v & 63);
        }
        const int nb = int(n) * 6;
        const std::uint64_t aligned = chunk << (64 - nb);
        const int word = bit >> 6, offset = bit & 63;
        mWords[word] |= aligned >> offset;
        if (offset + nb > 64)
            mWords[word + 1] |= aligned << (64 - offset);
        bit += nb;
    }
    if (bad & 0x40)
        return false;
    bit -= fillBits;
    if (bit < mBits)
        return false;
    mBits = bit;
    return true;
}

std::int32_t BitBuffer::s(int start, int length) const
{
    const std::uint32_t raw = u(start, length);
    const std::uint32_t sign = 1u << (length - 1);
    return std::int32_t(raw ^ sign) - std::int32_t(sign);
}

std::string BitBuffer::text(int start, int chars, bool trimSpaces) const
{
    std::string out;
    out.reserve(chars);
    // A character cut by the message's end reads its missing bits as zero, as gpsd does.
    for (int i = 0; i < chars && start + 6 * i < mBits; ++i) {
        const unsigned v = u(start + 6 * i, 6);
        // '@' (0) ends the text: what follows it is padding or garbage (AIVDM.adoc, "six-bit fields").
        if (v == 0)
            break;
        out.push_back(char(v < 32 ? v + 64 : v));
    }
    // Short fields are often space-filled as well.
    while (trimSpaces && !out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

} // namespace sightline::ais
