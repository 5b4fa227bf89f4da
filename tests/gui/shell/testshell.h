#pragma once

#include "support/workbenchtest.h"

/// The window: drag and drop, recent files, its remembered state, the demo.
class TestShell : public WorkbenchTest
{
    Q_OBJECT
private Q_SLOTS:
    void dropOpensFilesAndRecentListsThem();
    void windowStateIsRemembered();
    void screenshotOfTheDemo();
};
