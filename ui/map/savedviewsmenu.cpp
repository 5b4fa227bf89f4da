#include "ui/map/savedviewsmenu.h"

#include "geo/transform.h"
#include "ui/map/mapcanvas.h"
#include "project/projectsession.h"
#include "ui/project/projectcontroller.h"

#include <QInputDialog>
#include <QMenu>

namespace sightline {

SavedViewsMenu::SavedViewsMenu(QMenu *menu, MapCanvas *canvas, ProjectController *project,
                               QWidget *dialogParent)
    : QObject(menu)
    , mMenu(menu)
    , mCanvas(canvas)
    , mProject(project)
    , mDialogParent(dialogParent)
{
    mMenu->setObjectName(QStringLiteral("savedViewsMenu"));
    connect(mProject, &ProjectController::projectChanged, this, &SavedViewsMenu::rebuild);
    connect(mProject, &ProjectController::savedViewsChanged, this, &SavedViewsMenu::rebuild);
    rebuild();
}

void SavedViewsMenu::rebuild()
{
    mMenu->clear();
    QAction *save = mMenu->addAction(tr("&Save Current View…"), this, &SavedViewsMenu::askAndSave);
    save->setObjectName(QStringLiteral("actionSaveView"));
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    save->setToolTip(
        tr("Keep the map's extent under a name, to come back to it or make a brief's figure of it"));
    ProjectSession *session = mProject->session();
    save->setEnabled(session && !mProject->isReadOnly());
    if (!session) {
        mMenu->addAction(tr("(saved views live in a project)"))->setEnabled(false);
        return;
    }
    const QList<SavedView> views = session->project().views();
    if (views.isEmpty())
        return;
    mMenu->addSeparator();
    for (const SavedView &v : views)
        mMenu->addAction(v.name, this, [this, name = v.name] { goToView(name); });
    if (mProject->isReadOnly())
        return;
    mMenu->addSeparator();
    QMenu *remove = mMenu->addMenu(tr("&Delete"));
    for (const SavedView &v : views)
        remove->addAction(v.name, this, [this, name = v.name] { deleteView(name); });
}

void SavedViewsMenu::askAndSave()
{
    if (!mProject->requireWritableProject())
        return;
    bool ok = false;
    const int next = int(mProject->session()->project().views().size()) + 1;
    const QString name = QInputDialog::getText(mDialogParent, tr("Save Current View"), tr("Name:"),
                                               QLineEdit::Normal, tr("View %1").arg(next), &ok)
                             .trimmed();
    if (ok && !name.isEmpty())
        saveCurrentView(name);
}

bool SavedViewsMenu::saveCurrentView(const QString &name)
{
    ProjectSession *session = mProject->session();
    if (!session || mProject->isReadOnly() || name.trimmed().isEmpty())
        return false;
    const MapSettings settings = mCanvas->mapSettings();
    SavedView view;
    view.name = name.trimmed();
    view.crs = settings.destinationCrs().authId();
    view.extentWgs84 =
        Transform(settings.destinationCrs(), Crs::wgs84()).forwardBounds(settings.visibleExtent(), 21);
    QList<SavedView> views = session->project().views();
    auto same =
        std::find_if(views.begin(), views.end(), [&](const SavedView &v) { return v.name == view.name; });
    if (same != views.end())
        *same = view;
    else
        views << view;
    return session->setSavedViews(views, tr("Save view %1").arg(view.name));
}

bool SavedViewsMenu::goToView(const QString &name)
{
    if (!mProject->session())
        return false;
    for (const SavedView &v : mProject->session()->project().views())
        if (v.name == name) {
            mCanvas->zoomToWgs84(v.extentWgs84);
            return true;
        }
    return false;
}

bool SavedViewsMenu::deleteView(const QString &name)
{
    ProjectSession *session = mProject->session();
    if (!session || mProject->isReadOnly())
        return false;
    QList<SavedView> views = session->project().views();
    const auto removed =
        std::remove_if(views.begin(), views.end(), [&](const SavedView &v) { return v.name == name; });
    if (removed == views.end())
        return false;
    views.erase(removed, views.end());
    return session->setSavedViews(views, tr("Delete view %1").arg(name));
}

} // namespace sightline
