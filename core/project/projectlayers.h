#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace sightline {

class Layer;
class Project;

struct ProjectLayer;
struct SourcePermissions;

/// The project's layer entries in order, with its AIS tracks appended when the
/// file holds some and no entry names the file itself (as after `ais import`), and
/// likewise its receivers and aids to navigation (aisBroadcastLayerEntries).
QList<ProjectLayer> projectLayerEntries(const Project &project);

/// The point layers of what AIS logs said besides positions, from the project's own tables:
/// "Receivers" (base stations, ais_base_stations) and "Aids to navigation" (ais_aids_to_navigation).
/// Entries for those `projectPath` holds, in that order.
QList<ProjectLayer> aisBroadcastLayerEntries(const QString &projectPath);
/// True when `entry` is one of those: the project's own table, opened as points, not as tracks.
bool isAisBroadcastLayer(const ProjectLayer &entry, const QString &projectPath);
/// Opens one of them, styled: receivers as dark red triangles, aids to navigation as magenta
/// squares named by their name (hollow when virtual). Null with `error` when it cannot be read.
std::shared_ptr<Layer> openAisBroadcastLayer(const QString &projectPath, const QString &table, QString *error);

/// "AIS tracks", or "AIS tracks (SIMULATED)" when a file imported into the project says it is.
QString projectTracksLayerName(const QString &projectPath);

/// Opens a project's layers in order, as they were shown (name, visibility,
/// opacity, style), its AIS tracks when the file holds some and no entry names
/// them, the analyses' events, and its sightings on top. Each source is judged
/// first (sourcepolicy.h): a refused one, or one that needs what `permissions`
/// does not give, is not opened. Layers left out are each named in `problems`
/// with the reason. For the command line; the workbench opens them in the background.
QList<std::shared_ptr<Layer>> openProjectLayers(const Project &project, const SourcePermissions &permissions,
                                                QStringList *problems);

} // namespace sightline
