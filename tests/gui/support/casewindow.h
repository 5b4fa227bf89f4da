#pragma once

#include "layers/layerstack.h"
#include "ui/analysis/analysisactions.h"
#include "ui/shell/mainwindow.h"
#include "ui/common/loadstatus.h"
#include "ui/map/mapcanvas.h"
#include "ui/project/projectcontroller.h"
#include "ui/time/timeactions.h"
#include "ui/time/timelinedock.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace sightline::test {

/// Until the window has loaded its layers, finished its analysis, rendered, restored its project and
/// the timeline has read the layers (which may show it) (20 s at most).
inline bool waitForIdle(MainWindow *window)
{
    QTest::qWait(50);
    return QTest::qWaitFor(
        [window] {
            return !window->loadStatus()->isLoading() && !window->analysisActions()->isRunning() &&
                   !window->canvas()->isRendering() && !window->projectController()->isRestoring() &&
                   !window->timeActions()->timelineDock()->isRebuildPending();
        },
        20000);
}

/// Opens the case's simulated AIS and its ports in `window` and makes them a new project `name`
/// in `dir`; the project's path, or empty when something failed.
inline QString openCaseInNewProject(MainWindow *window, const QTemporaryDir &dir, const QString &name)
{
    const QString demo = QStringLiteral(SIGHTLINE_DEMO_DIR);
    window->openFiles({demo + QStringLiteral("/ais/case_rajin_dunai_2023_SIMULATED.nmea"),
                       demo + QStringLiteral("/vector/ports_APPROXIMATE.geojson")});
    if (!QTest::qWaitFor([window] { return window->layers()->count() == 2; }, 20000) || !waitForIdle(window))
        return {};
    const QString path = dir.filePath(name);
    QFile::remove(path);
    if (!window->projectController()->newProject(path))
        return {};
    return path;
}

} // namespace sightline::test
