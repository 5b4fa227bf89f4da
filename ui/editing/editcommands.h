#pragma once

#include <QUndoCommand>

#include <functional>
#include <memory>

namespace sightline {

class VectorData;
class VectorLayer;

/// One edit of a drawn layer, as the snapshot before and after it. Doing and
/// undoing swap the layer's data and save the file, so what is on screen is
/// what is on disk.
class ReplaceDataCommand : public QUndoCommand
{
public:
    using Apply =
        std::function<void(const std::shared_ptr<VectorLayer> &, std::shared_ptr<const VectorData>)>;

    ReplaceDataCommand(const QString &text, std::shared_ptr<VectorLayer> layer,
                       std::shared_ptr<const VectorData> before, std::shared_ptr<const VectorData> after,
                       Apply apply);

    void undo() override;
    void redo() override;

private:
    std::weak_ptr<VectorLayer> mLayer;
    std::shared_ptr<const VectorData> mBefore;
    std::shared_ptr<const VectorData> mAfter;
    Apply mApply;
};

} // namespace sightline
