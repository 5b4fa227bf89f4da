#include "ui/brief/briefblockeditor.h"

#include "ui/common/datetimefield.h"
#include "ui/common/formwidgets.h"

#include "analysis/movementevent.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sightline {

namespace {

enum Page
{
    EmptyPage,
    SectionPage,
    FigurePage,
    EventsPage,
    HeadingPage,
    PageBreakPage
};

/// What an entry of the figure's view list stands for.
enum class ViewChoice
{
    ProjectView, ///< neither a saved view nor an extent: the project's current view
    Extent,      ///< the extent kept with the figure
    Missing,     ///< a saved view the project no longer has (its kept extent is used)
    Saved        ///< one of the project's saved views
};
constexpr int kChoiceRole = Qt::UserRole;
constexpr int kNameRole = Qt::UserRole + 1;

QString latitude(double v)
{
    return QStringLiteral("%1°%2")
        .arg(std::abs(v), 0, 'f', 3)
        .arg(v < 0 ? QLatin1Char('S') : QLatin1Char('N'));
}

QString longitude(double v)
{
    return QStringLiteral("%1°%2")
        .arg(std::abs(v), 0, 'f', 3)
        .arg(v < 0 ? QLatin1Char('W') : QLatin1Char('E'));
}

DateTimeField *makeTimeEdit(QWidget *parent)
{
    return new DateTimeField(parent);
}

/// The heading a table or the timeline prints when it is given none.
QString defaultHeading(BriefBlock::Kind kind)
{
    switch (kind) {
    case BriefBlock::Kind::SightingsTable:
        return QObject::tr("Sightings");
    case BriefBlock::Kind::EventsTable:
        return QObject::tr("Events: the types ticked below");
    case BriefBlock::Kind::VesselsTable:
        return QObject::tr("Vessels");
    case BriefBlock::Kind::Timeline:
        return QObject::tr("Events per vessel over time (UTC)");
    case BriefBlock::Kind::Sources:
        return QObject::tr("Sources");
    default:
        return {};
    }
}

/// A list as tall as `rows` rows: short lists without empty space, long ones scroll.
void fitRows(QListWidget *list, int rows)
{
    const int row = list->count() > 0 ? list->sizeHintForRow(0) : list->fontMetrics().height() + 4;
    list->setFixedHeight(rows * row + 2 * list->frameWidth() + 2);
}

} // namespace

QString describeExtent(const QRectF &r)
{
    return QStringLiteral("%1–%2, %3–%4")
        .arg(latitude(r.top()), latitude(r.bottom()), longitude(r.left()), longitude(r.right()));
}

BriefBlockEditor::BriefBlockEditor(QWidget *parent)
    : QWidget(parent)
    , mStack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("briefBlockEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mStack);
    mStack->addWidget(buildEmptyPage());
    mStack->addWidget(buildSectionPage());
    mStack->addWidget(buildFigurePage());
    mStack->addWidget(buildEventsPage());
    mStack->addWidget(buildHeadingPage());
    mStack->addWidget(buildPageBreakPage());
    showPage(EmptyPage);
}

QWidget *BriefBlockEditor::buildEmptyPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *hint = makeHintLabel(tr("Select a block in the list to edit it, or add one with Add."), page);
    hint->setAlignment(Qt::AlignCenter);
    layout->addStretch();
    layout->addWidget(hint);
    layout->addStretch();
    return page;
}

