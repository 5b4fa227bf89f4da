#pragma once

#include "ais/aismessage.h"
#include "ais/bitbuffer.h"

#include <limits>

#include <cstddef>
#include <string>

namespace sightline::ais {

/// Longest record writeJson or writeCsv can produce, with room to spare: a binary
/// message of 1008 bits with gpsd's decoded arrays stays well under it.
constexpr std::size_t kMaxRecordBytes = 16384;

/// Where and when a message was heard, as the log says; written beside gpsd's fields.
struct Heard
{
    double rxTime = std::numeric_limits<double>::quiet_NaN(); ///< Unix seconds; NaN when the log gives none
    std::string source; ///< NMEA 4.0 tag block "s:" (the receiving station); empty when none
    char channel = 0;   ///< 'A', 'B', or 0 when not given
};

/// Whether writeJson needs the message's bits: types whose fields are read from the
/// payload when written (binary and station-management messages) rather than kept in AisMessage.
bool needsBitsToFormat(int type);

/// Writes one message as a JSON object on one line at `p` (which must have
/// kMaxRecordBytes of room) and returns the end: gpsd's field names and order (class
/// "AIS"), scaled (gpsdecode's default) or not (gpsdecode -u), then "rxtime" (ISO 8601
/// UTC), "source" and "channel" when the log gave them. `bits` is the payload, needed
/// when needsBitsToFormat(m.type).
char *writeJson(char *p, const AisMessage &m, const Heard &heard, const BitBuffer *bits, bool scaled = true);
/// The same, appended to a string.
void appendJson(std::string &out, const AisMessage &m, const Heard &heard = {}, const BitBuffer *bits = nullptr,
                bool scaled = true);

/// The CSV header and one row, gpsd names as column names.
const char *csvHeader();
char *writeCsv(char *p, const AisMessage &m, const Heard &heard);
void appendCsv(std::string &out, const AisMessage &m, const Heard &heard = {});

} // namespace sightline::ais
