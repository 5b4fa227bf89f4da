#include "ui/sightings/countmarkcommand.h"

#include "ui/sightings/counttool.h"

namespace sightline {

CountMarkCommand::CountMarkCommand(CountTool *tool, QList<QPointF> before, QList<QPointF> after,
                                   const QString &text)
    : QUndoCommand(text)
    , mTool(tool)
    , mBefore(std::move(before))
    , mAfter(std::move(after))
{
}

void CountMarkCommand::redo()
{
    if (mTool)
        mTool->setMarks(mAfter);
}

void CountMarkCommand::undo()
{
    if (mTool)
        mTool->setMarks(mBefore);
}

} // namespace sightline
