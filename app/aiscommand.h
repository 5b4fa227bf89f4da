#pragma once

#include <QStringList>

namespace sightline {

/// `sightline ais decode FILE... [--format jsonl|csv]`: one decoded message per
/// line on stdout, gpsd's field names; a report per file on stderr.
/// Exit 0 when every file was read, 2 for bad arguments or an unreadable file.
int runAisCommand(const QStringList &args);

} // namespace sightline
