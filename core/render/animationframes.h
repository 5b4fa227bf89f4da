#pragma once

#include "map/mapsettings.h"
#include "map/timewindow.h"

#include <QImage>
#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

class QPainter;

namespace sightline {

class AnimationWriter;

/// How the map is played over time: one frame every `stepMs` from the range's start to its end,
/// each showing what happened up to its instant (over the last `trailMs`, or since the start
/// when 0), with each vessel marked where it was then.
struct AnimationPlan
{
    TimeWindow range;
    std::int64_t stepMs = 3600 * 1000;
    std::int64_t trailMs = 0;
    QString title;
    bool legend = true;
    /// A frame where nothing new happened since the last one shown (no position, event or
    /// sighting, no image acquired) is not made; the last one shown stays up longer instead.
    bool skipUnchanged = false;
};

/// The instants of the frames: start, start + step, … up to and including the end.
std::vector<std::int64_t> animationFrameTimes(const AnimationPlan &plan);

/// True when some layer of `settings` has something timed in (afterMs, atMs]: a position, an
/// event starting or ending, a sighting, an image acquired.
bool somethingHappensBetween(const MapSettings &settings, std::int64_t afterMs, std::int64_t atMs);

/// "2023-10-14 02:00 UTC": the time stamp burned into a frame.
QString animationTimeStamp(std::int64_t ms);

/// The frame at `atMs`: `base` (extent, size, CRS, layers) with the plan's window and the time
/// cursor at `atMs`, the scale bar and credits, the title at the top, the time stamp at the top
/// left and the legend at the bottom right.
QImage renderAnimationFrame(const MapSettings &base, const AnimationPlan &plan, std::int64_t atMs);

/// What writeAnimation made.
struct AnimationResult
{
    int frames = 0;  ///< frames written
    int skipped = 0; ///< instants with nothing new, shown by lengthening the frame before
};

/// Renders the plan's frames over `base` into an opened `writer`, one at a time, holding each
/// until the next is known so a skipped instant lengthens it. `progress(done, total)` is called
/// after each instant; returning false cancels. The writer is not finished here.
bool writeAnimation(const MapSettings &base, const AnimationPlan &plan, AnimationWriter &writer,
                    const std::function<bool(int, int)> &progress, AnimationResult *result, QString *error);

/// Where the time stamp box sits in a frame of `size` at `dpi`, and the box itself (drawn by
/// renderAnimationFrame; tests compare a frame's box with one drawn here).
QRectF animationTimeStampRect(const QSize &size, double dpi);
void paintAnimationTimeStamp(QPainter &painter, const QSize &size, double dpi, const QString &text);

} // namespace sightline
