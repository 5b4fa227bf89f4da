#include "ui/layers/layerpanel.h"

#include "util/gdalutil.h"

#include "layers/layerstack.h"
#include "project/layerhistory.h"
#include "layers/rasterlayer.h"
#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"

#include <QAction>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSlider>
#include <QVBoxLayout>

namespace sightline {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

LayerPanel::LayerPanel(LayerStack *layers, QWidget *parent)
    : QWidget(parent)
    , mLayers(layers)
    , mList(new QListWidget(this))
    , mOpacity(new QSlider(Qt::Horizontal, this))
    , mOpacityLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("layerPanel"));
    mList->setObjectName(QStringLiteral("layerList"));
    mList->setDragDropMode(QAbstractItemView::InternalMove);
    mList->setDefaultDropAction(Qt::MoveAction);
    mList->setSelectionMode(QAbstractItemView::SingleSelection);
    mList->setContextMenuPolicy(Qt::CustomContextMenu);
    mList->setAlternatingRowColors(true);
    mOpacity->setObjectName(QStringLiteral("opacitySlider"));
    mOpacity->setRange(0, 100);
    mOpacity->setEnabled(false);
    mOpacityLabel->setMinimumWidth(40);

    auto *opacityRow = new QHBoxLayout();
    opacityRow->addWidget(new QLabel(tr("Opacity"), this));
    opacityRow->addWidget(mOpacity, 1);
    opacityRow->addWidget(mOpacityLabel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(mList, 1);
    layout->addLayout(opacityRow);

    connect(mLayers, &LayerStack::changed, this, &LayerPanel::rebuild);
    connect(mList, &QListWidget::itemChanged, this, &LayerPanel::onItemChanged);
    connect(mList->model(), &QAbstractItemModel::rowsMoved, this, &LayerPanel::onRowsMoved);
    connect(mList, &QListWidget::currentItemChanged, this, &LayerPanel::onCurrentChanged);
    connect(mList, &QListWidget::customContextMenuRequested, this, &LayerPanel::showContextMenu);
    connect(mList, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem *item) { Q_EMIT propertiesRequested(item->data(kIdRole).toString()); });
    connect(mOpacity, &QSlider::valueChanged, this, [this](int value) {
        mOpacityLabel->setText(QStringLiteral("%1 %").arg(value));
        if (mRebuilding || currentLayerId().isEmpty())
            return;
        if (mUndo)
            LayerHistory(mLayers, mUndo).setOpacity(currentLayerId(), value / 100.0);
        else
            mLayers->setOpacity(currentLayerId(), value / 100.0);
    });
    auto *rename = new QAction(tr("Rename"), this);
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(rename, &QAction::triggered, this, [this] { renameLayer(currentLayerId()); });
    addAction(rename);
    rebuild();
}

QString LayerPanel::currentLayerId() const
{
    const QListWidgetItem *item = mList->currentItem();
    return item ? item->data(kIdRole).toString() : QString();
}

void LayerPanel::selectLayer(const QString &id)
{
    for (int row = 0; row < mList->count(); ++row) {
        if (mList->item(row)->data(kIdRole).toString() == id) {
            mList->setCurrentRow(row);
            return;
        }
    }
}

