#pragma once

#include <QObject>

#include <memory>

class QActionGroup;
class QMenu;
class QWidget;

namespace sightline {

class DrawTool;
class LayerStack;
class MapCanvas;
class PointPickTool;
class ProjectController;
struct SightingGeometry;

/// The Sightings menu: tools that place a point or draw an area or a line, then
/// the sighting form, prefilled from the imagery under it, into the project.
class SightingActions : public QObject
{
    Q_OBJECT
public:
    SightingActions(MapCanvas *canvas, LayerStack *layers, ProjectController *project, QWidget *dialogParent);
    ~SightingActions() override;

    /// Fills `menu`; the tools join `tools` so one map tool is active at a time.
    void populate(QMenu *menu, QActionGroup *tools);
    /// Opens the form for a new sighting at `geometry`; stored (undoably) when saved.
    void newSighting(const SightingGeometry &geometry);

private:
    MapCanvas *mCanvas;
    LayerStack *mLayers;
    ProjectController *mProject;
    QWidget *mDialogParent;
    std::unique_ptr<PointPickTool> mPointTool;
    std::unique_ptr<DrawTool> mShapeTool;
};

} // namespace sightline
