// The composer's widgets: its tabs, its preview pane, its buttons and menus, and its size on the screen.
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

const auto kTemplateDirKey = QStringLiteral("briefComposer/templateDir");

QFormLayout *makeForm(QWidget *parent)
{
    QFormLayout *form = makeEditorForm(parent, QMargins(12, 10, 12, 12));
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(8);
    return form;
}

QScrollArea *scrolling(QWidget *content, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return area;
}

} // namespace

QWidget *BriefComposer::buildEditor()
{
    auto *editor = new QWidget(this);
    auto *layout = new QVBoxLayout(editor);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    mReadOnly = new QLabel(
        tr("The project is open read-only: edits show in the preview and can be exported, but are not kept."),
        editor);
    mReadOnly->setObjectName(QStringLiteral("briefReadOnly"));
    mReadOnly->setWordWrap(true);
    mReadOnly->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; padding: 6px; }"));
    mReadOnly->hide();
    layout->addWidget(mReadOnly);
    mTabs = new QTabWidget(editor);
    mTabs->setObjectName(QStringLiteral("briefTabs"));
    mTabs->addTab(buildDocumentTab(), tr("&Document"));
    mTabs->addTab(buildContentsTab(), tr("C&ontents"));
    mTabs->setTabToolTip(0, tr("Title block, key judgments and page"));
    mTabs->setTabToolTip(1, tr("The sections, figures and tables, in order"));
    layout->addWidget(mTabs, 1);
    editor->setMinimumWidth(400);
    return editor;
}

