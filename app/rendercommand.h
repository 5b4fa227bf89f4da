#pragma once

#include <QStringList>

namespace sightline {

/// `sightline render FILE... [--extent W,S,E,N] [--crs EPSG:N] [--size WxH] -o OUT.png`
/// Returns the process exit code: 0 rendered, 1 rendered with layer errors,
/// 2 bad arguments or nothing could be opened.
int runRenderCommand(const QStringList &args);

} // namespace sightline
