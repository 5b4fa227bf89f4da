#pragma once

#include <QStringList>

namespace sightline {

/// `sightline analyze (gaps|port-calls|voyages|encounters|loitering|spoofing) --project P
/// [--ports FILE|LAYER]... [--land FILE|LAYER] [thresholds] [--format csv|json] [--save]`:
/// runs one movement analysis on the project's tracks. The events go to stdout (CSV or
/// JSON), a summary to stderr (counts; for voyages the origin–destination table and the
/// round trips per vessel with their dates). --save stores them in the project with their
/// parameters, replacing the previous run's. Exit 0, or 2 for bad arguments or a
/// project, track or port source that cannot be read.
int runAnalyzeCommand(const QStringList &args);

} // namespace sightline
