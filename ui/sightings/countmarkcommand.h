#pragma once

#include <QList>
#include <QPointF>
#include <QPointer>
#include <QUndoCommand>

namespace sightline {

class CountTool;

/// One change to the count tool's marks while counting (a mark placed, moved or removed), as the
/// marks before and after it. On the window's one undo stack, so Ctrl+Z takes back the last mark
/// like any other edit; when the count is saved or discarded the tool takes these entries back
/// off the stack (CountTool::rewindHistory), and the saved sighting is one entry of its own.
class CountMarkCommand : public QUndoCommand
{
public:
    CountMarkCommand(CountTool *tool, QList<QPointF> before, QList<QPointF> after, const QString &text);

    void redo() override;
    void undo() override;
    /// Whether this entry is one of `tool`'s marks.
    bool belongsTo(const CountTool *tool) const { return mTool == tool; }

private:
    QPointer<CountTool> mTool;
    QList<QPointF> mBefore;
    QList<QPointF> mAfter;
};

} // namespace sightline