QWidget *BriefBlockEditor::buildSectionPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = makeEditorForm(page);
    mSectionHeading = new QLineEdit(page);
    mSectionHeading->setObjectName(QStringLiteral("briefSectionHeading"));
    mSectionHeading->setPlaceholderText(tr("No heading"));
    mSectionHeading->setToolTip(tr("The section's heading, printed above its text; leave empty for none"));
    mSectionText = new QPlainTextEdit(page);
    mSectionText->setObjectName(QStringLiteral("briefSectionText"));
    mSectionText->setToolTip(tr("The section's text. A blank line starts a new paragraph; a line starting "
                                "with \"- \" is a bullet."));
    mSectionText->setPlaceholderText(tr("What the analysis found, and how sure we are…"));
    mSectionText->setTabChangesFocus(true);
    mSectionText->setMinimumHeight(160);
    form->addRow(tr("Heading:"), mSectionHeading);
    form->addRow(tr("Text:"), mSectionText);
    form->addRow(QString(),
                 makeHintLabel(tr("A blank line starts a new paragraph; lines starting with \"- \" are "
                                  "bullets."),
                               page));
    connect(mSectionHeading, &QLineEdit::textEdited, this, [this](const QString &text) {
        mBlock.heading = text;
        edited();
    });
    connect(mSectionText, &QPlainTextEdit::textChanged, this, [this] {
        if (mUpdating)
            return;
        mBlock.text = mSectionText->toPlainText();
        edited();
    });
    return page;
}

