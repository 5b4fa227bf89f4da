#pragma once

#include "brief/brief.h"
#include "brief/briefinputs.h"
#include "brief/briefwriter.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QBuffer;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QGroupBox;
class QPdfDocument;
class QPdfView;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace sightline {

class BackgroundTask;
class BriefBlockEditor;
class LayerStack;
class MapCanvas;
class ProjectController;
class ProjectSession;

/// The brief the project keeps, else the "standard" template made for the project's title.
/// `problem` says when a stored brief could not be read (the template is returned then).
Brief projectBrief(const Project &project, QString *problem);

/// The inputs of a brief in the workbench: the project, the layers as the map has them (those the
/// project names but could not open are reported missing) and the map's current view.
BriefInputs workbenchBriefInputs(const ProjectController &controller, const LayerStack &layers,
                                 const MapCanvas &canvas);

/// A figure of what the map shows now: its extent (lon/lat), CRS and visible layers.
BriefBlock figureOfMapView(const LayerStack &layers, const MapCanvas &canvas);

/// Brief Composer: a window beside the map that edits the project's brief — title block, key
/// judgments, page, and the blocks in order, each with its own editor — beside a live preview of
/// the PDF as it will be written. Every edit is kept in the project as it is made.
class BriefComposer : public QWidget
{
    Q_OBJECT
public:
    BriefComposer(MapCanvas *canvas, LayerStack *layers, ProjectController *project, QWidget *parent);
    ~BriefComposer() override;

    const Brief &brief() const { return mBrief; }
    /// Writes a pending edit to the project now.
    void flush();
    /// Starts a new preview now, drawn on a worker thread (it otherwise follows edits after a pause).
    void refreshPreview();
    /// The page layout of a built-in template or a JSON file; with no blocks yet, its content too.
    bool applyTemplate(const QString &nameOrPath, QString *error);
    /// Inserts `block` after the selected one (at the end when none) and selects it.
    void addBlock(const BriefBlock &block);

    QPdfDocument *previewDocument() const { return mDocument; }
    /// The PDF the preview shows (empty before the first).
    QByteArray previewBytes() const;
    QPdfView *previewView() const { return mView; }
    /// What the last preview made: pages, figures, problems.
    const BriefExportResult &previewResult() const { return mResult; }
    /// True while a preview waits for edits to settle or is being drawn (on a worker thread).
    bool isPreviewPending() const;
    BackgroundTask *previewTask() const { return mPreviewTask; }
    QString statusText() const;
    /// Shows what the last export did (or why it did not) in the composer's own bar: the
    /// workbench's message bar is under this window. `openPath`, when given, is a written PDF
    /// the line offers to open.
    void showExportMessage(const QString &text, const QString &openPath = {});
    QLabel *exportMessage() const { return mExportMessage; }
    /// Keeps the window on the screen it is on: no taller or wider than the space there is.
    void fitToScreen();
    /// Once shown, with its real frame: moves (or shrinks) the window so all of it is on the screen.
    void keepFrameOnScreen();

    QLineEdit *titleEdit() const { return mTitle; }
    QListWidget *blockList() const { return mBlocks; }
    QToolButton *addButton() const { return mAdd; }
    QComboBox *presetCombo() const { return mPreset; }
    BriefBlockEditor *blockEditor() const { return mBlockEditor; }

Q_SIGNALS:
    /// The Export PDF… button: the owner asks where and writes the brief.
    void exportRequested();
    /// The export message's "Open" link.
    void openRequested(const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildEditor();
    QWidget *buildDocumentTab();
    QWidget *buildContentsTab();
    QWidget *buildPreview();
    QWidget *buildButtons();
    void buildAddMenu();
    void buildTemplateMenu(QPushButton *button);
    void projectChanged();
    void load();
    void showBrief();
    void documentEdited();
    void blockEdited();
    void currentBlockChanged();
    void removeBlock();
    void moveBlock(int delta);
    void refreshBlockItem(int row);
    void updateBlockButtons();
    void updateContext();
    /// Names the edit about to be made (its undo entry); another edit still waiting is saved first.
    void beginEdit(const QString &text);
    QString blockName(int row) const;
    /// The project's brief was written: by an undo or redo, the composer shows it.
    void briefChangedInProject();
    void undoOrRedo(bool redo);
    void scheduleSave();
    void schedulePreview(int delayMs = 500);
    void store();
    void showPreview(const QByteArray &bytes, const BriefExportResult &result, qint64 ms);
    void showPreviewStatus(qint64 ms, const QString &error);
    bool followsMapView() const;

    MapCanvas *mCanvas;
    LayerStack *mLayers;
    ProjectController *mProject;
    QPointer<ProjectSession> mSession; ///< the project the brief belongs to
    Brief mBrief;
    Brief mStored; ///< as last written to the project
    QJsonObject mLoadedJson; ///< the brief as first shown, for undoing the first edit of a new brief
    QString mPendingEdit;    ///< the name of the edit waiting to be saved
    QString mLoadProblem;
    bool mUpdating = false;
    QTimer mSaveTimer;
    QTimer mPreviewTimer;
    QString mSaveError;

    QSplitter *mSplitter = nullptr;
    QTabWidget *mTabs = nullptr;
    QLabel *mReadOnly = nullptr;
    QLineEdit *mTitle = nullptr;
    QLineEdit *mSubtitle = nullptr;
    QComboBox *mMarking = nullptr;
    QLineEdit *mAuthors = nullptr;
    QLineEdit *mDate = nullptr;
    QPlainTextEdit *mJudgments = nullptr;
    QComboBox *mPageSize = nullptr;
    QComboBox *mOrientation = nullptr;
    QComboBox *mPreset = nullptr;
    QListWidget *mBlocks = nullptr;
    QToolButton *mAdd = nullptr;
    QToolButton *mRemove = nullptr;
    QToolButton *mUp = nullptr;
    QToolButton *mDown = nullptr;
    QGroupBox *mBlockBox = nullptr;
    BriefBlockEditor *mBlockEditor = nullptr;

    QPdfDocument *mDocument = nullptr;
    QPdfView *mView = nullptr;
    QBuffer *mBuffer = nullptr; ///< the bytes the document reads; replaced with each preview
    QLabel *mStatus = nullptr;
    QLabel *mExportMessage = nullptr;
    QLabel *mProblems = nullptr;
    BriefExportResult mResult;
    BackgroundTask *mPreviewTask;
};

} // namespace sightline
