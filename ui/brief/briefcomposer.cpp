#include "ui/brief/briefcomposer.h"

#include "ui/common/backgroundtask.h"
#include "ui/common/formwidgets.h"

#include "ui/brief/briefblockeditor.h"
#include "geo/transform.h"
#include "layers/layerstack.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "ui/map/mapcanvas.h"
#include "project/projectsession.h"
#include "ui/project/projectcontroller.h"

#include <QAction>
#include <QBuffer>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPdfDocument>
#include <QPdfView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace sightline {

namespace {

const auto kGeometryKey = QStringLiteral("briefComposer/geometry");
const auto kSplitterKey = QStringLiteral("briefComposer/splitter");

QRectF mapViewWgs84(const MapCanvas &canvas)
{
    const MapSettings s = canvas.mapSettings();
    QRectF box = Transform(s.destinationCrs(), Crs::wgs84()).forwardBounds(s.visibleExtent(), 21);
    if (!box.isValid() || box.isEmpty())
        return {};
    // A view zoomed out past the poles: keep what a lon/lat extent can say.
    box.setTop(std::max(box.top(), -90.0));
    box.setBottom(std::min(box.bottom(), 90.0));
    return box;
}

QString firstLine(const QString &text, int max = 60)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.startsWith(QLatin1String("- ")))
        line = line.mid(2);
    return line.size() > max ? line.left(max - 1) + QChar(0x2026) : line;
}

QString pagesAndFigures(int pages, int figures)
{
    const QString p = pages == 1 ? QObject::tr("1 page") : QObject::tr("%1 pages").arg(pages);
    const QString f = figures == 1 ? QObject::tr("1 figure") : QObject::tr("%1 figures").arg(figures);
    return QStringLiteral("%1 · %2").arg(p, f);
}

} // namespace

Brief projectBrief(const Project &project, QString *problem)
{
    if (const auto stored = project.briefDefinition()) {
        QString error;
        Brief brief = briefFromJson(*stored, &error);
        if (error.isEmpty())
            return brief;
        if (problem)
            *problem = QObject::tr("The brief kept in the project could not be read (%1); the standard "
                                   "template is shown instead.")
                           .arg(error);
    }
    QString error;
    if (const auto layout = loadBriefTemplate(QStringLiteral("standard"), &error))
        return instantiateBriefTemplate(*layout, project.title());
    if (problem && problem->isEmpty())
        *problem = error;
    Brief brief;
    brief.title = project.title();
    return brief;
}

BriefInputs workbenchBriefInputs(const ProjectController &controller, const LayerStack &layers,
                                 const MapCanvas &canvas)
{
    const ProjectSession *session = controller.session();
    if (!session)
        return {};
    QStringList problems;
    for (const ProjectLayer &entry : controller.unavailableLayers())
        problems << QStringLiteral("layer '%1': could not be opened from %2")
                        .arg(entry.name,
                             QDir::toNativeSeparators(session->project().resolveSource(entry.source)));
    BriefInputs inputs = briefInputsFromProject(session->project(), layers.layers(), problems);
    // The map as it is now, not as the project last saved it (that waits for the view to settle).
    if (const QRectF view = mapViewWgs84(canvas); !view.isNull())
        inputs.currentView = view;
    return inputs;
}

BriefBlock figureOfMapView(const LayerStack &layers, const MapCanvas &canvas)
{
    BriefBlock block;
    block.kind = BriefBlock::Kind::Figure;
    block.figure.extentWgs84 = mapViewWgs84(canvas);
    block.figure.crs = canvas.crs().authId();
    for (const auto &layer : layers.layers())
        if (layer->isVisible())
            block.figure.layers << layer->name();
    return block;
}

