#include "ui/analysis/eventspanel.h"

#include "ui/analysis/eventtablemodel.h"
#include "ui/analysis/eventdetailtext.h"
#include "ui/common/datetimefield.h"
#include "util/datetimetext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <limits>

#include <map>

namespace sightline {

namespace {

QString detailTable(const QJsonObject &o, const char *colour)
{
    QString html =
        QStringLiteral("<table cellspacing=0 cellpadding=1 style='color:%1'>").arg(QLatin1String(colour));
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString value = eventDetailValue(it.key(), it.value());
        if (value.isEmpty())
            continue;
        html += QStringLiteral("<tr><td style='padding-right:8px'>%1</td><td>%2</td></tr>")
                    .arg(eventDetailLabel(it.key()).toHtmlEscaped(), value.toHtmlEscaped());
    }
    return html + QStringLiteral("</table>");
}

} // namespace

QRectF eventFrame(const MovementEvent &e)
{
    QRectF box = QRectF(e.from, e.to).normalized();
    // A gap's ends may be far apart or one place; a port call or encounter is a point:
    // frame at least a few tens of kilometres, so the surroundings show.
    const double minimum = e.type == EventType::Gap ? 0.6 : 0.15;
    const double w = std::max(box.width() * 1.3, minimum), h = std::max(box.height() * 1.3, minimum * 0.7);
    return QRectF(box.center().x() - w / 2, box.center().y() - h / 2, w, h);
}

EventsPanel::EventsPanel(QWidget *parent)
    : QWidget(parent)
    , mModel(new EventTableModel(this))
    , mProxy(new EventFilterModel(this))
{
    setObjectName(QStringLiteral("eventsPanel"));
    mProxy->setSourceModel(mModel);
    mProxy->setSortRole(EventTableModel::kSortRole);

    mType = new QComboBox(this);
    mType->setObjectName(QStringLiteral("eventTypeFilter"));
    mType->addItem(tr("All types"));
    for (EventType t : allEventTypes())
        mType->addItem(eventTypeLabel(t), int(t));
    mVessel = new QLineEdit(this);
    mVessel->setObjectName(QStringLiteral("eventVesselFilter"));
    mVessel->setPlaceholderText(tr("Vessel name or MMSI"));
    mVessel->setClearButtonEnabled(true);
    mUseWindow = new QCheckBox(tr("Between"), this);
    mUseWindow->setObjectName(QStringLiteral("eventTimeWindow"));
    mUseWindow->setToolTip(tr("Only events that overlap this time window (UTC)"));
    auto makeEdit = [this](const char *name) {
        auto *edit = new DateTimeField(this);
        edit->setObjectName(QLatin1String(name));
        edit->setOptional(true); // an empty side leaves the window open that way
        edit->setHintShown(false); // a filter row stays one line; the reading is in the tooltip
        edit->setEnabled(false);
        return edit;
    };
    mFrom = makeEdit("eventWindowFrom");
    mTo = makeEdit("eventWindowTo");

    mTable = new QTableView(this);
    mTable->setObjectName(QStringLiteral("eventsTable"));
    mTable->setModel(mProxy);
    mTable->setSortingEnabled(true);
    mTable->sortByColumn(EventTableModel::Start, Qt::AscendingOrder);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setAlternatingRowColors(true);
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->setWordWrap(false);
    mTable->setMinimumHeight(4 * (fontMetrics().height() + 6));

    mDetails = new QTextBrowser(this);
    mDetails->setObjectName(QStringLiteral("eventDetails"));
    mDetails->setPlaceholderText(tr("Pick an event to see its evidence and the thresholds that found it."));
    mDetails->setMinimumHeight(3 * fontMetrics().height());
    mSummary = new QLabel(this);
    mSummary->setObjectName(QStringLiteral("eventsSummary"));
    mSummary->setWordWrap(true);
    mZoom = new QPushButton(tr("Zoom To"), this);
    mZoom->setObjectName(QStringLiteral("eventZoomButton"));
    mZoom->setToolTip(tr("Frame the picked event on the map (or double-click its row)"));
    mZoom->setEnabled(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(mType);
    filters->addWidget(mVessel, 1);
    // One time a line: the dock is a column beside the map, not a strip under it.
    auto *window = new QGridLayout;
    window->setContentsMargins(0, 0, 0, 0);
    window->addWidget(mUseWindow, 0, 0, 1, 2, Qt::AlignLeft); // its click area is its text
    window->addWidget(mFrom, 1, 1);
    window->addWidget(new QLabel(tr("and"), this), 2, 0, Qt::AlignRight);
    window->addWidget(mTo, 2, 1);
    window->setColumnStretch(1, 1);
    window->setColumnMinimumWidth(0, 24);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(mTable);
    split->addWidget(mDetails);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addLayout(window);
    layout->addWidget(split, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(mSummary, 1);
    bottom->addWidget(mZoom);
    layout->addLayout(bottom);

    connect(mType, &QComboBox::currentIndexChanged, this, &EventsPanel::applyFilters);
    connect(mVessel, &QLineEdit::textChanged, this, &EventsPanel::applyFilters);
    connect(mUseWindow, &QCheckBox::toggled, this, [this](bool on) {
        mFrom->setEnabled(on);
        mTo->setEnabled(on);
        applyFilters();
    });
    connect(mFrom, &DateTimeField::timeChanged, this, &EventsPanel::applyFilters);
    connect(mTo, &DateTimeField::timeChanged, this, &EventsPanel::applyFilters);
    connect(mTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventsPanel::currentChanged);
    connect(mTable, &QTableView::clicked, this, [this](const QModelIndex &index) {
        // Clicking the current row again brings it back into sight (after panning away).
        if (const MovementEvent *e = mModel->event(mProxy->mapToSource(index).row()))
            Q_EMIT revealRequested(eventFrame(*e));
    });
    connect(mTable, &QTableView::doubleClicked, this, &EventsPanel::zoomToCurrent);
    connect(mZoom, &QPushButton::clicked, this, &EventsPanel::zoomToCurrent);
    mTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(mTable, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!mTable->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        menu.addAction(tr("Zoom To"), this, &EventsPanel::zoomToCurrent);
        if (mContextActions)
            mContextActions(currentId(), menu);
        menu.exec(mTable->viewport()->mapToGlobal(pos));
    });
    updateSummary();
}

void EventsPanel::setContextActions(std::function<void(std::int64_t, QMenu &)> addActions)
{
    mContextActions = std::move(addActions);
}

void EventsPanel::setEvents(std::vector<MovementEvent> events)
{
    // The window starts as the span of the events, the first time there are any.
    if (!events.empty() && mModel->events().empty() && !mUseWindow->isChecked()) {
        std::int64_t first = events.front().startMs, last = events.front().endMs;
        for (const MovementEvent &e : events) {
            first = std::min(first, e.startMs);
            last = std::max(last, e.endMs);
        }
        mFrom->setMsecs(first);
        mTo->setMsecs(last);
    }
    {
        // The same event stays picked, quietly: new events are no reason to move the map.
        const QScopedValueRollback quiet(mRowsChanging, true);
        mModel->setEvents(std::move(events));
        fitColumns();
        if (mModel->rowOf(mPicked) < 0)
            mPicked = 0;
        restorePick();
    }
    showCurrent(false);
    updateSummary();
    Q_EMIT filterChanged();
}

void EventsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Widths measured while the dock was hidden are not to be trusted.
    fitColumns();
}

