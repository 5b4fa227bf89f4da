#include "testanalysis.h"
#include "testbrief.h"
#include "testhelp.h"
#include "testmainwindow.h"
#include "testproject.h"
#include "testprojectsafety.h"
#include "testtimeactions.h"
#include "testtimeline.h"
#include "testtrackimport.h"

#include "util/gdalutil.h"
#include "util/runtimeenvironment.h"

#include <QApplication>
#include <QSettings>
#include <QTest>

// One binary for all widget tests; each class runs in turn under the offscreen platform.
int main(int argc, char **argv)
{
    sightline::ensureRuntimeDirectory();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SightlineTests"));
    QCoreApplication::setApplicationName(QStringLiteral("SightlineGuiTests"));
    sightline::ensureGdalInitialised();
    // Each run starts from no saved settings: window state left by an earlier run (a dock the
    // analysis tests opened) must not change what the window tests see.
    QSettings().clear();
    int status = 0;
    {
        TestMainWindow test;
        status |= QTest::qExec(&test, argc, argv);
    }
    {
        TestProject test;
        status |= QTest::qExec(&test, argc, argv);
    }
    {
        TestProjectSafety test;
        status |= QTest::qExec(&test, argc, argv);
    }
    {
        TestTrackImport test;
        status |= QTest::qExec(&test, argc, argv);
    }
    {
        TestAnalysis test;
        status |= QTest::qExec(&test, argc, argv);
    }
    {
        TestBrief test;
        status |= QTest::qExec(&test, argc, argv);
    }
    {
        TestTimeline test;
        status |= QTest::qExec(&test, argc, argv);
    }
    {
        TestTimeActions test;
        status |= QTest::qExec(&test, argc, argv);
    }
    {
        TestHelp test;
        status |= QTest::qExec(&test, argc, argv);
    }
    return status;
}
