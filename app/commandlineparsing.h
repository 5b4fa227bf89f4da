#pragma once

#include <QRectF>
#include <QSize>
#include <QString>

#include <QStringList>

class QTextStream;

namespace sightline {

class Project;
struct SourcePermissions;

/// Standard error for the subcommands' messages (stdout is kept for results).
QTextStream &err();

/// "W,S,E,N" in degrees → a lon/lat box; empty rect and a message when malformed.
QRectF parseExtentArgument(const QString &text, QString *error);
/// "1920x1080" → size; empty size and a message when malformed.
QSize parseSizeArgument(const QString &text, QString *error);

/// `--allow-network` and `--allow-path PATH`: what the layers of a project from elsewhere may
/// reach in this run, beyond its own folder and what the user allowed before (sourcepolicy.h).
struct SourceAccessArguments
{
    static constexpr auto kUsage =
        "  --allow-network    let the project's layers contact the services they name (off by default:\n"
        "                     such layers are left out, named on stderr)\n"
        "  --allow-path PATH  let the project's layers read files under PATH, outside its folder\n";
    bool allowNetwork = false;
    QStringList paths;
    /// Takes `args[i]` (and its value) when it is one of the two, advancing `i`; false when it is
    /// neither, or when a value is missing (then `error` says so).
    bool take(const QStringList &args, int &i, QString *error);
    SourcePermissions permissionsFor(const Project &project) const;
};

/// Writes what the project has to say on opening (credentials moved out of it, say) to stderr.
void reportProjectNotices(Project &project, const char *command);

} // namespace sightline
