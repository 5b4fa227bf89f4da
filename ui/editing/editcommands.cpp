#include "ui/editing/editcommands.h"

#include "layers/vectorlayer.h"

namespace sightline {

ReplaceDataCommand::ReplaceDataCommand(const QString &text, std::shared_ptr<VectorLayer> layer,
                                       std::shared_ptr<const VectorData> before,
                                       std::shared_ptr<const VectorData> after, Apply apply)
    : QUndoCommand(text)
    , mLayer(layer)
    , mBefore(std::move(before))
    , mAfter(std::move(after))
    , mApply(std::move(apply))
{
}

void ReplaceDataCommand::undo()
{
    if (auto layer = mLayer.lock())
        mApply(layer, mBefore);
}

void ReplaceDataCommand::redo()
{
    if (auto layer = mLayer.lock())
        mApply(layer, mAfter);
}

} // namespace sightline
