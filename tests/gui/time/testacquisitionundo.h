#pragma once

#include "support/workbenchtest.h"

/// Layer → Acquisition Time on the one undo history: a named entry, undone with Ctrl+Z, the
/// project's copy of the layer following.
class TestAcquisitionUndo : public WorkbenchTest
{
    Q_OBJECT
private Q_SLOTS:
    void anAcquisitionTimeSetByHandIsUndoneAndTheProjectFollows();
};
