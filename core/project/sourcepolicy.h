#pragma once

#include <QString>
#include <QStringList>

namespace sightline {

/// What a project from someone else may make Sightline read or contact
/// (DESIGN.md, security model): files inside the project's folder tree, files
/// the user has allowed on this machine, and network services only with the
/// user's consent. Inline VRT/XML, raw bands, /vsi* prefixes and connection
/// strings other than PostgreSQL and WMTS are refused outright.
struct SourcePermissions
{
    QString projectFolder;    ///< everything under it may be read
    QStringList allowedPaths; ///< files and folders the user allowed on this machine
    QStringList allowedHosts; ///< hosts the user agreed this project may contact
    bool anyHost = false;     ///< `--allow-network`
};

struct SourceVerdict
{
    enum class Access
    {
        Allowed,
        NeedsConsent, ///< would contact hosts or read files not yet allowed
        Refused
    };
    Access access = Access::Refused;
    /// What to open: the source itself, or the URL of an imagery service kept as GDAL XML.
    QString source;
    QStringList hosts;          ///< every host it would contact ("tiles.example.com", "db.example:5433")
    QStringList deniedHosts;    ///< those of `hosts` not allowed yet
    QStringList deniedFiles;    ///< local files it would read outside what is allowed
    QString reason;             ///< for Refused and NeedsConsent: why, for a message
    bool allowed() const { return access == Access::Allowed; }
};

/// Judges one stored layer source (absolute, as Project::layers gives it). Local
/// VRT files are read to judge the files and services they point at in turn.
SourceVerdict checkProjectSource(const QString &source, const SourcePermissions &permissions);

/// Judges a source the user named themselves (a file opened, a URL typed): every place it
/// reads or contacts is theirs to choose, but what is refused from a project is refused here
/// too (raw bands, inline XML, /vsi*, unknown connection strings): a file from elsewhere is
/// untrusted even when the user opens it.
SourceVerdict checkUserSource(const QString &source);

/// The user's answers on this machine, kept in the application's settings (never in a project,
/// so that a project cannot grant itself anything).
namespace sourceconsent {
/// Files and folders any project may read on this machine.
QStringList allowedPaths();
void allowPaths(const QStringList &paths);
/// Hosts the project at `projectPath` may contact.
QStringList allowedHosts(const QString &projectPath);
void allowHosts(const QString &projectPath, const QStringList &hosts);
/// What the project at `projectPath` may reach: its folder, the allowed paths and hosts,
/// plus `extraPaths` and any host when `anyHost` (the command line's --allow-path and --allow-network).
SourcePermissions permissionsFor(const QString &projectPath, bool anyHost = false,
                                 const QStringList &extraPaths = {});
/// Remembers what the user opened by hand, so the project it is saved in opens again on this
/// machine: its local files (a VRT's too) as allowed paths, its hosts for `projectPath` (when given).
void rememberUserSource(const QString &source, const QString &projectPath = {});
} // namespace sourceconsent

} // namespace sightline
