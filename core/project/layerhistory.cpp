#include "project/layerhistory.h"

#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "project/layerstyleio.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUndoCommand>
#include <QUndoStack>

namespace sightline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LayerHistory", text);
}

// Merge ids of the layer commands (QUndoCommand::id), one list so they never collide.
enum LayerCommandId
{
    kLayerStateId = 0x4c41 // "LA"
};

// Changes within this long of each other, to one layer and of one kind, are one undo entry.
constexpr qint64 kMergeWindowMs = 1500;

// Puts back on a layer what differs between two snapshots, and nothing else: undoing a restyle
// must not show again a layer hidden since. An image whose time came from its data keeps no style
// at all; its snapshot then means "as the data says", which the empty style would not restore.
void restoreState(Layer &layer, const ProjectLayer &state, const ProjectLayer &from)
{
    if (state.name != from.name && !state.name.isEmpty())
        layer.setName(state.name);
    if (state.visible != from.visible)
        layer.setVisible(state.visible);
    if (state.opacity != from.opacity)
        layer.setOpacity(state.opacity);
    if (state.style != from.style) {
        QJsonObject style = state.style;
        if (style.isEmpty() && dynamic_cast<RasterLayer *>(&layer))
            style = QJsonObject{{QStringLiteral("type"), QStringLiteral("raster")}};
        applyLayerStyle(layer, style);
    }
}

// Adding and removing are one command run in two directions: the layer object itself is kept,
// so a removed layer comes back as it was (its drawings, selection and style with it).
class AddRemoveLayerCommand : public QUndoCommand
{
public:
    AddRemoveLayerCommand(LayerStack *layers, std::shared_ptr<Layer> layer, int index, bool adding,
                          const QString &text)
        : QUndoCommand(text)
        , mLayers(layers)
        , mLayer(std::move(layer))
        , mIndex(index)
        , mAdding(adding)
    {
    }
    void redo() override { mAdding ? put() : take(); }
    void undo() override { mAdding ? take() : put(); }

private:
    void put()
    {
        if (mLayers->indexOf(mLayer->id()) < 0)
            mLayers->insert(mIndex, mLayer);
    }
    void take()
    {
        if (const int at = mLayers->indexOf(mLayer->id()); at >= 0) {
            mIndex = at; // where it goes back to
            mLayers->remove(mLayer->id());
        }
    }

    LayerStack *mLayers;
    std::shared_ptr<Layer> mLayer;
    int mIndex;
    bool mAdding;
};

QStringList bottomFirstIds(const LayerStack &layers)
{
    QStringList ids;
    for (const auto &layer : layers.layers())
        ids << layer->id();
    return ids;
}

// Puts the stack in a given order of ids, one move at a time; ids no longer there are skipped.
void applyOrder(LayerStack &layers, const QStringList &order)
{
    int target = 0;
    for (const QString &id : order) {
        const int from = layers.indexOf(id);
        if (from < 0)
            continue;
        if (from != target)
            layers.move(from, target);
        ++target;
    }
}

class ReorderLayersCommand : public QUndoCommand
{
public:
    ReorderLayersCommand(LayerStack *layers, QStringList before, QStringList after, const QString &text)
        : QUndoCommand(text)
        , mLayers(layers)
        , mBefore(std::move(before))
        , mAfter(std::move(after))
    {
    }
    void redo() override { applyOrder(*mLayers, mAfter); }
    void undo() override { applyOrder(*mLayers, mBefore); }

private:
    LayerStack *mLayers;
    QStringList mBefore;
    QStringList mAfter;
};

