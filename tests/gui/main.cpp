#include "analysis/testanalysis.h"
#include "analysis/testanalysisworker.h"
#include "analysis/testdetectvessels.h"
#include "analysis/testviewstaysput.h"
#include "brief/testbrief.h"
#include "brief/testbriefpreviewworker.h"
#include "brief/testbriefundo.h"
#include "editing/testediting.h"
#include "layers/testlayerhistory.h"
#include "layers/testlayers.h"
#include "layers/testoverviewworker.h"
#include "layers/testsardisplay.h"
#include "map/testcontextmenu.h"
#include "map/testmap.h"
#include "project/testproject.h"
#include "project/testprojectsafety.h"
#include "project/teststalestate.h"
#include "project/testaisbroadcasts.h"
#include "project/testcaseexport.h"
#include "project/testcsvimport.h"
#include "project/testtrackimport.h"
#include "shell/testdefaults.h"
#include "shell/testhelp.h"
#include "shell/testshell.h"
#include "shell/testsmallthings.h"
#include "shell/testwindowlayout.h"
#include "sightings/testcountundo.h"
#include "time/testacquisitionundo.h"
#include "time/testdatefields.h"
#include "time/testtimeactions.h"
#include "time/testtimeline.h"

#include "util/gdalutil.h"
#include "util/runtimeenvironment.h"

#include <QApplication>
#include <QSettings>
#include <QTest>

#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace {

template <typename Test> int run(int argc, char **argv)
{
    Test test;
    return QTest::qExec(&test, argc, argv);
}

using Runner = std::function<int(int, char **)>;

// One ctest entry a ui/ feature folder (tests/CMakeLists.txt), so a failure names its feature.
const std::map<std::string, std::vector<Runner>> &features()
{
    static const std::map<std::string, std::vector<Runner>> all = {
        {"shell", {run<TestShell>, run<TestHelp>, run<TestDefaults>, run<TestSmallThings>, run<TestWindowLayout>}},
        {"map", {run<TestMap>, run<TestMapContextMenu>}},
        {"layers", {run<TestLayers>, run<TestLayerHistory>, run<TestOverviewWorker>, run<TestSarDisplay>}},
        {"editing", {run<TestEditing>}},
        {"project", {run<TestProject>, run<TestProjectSafety>, run<TestTrackImport>, run<TestCsvImport>, run<TestAisBroadcasts>, run<TestStaleState>, run<TestCaseExport>}},
        {"analysis", {run<TestAnalysis>, run<TestViewStaysPut>, run<TestAnalysisWorker>, run<TestDetectVessels>}},
        {"brief", {run<TestBrief>, run<TestBriefUndo>, run<TestBriefPreviewWorker>}},
        {"sightings", {run<TestCountUndo>}},
        {"time", {run<TestTimeline>, run<TestTimeActions>, run<TestDateFields>, run<TestAcquisitionUndo>}},
    };
    return all;
}

} // namespace

// sightline_gui_tests [FEATURE] [Qt Test options]: the widget tests of one feature, or of all.
int main(int argc, char **argv)
{
    sightline::ensureRuntimeDirectory();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    std::string only;
    if (argc > 1 && features().count(argv[1])) {
        only = argv[1];
        for (int i = 1; i + 1 < argc; ++i)
            argv[i] = argv[i + 1];
        --argc;
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SightlineTests"));
    QCoreApplication::setApplicationName(QStringLiteral("SightlineGuiTests"));
    sightline::ensureGdalInitialised();
    // Each run starts from no saved settings: window state left by an earlier run (a dock the
    // analysis tests opened) must not change what the window tests see.
    QSettings().clear();
    int status = 0;
    for (const auto &[name, runners] : features()) {
        if (!only.empty() && name != only)
            continue;
        for (const Runner &runTest : runners) {
            QSettings().clear();
            status |= runTest(argc, argv);
        }
    }
    return status;
}