QWidget *BriefComposer::buildDocumentTab()
{
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 10, 8, 8);
    layout->setSpacing(12);

    auto *titleBox = new QGroupBox(tr("Title block"), content);
    QFormLayout *form = makeForm(titleBox);
    mTitle = new QLineEdit(titleBox);
    mTitle->setObjectName(QStringLiteral("briefTitle"));
    mTitle->setPlaceholderText(tr("What the brief is about"));
    mTitle->setToolTip(tr("The brief's title, printed large on the first page and in the PDF's properties"));
    mSubtitle = new QLineEdit(titleBox);
    mSubtitle->setObjectName(QStringLiteral("briefSubtitle"));
    mSubtitle->setPlaceholderText(tr("Optional"));
    mSubtitle->setToolTip(tr("A line under the title: the question answered, or the sources used"));
    mMarking = new QComboBox(titleBox);
    mMarking->setObjectName(QStringLiteral("briefMarking"));
    mMarking->setEditable(true);
    mMarking->setInsertPolicy(QComboBox::NoInsert);
    mMarking->addItems({QStringLiteral("UNCLASSIFIED"), QStringLiteral("UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
                        QStringLiteral("OFFICIAL"), QStringLiteral("OFFICIAL-SENSITIVE"),
                        QStringLiteral("TLP:CLEAR"), QStringLiteral("TLP:GREEN"),
                        QStringLiteral("TLP:AMBER")});
    mMarking->lineEdit()->setPlaceholderText(tr("No marking"));
    mMarking->setToolTip(
        tr("Classification or handling marking, printed at the top and bottom of every page; "
           "type any other"));
    mAuthors = new QLineEdit(titleBox);
    mAuthors->setObjectName(QStringLiteral("briefAuthors"));
    mAuthors->setPlaceholderText(tr("Analysts or team"));
    mAuthors->setToolTip(tr("Who wrote the brief, as printed under the title"));
    mDate = new QLineEdit(titleBox);
    mDate->setObjectName(QStringLiteral("briefDate"));
    mDate->setPlaceholderText(tr("date of export"));
    mDate->setToolTip(tr("The date printed on the brief, as typed; empty: the day it is exported"));
    form->addRow(tr("&Title:"), mTitle);
    form->addRow(tr("S&ubtitle:"), mSubtitle);
    form->addRow(tr("&Marking:"), mMarking);
    form->addRow(tr("&Authors:"), mAuthors);
    form->addRow(tr("Da&te:"), mDate);
    layout->addWidget(titleBox);

    auto *judgmentsBox = new QGroupBox(tr("Key judgments"), content);
    auto *judgmentsLayout = new QVBoxLayout(judgmentsBox);
    judgmentsLayout->setContentsMargins(12, 10, 12, 12);
    judgmentsLayout->setSpacing(4);
    mJudgments = new QPlainTextEdit(judgmentsBox);
    mJudgments->setObjectName(QStringLiteral("briefKeyJudgments"));
    mJudgments->setToolTip(tr("The bottom line up front: one judgment per line, printed as a numbered list "
                              "on the first page"));
    mJudgments->setPlaceholderText(tr("One judgment per line"));
    mJudgments->setTabChangesFocus(true);
    mJudgments->setMinimumHeight(100);
    mJudgments->setMaximumHeight(160);
    judgmentsLayout->addWidget(mJudgments);
    judgmentsLayout->addWidget(
        makeHintLabel(tr("One per line, with how sure you are: \"We assess with moderate confidence that…\""),
                      judgmentsBox));
    layout->addWidget(judgmentsBox);

    auto *pageBox = new QGroupBox(tr("Page"), content);
    QFormLayout *pageForm = makeForm(pageBox);
    mPageSize = new QComboBox(pageBox);
    mPageSize->setObjectName(QStringLiteral("briefPageSize"));
    mPageSize->setToolTip(tr("The paper the brief is laid out on"));
    for (const auto id : {QPageSize::A4, QPageSize::Letter, QPageSize::A3, QPageSize::Legal})
        mPageSize->addItem(QPageSize::name(id), int(id));
    mOrientation = new QComboBox(pageBox);
    mOrientation->setObjectName(QStringLiteral("briefOrientation"));
    mOrientation->setToolTip(tr("Portrait or landscape pages"));
    mOrientation->addItem(tr("Portrait"), int(QPageLayout::Portrait));
    mOrientation->addItem(tr("Landscape"), int(QPageLayout::Landscape));
    mPreset = new QComboBox(pageBox);
    mPreset->setObjectName(QStringLiteral("briefPreset"));
    mPreset->setToolTip(
        tr("Resolution of the imagery embedded in figures: Screen keeps the file small, Print "
           "is sharp on paper. Text and vectors stay vectors either way."));
    mPreset->addItem(tr("Screen — 150 dpi"), 150);
    mPreset->addItem(tr("Print — 300 dpi"), 300);
    pageForm->addRow(tr("&Paper:"), mPageSize);
    pageForm->addRow(tr("&Orientation:"), mOrientation);
    pageForm->addRow(tr("&Resolution:"), mPreset);
    layout->addWidget(pageBox);
    layout->addStretch(1);
    // One label column across the groups, so their fields line up.
    QList<QWidget *> labels;
    for (QFormLayout *f : {form, pageForm})
        for (int row = 0; row < f->rowCount(); ++row)
            if (QLayoutItem *item = f->itemAt(row, QFormLayout::LabelRole); item && item->widget())
                labels << item->widget();
    int labelWidth = 0;
    for (QWidget *label : std::as_const(labels))
        labelWidth = std::max(labelWidth, label->sizeHint().width());
    for (QWidget *label : std::as_const(labels)) {
        label->setMinimumWidth(labelWidth);
        if (auto *text = qobject_cast<QLabel *>(label))
            text->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }

    for (QLineEdit *edit : {mTitle, mSubtitle, mAuthors, mDate})
        connect(edit, &QLineEdit::textChanged, this, &BriefComposer::documentEdited);
    connect(mMarking, &QComboBox::currentTextChanged, this, &BriefComposer::documentEdited);
    connect(mJudgments, &QPlainTextEdit::textChanged, this, &BriefComposer::documentEdited);
    for (QComboBox *box : {mPageSize, mOrientation, mPreset})
        connect(box, &QComboBox::currentIndexChanged, this, &BriefComposer::documentEdited);
    return scrolling(content, this);
}

