#include "aiscommand.h"
#include "analyzecommand.h"
#include "animatecommand.h"
#include "briefcommand.h"
#include "commandlinevalues.h"
#include "layers/layerstack.h"
#include "mainwindow.h"
#include "projectcommand.h"
#include "render/maprenderer.h"
#include "rendercommand.h"
#include "sightingscommand.h"
#include "util/gdalutil.h"
#include "util/runtimeenvironment.h"

#include <QApplication>
#include <QGuiApplication>
#include <QHashFunctions>
#include <QTextStream>
#include <QThreadPool>

#include <gdal.h>
#include <proj.h>

namespace {

constexpr auto kHelp =
    "Sightline – geospatial analysis workbench\n\n"
    "usage:\n"
    "  sightline [PROJECT.gpkg | --project P.gpkg] [FILE...] [--extent W,S,E,N]\n"
    "                                          open the workbench (optionally on a project, framed)\n"
    "  sightline render (FILE... | --project P.gpkg) [--extent W,S,E,N] [--crs EPSG:N] [--size WxH]\n"
    "         [--time FROM/TO] [--at TIME] -o OUT.png\n"
    "  sightline ais decode FILE... [--format jsonl|csv]\n"
    "  sightline ais import FILE... --project P.gpkg [--time-fallback base-station]\n"
    "  sightline sightings export --project P.gpkg -o OUT.(geojson|kml|csv)\n"
    "  sightline sightings import FILE... --project P.gpkg\n"
    "  sightline sightings list --project P.gpkg\n"
    "  sightline analyze (gaps|port-calls|voyages|encounters|loitering|spoofing) --project P.gpkg\n"
    "         [--ports FILE|LAYER] [--land FILE|LAYER] [thresholds] [--format csv|json] [--save]\n"
    "  sightline animate --project P.gpkg --time FROM/TO --step DURATION -o OUT.(mp4|gif|png)\n"
    "  sightline brief --project P.gpkg [--template NAME|FILE] [--preset screen|print] [--store] -o OUT.pdf\n"
    "  sightline project create P.gpkg [FILE...] [--extent W,S,E,N]\n"
    "  sightline project info P.gpkg\n"
    "  sightline --version\n\n"
    "FILE may be imagery (GeoTIFF, JPEG 2000, MBTiles, VRT, an XYZ/WMTS URL), an AIS log\n"
    "(.nmea, .ais, .aivdm), a track table (.csv, .gpx) or a GeoPackage of imported tracks.\n";

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Sightline"));
    QCoreApplication::setApplicationName(QStringLiteral("Sightline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGHTLINE_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    // A brief must come out the same byte for byte from the same inputs, from the command line or
    // the workbench: Qt's PDF writer lists its fonts in hash order, so hashes get a fixed seed
    // before anything is hashed. (The seed guards servers against crafted keys; this is not one.)
    QHashSeed::setDeterministicGlobalSeed();
    sightline::ensureRuntimeDirectory();
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        QTextStream(stdout) << kHelp;
        return 0;
    }
    if (first == QLatin1String("--version")) {
        QTextStream(stdout) << "sightline " << SIGHTLINE_VERSION << " (Qt " << qVersion() << ", GDAL "
                            << GDALVersionInfo("RELEASE_NAME") << ", PROJ " << proj_info().version << ")\n";
        return 0;
    }
    if (first == QLatin1String("ais")) {
        // Pure data work: no GUI, no fonts, no display.
        QCoreApplication app(argc, argv);
        return sightline::runAisCommand(app.arguments().mid(2));
    }
    if (first == QLatin1String("sightings")) {
        QCoreApplication app(argc, argv);
        // The project's lock file names the application that holds it.
        setApplicationIdentity();
        return sightline::runSightingsCommand(app.arguments().mid(2));
    }
    if (first == QLatin1String("analyze")) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        return sightline::runAnalyzeCommand(app.arguments().mid(2));
    }
    if (first == QLatin1String("project")) {
        // Layers are opened as the workbench opens them (fonts for labels included), without a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        setApplicationIdentity();
        sightline::ensureGdalInitialised();
        return sightline::runProjectCommand(app.arguments().mid(2));
    }
    if (first == QLatin1String("brief")) {
        // A PDF needs fonts and the renderers, never a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        setApplicationIdentity();
        sightline::ensureGdalInitialised();
        const int status = sightline::runBriefCommand(app.arguments().mid(2));
        sightline::renderThreadPool()->waitForDone();
        return status;
    }
    if (first == QLatin1String("animate")) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        setApplicationIdentity();
        sightline::ensureGdalInitialised();
        const int status = sightline::runAnimateCommand(app.arguments().mid(2));
        sightline::renderThreadPool()->waitForDone();
        return status;
    }
    if (first == QLatin1String("render")) {
        // Headless jobs never need a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        setApplicationIdentity();
        sightline::ensureGdalInitialised();
        QStringList args = app.arguments().mid(2);
        return sightline::runRenderCommand(args);
    }

    if (!hasDisplay()) {
        QTextStream(stderr) << "sightline: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                               "Use 'sightline render FILE... -o OUT.png' to render without one.\n";
        return 3;
    }
    QApplication app(argc, argv);
    setApplicationIdentity();
    sightline::ensureGdalInitialised();

    QStringList files;
    QString project;
    QRectF frame;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--extent") && i + 1 < args.size()) {
            QString error;
            const auto given = sightline::parseExtentValue(QStringLiteral("--extent"), args[++i], &error);
            if (!given) {
                QTextStream(stderr) << "sightline: " << error << "\n";
                return 2;
            }
            frame = *given;
        } else if (args[i] == QLatin1String("--project") && i + 1 < args.size()) {
            project = args[++i];
        } else {
            files << args[i];
        }
    }
    int status = 0;
    {
        sightline::MainWindow window;
        window.show();
        // A project given by name opens as one even when it holds only `ais import`ed tracks so far.
        if (!project.isEmpty() && !window.openProject(project))
            QTextStream(stderr) << "sightline: could not open the project " << project << "\n";
        window.openFiles(files);
        if (!frame.isNull())
            window.zoomToWgs84(frame);
        status = app.exec();
    }
    // Let render workers finish before GDAL and Qt are torn down.
    sightline::renderThreadPool()->waitForDone();
    return status;
}
