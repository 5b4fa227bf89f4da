#pragma once

#include "model/annotation.h"

#include <QObject>

#include <memory>

class QActionGroup;
class QMenu;
class QToolBar;
class QWidget;

namespace sightline {

class AnnotationEditTool;
class AnnotationTool;
class LayerStack;
class MapCanvas;
class ProjectController;

/// The Annotate menu and toolbar: tools that draw arrows, text labels, callouts
/// and highlights for figures, one that selects, moves and reshapes them, and the
/// style new ones get. Every change is stored in the project, undoably.
class AnnotationActions : public QObject
{
    Q_OBJECT
public:
    AnnotationActions(MapCanvas *canvas, LayerStack *layers, ProjectController *project,
                      QWidget *dialogParent);
    ~AnnotationActions() override;

    void populate(QMenu *menu, QToolBar *bar, QActionGroup *tools);

    AnnotationTool *drawTool() const { return mDrawTool.get(); }
    AnnotationEditTool *editTool() const { return mEditTool.get(); }
    /// Opens the properties of a stored annotation; the change is stored when accepted.
    bool editProperties(std::int64_t id);

private:
    void startDrawing(Annotation::Type type);
    void store(Annotation annotation);

    MapCanvas *mCanvas;
    ProjectController *mProject;
    QWidget *mDialogParent;
    std::unique_ptr<AnnotationTool> mDrawTool;
    std::unique_ptr<AnnotationEditTool> mEditTool;
};

} // namespace sightline