QWidget *BriefComposer::buildContentsTab()
{
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 10, 8, 8);
    layout->setSpacing(12);

    auto *blocksBox = new QGroupBox(tr("Blocks, in page order"), content);
    auto *blocksLayout = new QVBoxLayout(blocksBox);
    blocksLayout->setContentsMargins(12, 10, 12, 12);
    blocksLayout->setSpacing(6);
    mBlocks = new QListWidget(blocksBox);
    mBlocks->setObjectName(QStringLiteral("briefBlocks"));
    mBlocks->setToolTip(tr("The brief's body, laid out in this order after the title block"));
    mBlocks->setMinimumHeight(130);
    mBlocks->setMaximumHeight(200);
    mBlocks->setTextElideMode(Qt::ElideRight);
    mBlocks->setAlternatingRowColors(true);
    blocksLayout->addWidget(mBlocks);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    auto tool = [blocksBox](const QString &text, const char *name, const QString &tip) {
        auto *b = new QToolButton(blocksBox);
        b->setText(text);
        b->setObjectName(QLatin1String(name));
        b->setToolTip(tip);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return b;
    };
    mAdd = tool(tr("Add"), "briefAddBlock",
                tr("Add a section, figure, table or page break after the selected block"));
    mAdd->setPopupMode(QToolButton::InstantPopup);
    buildAddMenu();
    mRemove = tool(tr("Remove"), "briefRemoveBlock", tr("Remove the selected block (Delete)"));
    mUp = tool(tr("Move Up"), "briefMoveUp", tr("Move the selected block up: earlier in the brief"));
    mDown = tool(tr("Move Down"), "briefMoveDown", tr("Move the selected block down: later in the brief"));
    for (QToolButton *b : {mAdd, mRemove, mUp, mDown})
        b->setMinimumWidth(72);
    buttons->addWidget(mAdd);
    buttons->addWidget(mRemove);
    buttons->addStretch(1);
    buttons->addWidget(mUp);
    buttons->addWidget(mDown);
    blocksLayout->addLayout(buttons);
    layout->addWidget(blocksBox);

    mBlockBox = new QGroupBox(tr("Block"), content);
    mBlockBox->setObjectName(QStringLiteral("briefBlockBox"));
    auto *blockLayout = new QVBoxLayout(mBlockBox);
    blockLayout->setContentsMargins(12, 10, 12, 12);
    mBlockEditor = new BriefBlockEditor(mBlockBox);
    blockLayout->addWidget(mBlockEditor);
    layout->addWidget(mBlockBox);
    layout->addStretch(1);

    connect(mBlocks, &QListWidget::currentRowChanged, this, &BriefComposer::currentBlockChanged);
    connect(mRemove, &QToolButton::clicked, this, &BriefComposer::removeBlock);
    connect(mUp, &QToolButton::clicked, this, [this] { moveBlock(-1); });
    connect(mDown, &QToolButton::clicked, this, [this] { moveBlock(1); });
    auto *remove = new QAction(mBlocks);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &BriefComposer::removeBlock);
    mBlocks->addAction(remove);
    connect(mBlockEditor, &BriefBlockEditor::changed, this, &BriefComposer::blockEdited);
    connect(mBlockEditor, &BriefBlockEditor::captureViewRequested, this, [this] {
        const BriefBlock now = figureOfMapView(*mLayers, *mCanvas);
        mBlockEditor->setFigureExtent(now.figure.extentWgs84, now.figure.crs);
    });
    return scrolling(content, this);
}

