#pragma once

#include "ais/aismessage.h"

#include <cstddef>
#include <string>

namespace sightline::ais {

/// Longest record writeJson or writeCsv can produce, with room to spare.
constexpr std::size_t kMaxRecordBytes = 4096;

/// Writes one message as a JSON object on one line at `p` (which must have
/// kMaxRecordBytes of room) and returns the end. gpsd's field names (class
/// "AIS", scaled values); absent values are left out. `rxTime` (Unix seconds,
/// or NaN) is written as "rxtime" in ISO 8601 UTC.
char *writeJson(char *p, const AisMessage &m, double rxTime);
/// The same, appended to a string.
void appendJson(std::string &out, const AisMessage &m, double rxTime);

/// The CSV header and one row, gpsd names as column names.
const char *csvHeader();
char *writeCsv(char *p, const AisMessage &m, double rxTime);
void appendCsv(std::string &out, const AisMessage &m, double rxTime);

} // namespace sightline::ais
