#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace sightline {

class Layer;
class Project;

struct ProjectLayer;

/// The project's layer entries in order, with its AIS tracks appended when the
/// file holds some and no entry names the file itself (as after `ais import`).
QList<ProjectLayer> projectLayerEntries(const Project &project);

/// "AIS tracks", or "AIS tracks (SIMULATED)" when a file imported into the project says it is.
QString projectTracksLayerName(const QString &projectPath);

/// Opens a project's layers in order, as they were shown (name, visibility,
/// opacity, style), its AIS tracks when the file holds some and no entry names
/// them, the analyses' events, and its sightings on top. Layers that cannot be opened are left out,
/// each with a message naming it in `problems`. For the command line; the
/// workbench opens them in the background.
QList<std::shared_ptr<Layer>> openProjectLayers(const Project &project, QStringList *problems);

} // namespace sightline
