#pragma once

#include <QObject>

class QMenu;
class QWidget;

namespace sightline {

class MapCanvas;
class ProjectController;

/// View → Saved Views: save the current view under a name (Ctrl+B, as QGIS's
/// spatial bookmarks), go back to one, rename or delete one — all kept in the
/// project and undoable.
class SavedViewsMenu : public QObject
{
    Q_OBJECT
public:
    SavedViewsMenu(QMenu *menu, MapCanvas *canvas, ProjectController *project, QWidget *dialogParent);

    /// Saves the map's view under `name` (replacing a view of that name); false without a writable project.
    bool saveCurrentView(const QString &name);
    /// Frames the map on the saved view of that name; false when there is none.
    bool goToView(const QString &name);
    bool deleteView(const QString &name);

private:
    void rebuild();
    void askAndSave();

    QMenu *mMenu;
    MapCanvas *mCanvas;
    ProjectController *mProject;
    QWidget *mDialogParent;
};

} // namespace sightline