BriefComposer::BriefComposer(MapCanvas *canvas, LayerStack *layers, ProjectController *project,
                             QWidget *parent)
    : QWidget(parent, Qt::Window)
    , mCanvas(canvas)
    , mLayers(layers)
    , mProject(project)
    , mPreviewTask(new BackgroundTask(QStringLiteral("briefPreview"), this))
{
    setObjectName(QStringLiteral("briefComposer"));
    setAttribute(Qt::WA_DeleteOnClose);
    mSaveTimer.setSingleShot(true);
    mSaveTimer.setInterval(400);
    connect(&mSaveTimer, &QTimer::timeout, this, &BriefComposer::store);
    mPreviewTimer.setSingleShot(true);
    connect(&mPreviewTimer, &QTimer::timeout, this, &BriefComposer::refreshPreview);

    mSplitter = new QSplitter(Qt::Horizontal, this);
    mSplitter->setObjectName(QStringLiteral("briefSplitter"));
    mSplitter->setChildrenCollapsible(false);
    mSplitter->addWidget(buildEditor());
    mSplitter->addWidget(buildPreview());
    mSplitter->setStretchFactor(0, 0);
    mSplitter->setStretchFactor(1, 1);
    mSplitter->setSizes({470, 730});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(10);
    layout->addWidget(mSplitter, 1);
    layout->addWidget(buildButtons());

    connect(mProject, &ProjectController::projectChanged, this, &BriefComposer::projectChanged);
    connect(mProject, &ProjectController::briefChanged, this, &BriefComposer::briefChangedInProject);
    // The composer is a window of its own: the project's Undo and Redo work here too (a text field
    // keeps its own Ctrl+Z while it has the focus).
    for (const bool redo : {false, true}) {
        auto *action = new QAction(redo ? tr("Redo") : tr("Undo"), this);
        action->setObjectName(redo ? QStringLiteral("briefRedo") : QStringLiteral("briefUndo"));
        action->setShortcut(redo ? QKeySequence::Redo : QKeySequence::Undo);
        connect(action, &QAction::triggered, this, [this, redo] { undoOrRedo(redo); });
        addAction(action);
    }
    for (auto signal : {&ProjectController::sightingsChanged, &ProjectController::eventsChanged,
                        &ProjectController::annotationsChanged})
        connect(mProject, signal, this, [this] { schedulePreview(); });
    connect(mProject, &ProjectController::savedViewsChanged, this, [this] {
        updateContext();
        schedulePreview();
    });
    connect(mLayers, &LayerStack::changed, this, [this] {
        updateContext();
        schedulePreview();
    });
    connect(mCanvas, &MapCanvas::viewChanged, this, [this] {
        if (followsMapView())
            schedulePreview();
    });

    resize(1240, 860);
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    fitToScreen();
    mSplitter->restoreState(settings.value(kSplitterKey).toByteArray());
    load();
}

BriefComposer::~BriefComposer()
{
    mSaveTimer.stop();
    mPreviewTimer.stop();
    // The preview being drawn reads only snapshots; it stops, and nothing comes back to this window.
    mPreviewTask->cancelAndWait();
    // The view lets go of the document (and its page renderer stops reading it) before either goes.
    mView->setDocument(nullptr);
    delete mDocument;
    delete mBuffer;
}

void BriefComposer::showExportMessage(const QString &text, const QString &openPath)
{
    QString html = text.toHtmlEscaped();
    if (!openPath.isEmpty())
        html += QStringLiteral(" <a href=\"%1\">%2</a>")
                    .arg(QUrl::fromLocalFile(openPath).toString().toHtmlEscaped(), tr("Open"));
    mExportMessage->setText(html);
    mExportMessage->setToolTip(text);
}

void BriefComposer::projectChanged()
{
    mPreviewTask->cancel();
    if (!mProject->session()) {
        // The brief belongs to the project that went: nothing left to compose.
        mSaveTimer.stop();
        close();
        return;
    }
    if (mProject->session() != mSession)
        load();
}

void BriefComposer::load()
{
    mSaveTimer.stop();
    mSession = mProject->session();
    if (!mSession)
        return;
    const Project &project = mSession->project();
    mLoadProblem.clear();
    mSaveError.clear();
    mBrief = projectBrief(project, &mLoadProblem);
    mLoadedJson = briefToJson(mBrief);
    mPendingEdit.clear();
    // Nothing is written until the analyst changes something: opening the composer is not an edit.
    mStored = project.briefDefinition() && mLoadProblem.isEmpty() ? mBrief : Brief{};
    setWindowTitle(tr("Brief Composer — %1").arg(mProject->title()));
    mReadOnly->setVisible(mProject->isReadOnly());
    showBrief();
    mBlocks->setCurrentRow(mBrief.blocks.isEmpty() ? -1 : 0);
    schedulePreview(0);
}

