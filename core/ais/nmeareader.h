#pragma once

#include "ais/bitbuffer.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::ais {

/// Why a line or a message was not used. Every rejected record is counted
/// under one reason; none is dropped silently.
enum class Rejection
{
    Checksum,        ///< sentence or tag-block checksum does not match
    Malformed,       ///< not a well-formed !xxVDM/!xxVDO sentence
    BadPayload,      ///< a character outside the six-bit armour, or bad fill bits
    MissingFragment, ///< a multi-sentence message never completed
    TooShort,        ///< fewer bits than its message type needs
    UnknownType,     ///< message type 0 or above 27 (or a type 24 of a reserved part)
    TooLong,         ///< more bits than its message type may have
    Count
};
const char *rejectionName(Rejection r);

/// Where a message's receive time came from.
enum class TimeSource
{
    None,         ///< the log says nothing: no time is invented
    TagBlock,     ///< NMEA 4.0 tag block "c:" field
    LinePrefix,   ///< an ISO 8601 time before the sentence
    TrailingUnix, ///< a Unix time after the checksum
    Gatehouse,    ///< a preceding $PGHP line
};

/// A complete AIS payload, ready to decode, with what the log said about it.
struct RawMessage
{
    const BitBuffer *bits = nullptr;
    double time = 0; ///< Unix seconds (UTC); meaningful when timeSource != None
    TimeSource timeSource = TimeSource::None;
    char channel = 0;         ///< 'A', 'B', or 0 when not given
    bool ownShip = false;     ///< !xxVDO
    std::int64_t line = 0;    ///< line of the (last) sentence
    std::string_view station; ///< tag block "s:" field, when present
};

/// Turns log lines into AIS payloads: checks checksums, reads tag blocks and
/// the common timestamp forms, and reassembles multi-sentence messages keyed
/// by sequence id and channel (interleaved, out of order, with gaps).
class NmeaReader
{
public:
    struct Example
    {
        std::int64_t line = 0;
        std::string detail;
    };
    struct Stats
    {
        std::int64_t lines = 0;
        std::int64_t sentences = 0;  ///< AIVDM/AIVDO sentences with a valid checksum
        std::int64_t messages = 0;   ///< complete payloads handed on
        std::int64_t otherLines = 0; ///< other NMEA, comments and blank lines, ignored
        std::array<std::int64_t, int(Rejection::Count)> rejected{};
        std::array<std::vector<Example>, int(Rejection::Count)> examples;
        std::int64_t rejectedTotal() const;
    };

    /// Feeds one line (without its line break). Calls `sink(const RawMessage&)`
    /// for each message the line completes.
    template <class Sink> void feed(std::string_view line, std::int64_t lineNumber, Sink &&sink);
    /// Ends the input: fragments still waiting are counted as missing.
    void finish();
    /// Counts a rejection found after reassembly (by the decoder).
    void reject(Rejection reason, std::int64_t line, std::string detail);

    const Stats &stats() const { return mStats; }

    static constexpr int kMaxExamples = 3;

private:
    struct Fragmented
    {
        int count = 0;
        unsigned received = 0;
        std::array<std::string, 9> parts;
        int fill = 0;
        double time = 0;
        TimeSource timeSource = TimeSource::None;
        std::int64_t firstLine = 0;
        std::int64_t lastLine = 0;
        std::string station;
    };
    struct Parsed
    {
        bool complete = false; // a single-sentence message, or the last missing fragment
        bool ownShip = false;
        char channel = 0;
        double time = 0;
        TimeSource timeSource = TimeSource::None;
        std::string_view station;
        std::string_view payload;
        int fill = 0;
        int slot = -1;
    };
    bool parse(std::string_view line, std::int64_t lineNumber, Parsed &out);

    Stats mStats;
    BitBuffer mBits;
    std::array<Fragmented, 11 * 4> mSlots; // sequence id (0–9, none) × channel (A, B, other, none)
    double mGatehouseTime = 0;
    bool mHasGatehouseTime = false;
    std::string mStation;
};

// ---- implementation of the template --------------------------------------------------------

template <class Sink> void NmeaReader::feed(std::string_view line, std::int64_t lineNumber, Sink &&sink)
{
    ++mStats.lines;
    Parsed p;
    if (!parse(line, lineNumber, p) || !p.complete)
        return;
    RawMessage msg;
    msg.channel = p.channel;
    msg.ownShip = p.ownShip;
    msg.line = lineNumber;
    if (p.slot < 0) {
        if (!mBits.assign(p.payload.data(), p.payload.size(), p.fill)) {
            reject(Rejection::BadPayload, lineNumber,
                   "payload is not six-bit armoured data, or fill bits exceed it");
            return;
        }
        msg.time = p.time;
        msg.timeSource = p.timeSource;
        msg.station = p.station;
    } else {
        Fragmented &f = mSlots[p.slot];
        bool ok = mBits.assign(f.parts[0].data(), f.parts[0].size(), f.count == 1 ? f.fill : 0);
        for (int i = 1; ok && i < f.count; ++i)
            ok = mBits.append(f.parts[i].data(), f.parts[i].size(), i == f.count - 1 ? f.fill : 0);
        msg.time = f.time;
        msg.timeSource = f.timeSource;
        mStation = f.station;
        msg.station = mStation;
        f = Fragmented();
        if (!ok) {
            reject(Rejection::BadPayload, lineNumber,
                   "payload is not six-bit armoured data, or fill bits exceed it");
            return;
        }
    }
    msg.bits = &mBits;
    ++mStats.messages;
    sink(msg);
}

} // namespace sightline::ais