void BriefComposer::buildAddMenu()
{
    auto *menu = new QMenu(mAdd);
    menu->setObjectName(QStringLiteral("briefAddMenu"));
    auto simple = [this](BriefBlock::Kind kind) {
        BriefBlock block;
        block.kind = kind;
        addBlock(block);
    };
    auto entry = [&](const QString &text, const QString &name, const QString &tip, auto slot) {
        QAction *a = menu->addAction(text, this, slot);
        a->setObjectName(name);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        return a;
    };
    const QString prefix = QStringLiteral("addBlock_");
    entry(tr("&Section"), prefix + briefBlockKindKey(BriefBlock::Kind::Section),
          tr("A heading and paragraphs of text"), [simple] { simple(BriefBlock::Kind::Section); });
    menu->addSeparator();
    entry(tr("Figure from &Current Map View"), prefix + QStringLiteral("figure-map"),
          tr("A map of what the workbench shows now: its extent, CRS and visible layers"),
          [this] { addBlock(figureOfMapView(*mLayers, *mCanvas)); });
    QMenu *saved = menu->addMenu(tr("Figure from Sa&ved View"));
    saved->setObjectName(QStringLiteral("briefAddSavedView"));
    saved->setToolTipsVisible(true);
    menu->addSeparator();
    const struct
    {
        BriefBlock::Kind kind;
        QString text;
        QString tip;
    } tables[] = {
        {BriefBlock::Kind::SightingsTable, tr("Si&ghtings Table"),
         tr("Every sighting, numbered as the callouts")},
        {BriefBlock::Kind::EventsTable, tr("&Events Table"),
         tr("The events the analyses found, of chosen types")},
        {BriefBlock::Kind::VesselsTable, tr("V&essels Table"), tr("The vessels in the tracks and events")},
        {BriefBlock::Kind::Timeline, tr("&Timeline"), tr("Events per vessel over time")},
        {BriefBlock::Kind::Sources, tr("So&urces"), tr("Every data and imagery file with its SHA-256")},
        {BriefBlock::Kind::VesselsInImage, tr("Vessels in &Image"),
         tr("The vessels detected in the first SAR image: its figure and a table, matched or dark")},
    };
    for (const auto &t : tables)
        entry(t.text, prefix + briefBlockKindKey(t.kind), t.tip, [simple, kind = t.kind] { simple(kind); });
    menu->addSeparator();
    entry(tr("Page &Break"), prefix + briefBlockKindKey(BriefBlock::Kind::PageBreak),
          tr("What follows starts on a new page"), [simple] { simple(BriefBlock::Kind::PageBreak); });
    menu->setToolTipsVisible(true);
    mAdd->setMenu(menu);
}

QWidget *BriefComposer::buildPreview()
{
    auto *preview = new QWidget(this);
    auto *layout = new QVBoxLayout(preview);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    mDocument = new QPdfDocument(this);
    mDocument->setObjectName(QStringLiteral("briefPreviewDocument"));
    mView = new QPdfView(preview);
    mView->setObjectName(QStringLiteral("briefPreview"));
    mView->setDocument(mDocument);
    mView->setPageMode(QPdfView::PageMode::MultiPage);
    mView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    mView->setPageSpacing(14);
    mView->setDocumentMargins(QMargins(18, 18, 18, 18));
    mView->setToolTip(tr("The brief as it will be written, updated as you edit"));
    QPalette palette = mView->palette();
    palette.setColor(QPalette::Dark, QColor(0x5f, 0x64, 0x6b)); // the desk the pages lie on
    mView->setPalette(palette);
    mView->setMinimumWidth(360);
    layout->addWidget(mView, 1);

    mStatus = new QLabel(preview);
    mStatus->setObjectName(QStringLiteral("briefPreviewStatus"));
    mStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mProblems = new QLabel(preview);
    mProblems->setObjectName(QStringLiteral("briefPreviewProblems"));
    mProblems->setWordWrap(true);
    mProblems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mProblems->setStyleSheet(QStringLiteral("QLabel { color: #9a5b00; }"));
    mProblems->hide();
    // While a preview is drawn: how far, and a Cancel (the pages shown stay until the next is ready).
    layout->addWidget(mPreviewTask->makeStrip(preview));
    layout->addWidget(mStatus);
    layout->addWidget(mProblems);
    connect(mPreviewTask, &BackgroundTask::failed, this,
            [this](const QString &error) { showPreviewStatus(-1, error); });
    return preview;
}

void BriefComposer::fitToScreen()
{
    const QScreen *on = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!on)
        return;
    const QRect room = on->availableGeometry();
    // The frame (title bar, borders) is not known before the window is shown: leave room for it.
    // move() places the frame's corner, so the box to keep on the screen is the window and its frame.
    const QMargins frame(8, 32, 8, 8);
    const QSize most = room.marginsRemoved(frame).size();
    const QSize size = this->size().boundedTo(most);
    if (size != this->size())
        resize(size);
    QRect box(pos(), size.grownBy(frame));
    box.moveLeft(std::clamp(box.left(), room.left(), room.right() + 1 - box.width()));
    box.moveTop(std::clamp(box.top(), room.top(), room.bottom() + 1 - box.height()));
    move(box.topLeft());
}

