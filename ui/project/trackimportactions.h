#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class QAction;
class QWidget;

namespace sightline {

class Layer;
class LayerPanel;
class LayerStack;
class LoadStatus;
class MessageBar;
class ProjectController;
class TrackLayer;
struct ProjectTrackImportOutcome;

/// File → Import Tracks (AIS, CSV, GPX): track files read into the open project in the
/// background, with progress, Cancel and a report; the project's track layer then shows the new
/// vessels. Without a project it offers to make one, or hands the files on to open as a layer.
class TrackImportActions : public QObject
{
    Q_OBJECT
public:
    TrackImportActions(LayerStack *layers, LayerPanel *layerPanel, ProjectController *project,
                       MessageBar *messages, LoadStatus *load, QWidget *window);

    QAction *importAction() const { return mImport; }
    QAction *importFolderAction() const { return mImportFolder; }

    /// Asks for track files (remembering the folder), then imports them.
    void importDialog();
    /// Imports track files (AIS logs whatever their names, CSV, GPX) with progress, cancel and a
    /// report: into the open project (offering to create one when none is open), or, when the
    /// user declines or the project is read-only, as a layer read from the file.
    void importAisLogs(const QStringList &paths);

Q_SIGNALS:
    /// The files are to open as a layer read from them, not kept in the project.
    void openAsLayerRequested(const QStringList &paths);
    /// One file's import finished (successfully or not).
    void sourceOpened(const QString &source, bool ok);
    /// The project's tracks arrived as the first layer on the map.
    void firstLayerOpened(const QString &layerId);

private:
    void importIntoProject(const QStringList &paths);
    void onImportFinished(const ProjectTrackImportOutcome &outcome);
    void showProjectBroadcastLayer(const std::shared_ptr<Layer> &layer);
    void showProjectTracks(const std::shared_ptr<TrackLayer> &tracks);

    LayerStack *mLayers;
    LayerPanel *mLayerPanel;
    ProjectController *mProject;
    MessageBar *mMessages;
    LoadStatus *mLoad;
    QWidget *mWindow;
    QAction *mImport;
    QAction *mImportFolder;
};

} // namespace sightline