void BriefComposer::showBrief()
{
    mUpdating = true;
    mTitle->setText(mBrief.title);
    mSubtitle->setText(mBrief.subtitle);
    mMarking->setEditText(mBrief.marking);
    mAuthors->setText(mBrief.authors);
    mDate->setText(mBrief.date);
    const QString judgments = mBrief.keyJudgments.join(QLatin1Char('\n'));
    if (mJudgments->toPlainText() != judgments)
        mJudgments->setPlainText(judgments);
    int size = mPageSize->findData(int(mBrief.page.size));
    if (size < 0) {
        mPageSize->addItem(QPageSize::name(mBrief.page.size), int(mBrief.page.size));
        size = mPageSize->count() - 1;
    }
    mPageSize->setCurrentIndex(size);
    mOrientation->setCurrentIndex(mOrientation->findData(int(mBrief.page.orientation)));
    int preset = mPreset->findData(mBrief.page.dpi);
    if (preset < 0) {
        // A template's own resolution stays choosable beside the presets.
        mPreset->addItem(tr("Custom — %1 dpi").arg(mBrief.page.dpi), mBrief.page.dpi);
        preset = mPreset->count() - 1;
    }
    mPreset->setCurrentIndex(preset);

    const int row = mBlocks->currentRow();
    mBlocks->clear();
    for (int i = 0; i < mBrief.blocks.size(); ++i) {
        mBlocks->addItem(QString());
        refreshBlockItem(i);
    }
    updateContext();
    mUpdating = false;
    if (row >= 0 && row < mBlocks->count())
        mBlocks->setCurrentRow(row);
    currentBlockChanged();
}