QWidget *BriefComposer::buildButtons()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    mExportMessage = new QLabel(bar);
    mExportMessage->setObjectName(QStringLiteral("briefExportMessage"));
    mExportMessage->setWordWrap(true);
    mExportMessage->setTextInteractionFlags(Qt::TextBrowserInteraction);
    mExportMessage->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    connect(mExportMessage, &QLabel::linkActivated, this,
            [this](const QString &link) { Q_EMIT openRequested(QUrl(link).toLocalFile()); });
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    auto *apply = new QPushButton(tr("Apply &Template…"), bar);
    apply->setObjectName(QStringLiteral("briefApplyTemplate"));
    apply->setToolTip(tr("Take the page layout of a template (built-in or a JSON file); a brief without "
                         "blocks takes its content too"));
    apply->setAutoDefault(false);
    buildTemplateMenu(apply);
    auto *close = new QPushButton(tr("&Close"), bar);
    close->setObjectName(QStringLiteral("briefClose"));
    close->setToolTip(tr("Close the composer; the brief stays in the project"));
    close->setAutoDefault(false);
    auto *exportButton = new QPushButton(tr("&Export PDF…"), bar);
    exportButton->setObjectName(QStringLiteral("briefExport"));
    exportButton->setToolTip(tr("Write the brief to a PDF file"));
    exportButton->setAutoDefault(false);
    exportButton->setDefault(true);
    layout->addWidget(apply);
    layout->addWidget(mExportMessage, 1);
    layout->addWidget(close);
    layout->addWidget(exportButton);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        flush();
        Q_EMIT exportRequested();
    });
    return bar;
}

void BriefComposer::buildTemplateMenu(QPushButton *button)
{
    auto *menu = new QMenu(button);
    menu->setObjectName(QStringLiteral("briefTemplateMenu"));
    menu->setToolTipsVisible(true);
    for (const QString &name : builtInBriefTemplates()) {
        QString label = name.left(1).toUpper() + name.mid(1);
        QString error;
        if (const auto t = loadBriefTemplate(name, &error))
            label =
                tr("%1 — %2 %3")
                    .arg(label, QPageSize::name(t->page.size),
                         t->page.orientation == QPageLayout::Landscape ? tr("landscape") : tr("portrait"));
        QAction *a = menu->addAction(label, this, [this, name] {
            QString error;
            if (!applyTemplate(name, &error))
                QMessageBox::warning(this, tr("Apply Template"), error);
        });
        a->setObjectName(QStringLiteral("briefTemplate_") + name);
        a->setToolTip(tr("The built-in \"%1\" template").arg(name));
    }
    menu->addSeparator();
    QAction *file = menu->addAction(tr("From JSON &File…"), this, [this] {
        QSettings settings;
        QFileDialog dialog(this, tr("Apply Template"), settings.value(kTemplateDirKey).toString(),
                           tr("Brief templates (*.json);;All files (*)"));
        dialog.setObjectName(QStringLiteral("briefTemplateDialog"));
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.setFileMode(QFileDialog::ExistingFile);
        if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
            return;
        const QString path = dialog.selectedFiles().constFirst();
        settings.setValue(kTemplateDirKey, QFileInfo(path).absolutePath());
        QString error;
        if (!applyTemplate(path, &error))
            QMessageBox::warning(this, tr("Apply Template"), error);
    });
    file->setObjectName(QStringLiteral("briefTemplateFile"));
    file->setToolTip(tr("A brief saved as JSON (the shape `sightline brief` reads)"));
    button->setMenu(menu);
}

void BriefComposer::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // A window manager may place a new window where it likes, and the frame is known only once it
    // has framed the window, a moment after showing: check again then.
    QTimer::singleShot(200, this, &BriefComposer::keepFrameOnScreen);
}

void BriefComposer::keepFrameOnScreen()
{
    const QScreen *on = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!on || isMaximized() || isFullScreen())
        return;
    const QRect room = on->availableGeometry();
    const QRect frame = frameGeometry();
    const QSize decoration = frame.size() - size();
    const QSize fits = size().boundedTo(room.size() - decoration);
    if (fits != size())
        resize(fits);
    QRect box(frame.topLeft(), fits + decoration);
    box.moveLeft(std::clamp(box.left(), room.left(), std::max(room.left(), room.right() + 1 - box.width())));
    box.moveTop(std::clamp(box.top(), room.top(), std::max(room.top(), room.bottom() + 1 - box.height())));
    if (box.topLeft() != frame.topLeft())
        move(box.topLeft()); // move() places the frame
}

} // namespace sightline
