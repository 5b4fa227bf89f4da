#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>

class QAction;
class QDockWidget;
class QMenu;
class QWidget;

namespace sightline {

class AttributeTable;
class BackgroundTask;
class Layer;
class LayerPanel;
class LayerStack;
class LoadStatus;
class MapCanvas;
class MessageBar;
class ProjectController;
class RasterStylePanel;
class StylePanel;
class VesselPanel;

/// Layers onto the map and what to do with one: File → Open Layer, Add Imagery Service, Add
/// PostGIS Layers, the basemaps and the recent files; Layer → Properties, Attribute Table, Build
/// Overviews and Remove; and the docks that look into layers (Vessels, Attribute Table, Style).
/// Sources open in the background, in the order given, each failure said in the message bar.
class LayerActions : public QObject
{
    Q_OBJECT
public:
    LayerActions(MapCanvas *canvas, LayerStack *layers, LayerPanel *layerPanel, ProjectController *project,
                 MessageBar *messages, LoadStatus *load, QWidget *window);

    QAction *openAction() const { return mOpen; }
    QAction *serviceAction() const { return mService; }
    QAction *postgisAction() const { return mPostgis; }
    QAction *removeAction() const { return mRemove; }
    /// Fills File → Add Basemap with the imagery services Sightline knows.
    void populateBasemaps(QMenu *menu);
    /// File → Open Recent, kept up to date from here on: the recent layers, then what
    /// `appendMore` adds (the recent projects), so the File menu has one recent list.
    void setRecentMenu(QMenu *menu, std::function<void(QMenu *)> appendMore = {});
    /// Fills File → Open Recent again (after a project was added to the recent ones).
    void updateRecentMenu();
    /// Adds Properties, Attribute Table and Build Overviews to the Layer menu.
    void addToLayerMenu(QMenu *menu);

    QDockWidget *vesselDock() const { return mVesselDock; }
    QDockWidget *attributeDock() const { return mAttributeDock; }
    QDockWidget *styleDock() const { return mStyleDock; }
    VesselPanel *vesselPanel() const { return mVesselPanel; }
    AttributeTable *attributeTable() const { return mAttributeTable; }
    StylePanel *stylePanel() const { return mStylePanel; }
    RasterStylePanel *rasterStylePanel() const { return mRasterStylePanel; }

    /// Opens files or sources in the background; a Sightline project among them opens as the project.
    void openFiles(const QStringList &sources);
    /// Opens the named layers of a vector source (a PostGIS connection, a GeoPackage) without asking.
    void openVectorLayers(const QString &source, const QStringList &layerNames);
    /// Opens track files (AIS logs whatever their names, CSV, GPX) as layers read from the files.
    void openTrackFiles(const QStringList &paths);
    /// Opens `sources` as layers: `chosenLayers` of vector sources (asking when a file has several
    /// and none were chosen), every file as tracks when `forceAis`.
    void openSources(const QStringList &sources, bool forceAis,
                     const QHash<QString, QStringList> &chosenLayers = {});
    void showLayerProperties(const QString &id);
    void removeLayer(const QString &id);
    /// Builds overviews for a raster on a worker thread, with progress and Cancel in the status bar.
    void buildOverviews(const QString &id);
    BackgroundTask *overviewTask() const { return mOverviews; }
    /// Shows a vector layer's attribute table (Layer → Attribute Table, F6).
    void openAttributeTable(const QString &layerId);
    /// Puts `source` at the top of File → Open Recent (never one holding a password).
    void addToRecent(const QString &source);
    /// Highlights a vessel's track and frames it.
    void activateVessel(const QString &layerId, std::uint32_t mmsi);

Q_SIGNALS:
    /// One source finished opening (successfully or not).
    void sourceOpened(const QString &source, bool ok);
    /// Layers of one opening arrived on a map that was empty when it began (not while a project
    /// restores its own view): all of that opening's layers so far, to frame together.
    void openedIntoEmptyMap(const QStringList &layerIds);
    void statusMessage(const QString &text, int timeoutMs);

private:
    void openDialog();
    void addServiceDialog();
    void onLayerOpened(const QString &source, const std::shared_ptr<Layer> &layer, const QString &error,
                       const QString &report);

    MapCanvas *mCanvas;
    LayerStack *mLayers;
    LayerPanel *mLayerPanel;
    ProjectController *mProject;
    MessageBar *mMessages;
    LoadStatus *mLoad;
    QWidget *mWindow;
    QAction *mOpen;
    QAction *mService;
    QAction *mPostgis;
    QAction *mRemove;
    QMenu *mRecentMenu = nullptr;
    std::function<void(QMenu *)> mAppendRecent;
    VesselPanel *mVesselPanel;
    QDockWidget *mVesselDock;
    AttributeTable *mAttributeTable;
    QDockWidget *mAttributeDock;
    StylePanel *mStylePanel;
    RasterStylePanel *mRasterStylePanel;
    QDockWidget *mStyleDock;
    BackgroundTask *mOverviews; ///< building overviews, off the UI thread
};

} // namespace sightline