void BriefComposer::documentEdited()
{
    if (mUpdating)
        return;
    beginEdit(tr("Edit brief details"));
    mBrief.title = mTitle->text();
    mBrief.subtitle = mSubtitle->text();
    mBrief.marking = mMarking->currentText().trimmed();
    mBrief.authors = mAuthors->text();
    mBrief.date = mDate->text().trimmed();
    mBrief.keyJudgments.clear();
    for (const QString &line : mJudgments->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            mBrief.keyJudgments << line.trimmed();
    mBrief.page.size = QPageSize::PageSizeId(mPageSize->currentData().toInt());
    mBrief.page.orientation = QPageLayout::Orientation(mOrientation->currentData().toInt());
    mBrief.page.dpi = mPreset->currentData().toInt();
    scheduleSave();
    schedulePreview();
}

QString BriefComposer::blockName(int row) const
{
    const QListWidgetItem *item = mBlocks->item(row);
    return item ? item->text() : QString();
}

void BriefComposer::beginEdit(const QString &text)
{
    // Another kind of edit waiting is saved first, as its own undo entry.
    if (!mPendingEdit.isEmpty() && mPendingEdit != text)
        store();
    mPendingEdit = text;
}

void BriefComposer::briefChangedInProject()
{
    if (!mSession || mSession != mProject->session())
        return;
    QString problem;
    const Brief stored = projectBrief(mSession->project(), &problem);
    if (!problem.isEmpty() || stored == mBrief)
        return; // our own save, heard back
    // An undo or redo: the composer shows what the project now holds.
    mSaveTimer.stop();
    mPendingEdit.clear();
    mBrief = mStored = stored;
    showBrief();
    schedulePreview();
}

void BriefComposer::undoOrRedo(bool redo)
{
    flush(); // an edit still waiting to be saved is the one to undo
    QUndoStack *undo = mProject->undoStack();
    redo ? undo->redo() : undo->undo();
}

void BriefComposer::blockEdited()
{
    const int row = mBlocks->currentRow();
    if (mUpdating || row < 0 || row >= mBrief.blocks.size())
        return;
    beginEdit(tr("Edit block %1 (%2)").arg(row + 1).arg(briefBlockKindLabel(mBrief.blocks[row].kind)));
    mBrief.blocks[row] = mBlockEditor->block();
    refreshBlockItem(row);
    scheduleSave();
    schedulePreview();
}

void BriefComposer::refreshBlockItem(int row)
{
    QListWidgetItem *item = mBlocks->item(row);
    if (!item || row >= mBrief.blocks.size())
        return;
    const BriefBlock &b = mBrief.blocks[row];
    const QString label = briefBlockKindLabel(b.kind);
    QString detail;
    switch (b.kind) {
    case BriefBlock::Kind::Section:
        detail = !b.heading.isEmpty() ? b.heading : firstLine(b.text);
        if (detail.isEmpty())
            detail = tr("(empty)");
        break;
    case BriefBlock::Kind::Figure:
        detail = !b.figure.caption.isEmpty()      ? firstLine(b.figure.caption)
                 : !b.figure.view.isEmpty()       ? tr("view “%1”").arg(b.figure.view)
                 : !b.figure.extentWgs84.isNull() ? tr("kept extent")
                                                  : tr("the project's current view");
        break;
    case BriefBlock::Kind::PageBreak:
        break;
    default:
        detail = firstLine(b.heading);
        break;
    }
    item->setText(detail.isEmpty() ? label : QStringLiteral("%1 — %2").arg(label, detail));
    item->setToolTip(item->text());
}

void BriefComposer::currentBlockChanged()
{
    if (mUpdating)
        return;
    const int row = mBlocks->currentRow();
    if (row < 0 || row >= mBrief.blocks.size()) {
        mBlockEditor->clearBlock();
        mBlockBox->setTitle(tr("Block"));
    } else {
        mBlockEditor->setBlock(mBrief.blocks[row]);
        const QString text = mBlocks->item(row)->text();
        mBlockBox->setTitle(text.section(QStringLiteral(" — "), 0, 0));
    }
    updateBlockButtons();
}

void BriefComposer::updateBlockButtons()
{
    const int row = mBlocks->currentRow();
    mRemove->setEnabled(row >= 0);
    mUp->setEnabled(row > 0);
    mDown->setEnabled(row >= 0 && row < mBlocks->count() - 1);
}

void BriefComposer::addBlock(const BriefBlock &block)
{
    flush();
    const int current = mBlocks->currentRow();
    const int row = current >= 0 ? current + 1 : int(mBrief.blocks.size());
    mPendingEdit = tr("Add block %1 (%2)").arg(row + 1).arg(briefBlockKindLabel(block.kind));
    mBrief.blocks.insert(row, block);
    mUpdating = true;
    mBlocks->insertItem(row, QString());
    refreshBlockItem(row);
    mUpdating = false;
    mBlocks->setCurrentRow(row);
    currentBlockChanged();
    mTabs->setCurrentIndex(1);
    mBlockEditor->focusFirstField();
    store(); // one undo entry, at once
    schedulePreview();
}

void BriefComposer::removeBlock()
{
    const int row = mBlocks->currentRow();
    if (row < 0 || row >= mBrief.blocks.size())
        return;
    flush();
    mPendingEdit = tr("Remove block '%1'").arg(blockName(row));
    mBrief.blocks.removeAt(row);
    mUpdating = true;
    delete mBlocks->takeItem(row);
    mUpdating = false;
    mBlocks->setCurrentRow(std::min(row, mBlocks->count() - 1));
    currentBlockChanged();
    store();
    schedulePreview();
}

void BriefComposer::moveBlock(int delta)
{
    const int row = mBlocks->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= mBrief.blocks.size())
        return;
    flush();
    mPendingEdit = (delta < 0 ? tr("Move block '%1' up") : tr("Move block '%1' down")).arg(blockName(row));
    mBrief.blocks.swapItemsAt(row, to);
    mUpdating = true;
    refreshBlockItem(row);
    refreshBlockItem(to);
    mUpdating = false;
    mBlocks->setCurrentRow(to);
    currentBlockChanged();
    store();
    schedulePreview();
}