QWidget *BriefBlockEditor::buildFigurePage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = makeEditorForm(page);

    mCaption = new QLineEdit(page);
    mCaption->setObjectName(QStringLiteral("briefFigureCaption"));
    mCaption->setPlaceholderText(tr("What the figure shows"));
    mCaption->setToolTip(tr("The caption printed under the map, after \"Figure N.\""));
    form->addRow(tr("Caption:"), mCaption);

    mView = new QComboBox(page);
    mView->setObjectName(QStringLiteral("briefFigureView"));
    mView->setToolTip(tr("The area the map shows: a saved view (followed when it is redefined), an extent "
                         "kept with the figure, or the project's current view"));
    mView->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mView->setMinimumContentsLength(18);
    mCapture = new QToolButton(page);
    mCapture->setObjectName(QStringLiteral("briefFigureCapture"));
    mCapture->setText(tr("Use Map View"));
    mCapture->setToolTip(tr("Keep the map's current extent and CRS with this figure"));
    auto *viewRow = new QHBoxLayout;
    viewRow->setSpacing(6);
    viewRow->addWidget(mView, 1);
    viewRow->addWidget(mCapture);
    form->addRow(tr("View:"), viewRow);

    mHeight = new QDoubleSpinBox(page);
    mHeight->setObjectName(QStringLiteral("briefFigureHeight"));
    mHeight->setRange(0, 250);
    mHeight->setDecimals(0);
    mHeight->setSingleStep(5);
    mHeight->setSuffix(tr(" mm"));
    mHeight->setSpecialValueText(tr("Automatic"));
    mHeight->setToolTip(
        tr("The map's height on paper; Automatic keeps the view's shape at the text width, at "
           "most 55% of the page"));
    form->addRow(tr("Height:"), mHeight);

    auto *furniture = new QGridLayout;
    furniture->setHorizontalSpacing(16);
    furniture->setVerticalSpacing(4);
    auto check = [&](QCheckBox *&box, const QString &text, const char *name, const QString &tip, int row,
                     int column) {
        box = new QCheckBox(text, page);
        box->setObjectName(QLatin1String(name));
        box->setToolTip(tip);
        furniture->addWidget(box, row, column);
        connect(box, &QCheckBox::toggled, this, &BriefBlockEditor::readFigure);
    };
    check(mCallouts, tr("Callouts"), "briefFigureCallouts",
          tr("Numbered callouts on the sightings in view, as the sightings table numbers them"), 0, 0);
    check(mScaleBar, tr("Scale bar"), "briefFigureScaleBar",
          tr("A scale bar in kilometres and nautical miles"), 0, 1);
    check(mNorthArrow, tr("North arrow"), "briefFigureNorthArrow", tr("An arrow pointing to true north"), 1,
          0);
    check(mLegend, tr("Legend"), "briefFigureLegend", tr("A legend of the layers drawn, under the map"), 1,
          1);
    check(mGraticule, tr("Graticule"), "briefFigureGraticule",
          tr("Latitude and longitude lines, labelled at the map's edges"), 2, 0);
    check(mInset, tr("Inset locator"), "briefFigureInset",
          tr("A small map of the wider area with the figure's extent marked"), 2, 1);
    form->addRow(tr("Show:"), furniture);

    mFromOn = new QCheckBox(tr("From"), page);
    mFromOn->setObjectName(QStringLiteral("briefFigureFromOn"));
    mFromOn->setToolTip(tr("Draw only the sightings and events from this time on; unticked: no start"));
    mFrom = makeTimeEdit(page);
    mFrom->setObjectName(QStringLiteral("briefFigureFrom"));
    mFrom->setToolTip(tr("Start of the figure's time window (UTC)"));
    mToOn = new QCheckBox(tr("To"), page);
    mToOn->setObjectName(QStringLiteral("briefFigureToOn"));
    mToOn->setToolTip(tr("Draw only the sightings and events until this time; unticked: no end"));
    mTo = makeTimeEdit(page);
    mTo->setObjectName(QStringLiteral("briefFigureTo"));
    mTo->setToolTip(tr("End of the figure's time window (UTC)"));
    auto *window = new QGridLayout;
    window->setHorizontalSpacing(8);
    window->setVerticalSpacing(4);
    window->addWidget(mFromOn, 0, 0);
    window->addWidget(mFrom, 0, 1);
    window->addWidget(mToOn, 1, 0);
    window->addWidget(mTo, 1, 1);
    window->setColumnStretch(1, 1);
    form->addRow(tr("Time window:"), window);
    for (QCheckBox *box : {mFromOn, mToOn})
        connect(box, &QCheckBox::toggled, this, [this] {
            if (mUpdating)
                return;
            // A first guess at the window: the span of the data.
            if (mFromOn->isChecked() && !mBlock.figure.fromMs && mContext.firstMs) {
                QSignalBlocker block(mFrom);
                mFrom->setMsecs(mContext.firstMs);
            }
            if (mToOn->isChecked() && !mBlock.figure.toMs && mContext.lastMs) {
                QSignalBlocker block(mTo);
                mTo->setMsecs(mContext.lastMs);
            }
            readFigure();
        });
    for (DateTimeField *edit : {mFrom, mTo})
        connect(edit, &DateTimeField::timeChanged, this, &BriefBlockEditor::readFigure);

    mLayers = new QListWidget(page);
    mLayers->setObjectName(QStringLiteral("briefFigureLayers"));
    mLayers->setToolTip(tr("The layers drawn in this figure; none ticked: the layers visible on the map"));
    mLayers->setUniformItemSizes(true);
    auto *layersBox = new QVBoxLayout;
    layersBox->setSpacing(2);
    layersBox->addWidget(mLayers);
    layersBox->addWidget(
        makeHintLabel(tr("None ticked: the layers visible on the map when the brief is written."), page));
    form->addRow(tr("Layers:"), layersBox);

    connect(mCaption, &QLineEdit::textEdited, this, &BriefBlockEditor::readFigure);
    connect(mView, &QComboBox::activated, this, &BriefBlockEditor::viewChosen);
    connect(mCapture, &QToolButton::clicked, this, &BriefBlockEditor::captureViewRequested);
    connect(mHeight, &QDoubleSpinBox::valueChanged, this, &BriefBlockEditor::readFigure);
    connect(mLayers, &QListWidget::itemChanged, this, &BriefBlockEditor::readFigure);
    return page;
}

QWidget *BriefBlockEditor::buildEventsPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = makeEditorForm(page);
    mEventsHeading = new QLineEdit(page);
    mEventsHeading->setObjectName(QStringLiteral("briefEventsHeading"));
    mEventsHeading->setPlaceholderText(defaultHeading(BriefBlock::Kind::EventsTable));
    mEventsHeading->setToolTip(tr("The table's caption, after \"Table N.\"; empty: the event types listed"));
    mEventTypes = new QListWidget(page);
    mEventTypes->setObjectName(QStringLiteral("briefEventTypes"));
    mEventTypes->setToolTip(tr("The kinds of event the table lists; none ticked: every kind"));
    for (EventType type : allEventTypes()) {
        auto *item = new QListWidgetItem(eventTypeLabel(type), mEventTypes);
        item->setData(Qt::UserRole, eventTypeKey(type));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    fitRows(mEventTypes, mEventTypes->count());
    auto *typesBox = new QVBoxLayout;
    typesBox->setSpacing(2);
    typesBox->addWidget(mEventTypes);
    typesBox->addWidget(
        makeHintLabel(tr("None ticked: every kind of event. Events come from the Analysis menu."), page));
    form->addRow(tr("Heading:"), mEventsHeading);
    form->addRow(tr("Event types:"), typesBox);
    connect(mEventsHeading, &QLineEdit::textEdited, this, [this](const QString &text) {
        mBlock.heading = text;
        edited();
    });
    connect(mEventTypes, &QListWidget::itemChanged, this, &BriefBlockEditor::readEventTypes);
    return page;
}