void LayerPanel::rebuild()
{
    mRebuilding = true;
    const QString current = currentLayerId();
    mList->clear();
    const auto &layers = mLayers->layers();
    // Top layer first in the list, as every GIS shows it.
    for (auto it = layers.crbegin(); it != layers.crend(); ++it) {
        const auto &layer = *it;
        auto *item = new QListWidgetItem(layer->name(), mList);
        item->setData(kIdRole, layer->id());
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                       Qt::ItemIsDragEnabled);
        item->setCheckState(layer->isVisible() ? Qt::Checked : Qt::Unchecked);
        item->setIcon(QIcon(layer->kind() == Layer::Kind::Track      ? QStringLiteral(":/icons/tracks.svg")
                            : layer->kind() == Layer::Kind::Vector   ? QStringLiteral(":/icons/vector.svg")
                            : layer->kind() == Layer::Kind::Sighting ? QStringLiteral(":/icons/sighting.svg")
                            : layer->kind() == Layer::Kind::Event    ? QStringLiteral(":/icons/events.svg")
                                                                     : QStringLiteral(":/icons/raster.svg")));
        QString tip = QStringLiteral("%1\n%2").arg(
            layer->source().startsWith(QLatin1Char('<')) ? layer->name() : describeSource(layer->source()),
            layer->crs().description());
        item->setToolTip(tip);
    }
    mRebuilding = false;
    if (!current.isEmpty())
        selectLayer(current);
    else if (mList->count() > 0)
        mList->setCurrentRow(0);
    onCurrentChanged();
}

void LayerPanel::onItemChanged(QListWidgetItem *item)
{
    if (mRebuilding)
        return;
    mLayers->setVisible(item->data(kIdRole).toString(), item->checkState() == Qt::Checked);
}

void LayerPanel::onRowsMoved()
{
    if (mRebuilding)
        return;
    // The list now holds the wanted order (top first); apply it to the stack one move at a time.
    QStringList topFirst;
    for (int row = 0; row < mList->count(); ++row)
        topFirst << mList->item(row)->data(kIdRole).toString();
    const QString current = currentLayerId();
    mRebuilding = true;
    if (mUndo) {
        QStringList bottomFirst = topFirst;
        std::reverse(bottomFirst.begin(), bottomFirst.end());
        LayerHistory(mLayers, mUndo).reorder(bottomFirst);
    } else {
        const int n = int(topFirst.size());
        for (int target = 0; target < n; ++target) {
            const QString &id = topFirst[n - 1 - target]; // bottom-first position `target`
            const int from = mLayers->indexOf(id);
            if (from != target)
                mLayers->move(from, target);
        }
    }
    mRebuilding = false;
    rebuild();
    selectLayer(current);
}

void LayerPanel::onCurrentChanged()
{
    if (mRebuilding)
        return;
    const QString id = currentLayerId();
    auto layer = mLayers->find(id);
    mRebuilding = true;
    mOpacity->setEnabled(bool(layer));
    mOpacity->setValue(layer ? int(std::lround(layer->opacity() * 100)) : 100);
    mOpacityLabel->setText(QStringLiteral("%1 %").arg(mOpacity->value()));
    mRebuilding = false;
    Q_EMIT currentLayerChanged(id);
}

void LayerPanel::changeLayer(const QString &id, const QString &text, const std::function<void(Layer &)> &edit)
{
    if (mUndo) {
        LayerHistory(mLayers, mUndo).change(id, text, edit);
    } else if (auto layer = mLayers->find(id)) {
        edit(*layer);
        mLayers->notifyStyleChanged(id);
    }
}

