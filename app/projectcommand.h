#pragma once

#include <QStringList>

namespace sightline {

/// `sightline project create P.gpkg [FILE...] [--extent W,S,E,N]`: a new project
/// holding those layers (in order, bottom first, with the styles the workbench
/// would give them) framed on the extent (else on all of them).
/// `sightline project info P.gpkg`: its layers, view and sightings, read-only.
/// Exit 0 on success, 1 when a layer could not be opened (the others are kept),
/// 2 for bad arguments or a project that cannot be made or read.
int runProjectCommand(const QStringList &args);

} // namespace sightline