QWidget *BriefBlockEditor::buildHeadingPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = makeEditorForm(page);
    mHeading = new QLineEdit(page);
    mHeading->setObjectName(QStringLiteral("briefBlockHeading"));
    mHeading->setToolTip(tr("The heading or caption printed with this block; empty: the default shown"));
    form->addRow(tr("Heading:"), mHeading);
    mHeadingHint = makeHintLabel(QString(), page);
    form->addRow(QString(), mHeadingHint);
    connect(mHeading, &QLineEdit::textEdited, this, [this](const QString &text) {
        mBlock.heading = text;
        edited();
    });
    return page;
}

QWidget *BriefBlockEditor::buildPageBreakPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeHintLabel(tr("A page break: the blocks after it start on a new page."), page));
    layout->addStretch();
    return page;
}

void BriefBlockEditor::showPage(int page)
{
    // The editor is as tall as the page shown, not as the tallest page.
    for (int i = 0; i < mStack->count(); ++i)
        mStack->widget(i)->setSizePolicy(QSizePolicy::Preferred,
                                         i == page ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    mStack->setCurrentIndex(page);
    mStack->updateGeometry();
}

void BriefBlockEditor::setContext(const BriefEditorContext &context)
{
    mContext = context;
    if (mHasBlock && mBlock.kind == BriefBlock::Kind::Figure) {
        const QSignalBlocker block(this);
        mUpdating = true;
        fillViews();
        fillLayers();
        mUpdating = false;
    }
}

void BriefBlockEditor::clearBlock()
{
    mHasBlock = false;
    mBlock = {};
    showPage(EmptyPage);
}

void BriefBlockEditor::setBlock(const BriefBlock &block)
{
    mBlock = block;
    mHasBlock = true;
    mUpdating = true;
    switch (block.kind) {
    case BriefBlock::Kind::Section:
        mSectionHeading->setText(block.heading);
        if (mSectionText->toPlainText() != block.text)
            mSectionText->setPlainText(block.text);
        showPage(SectionPage);
        break;
    case BriefBlock::Kind::Figure:
        showFigure();
        showPage(FigurePage);
        break;
    case BriefBlock::Kind::EventsTable:
        mEventsHeading->setText(block.heading);
        fillEventTypes();
        showPage(EventsPage);
        break;
    case BriefBlock::Kind::PageBreak:
        showPage(PageBreakPage);
        break;
    default:
        mHeading->setText(block.heading);
        mHeading->setPlaceholderText(defaultHeading(block.kind));
        mHeadingHint->setText(
            block.kind == BriefBlock::Kind::Sources
                ? tr("Every data and imagery file on the map, with its SHA-256, provider and "
                     "acquisition time.")
            : block.kind == BriefBlock::Kind::Timeline
                ? tr("One row per vessel: its positions, dark periods and the events found.")
            : block.kind == BriefBlock::Kind::VesselsTable
                ? tr("Every vessel in the tracks and events, with its identifiers.")
                : tr("Every sighting, numbered as the figures' callouts are."));
        showPage(HeadingPage);
        break;
    }
    mUpdating = false;
}

void BriefBlockEditor::focusFirstField()
{
    switch (mBlock.kind) {
    case BriefBlock::Kind::Section:
        mSectionHeading->setFocus();
        break;
    case BriefBlock::Kind::Figure:
        mCaption->setFocus();
        break;
    case BriefBlock::Kind::EventsTable:
        mEventsHeading->setFocus();
        break;
    case BriefBlock::Kind::PageBreak:
        break;
    default:
        mHeading->setFocus();
        break;
    }
}

void BriefBlockEditor::showFigure()
{
    const BriefFigure &f = mBlock.figure;
    mCaption->setText(f.caption);
    mHeight->setValue(f.heightMm);
    mCallouts->setChecked(f.callouts);
    mScaleBar->setChecked(f.scaleBar);
    mNorthArrow->setChecked(f.northArrow);
    mLegend->setChecked(f.legend);
    mGraticule->setChecked(f.graticule);
    mInset->setChecked(f.inset);
    mFromOn->setChecked(f.fromMs != 0);
    mToOn->setChecked(f.toMs != 0);
    const std::int64_t from = f.fromMs ? f.fromMs : mContext.firstMs;
    const std::int64_t to = f.toMs ? f.toMs : mContext.lastMs;
    if (from)
        mFrom->setMsecs(from);
    if (to)
        mTo->setMsecs(to);
    mFrom->setEnabled(f.fromMs != 0);
    mTo->setEnabled(f.toMs != 0);
    fillViews();
    fillLayers();
}

void BriefBlockEditor::fillViews()
{
    const BriefFigure &f = mBlock.figure;
    mView->clear();
    auto add = [this](const QString &text, ViewChoice choice, const QString &name, const QString &tip) {
        mView->addItem(text);
        const int i = mView->count() - 1;
        mView->setItemData(i, int(choice), kChoiceRole);
        mView->setItemData(i, name, kNameRole);
        mView->setItemData(i, tip, Qt::ToolTipRole);
    };
    add(tr("The project's current view"), ViewChoice::ProjectView, {},
        tr("Follows the map: the view the project was last left at"));
    const bool savedExists = std::any_of(mContext.views.begin(), mContext.views.end(),
                                         [&](const SavedView &v) { return v.name == f.view; });
    if (!f.extentWgs84.isNull() && f.view.isEmpty())
        add(tr("Kept extent: %1").arg(describeExtent(f.extentWgs84)), ViewChoice::Extent, {},
            tr("The extent captured with the figure (%1)").arg(f.crs));
    if (!f.view.isEmpty() && !savedExists)
        add(tr("“%1” (no longer saved)").arg(f.view), ViewChoice::Missing, f.view,
            f.extentWgs84.isNull() ? tr("The saved view is gone: the project's current view is used")
                                   : tr("The saved view is gone: its kept extent is used (%1)")
                                         .arg(describeExtent(f.extentWgs84)));
    if (!mContext.views.isEmpty())
        mView->insertSeparator(mView->count());
    for (const SavedView &v : mContext.views)
        add(tr("Saved view: %1").arg(v.name), ViewChoice::Saved, v.name,
            tr("%1 (%2)").arg(describeExtent(v.extentWgs84), v.crs));
    int current = 0;
    for (int i = 0; i < mView->count(); ++i) {
        const auto choice = ViewChoice(mView->itemData(i, kChoiceRole).toInt());
        const QString name = mView->itemData(i, kNameRole).toString();
        if ((choice == ViewChoice::Extent && f.view.isEmpty()) ||
            ((choice == ViewChoice::Saved || choice == ViewChoice::Missing) && name == f.view))
            current = i;
    }
    mView->setCurrentIndex(current);
    mView->setToolTip(mView->itemData(current, Qt::ToolTipRole).toString());
}

void BriefBlockEditor::fillLayers()
{
    const QStringList &chosen = mBlock.figure.layers;
    mLayers->clear();
    auto add = [this, &chosen](const QString &name, const QString &text) {
        auto *item = new QListWidgetItem(text, mLayers);
        item->setData(Qt::UserRole, name);
        item->setToolTip(name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(name) ? Qt::Checked : Qt::Unchecked);
        return item;
    };
    for (const QString &name : mContext.layers)
        add(name, name);
    // Layers the figure names but the map lacks stay listed, so a figure never loses them unseen.
    for (const QString &name : chosen)
        if (!mContext.layers.contains(name))
            add(name, tr("%1 (not on the map)").arg(name))
                ->setForeground(palette().color(QPalette::PlaceholderText));
    fitRows(mLayers, std::clamp(int(mLayers->count()), 3, 8));
}

void BriefBlockEditor::fillEventTypes()
{
    for (int i = 0; i < mEventTypes->count(); ++i) {
        QListWidgetItem *item = mEventTypes->item(i);
        item->setCheckState(mBlock.eventTypes.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                            : Qt::Unchecked);
    }
}

void BriefBlockEditor::readFigure()
{
    if (mUpdating || !mHasBlock || mBlock.kind != BriefBlock::Kind::Figure)
        return;
    BriefFigure &f = mBlock.figure;
    f.caption = mCaption->text();
    f.heightMm = mHeight->value();
    f.callouts = mCallouts->isChecked();
    f.scaleBar = mScaleBar->isChecked();
    f.northArrow = mNorthArrow->isChecked();
    f.legend = mLegend->isChecked();
    f.graticule = mGraticule->isChecked();
    f.inset = mInset->isChecked();
    mFrom->setEnabled(mFromOn->isChecked());
    mTo->setEnabled(mToOn->isChecked());
    // A time still being typed (unreadable for now) leaves the figure's window as it was.
    f.fromMs = mFromOn->isChecked() ? mFrom->msecs().value_or(f.fromMs) : 0;
    f.toMs = mToOn->isChecked() ? mTo->msecs().value_or(f.toMs) : 0;
    f.layers.clear();
    // Bottom first, as the brief draws them.
    for (int i = mLayers->count() - 1; i >= 0; --i)
        if (mLayers->item(i)->checkState() == Qt::Checked)
            f.layers << mLayers->item(i)->data(Qt::UserRole).toString();
    edited();
}

void BriefBlockEditor::readEventTypes()
{
    if (mUpdating || !mHasBlock)
        return;
    mBlock.eventTypes.clear();
    for (int i = 0; i < mEventTypes->count(); ++i)
        if (mEventTypes->item(i)->checkState() == Qt::Checked)
            mBlock.eventTypes << mEventTypes->item(i)->data(Qt::UserRole).toString();
    edited();
}

void BriefBlockEditor::viewChosen()
{
    if (mUpdating || !mHasBlock)
        return;
    BriefFigure &f = mBlock.figure;
    const int i = mView->currentIndex();
    const auto choice = ViewChoice(mView->itemData(i, kChoiceRole).toInt());
    const QString name = mView->itemData(i, kNameRole).toString();
    switch (choice) {
    case ViewChoice::ProjectView:
        f.view.clear();
        f.extentWgs84 = QRectF();
        break;
    case ViewChoice::Extent:
        f.view.clear();
        break;
    case ViewChoice::Missing:
        f.view = name;
        break;
    case ViewChoice::Saved:
        for (const SavedView &v : mContext.views)
            if (v.name == name) {
                // The extent is kept too: the figure survives the view being deleted.
                f.view = v.name;
                f.extentWgs84 = v.extentWgs84;
                f.crs = v.crs;
            }
        break;
    }
    mUpdating = true;
    fillViews();
    mUpdating = false;
    edited();
}

void BriefBlockEditor::setFigureExtent(const QRectF &extentWgs84, const QString &crs)
{
    if (!mHasBlock || mBlock.kind != BriefBlock::Kind::Figure || extentWgs84.isEmpty())
        return;
    mBlock.figure.view.clear();
    mBlock.figure.extentWgs84 = extentWgs84;
    mBlock.figure.crs = crs;
    mUpdating = true;
    fillViews();
    mUpdating = false;
    edited();
}

void BriefBlockEditor::edited()
{
    if (mUpdating || !mHasBlock)
        return;
    Q_EMIT changed();
}

} // namespace sightline
