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
/// file holds some and no entry names the file itself (as after `ais import`).
QList<ProjectLayer> projectLayerEntries(const Project &project);

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