void EventsPanel::fitColumns()
{
    mTable->resizeColumnsToContents();
    // Qt measures a sample of the rows; types, vessels and places must show whole in every
    // row, whatever the filter shows later, so those two are measured over all of them.
    const QFontMetrics metrics(mTable->font());
    const int padding = 2 * mTable->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, mTable) + 12;
    for (int column : {int(EventTableModel::Type), int(EventTableModel::Vessel), int(EventTableModel::Place)}) {
        int widest = metrics.horizontalAdvance(mModel->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()) + 20;
        for (int row = 0; row < mModel->rowCount(); ++row)
            widest = std::max(widest, metrics.horizontalAdvance(mModel->index(row, column).data().toString()) + padding);
        mTable->setColumnWidth(column, std::max(mTable->columnWidth(column), widest));
    }
}

void EventsPanel::setVesselNames(std::function<QString(std::uint32_t)> nameOf)
{
    mModel->setVesselNames(std::move(nameOf));
    fitColumns(); // names arrive after the events: "ANGARA (273145020)" is wider than its MMSI
}

void EventsPanel::refreshVesselNames()
{
    // The names are looked up as the table paints, but its width, order, filter and the details
    // were settled when the events came, which (opening a project) is before its tracks are read.
    mModel->vesselNamesChanged();
    mTable->resizeColumnToContents(EventTableModel::Vessel);
    if (const MovementEvent *e = mModel->event(mModel->rowOf(currentId())))
        mDetails->setHtml(detailsHtml(*e));
    updateSummary();
    Q_EMIT filterChanged();
}

std::int64_t EventsPanel::currentId() const
{
    const QModelIndex index = mTable->currentIndex();
    if (!index.isValid())
        return 0;
    const MovementEvent *e = mModel->event(mProxy->mapToSource(index).row());
    return e ? e->id : 0;
}

