#pragma once

#include <QStringList>

namespace sightline {

/// `sightline brief --project P [--definition FILE] [--template NAME|FILE] [--preset screen|print]
/// [--dpi N] [--page A4|Letter] [--landscape|--portrait] [--store] -o OUT.pdf`: writes the
/// project's brief (or the one in --definition) as PDF. With no brief in the project, the
/// template's (the built-in "standard" by default) is used; with one, a template given lends
/// only its page layout. --store keeps the brief written
/// in the project. Layers that are missing are named on the page and on stderr; the export goes on.
/// Exit 0, or 2 for bad arguments, a project or template that cannot be read, or a PDF that
/// cannot be written.
int runBriefCommand(const QStringList &args);

} // namespace sightline