void LayerPanel::renameLayer(const QString &id)
{
    auto layer = mLayers->find(id);
    if (!layer)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Layer"), tr("Name:"), QLineEdit::Normal,
                                               layer->name(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (mUndo)
        LayerHistory(mLayers, mUndo).rename(id, name);
    else
        changeLayer(id, {}, [&](Layer &l) { l.setName(name.trimmed()); });
}

void LayerPanel::moveLayer(const QString &id, int up)
{
    const int from = mLayers->indexOf(id);
    const int to = from + (up > 0 ? 1 : -1);
    if (from < 0 || to < 0 || to >= mLayers->count())
        return;
    if (mUndo)
        LayerHistory(mLayers, mUndo).move(from, to);
    else
        mLayers->move(from, to);
    selectLayer(id);
}

void LayerPanel::showContextMenu(const QPoint &pos)
{
    QListWidgetItem *item = mList->itemAt(pos);
    if (!item)
        return;
    QMenu menu(this);
    fillContextMenu(menu, item->data(kIdRole).toString());
    menu.exec(mList->viewport()->mapToGlobal(pos));
}

void LayerPanel::fillContextMenu(QMenu &menu, const QString &id)
{
    menu.addAction(QIcon(QStringLiteral(":/icons/zoom-layer.svg")), tr("Zoom to Layer"), this,
                   [this, id] { Q_EMIT zoomToLayerRequested(id); });
    menu.addAction(tr("Properties…"), this, [this, id] { Q_EMIT propertiesRequested(id); });
    if (auto tracks = std::dynamic_pointer_cast<TrackLayer>(mLayers->find(id))) {
        menu.addSeparator();
        QMenu *colour = menu.addMenu(tr("Colour Tracks By"));
        colour->setObjectName(QStringLiteral("colourByMenu"));
        const std::pair<QString, TrackLayer::ColourBy> choices[] = {
            {tr("Vessel"), TrackLayer::ColourBy::Vessel},
            {tr("Speed"), TrackLayer::ColourBy::Speed},
            {tr("Time"), TrackLayer::ColourBy::Time}};
        for (const auto &[label, by] : choices) {
            QAction *a = colour->addAction(label, this, [this, id, label = label, by = by] {
                changeLayer(id, tr("Colour '%1' by %2").arg(mLayers->find(id)->name(), label.toLower()),
                            [by](Layer &l) {
                                auto &tracks = static_cast<TrackLayer &>(l);
                                TrackLayer::Style style = tracks.style();
                                style.colourBy = by;
                                tracks.setStyle(style);
                            });
            });
            a->setCheckable(true);
            a->setChecked(tracks->style().colourBy == by);
        }
        QAction *labels = menu.addAction(tr("Show Vessel Names"), this, [this, id](bool on) {
            changeLayer(id,
                        (on ? tr("Show vessel names of '%1'") : tr("Hide vessel names of '%1'"))
                            .arg(mLayers->find(id)->name()),
                        [on](Layer &l) {
                            auto &tracks = static_cast<TrackLayer &>(l);
                            TrackLayer::Style style = tracks.style();
                            style.labels = on;
                            tracks.setStyle(style);
                        });
        });
        labels->setCheckable(true);
        labels->setChecked(tracks->style().labels);
    }
    if (std::dynamic_pointer_cast<VectorLayer>(mLayers->find(id)))
        menu.addAction(tr("Attribute Table"), this, [this, id] { Q_EMIT attributeTableRequested(id); });
    if (auto vector = std::dynamic_pointer_cast<VectorLayer>(mLayers->find(id));
        vector && vector->data().hasKind(VectorFeature::Kind::Line)) {
        menu.addSeparator();
        QAction *corridor = menu.addAction(vector->selection().empty() ? tr("Corridor Around All Lines…")
                                                                       : tr("Corridor Around Selected Line…"),
                                           this, [this, id] { Q_EMIT corridorRequested(id); });
        corridor->setObjectName(QStringLiteral("actionCorridor"));
    }
    menu.addSeparator();
    menu.addAction(tr("Rename…"), this, [this, id] { renameLayer(id); })
        ->setObjectName(QStringLiteral("actionRenameLayer"));
    const int at = mLayers->indexOf(id);
    QAction *up = menu.addAction(tr("Move Up"), this, [this, id] { moveLayer(id, 1); });
    up->setObjectName(QStringLiteral("actionMoveLayerUp"));
    up->setEnabled(at >= 0 && at < mLayers->count() - 1);
    QAction *down = menu.addAction(tr("Move Down"), this, [this, id] { moveLayer(id, -1); });
    down->setObjectName(QStringLiteral("actionMoveLayerDown"));
    down->setEnabled(at > 0);
    menu.addAction(QIcon(QStringLiteral(":/icons/remove.svg")), tr("Remove Layer"), this,
                   [this, id] { Q_EMIT removeRequested(id); });
}

} // namespace sightline