void BriefComposer::updateContext()
{
    BriefEditorContext context;
    const auto &layers = mLayers->layers();
    std::int64_t first = std::numeric_limits<std::int64_t>::max(), last = 0;
    auto span = [&](std::int64_t from, std::int64_t to) {
        if (from > 0)
            first = std::min(first, from);
        last = std::max(last, to);
    };
    for (auto it = layers.crbegin(); it != layers.crend(); ++it) {
        context.layers << (*it)->name();
        if ((*it)->kind() == Layer::Kind::Track) {
            const auto &store = static_cast<const TrackLayer &>(**it).store();
            span(store.firstTimeMs(), store.lastTimeMs());
        }
    }
    for (const MovementEvent &e : mProject->events())
        span(e.startMs, e.endMs);
    if (const auto sightings = mProject->sightingLayer())
        for (const Sighting &s : sightings->sightings())
            span(s.observedAtMs, s.observedAtMs);
    if (last > 0 && first <= last) {
        context.firstMs = first;
        context.lastMs = last;
    }
    if (mProject->session())
        context.views = mProject->session()->project().views();
    mBlockEditor->setContext(context);

    if (QMenu *saved = mAdd->menu()->findChild<QMenu *>(QStringLiteral("briefAddSavedView"))) {
        saved->clear();
        for (const SavedView &v : std::as_const(context.views)) {
            QAction *a = saved->addAction(v.name, this, [this, v] {
                BriefBlock block;
                block.kind = BriefBlock::Kind::Figure;
                block.figure.view = v.name;
                block.figure.extentWgs84 = v.extentWgs84;
                block.figure.crs = v.crs;
                block.figure.caption = v.name;
                addBlock(block);
            });
            a->setToolTip(describeExtent(v.extentWgs84));
        }
        if (context.views.isEmpty())
            saved->addAction(tr("(no saved views: View ▸ Saved Views ▸ Save Current View)"))
                ->setEnabled(false);
    }
}

bool BriefComposer::followsMapView() const
{
    return std::any_of(mBrief.blocks.begin(), mBrief.blocks.end(), [](const BriefBlock &b) {
        return b.kind == BriefBlock::Kind::Figure && b.figure.view.isEmpty() && b.figure.extentWgs84.isNull();
    });
}

void BriefComposer::scheduleSave()
{
    if (mSession && !mProject->isReadOnly())
        mSaveTimer.start();
}

void BriefComposer::schedulePreview(int delayMs)
{
    mPreviewTimer.start(delayMs);
}

void BriefComposer::flush()
{
    if (mSaveTimer.isActive())
        store();
}

void BriefComposer::store()
{
    mSaveTimer.stop();
    // Only into the project the brief came from, and only when it changed.
    const QString text = std::exchange(mPendingEdit, QString());
    if (!mSession || mSession != mProject->session() || mProject->isReadOnly() || mBrief == mStored)
        return;
    Project &project = mSession->project();
    // On the window's one undo stack, named for what was done; undo writes the brief before it.
    const QJsonObject before = project.briefDefinition().value_or(mLoadedJson);
    if (mSession->setBriefDefinition(before, briefToJson(mBrief), text.isEmpty() ? tr("Edit brief") : text)) {
        mStored = mBrief;
        mSaveError.clear();
    } else {
        mSaveError = tr("The brief could not be kept in the project: %1").arg(project.lastError());
    }
    showPreviewStatus(-1, {});
}

void BriefComposer::refreshPreview()
{
    mPreviewTimer.stop();
    if (!mProject->session())
        return;
    // Gathered here, where the project and the layers live; the layers as frozen copies, since the
    // map goes on changing them while the worker lays the pages out and draws the figures.
    BriefInputs inputs = workbenchBriefInputs(*mProject, *mLayers, *mCanvas);
    for (auto &layer : inputs.layers)
        layer = layer->snapshot();
    struct Preview
    {
        QByteArray bytes;
        BriefExportResult result;
        QString error;
        bool ok = false;
    };
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    // A newer edit starts a new preview: the one being drawn is cancelled, and its pages never shown.
    mPreviewTask->start(
        tr("Drawing the preview"),
        [brief = mBrief, inputs = std::move(inputs)](TaskControl &control) {
            Preview preview;
            QBuffer out(&preview.bytes);
            out.open(QIODevice::WriteOnly);
            preview.ok = writeBriefPdf(brief, inputs, out, &preview.result, &preview.error,
                                       [&control](double fraction) { return control.progress(fraction); });
            return preview;
        },
        [this, timer](Preview preview) {
            if (!preview.ok) {
                showPreviewStatus(timer->elapsed(), preview.error);
                return;
            }
            showPreview(preview.bytes, preview.result, timer->elapsed());
        });
}

