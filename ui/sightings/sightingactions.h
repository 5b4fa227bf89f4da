#pragma once

#include <QObject>

#include <QList>
#include <QPair>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>

class QActionGroup;
class QDockWidget;
class QMenu;
class QToolBar;
class QWidget;

namespace sightline {

class CountTool;
class DrawTool;
class LayerStack;
class MapCanvas;
class PointPickTool;
class ProjectController;
class SightingPanel;
class TimeController;
struct SightingGeometry;

/// The Sightings menu: tools that place a point or draw an area or a line, then
/// the sighting form, prefilled from the imagery under it, into the project; and the
/// Sightings dock that lists them.
class SightingActions : public QObject
{
    Q_OBJECT
public:
    SightingActions(MapCanvas *canvas, LayerStack *layers, ProjectController *project, QWidget *dialogParent);
    ~SightingActions() override;

    /// Fills `menu` and `bar`; the tools join `tools` so one map tool is active at a time.
    void populate(QMenu *menu, QToolBar *bar, QActionGroup *tools);
    /// Opens the form for a new sighting at `geometry`; stored (undoably) when saved.
    /// False when the form was cancelled or the project refused it. `beforeSave` runs once the
    /// form is accepted, just before the sighting is stored.
    bool newSighting(const SightingGeometry &geometry, const std::function<void()> &beforeSave = {});

    /// Opens the form on a stored sighting; the changes are stored (undoably) when saved.
    bool editSighting(std::int64_t id);

    /// Writes the project's sightings to GeoJSON, KML or CSV (by extension); false and a message when it
    /// cannot.
    bool exportSightings(const QString &path);
    /// Adds the sightings of a GeoJSON, KML or CSV file to the project as one undoable step; the
    /// number added, with what was skipped and why in the message bar.
    int importSightings(const QString &path);

    /// What the Count tool counts: the kind its next sighting starts as (kept across sessions).
    void setCountKind(const QString &kind);

    /// The time cursor a new sighting's Observed time starts from (before the imagery's date).
    void setTimeController(const TimeController *time) { mTime = time; }

    CountTool *countTool() const { return mCountTool.get(); }
    SightingPanel *panel() const { return mPanel; }
    QDockWidget *dock() const { return mDock; }
    /// Selects a sighting in the Sightings dock and brings the dock forward.
    void revealSighting(std::int64_t id);

Q_SIGNALS:
    void countKindChanged(const QString &kind);

private:
    /// "NAME (MMSI)" choices from the open track layers, for the form's vessel link.
    QList<QPair<std::uint32_t, QString>> vesselChoices() const;

    MapCanvas *mCanvas;
    LayerStack *mLayers;
    ProjectController *mProject;
    QWidget *mDialogParent;
    std::unique_ptr<PointPickTool> mPointTool;
    std::unique_ptr<DrawTool> mShapeTool;
    std::unique_ptr<CountTool> mCountTool;
    SightingPanel *mPanel;
    QDockWidget *mDock;
    const TimeController *mTime = nullptr;
};

} // namespace sightline
