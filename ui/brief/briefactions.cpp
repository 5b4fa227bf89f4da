#include "ui/brief/briefactions.h"

#include "brief/briefinputs.h"
#include "brief/briefwriter.h"
#include "ui/brief/briefcomposer.h"
#include "ui/common/messagebar.h"
#include "project/projectsession.h"
#include "ui/project/projectcontroller.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QUrl>

namespace sightline {

namespace {
const auto kExportDirKey = QStringLiteral("brief/exportDir");
} // namespace

BriefActions::BriefActions(MapCanvas *canvas, LayerStack *layers, ProjectController *project,
                           MessageBar *messages, QWidget *window)
    : QObject(window)
    , mCanvas(canvas)
    , mLayers(layers)
    , mProject(project)
    , mMessages(messages)
    , mWindow(window)
{
    connect(mProject, &ProjectController::projectChanged, this, &BriefActions::updateActions);
    // The window going (quit) writes a pending edit of the composer before the project closes.
    mWindow->installEventFilter(this);
}

BriefActions::~BriefActions() = default;

void BriefActions::populate(QMenu *menu)
{
    mComposerAction = menu->addAction(tr("&Brief Composer…"), this, [this] { openComposer(); });
    mComposerAction->setObjectName(QStringLiteral("actionBriefComposer"));
    // Ctrl+B saves a view (as QGIS's bookmarks); Ctrl+P opens a print layout in QGIS.
    mComposerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    mExportAction = menu->addAction(tr("E&xport Brief PDF…"), this, &BriefActions::exportBrief);
    mExportAction->setObjectName(QStringLiteral("actionExportBrief"));
    mExportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
    updateActions();
}

void BriefActions::updateActions()
{
    if (!mComposerAction)
        return;
    const bool open = mProject->session() != nullptr;
    mComposerAction->setEnabled(open);
    mExportAction->setEnabled(open);
    const QString why = tr("Open or create a project first: the brief is kept in the project.");
    const QString composeTip =
        tr("Compose the PDF brief beside the map: title block, key judgments, figures, "
           "tables, with a live preview");
    const QString exportTip = tr("Write the project's brief to a PDF file");
    mComposerAction->setToolTip(open ? composeTip : why);
    mComposerAction->setStatusTip(mComposerAction->toolTip());
    mExportAction->setToolTip(open ? exportTip : why);
    mExportAction->setStatusTip(mExportAction->toolTip());
}

BriefComposer *BriefActions::composer() const
{
    return mComposer;
}

BriefComposer *BriefActions::openComposer()
{
    if (!mProject->session())
        return nullptr;
    if (!mComposer) {
        mComposer = new BriefComposer(mCanvas, mLayers, mProject, mWindow);
        connect(mComposer, &BriefComposer::exportRequested, this, &BriefActions::exportBrief);
        connect(mComposer, &BriefComposer::openRequested, this, &BriefActions::openWrittenBrief);
    }
    mComposer->show();
    mComposer->raise();
    mComposer->activateWindow();
    return mComposer;
}

void BriefActions::exportBrief()
{
    ProjectSession *session = mProject->session();
    if (!session)
        return;
    QSettings settings;
    const QFileInfo project(session->project().path());
    const QString dir = settings.value(kExportDirKey, project.absolutePath()).toString();
    QWidget *parent = mComposer && mComposer->isActiveWindow() ? static_cast<QWidget *>(mComposer) : mWindow;
    QFileDialog dialog(parent, tr("Export Brief PDF"), dir, tr("PDF documents (*.pdf)"));
    dialog.setObjectName(QStringLiteral("briefExportDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setDefaultSuffix(QStringLiteral("pdf"));
    dialog.selectFile(QDir(dir).filePath(project.completeBaseName() + QStringLiteral("-brief.pdf")));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    settings.setValue(kExportDirKey, QFileInfo(path).absolutePath());
    exportBriefTo(path);
}

bool BriefActions::exportBriefTo(const QString &path)
{
    ProjectSession *session = mProject->session();
    if (!session)
        return false;
    QString problem;
    Brief brief;
    if (mComposer) {
        mComposer->flush();
        brief = mComposer->brief();
    } else {
        brief = projectBrief(session->project(), &problem);
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const BriefInputs inputs = workbenchBriefInputs(*mProject, *mLayers, *mCanvas);
    BriefExportResult result;
    QString error;
    const bool ok = writeBriefPdfFile(brief, inputs, path, &result, &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        const QString text = tr("The brief could not be written: %1").arg(error);
        mMessages->showMessage(MessageBar::Level::Error, text.toHtmlEscaped());
        if (mComposer && mComposer->isVisible())
            mComposer->showExportMessage(text);
        return false;
    }
    QString text = tr("Brief written: %1 (%2, %3)")
                       .arg(QDir::toNativeSeparators(path),
                            result.pages == 1 ? tr("1 page") : tr("%1 pages").arg(result.pages),
                            result.figures == 1 ? tr("1 figure") : tr("%1 figures").arg(result.figures));
    QStringList problems = result.problems;
    if (!problem.isEmpty())
        problems.prepend(problem);
    if (!problems.isEmpty())
        text += QLatin1Char(' ') + tr("Noted on the page: %1").arg(problems.join(QStringLiteral("; ")));
    mMessages->showMessage(problems.isEmpty() ? MessageBar::Level::Info : MessageBar::Level::Warning,
                           text.toHtmlEscaped(), tr("Open"), [this, path] { openWrittenBrief(path); });
    if (mComposer && mComposer->isVisible())
        mComposer->showExportMessage(text, path);
    return true;
}

bool BriefActions::openWrittenBrief(const QString &path)
{
    if (QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        return true;
    // Nothing on this machine opens PDFs: say so, and where the file is, rather than nothing.
    const QString text = tr("No PDF viewer could open the brief. It is at %1").arg(QDir::toNativeSeparators(path));
    mMessages->showMessage(MessageBar::Level::Warning, text.toHtmlEscaped());
    if (mComposer && mComposer->isVisible())
        mComposer->showExportMessage(text);
    return false;
}

bool BriefActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mWindow && event->type() == QEvent::Close && mComposer)
        mComposer->flush();
    return QObject::eventFilter(watched, event);
}

} // namespace sightline