QByteArray BriefComposer::previewBytes() const
{
    return mBuffer ? mBuffer->data() : QByteArray();
}

bool BriefComposer::isPreviewPending() const
{
    return mPreviewTimer.isActive() || mPreviewTask->isRunning();
}

void BriefComposer::showPreview(const QByteArray &bytes, const BriefExportResult &result, qint64 ms)
{
    mResult = result;
    // The reader keeps its place while the pages under it are replaced.
    const int scroll = mView->verticalScrollBar()->value();
    auto *buffer = new QBuffer(this);
    buffer->setData(bytes);
    buffer->open(QIODevice::ReadOnly);
    mDocument->load(buffer);
    delete mBuffer;
    mBuffer = buffer;
    mView->verticalScrollBar()->setValue(scroll);
    QTimer::singleShot(0, mView, [view = mView, scroll] { view->verticalScrollBar()->setValue(scroll); });
    showPreviewStatus(ms, {});
}

void BriefComposer::showPreviewStatus(qint64 ms, const QString &error)
{
    if (!error.isEmpty()) {
        mStatus->setText(tr("The preview could not be made: %1").arg(error));
    } else if (ms >= 0) {
        mStatus->setText(pagesAndFigures(mResult.pages, mResult.figures));
        mStatus->setToolTip(tr("%1 · %2 %3 dpi · laid out in %4 ms")
                                .arg(QPageSize::name(mBrief.page.size), briefPresetName(mBrief.page.dpi))
                                .arg(mBrief.page.dpi)
                                .arg(ms));
    }
    QStringList problems;
    if (!mLoadProblem.isEmpty())
        problems << mLoadProblem;
    if (!mSaveError.isEmpty())
        problems << mSaveError;
    problems << mResult.problems;
    problems.removeDuplicates();
    mProblems->setText(problems.join(QLatin1Char('\n')));
    mProblems->setVisible(!problems.isEmpty());
}

QString BriefComposer::statusText() const
{
    return mProblems->text().isEmpty() ? mStatus->text()
                                       : mStatus->text() + QLatin1Char('\n') + mProblems->text();
}

bool BriefComposer::applyTemplate(const QString &nameOrPath, QString *error)
{
    QString why;
    const auto layout = loadBriefTemplate(nameOrPath, &why);
    if (!layout) {
        if (error)
            *error = why;
        return false;
    }
    const Brief t = instantiateBriefTemplate(
        *layout, mProject->session() ? mProject->session()->project().title() : QString());
    flush();
    mPendingEdit = tr("Apply brief template");
    mBrief.page = t.page;
    if (mBrief.blocks.isEmpty()) {
        // An empty brief takes the template's content; what the analyst typed stays.
        mBrief.blocks = t.blocks;
        auto fill = [](QString &field, const QString &value) {
            if (field.trimmed().isEmpty())
                field = value;
        };
        fill(mBrief.title, t.title);
        fill(mBrief.subtitle, t.subtitle);
        fill(mBrief.marking, t.marking);
        fill(mBrief.authors, t.authors);
        if (mBrief.keyJudgments.isEmpty())
            mBrief.keyJudgments = t.keyJudgments;
    }
    showBrief();
    if (mBlocks->currentRow() < 0 && mBlocks->count() > 0)
        mBlocks->setCurrentRow(0);
    scheduleSave();
    schedulePreview();
    return true;
}

void BriefComposer::changeEvent(QEvent *event)
{
    // Leaving the window (to the map, to close the project) keeps what was typed.
    if (event->type() == QEvent::ActivationChange && !isActiveWindow())
        flush();
    QWidget::changeEvent(event);
}

void BriefComposer::closeEvent(QCloseEvent *event)
{
    flush();
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kSplitterKey, mSplitter->saveState());
    QWidget::closeEvent(event);
}

} // namespace sightline
