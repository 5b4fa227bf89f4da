#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace sightline::ais {

/// The bits of an AIS payload after de-armouring the six-bit ASCII of the
/// NMEA sentence, with field readers in the protocol's big-endian bit order.
class BitBuffer
{
public:
    /// Most bits a reassembled message may carry (five 60-character fragments).
    static constexpr int kMaxBits = 1800;

    /// De-armours `payload` and drops `fillBits` from the end. False when a
    /// character is outside the armouring alphabet or the message is too long.
    bool assign(const char *payload, std::size_t length, int fillBits);
    /// Appends another fragment's payload (multi-sentence messages).
    bool append(const char *payload, std::size_t length, int fillBits);

    int size() const { return mBits; }
    /// Unsigned field of `length` ≤ 32 bits starting at bit `start`; bits past the end read as 0.
    std::uint32_t u(int start, int length) const
    {
        if (length <= 0 || start < 0 || start >= kMaxBits)
            return 0;
        const int word = start >> 6, offset = start & 63;
        std::uint64_t hi = mWords[word] << offset;
        if (offset + length > 64)
            hi |= mWords[word + 1] >> (64 - offset);
        std::uint32_t value = std::uint32_t(hi >> (64 - length));
        // Bits past the message's end read as zero, as gpsd does for short messages.
        if (start + length > mBits) {
            const int missing = start + length - mBits;
            value = missing >= length ? 0 : (value >> missing) << missing;
        }
        return value;
    }
    /// Two's-complement signed field.
    std::int32_t s(int start, int length) const;
    bool flag(int start) const { return u(start, 1) != 0; }
    /// Six-bit text of up to `chars` characters, ending at the first '@', trailing spaces removed
    /// unless `trimSpaces` is false.
    std::string text(int start, int chars, bool trimSpaces = true) const;

private:
    std::uint64_t mWords[(kMaxBits + 63) / 64 + 1] = {};
    int mBits = 0;
};

} // namespace sightline::ais
