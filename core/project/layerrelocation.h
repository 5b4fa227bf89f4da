#pragma once

#include <QString>

namespace sightline {

/// Where a project's missing file `missing` is now, given that another of its files was
/// at `before` and has been found at `after` (a folder tree copied or moved as a whole):
///   1. the same path relative to the root the two places share, found by stripping the
///      path tail `before` and `after` have in common (/old/case/data/a.tif found at
///      /new/case/data/a.tif: /old/case/vec/b.shp is looked for at /new/case/vec/b.shp);
///   2. else a file of the same name anywhere under the folder `after` is in.
/// Empty when neither exists.
QString relocatedPath(const QString &missing, const QString &before, const QString &after);

} // namespace sightline
