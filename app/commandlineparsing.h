#pragma once

#include <QRectF>
#include <QSize>
#include <QString>

class QTextStream;

namespace sightline {

/// Standard error for the subcommands' messages (stdout is kept for results).
QTextStream &err();

/// "W,S,E,N" in degrees → a lon/lat box; empty rect and a message when malformed.
QRectF parseExtentArgument(const QString &text, QString *error);
/// "1920x1080" → size; empty size and a message when malformed.
QSize parseSizeArgument(const QString &text, QString *error);

} // namespace sightline
