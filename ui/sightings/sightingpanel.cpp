#include "ui/sightings/sightingpanel.h"

#include "ui/sightings/audithistorydialog.h"
#include "layers/layerstack.h"
#include "layers/sightinglayer.h"
#include "project/projectsession.h"
#include "ui/project/projectcontroller.h"
#include "ui/sightings/sightingtablemodel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace sightline {

SightingPanel::SightingPanel(ProjectController *project, LayerStack *layers, QWidget *parent)
    : QWidget(parent)
    , mProject(project)
    , mLayers(layers)
    , mModel(new SightingTableModel(this))
    , mProxy(new QSortFilterProxyModel(this))
    , mFilter(new QLineEdit(this))
    , mTable(new QTableView(this))
    , mSummary(new QLabel(this))
    , mZoom(new QPushButton(QIcon(QStringLiteral(":/icons/zoom-layer.svg")), tr("Zoom To"), this))
    , mEdit(new QPushButton(tr("Edit…"), this))
    , mDelete(new QPushButton(QIcon(QStringLiteral(":/icons/remove.svg")), tr("Delete"), this))
    , mHistory(new QPushButton(tr("History…"), this))
{
    setObjectName(QStringLiteral("sightingPanel"));
    mProxy->setSourceModel(mModel);
    mProxy->setSortRole(SightingTableModel::SortRole);
    mProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    mProxy->setFilterKeyColumn(-1); // any column: kind, vessel, tag, image, note
    mFilter->setObjectName(QStringLiteral("sightingFilter"));
    mFilter->setPlaceholderText(tr("Filter: kind, vessel, tag, image, analyst, notes…"));
    mFilter->setClearButtonEnabled(true);
    connect(mFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        mProxy->setFilterFixedString(text.trimmed());
        updateSummary();
    });

    mTable->setObjectName(QStringLiteral("sightingTable"));
    mTable->setModel(mProxy);
    mTable->setSortingEnabled(true);
    mTable->sortByColumn(SightingTableModel::ObservedAt, Qt::AscendingOrder);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setAlternatingRowColors(true);
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setDefaultSectionSize(22);
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(mTable, &QTableView::doubleClicked, this, [this] { zoomToCurrent(); });
    // A click marks the sighting on the map; the map moves only when it is out of sight (and then
    // pans, keeping the scale). Zooming is the double click's, or Zoom To's.
    connect(mTable, &QTableView::clicked, this, [this] {
        const int row = mModel->rowOf(currentId());
        if (row >= 0)
            Q_EMIT revealRequested(mModel->sightings()[row].geometry.boundsWgs84());
    });
    connect(mTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { currentChanged(); });
    connect(mTable, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!currentId())
            return;
        QMenu menu(this);
        menu.addAction(tr("Zoom To"), this, &SightingPanel::zoomToCurrent);
        menu.addAction(tr("Edit…"), this, [this] { Q_EMIT editRequested(currentId()); })
            ->setEnabled(mEdit->isEnabled());
        menu.addAction(tr("Delete"), this, &SightingPanel::deleteCurrent)->setEnabled(mDelete->isEnabled());
        menu.addAction(tr("History…"), this, &SightingPanel::showHistoryOfCurrent);
        menu.exec(mTable->viewport()->mapToGlobal(pos));
    });

    mZoom->setObjectName(QStringLiteral("sightingZoom"));
    mEdit->setObjectName(QStringLiteral("sightingEdit"));
    mDelete->setObjectName(QStringLiteral("sightingDelete"));
    mHistory->setObjectName(QStringLiteral("sightingHistory"));
    mDelete->setToolTip(tr("Delete the sighting (Edit → Undo brings it back)"));
    connect(mZoom, &QPushButton::clicked, this, &SightingPanel::zoomToCurrent);
    connect(mEdit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(currentId()); });
    connect(mDelete, &QPushButton::clicked, this, &SightingPanel::deleteCurrent);
    connect(mHistory, &QPushButton::clicked, this, &SightingPanel::showHistoryOfCurrent);

    // Two a row: the dock is a column beside the map, and its buttons must not widen it.
    auto *buttons = new QGridLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(mZoom, 0, 0);
    buttons->addWidget(mEdit, 0, 1);
    buttons->addWidget(mDelete, 1, 0);
    buttons->addWidget(mHistory, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(mFilter);
    layout->addWidget(mTable, 1);
    layout->addLayout(buttons);
    mSummary->setObjectName(QStringLiteral("sightingSummary"));
    layout->addWidget(mSummary);

    connect(mProject, &ProjectController::sightingsChanged, this, &SightingPanel::reload);
    connect(mProject, &ProjectController::projectChanged, this, &SightingPanel::reload);
    reload();
}