void EventsPanel::selectEvent(std::int64_t id)
{
    const int row = mModel->rowOf(id);
    if (row < 0)
        return;
    QModelIndex index = mProxy->mapFromSource(mModel->index(row, 0));
    if (!index.isValid()) {
        mType->setCurrentIndex(0);
        mVessel->clear();
        mUseWindow->setChecked(false);
        index = mProxy->mapFromSource(mModel->index(row, 0));
    }
    const bool already = mTable->currentIndex().row() == index.row();
    mTable->setCurrentIndex(index);
    mTable->scrollTo(index);
    // Picked again (on the map, the timeline): into sight again, as a new pick would be.
    if (already && !mRowsChanging)
        showCurrent(true);
}

void EventsPanel::showType(std::optional<EventType> type)
{
    mType->setCurrentIndex(type ? mType->findData(int(*type)) : 0);
}

std::unordered_set<std::int64_t> EventsPanel::visibleIds() const
{
    std::unordered_set<std::int64_t> ids;
    for (int r = 0; r < mProxy->rowCount(); ++r)
        ids.insert(mProxy->data(mProxy->index(r, 0), EventTableModel::kIdRole).toLongLong());
    return ids;
}

void EventsPanel::zoomToCurrent()
{
    if (const MovementEvent *e = mModel->event(mModel->rowOf(currentId())))
        Q_EMIT zoomRequested(eventFrame(*e));
}

void EventsPanel::applyFilters()
{
    const QScopedValueRollback quiet(mRowsChanging, true);
    mProxy->setType(mType->currentIndex() > 0 ? std::optional(EventType(mType->currentData().toInt()))
                                              : std::nullopt);
    mProxy->setVesselText(mVessel->text());
    mProxy->setTimeWindow(mUseWindow->isChecked()
                              ? std::optional(std::pair(
                                    mFrom->msecs().value_or(std::numeric_limits<std::int64_t>::min()),
                                    mTo->msecs().value_or(std::numeric_limits<std::int64_t>::max())))
                              : std::nullopt);
    restorePick();
    showCurrent(false);
    updateSummary();
    Q_EMIT filterChanged();
}

void EventsPanel::currentChanged()
{
    if (mRowsChanging)
        return;
    mPicked = currentId();
    showCurrent(true);
}

void EventsPanel::restorePick()
{
    // When the picked row goes (filtered out, events replaced), Qt makes a neighbour current: that is
    // no pick of the user's, and filtering picks nothing.
    const int row = mModel->rowOf(mPicked);
    const QModelIndex kept = row >= 0 ? mProxy->mapFromSource(mModel->index(row, 0)) : QModelIndex();
    if (kept.isValid() && currentId() == mPicked)
        return;
    mTable->selectionModel()->clear();
    if (kept.isValid())
        mTable->selectionModel()->setCurrentIndex(kept, QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);
}

void EventsPanel::showCurrent(bool reveal)
{
    const std::int64_t id = currentId();
    const MovementEvent *e = mModel->event(mModel->rowOf(id));
    mZoom->setEnabled(e != nullptr);
    if (!e) {
        mDetails->clear();
        Q_EMIT eventSelected(0);
        return;
    }
    mDetails->setHtml(detailsHtml(*e));
    Q_EMIT eventSelected(id);
    if (reveal)
        Q_EMIT revealRequested(eventFrame(*e));
}

QString EventsPanel::detailsHtml(const MovementEvent &event) const
{
    const MovementEvent *e = &event;
    QString html = QStringLiteral("<b>%1</b> — %2<br>%3<br>%4 → %5 (%6)")
                       .arg(eventTypeLabel(e->type).toHtmlEscaped(), mModel->vesselText(*e).toHtmlEscaped(),
                            e->summary().toHtmlEscaped(), formatUtcMinutes(e->startMs),
                            formatUtcMinutes(e->endMs),
                            eventDetailValue(QStringLiteral("duration_h"), e->durationHours()));
    if (e->confidence)
        html += tr("<br>Confidence %1 of 4").arg(e->confidence);
    html += detailTable(e->details, "#202020");
    if (!e->parameters.isEmpty())
        html += tr("<p style='color:#606060'>Found with:</p>") + detailTable(e->parameters, "#606060");
    return html;
}

void EventsPanel::updateSummary()
{
    std::map<EventType, int> counts;
    for (const MovementEvent &e : mModel->events())
        ++counts[e.type];
    QStringList parts;
    for (const auto &[type, n] : counts)
        parts << QStringLiteral("%1 %2").arg(n).arg(eventTypeLabel(type).toLower());
    mSummary->setText(mModel->events().empty() ? tr("No events yet: run an analysis from the Analysis menu.")
                                               : tr("%1 of %2 shown (%3)")
                                                     .arg(mProxy->rowCount())
                                                     .arg(mModel->events().size())
                                                     .arg(parts.join(QStringLiteral(", "))));
}

} // namespace sightline
