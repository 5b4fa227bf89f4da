#pragma once

#include "brief/brief.h"
#include "brief/brieftable.h"
#include "project/detectionrun.h"

namespace sightline {

/// "Vessels in image N": a figure framed on the image's footprint around its acquisition (the
/// event layer draws each detection: matched ones named, dark ones in the warning outline).
BriefFigure briefDetectionFigure(const DetectionRun &run, int number);
/// One row a detection: number, position, length, heading, the matched vessel or "dark", score.
BriefTable briefDetectionsTable(const DetectionRun &run, const QString &caption);
/// A sentence for above the figure: when, how many, how many dark, and the AIS vessels not seen.
QString briefDetectionSummary(const DetectionRun &run);

} // namespace sightline
