#include "ui/layers/attributetable.h"

#include "geo/transform.h"
#include "layers/layerstack.h"
#include "layers/vectorlayer.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace sightline {

FeatureTableModel::FeatureTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FeatureTableModel::setLayer(std::shared_ptr<VectorLayer> layer)
{
    beginResetModel();
    mLayer = std::move(layer);
    endResetModel();
}

int FeatureTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !mLayer ? 0 : int(mLayer->data().features().size());
}

int FeatureTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !mLayer ? 0 : int(mLayer->data().fieldNames().size()) + 1;
}

QVariant FeatureTableModel::data(const QModelIndex &index, int role) const
{
    if (!mLayer || !index.isValid())
        return {};
    const VectorFeature &f = mLayer->data().features()[std::size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        if (index.column() == 0)
            return qlonglong(f.fid);
        return f.attributes.value(index.column() - 1);
    }
    if (role == Qt::UserRole)
        return index.row(); // the feature's index in the layer, whatever the sorting
    return {};
}

QVariant FeatureTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // A first click on a column sorts A→Z, oldest first, smallest first (Qt's default is the reverse).
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole)
        return int(Qt::AscendingOrder);
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || !mLayer)
        return {};
    return section == 0 ? QStringLiteral("fid") : mLayer->data().fieldNames().value(section - 1);
}

AttributeTable::AttributeTable(LayerStack *layers, QWidget *parent)
    : QWidget(parent)
    , mLayers(layers)
    , mModel(new FeatureTableModel(this))
    , mProxy(new QSortFilterProxyModel(this))
    , mView(new QTableView(this))
    , mFilter(new QLineEdit(this))
    , mCount(new QLabel(this))
{
    setObjectName(QStringLiteral("attributeTable"));
    mProxy->setSourceModel(mModel);
    mProxy->setFilterKeyColumn(-1); // any column
    mProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    mProxy->setSortRole(Qt::DisplayRole);
    mView->setObjectName(QStringLiteral("attributeView"));
    mView->setModel(mProxy);
    mView->setSortingEnabled(true);
    mView->sortByColumn(0, Qt::AscendingOrder); // by fid, as the file has them
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setAlternatingRowColors(true);
    mView->verticalHeader()->hide();
    mView->horizontalHeader()->setStretchLastSection(true);
    mFilter->setObjectName(QStringLiteral("attributeFilter"));
    mFilter->setPlaceholderText(tr("Filter: any text in any field"));
    mFilter->setClearButtonEnabled(true);
    auto *top = new QHBoxLayout();
    top->addWidget(mFilter, 1);
    top->addWidget(mCount);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(mView, 1);
    connect(mFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        mProxy->setFilterFixedString(text);
        mCount->setText(tr("%1 of %2").arg(visibleRows()).arg(mModel->rowCount()));
    });
    connect(mView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AttributeTable::applySelection);
    connect(mView, &QTableView::doubleClicked, this, &AttributeTable::zoomTo);
    connect(mLayers, &LayerStack::layerRemoved, this, [this](const QString &id) {
        // The whole table goes with its layer: rows, filter and count (not "12 of 12" of nothing).
        if (mModel->layer() && mModel->layer()->id() == id) {
            mFilter->clear();
            showLayer(QString());
        }
    });
}

void AttributeTable::showLayer(const QString &layerId)
{
    auto layer = std::dynamic_pointer_cast<VectorLayer>(mLayers->find(layerId));
    mModel->setLayer(layer);
    mView->resizeColumnsToContents();
    mCount->setText(tr("%1 of %2").arg(visibleRows()).arg(mModel->rowCount()));
}

int AttributeTable::visibleRows() const
{
    return mProxy->rowCount();
}

void AttributeTable::applySelection()
{
    const auto &layer = mModel->layer();
    if (!layer)
        return;
    std::vector<std::uint32_t> selection;
    for (const QModelIndex &row : mView->selectionModel()->selectedRows())
        selection.push_back(std::uint32_t(row.data(Qt::UserRole).toInt()));
    layer->setSelection(std::move(selection));
    mLayers->notifyStyleChanged(layer->id());
}

void AttributeTable::zoomTo(const QModelIndex &index)
{
    const auto &layer = mModel->layer();
    if (!layer)
        return;
    const VectorFeature &f = layer->data().features()[std::size_t(index.data(Qt::UserRole).toInt())];
    const Transform toWgs84(layer->crs(), Crs::wgs84());
    QRectF box = toWgs84.forwardBounds(f.bounds.adjusted(-1e-9, -1e-9, 1e-9, 1e-9), 5);
    const double pad = std::max(0.005, 0.15 * std::max(box.width(), box.height()));
    Q_EMIT zoomRequested(box.adjusted(-pad, -pad, pad, pad));
}

} // namespace sightline
