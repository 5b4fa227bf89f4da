#pragma once

#include <cstddef>
#include <functional>

namespace sightline {

/// How a long analysis tells how far it is and learns that it should stop: called with the
/// fraction done (0..1), it returns false to cancel. An empty one lets the run go to its end.
using AnalysisProgress = std::function<bool(double)>;

/// Reports step `done` of `total` (mapped onto `from`..`to` of the whole run); false once the
/// caller asked to stop. Detectors call it once a vessel (or a block of time steps), so a Cancel
/// is heard within one vessel's work.
inline bool reportProgress(const AnalysisProgress &progress, std::size_t done, std::size_t total,
                           double from = 0.0, double to = 1.0)
{
    if (!progress)
        return true;
    const double fraction = total ? double(done) / double(total) : 1.0;
    return progress(from + (to - from) * fraction);
}

} // namespace sightline
