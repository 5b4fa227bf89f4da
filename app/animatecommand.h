#pragma once

#include <QStringList>

namespace sightline {

/// `sightline animate --project P --time FROM/TO --step DURATION -o OUT.(mp4|gif|png) [--extent W,S,E,N]
/// [--crs EPSG:N] [--size WxH] [--fps N] [--trail DURATION] [--title TEXT] [--no-legend] [--skip-unchanged]`:
/// the project's map played over a time range, one frame per step, each with its time stamp, the
/// title and the legend burned in. APNG and GIF are written by Sightline; MP4 through Debian's ffmpeg.
/// Exit 0, 1 when a layer failed to draw (the animation is still written), 2 for bad arguments, a
/// project that cannot be read, or an animation that cannot be written.
int runAnimateCommand(const QStringList &args);

} // namespace sightline
