#pragma once

#include <QStringList>

#include <functional>
#include <memory>

class QUndoStack;

namespace sightline {

class Layer;
class LayerStack;

/// The user's changes to the layer list, each a named command on the undo stack the
/// sightings, annotations and drawings share: add, remove, reorder, rename, opacity, style
/// (acquisition time included). Undo puts back exactly what was there — a removed layer
/// returns at its place with its name, style, opacity and visibility — and the project's
/// layer list follows the stack's changed() signal, so the file matches the screen after
/// do, undo and redo.
///
/// Showing and hiding a layer is not recorded (as in QGIS): it is looking, not editing, and
/// a history full of toggles would bury the edits one wants back.
class LayerHistory
{
public:
    LayerHistory(LayerStack *layers, QUndoStack *undo);

    LayerStack *layers() const { return mLayers; }
    QUndoStack *undoStack() const { return mUndo; }

    /// Puts a newly opened layer on top: "Add layer 'X'".
    void add(std::shared_ptr<Layer> layer);
    /// "Remove layer 'X'"; false when there is no such layer.
    bool remove(const QString &id);
    /// Moves the layer at bottom-first `from` to `to`: "Move layer 'X' up/down".
    void move(int from, int to);
    /// Puts the layers in this order (ids bottom first, as LayerStack keeps them), as a drag
    /// in the layer list leaves them: "Reorder layers". Unknown ids are ignored.
    void reorder(const QStringList &bottomFirstIds);
    /// "Rename layer 'X' to 'Y'".
    void rename(const QString &id, const QString &name);
    /// "Set opacity of 'X'"; a run of changes to one layer (a slider drag) is one entry.
    void setOpacity(const QString &id, double opacity);
    /// Shown or hidden at once, and not on the undo stack (see above).
    void setVisible(const QString &id, bool visible);
    /// Any other change to how the layer is drawn: `edit` runs on the layer, and what it
    /// changed (style, time, name, opacity) is one undo entry named `text`. Successive changes of
    /// one layer with the same `text` within a moment (typing in a spin box) merge into one.
    void change(const QString &id, const QString &text, const std::function<void(Layer &)> &edit);

private:
    LayerStack *mLayers;
    QUndoStack *mUndo;
};

} // namespace sightline