std::int64_t SightingPanel::currentId() const
{
    const QModelIndex current = mTable->currentIndex();
    return current.isValid() ? current.data(SightingTableModel::IdRole).toLongLong() : 0;
}

void SightingPanel::selectSighting(std::int64_t id)
{
    const int row = mModel->rowOf(id);
    if (row < 0)
        return;
    QModelIndex index = mProxy->mapFromSource(mModel->index(row, 0));
    if (!index.isValid()) {
        mFilter->clear();
        index = mProxy->mapFromSource(mModel->index(row, 0));
    }
    mTable->setCurrentIndex(index);
    mTable->scrollTo(index);
}

void SightingPanel::reload()
{
    const std::int64_t keep = currentId();
    ProjectSession *session = mProject->session();
    mModel->setSightings(session ? session->project().sightings() : QList<Sighting>{});
    mTable->resizeColumnsToContents();
    if (keep)
        selectSighting(keep);
    currentChanged();
    updateSummary();
}

void SightingPanel::currentChanged()
{
    const std::int64_t id = currentId();
    const bool writable = mProject->session() && !mProject->isReadOnly();
    mZoom->setEnabled(id != 0);
    mHistory->setEnabled(id != 0);
    mEdit->setEnabled(id != 0 && writable);
    mDelete->setEnabled(id != 0 && writable);
    if (auto layer = mProject->sightingLayer(); layer && layer->selected() != id) {
        layer->setSelected(id);
        mLayers->notifyStyleChanged(layer->id());
    }
}

void SightingPanel::updateSummary()
{
    const int all = mModel->rowCount(), shown = mProxy->rowCount();
    if (!mProject->session())
        mSummary->setText(tr("No project open: sightings are kept in a project (File → New Project)."));
    else if (all == shown)
        mSummary->setText(tr("%n sighting(s)", nullptr, all));
    else
        mSummary->setText(tr("%1 of %n sighting(s) shown", nullptr, all).arg(shown));
}

void SightingPanel::zoomToCurrent()
{
    const int row = mModel->rowOf(currentId());
    if (row < 0)
        return;
    QRectF box = mModel->sightings()[row].geometry.boundsWgs84();
    // A point (or a tight count) gets a few hundred metres around it, to see its context.
    constexpr double kMinSpanDeg = 0.01;
    if (box.width() < kMinSpanDeg || box.height() < kMinSpanDeg)
        box =
            QRectF(box.center() - QPointF(kMinSpanDeg / 2, kMinSpanDeg / 2), QSizeF(kMinSpanDeg, kMinSpanDeg))
                .united(box);
    Q_EMIT zoomRequested(box.marginsAdded(
        QMarginsF(box.width() * 0.15, box.height() * 0.15, box.width() * 0.15, box.height() * 0.15)));
}

void SightingPanel::deleteCurrent()
{
    const std::int64_t id = currentId();
    if (id && mProject->session() && !mProject->isReadOnly())
        mProject->session()->removeSighting(id);
}

void SightingPanel::showHistoryOfCurrent()
{
    const int row = mModel->rowOf(currentId());
    if (row < 0 || !mProject->session())
        return;
    const Sighting &s = mModel->sightings()[row];
    AuditHistoryDialog dialog(QStringLiteral("#%1 %2").arg(s.id).arg(s.title()),
                              mProject->session()->project().auditLog(s.id, QStringLiteral("sightings")),
                              this);
    dialog.exec();
}

} // namespace sightline
