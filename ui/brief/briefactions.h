#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace sightline {

class BriefComposer;
class LayerStack;
class MapCanvas;
class MessageBar;
class ProjectController;

/// File → Brief Composer… and Export Brief PDF…: the project's brief edited beside the map
/// (BriefComposer) and written to PDF, with the outcome in the message bar. Both need a project,
/// since the brief is kept in it.
class BriefActions : public QObject
{
    Q_OBJECT
public:
    BriefActions(MapCanvas *canvas, LayerStack *layers, ProjectController *project, MessageBar *messages,
                 QWidget *window);
    ~BriefActions() override;

    void populate(QMenu *menu);
    /// Opens the composer (or brings it forward); null without a project.
    BriefComposer *openComposer();
    /// The open composer, or null.
    BriefComposer *composer() const;
    /// Asks where (a save dialog remembering its folder), then writes the brief.
    void exportBrief();
    /// Writes the brief (the composer's when it is open, else the project's) to `path`, and says
    /// so in the message bar; false (with the file named) when it could not.
    bool exportBriefTo(const QString &path);
    /// Opens a written brief in the desktop's PDF viewer; when there is none, says so (with the
    /// path) in the message bar and the composer instead of doing nothing. False then.
    bool openWrittenBrief(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateActions();

    MapCanvas *mCanvas;
    LayerStack *mLayers;
    ProjectController *mProject;
    MessageBar *mMessages;
    QWidget *mWindow;
    QAction *mComposerAction = nullptr;
    QAction *mExportAction = nullptr;
    QPointer<BriefComposer> mComposer;
};

} // namespace sightline
