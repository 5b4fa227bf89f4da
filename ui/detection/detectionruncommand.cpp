#include "ui/detection/detectionruncommand.h"

#include "project/project.h"

#include <QCoreApplication>

namespace sightline {

DetectionRunCommand::DetectionRunCommand(Project *project, DetectionRun stored, std::optional<DetectionRun> previous,
                                         std::function<void(bool)> changed)
    : mProject(project)
    , mRun(std::move(stored))
    , mPrevious(std::move(previous))
    , mChanged(std::move(changed))
{
    setText(QCoreApplication::translate("DetectionRunCommand", "Detect Vessels in %1").arg(mRun.sceneId));
}

void DetectionRunCommand::undo()
{
    mChanged(mProject->removeDetectionRun(mRun, mPrevious));
}

void DetectionRunCommand::redo()
{
    if (mFirst) {
        mFirst = false;
        return;
    }
    mChanged(mProject->replaceDetections(mRun));
}

} // namespace sightline
