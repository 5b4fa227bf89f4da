#pragma once

#include "project/detectionrun.h"

#include <QUndoCommand>

#include <functional>
#include <optional>

namespace sightline {

class Project;

/// One run of vessel detection kept in the project, undoably: undo takes its detections out and
/// puts the image's previous answer back; redo stores it again. Made after the first store
/// succeeded, so its first redo writes nothing.
class DetectionRunCommand : public QUndoCommand
{
public:
    DetectionRunCommand(Project *project, DetectionRun stored, std::optional<DetectionRun> previous,
                        std::function<void(bool ok)> changed);
    void undo() override;
    void redo() override;

private:
    Project *mProject;
    DetectionRun mRun;
    std::optional<DetectionRun> mPrevious;
    std::function<void(bool)> mChanged;
    bool mFirst = true;
};

} // namespace sightline
