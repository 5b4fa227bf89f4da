#include "ui/layers/vesselpanel.h"

#include "ais/aismessage.h"
#include "layers/layerstack.h"
#include "layers/tracklayer.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sightline {

namespace {
constexpr int kLayerRole = Qt::UserRole + 1;
constexpr int kMmsiRole = Qt::UserRole + 2;
enum Column
{
    Name,
    Mmsi,
    Imo,
    Flag,
    Type,
    Positions,
    LastSeen,
    ColumnCount
};

// Numbers sort as numbers, not as text.
class NumberItem : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem &other) const override
    {
        return data(Qt::UserRole + 10).toLongLong() < other.data(Qt::UserRole + 10).toLongLong();
    }
};
} // namespace

VesselPanel::VesselPanel(LayerStack *layers, QWidget *parent)
    : QWidget(parent)
    , mLayers(layers)
    , mSearch(new QLineEdit(this))
    , mTable(new QTableWidget(0, ColumnCount, this))
{
    setObjectName(QStringLiteral("vesselPanel"));
    mSearch->setObjectName(QStringLiteral("vesselSearch"));
    mSearch->setPlaceholderText(tr("Search name, MMSI, IMO or call sign"));
    mSearch->setClearButtonEnabled(true);
    mTable->setObjectName(QStringLiteral("vesselTable"));
    mTable->setHorizontalHeaderLabels(
        {tr("Name"), tr("MMSI"), tr("IMO"), tr("Flag"), tr("Type"), tr("Positions"), tr("Last seen (UTC)")});
    mTable->verticalHeader()->hide();
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A→Z by name, and a first click on any column sorts it ascending (Qt's default is the reverse).
    for (int column = 0; column < mTable->columnCount(); ++column)
        mTable->horizontalHeaderItem(column)->setData(Qt::InitialSortOrderRole, int(Qt::AscendingOrder));
    mTable->setSortingEnabled(true);
    mTable->sortByColumn(Name, Qt::AscendingOrder);
    mTable->setAlternatingRowColors(true);
    mTable->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(mSearch);
    layout->addWidget(mTable, 1);
    connect(mLayers, &LayerStack::changed, this, &VesselPanel::rebuild);
    connect(mSearch, &QLineEdit::textChanged, this, &VesselPanel::applyFilter);
    connect(mTable, &QTableWidget::cellClicked, this, [this](int row, int) {
        const QTableWidgetItem *item = mTable->item(row, Name);
        Q_EMIT vesselActivated(item->data(kLayerRole).toString(), item->data(kMmsiRole).toUInt());
    });
    rebuild();
}

void VesselPanel::rebuild()
{
    mTable->setSortingEnabled(false);
    mTable->setRowCount(0);
    for (const auto &layer : mLayers->layers()) {
        const auto *tracks = dynamic_cast<const TrackLayer *>(layer.get());
        if (!tracks)
            continue;
        for (const VesselTrack &t : tracks->store().tracks()) {
            const int row = mTable->rowCount();
            mTable->insertRow(row);
            const VesselInfo *v = tracks->registry().find(t.mmsi());
            auto *name = new QTableWidgetItem(v && !v->names.isEmpty() ? v->currentName() : QString());
            name->setData(kLayerRole, layer->id());
            name->setData(kMmsiRole, t.mmsi());
            QStringList aliases;
            if (v)
                for (const auto &n : v->names)
                    aliases << n.name;
            name->setToolTip(aliases.isEmpty()
                                 ? tr("no name broadcast")
                                 : tr("Names seen: %1").arg(aliases.join(QStringLiteral(", "))));
            name->setForeground(TrackLayer::vesselColour(t.mmsi()).darker(110));
            mTable->setItem(row, Name, name);
            auto number = [](qint64 value, const QString &text) {
                auto *item = new NumberItem(text);
                item->setData(Qt::UserRole + 10, value);
                return item;
            };
            mTable->setItem(row, Mmsi, number(t.mmsi(), QString::number(t.mmsi())));
            mTable->setItem(row, Imo,
                            number(v ? v->imo : 0, v && v->imo ? QString::number(v->imo) : QString()));
            mTable->setItem(row, Flag, new QTableWidgetItem(VesselRegistry::flagOf(t.mmsi())));
            mTable->setItem(row, Type,
                            new QTableWidgetItem(v && v->shipType
                                                     ? QString::fromLatin1(ais::shipTypeText(v->shipType))
                                                     : QString()));
            mTable->setItem(row, Positions, number(qint64(t.size()), QString::number(t.size())));
            mTable->setItem(row, LastSeen,
                            new QTableWidgetItem(QDateTime::fromMSecsSinceEpoch(t.lastTimeMs(), Qt::UTC)
                                                     .toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        }
    }
    mTable->setSortingEnabled(true);
    mTable->resizeColumnsToContents();
    applyFilter();
}

void VesselPanel::applyFilter()
{
    const QString needle = mSearch->text().trimmed();
    for (int row = 0; row < mTable->rowCount(); ++row) {
        bool match = needle.isEmpty();
        for (int c : {Mmsi, Imo})
            match = match || mTable->item(row, c)->text().contains(needle);
        match = match || mTable->item(row, Name)->text().contains(needle, Qt::CaseInsensitive) ||
                mTable->item(row, Name)->toolTip().contains(needle, Qt::CaseInsensitive);
        mTable->setRowHidden(row, !match);
    }
}

} // namespace sightline