// Name, opacity, visibility and style as the project keeps them: before and after one change.
class LayerStateCommand : public QUndoCommand
{
public:
    LayerStateCommand(LayerStack *layers, QString id, ProjectLayer before, ProjectLayer after,
                      const QString &text)
        : QUndoCommand(text)
        , mLayers(layers)
        , mId(std::move(id))
        , mBefore(std::move(before))
        , mAfter(std::move(after))
        , mAtMs(QDateTime::currentMSecsSinceEpoch())
    {
    }
    int id() const override { return kLayerStateId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const LayerStateCommand *>(other);
        if (next->mId != mId || next->text() != text() || next->mAtMs - mAtMs > kMergeWindowMs)
            return false;
        mAfter = next->mAfter;
        mAtMs = next->mAtMs;
        return true;
    }
    void redo() override { apply(mAfter, mBefore); }
    void undo() override { apply(mBefore, mAfter); }

private:
    void apply(const ProjectLayer &state, const ProjectLayer &from)
    {
        if (auto layer = mLayers->find(mId)) {
            restoreState(*layer, state, from);
            mLayers->notifyStyleChanged(mId);
        }
    }

    LayerStack *mLayers;
    QString mId;
    ProjectLayer mBefore;
    ProjectLayer mAfter;
    qint64 mAtMs;
};

} // namespace

LayerHistory::LayerHistory(LayerStack *layers, QUndoStack *undo)
    : mLayers(layers)
    , mUndo(undo)
{
}

void LayerHistory::add(std::shared_ptr<Layer> layer)
{
    if (!layer)
        return;
    const QString text = tr("Add layer '%1'").arg(layer->name());
    // Where a new layer of its kind belongs: imagery under what is drawn on it.
    const int at = mLayers->placeFor(*layer);
    mUndo->push(new AddRemoveLayerCommand(mLayers, std::move(layer), at, true, text));
}

bool LayerHistory::remove(const QString &id)
{
    const int at = mLayers->indexOf(id);
    if (at < 0)
        return false;
    const auto layer = mLayers->find(id);
    mUndo->push(new AddRemoveLayerCommand(mLayers, layer, at, false, tr("Remove layer '%1'").arg(layer->name())));
    return true;
}

void LayerHistory::move(int from, int to)
{
    if (from < 0 || from >= mLayers->count() || to < 0 || to >= mLayers->count() || from == to)
        return;
    const QStringList before = bottomFirstIds(*mLayers);
    QStringList after = before;
    after.move(from, to);
    const QString name = mLayers->layers().at(from)->name();
    mUndo->push(new ReorderLayersCommand(
        mLayers, before, after,
        (to > from ? tr("Move layer '%1' up") : tr("Move layer '%1' down")).arg(name)));
}

void LayerHistory::reorder(const QStringList &bottomFirst)
{
    const QStringList before = bottomFirstIds(*mLayers);
    QStringList after;
    for (const QString &id : bottomFirst)
        if (before.contains(id) && !after.contains(id))
            after << id;
    for (const QString &id : before) // any the caller did not name keep their place at the end
        if (!after.contains(id))
            after << id;
    if (after == before)
        return;
    mUndo->push(new ReorderLayersCommand(mLayers, before, after, tr("Reorder layers")));
}

void LayerHistory::rename(const QString &id, const QString &name)
{
    const auto layer = mLayers->find(id);
    const QString trimmed = name.trimmed();
    if (!layer || trimmed.isEmpty() || trimmed == layer->name())
        return;
    change(id, tr("Rename layer '%1' to '%2'").arg(layer->name(), trimmed),
           [&](Layer &l) { l.setName(trimmed); });
}

void LayerHistory::setOpacity(const QString &id, double opacity)
{
    const auto layer = mLayers->find(id);
    if (!layer)
        return;
    change(id, tr("Set opacity of '%1'").arg(layer->name()), [&](Layer &l) { l.setOpacity(opacity); });
}

void LayerHistory::setVisible(const QString &id, bool visible)
{
    mLayers->setVisible(id, visible);
}

void LayerHistory::change(const QString &id, const QString &text, const std::function<void(Layer &)> &edit)
{
    const auto layer = mLayers->find(id);
    if (!layer)
        return;
    const ProjectLayer before = projectLayerFor(*layer);
    edit(*layer);
    const ProjectLayer after = projectLayerFor(*layer);
    if (after == before)
        return;
    // Already applied by `edit`; the first redo applies the same state again, which is harmless.
    mUndo->push(new LayerStateCommand(mLayers, id, before, after, text));
}

} // namespace sightline
