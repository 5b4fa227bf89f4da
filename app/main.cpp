#include "aiscommand.h"
#include "analyzecommand.h"
#include "animatecommand.h"
#include "briefcommand.h"
#include "commandlineparsing.h"
#include "commandlinevalues.h"
#include "detectcommand.h"
#include "exportcommand.h"
#include "layers/layerstack.h"
#include "ui/shell/mainwindow.h"
#include "projectcommand.h"
#include "render/maprenderer.h"
#include "rendercommand.h"
#include "sightingscommand.h"
#include "util/gdalutil.h"
#include "util/runtimeenvironment.h"

#include <QApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHashFunctions>
#include <QTextStream>
#include <QThreadPool>

#include <gdal.h>
#include <proj.h>

namespace {

/// What a command needs of Qt before it runs.
enum class Needs
{
    Data,      ///< a QCoreApplication: no GUI, no fonts, no display
    Project,   ///< that, and the application's name, which a project's lock file records
    Rendering, ///< an offscreen QGuiApplication (fonts, the renderers, never a display) and GDAL
};

struct Command
{
    const char *name;
    const char *summary;
    Needs needs;
    int (*run)(const QStringList &args);
    bool waitForRenders = false; ///< render workers finish before Qt and GDAL are torn down
};

const Command kCommands[] = {
    {"render", "draw files or a project to an image", Needs::Rendering, sightline::runRenderCommand},
    {"animate", "play a project's map over a time range (MP4, GIF, animated PNG)", Needs::Rendering,
     sightline::runAnimateCommand, true},
    {"brief", "write a project's brief as PDF", Needs::Rendering, sightline::runBriefCommand, true},
    {"analyze", "gaps, port calls, voyages, encounters, loitering, spoofing in a project's tracks",
     Needs::Project, sightline::runAnalyzeCommand},
    {"detect", "vessels in a SAR image, matched to the project's AIS; those that were dark", Needs::Project,
     sightline::runDetectCommand},
    {"ais", "decode AIS logs; import them into a project", Needs::Data, sightline::runAisCommand},
    {"sightings", "export, import and list a project's sightings", Needs::Project,
     sightline::runSightingsCommand},
    // The KMZ's icons are drawn as the map draws its marks.
    {"export", "a case's tracks, events, sightings and annotations to KMZ (Google Earth), GeoJSON, "
               "GeoPackage or FlatGeobuf",
     Needs::Rendering, sightline::runExportCommand},
    // Layers are opened as the workbench opens them (fonts for labels included).
    {"project", "create a project from files; list what one holds", Needs::Rendering,
     sightline::runProjectCommand},
};

const Command *findCommand(const QString &name)
{
    for (const Command &c : kCommands)
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

QString describeCommands()
{
    QList<sightline::Subcommand> list;
    for (const Command &c : kCommands)
        list << sightline::Subcommand{QString::fromLatin1(c.name), QString::fromLatin1(c.summary), {}};
    return sightline::describeSubcommands(list);
}

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Sightline"));
    QCoreApplication::setApplicationName(QStringLiteral("Sightline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGHTLINE_VERSION));
}

/// Runs `command` with `args`, or when there are none given, with the arguments after its name
/// (as the application object leaves them, without Qt's own).
int runCommand(const Command &command, int &argc, char **argv, const std::optional<QStringList> &args)
{
    auto run = [&](const QCoreApplication &app) {
        const int status = command.run(args ? *args : app.arguments().mid(2));
        if (command.waitForRenders)
            sightline::renderThreadPool()->waitForDone();
        return status;
    };
    if (command.needs != Needs::Rendering) {
        QCoreApplication app(argc, argv);
        if (command.needs == Needs::Project)
            setApplicationIdentity();
        return run(app);
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    setApplicationIdentity();
    sightline::ensureGdalInitialised();
    return run(app);
}

/// The workbench's command line: a project and files to open, and the map's frame.
sightline::CommandLine workbenchCommandLine()
{
    sightline::CommandLine cl(
        QString(),
        QStringLiteral("[PROJECT.gpkg | --project P.gpkg] [FILE...] [--extent W,S,E,N]\n"
                       "       sightline COMMAND ...   ('sightline COMMAND --help' describes each)"),
        QStringLiteral("Sightline – geospatial analysis workbench. With no command it opens the workbench, "
                       "on the project and files given."));
    cl.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("Imagery (GeoTIFF, JPEG 2000, MBTiles, VRT, an XYZ/WMTS URL), an AIS "
                       "log (.nmea, .ais, .aivdm), a track table (.csv, .gpx), a GeoPackage "
                       "of imported tracks, or a project."),
        sightline::CommandLine::Count::Many);
    cl.addOptions({
        sightline::projectOption(QStringLiteral("Open this project (even one that holds only imported "
                                                "tracks so far).")),
        sightline::extentOption(QStringLiteral("Frame the map on these WGS84 degrees.")),
        QCommandLineOption({QStringLiteral("v"), QStringLiteral("version")},
                           QStringLiteral("Show the version and those of Qt, GDAL and PROJ.")),
    });
    // QApplication takes its own options (-style fusion, -platform xcb, -reverse) out of argv
    // itself; they are declared only so that the parser lets them through.
    cl.readSingleDashWordsAsLongOptions();
    for (const char *name :
         {"platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry", "qwindowicon",
          "qwindowtitle", "session", "display", "geometry", "style", "stylesheet", "qmljsdebugger"}) {
        QCommandLineOption qtOption(QString::fromLatin1(name), QString(), QStringLiteral("VALUE"));
        qtOption.setFlags(QCommandLineOption::HiddenFromHelp);
        cl.addOption(qtOption);
    }
    for (const char *name : {"reverse", "widgetcount", "nograb", "dograb", "sync"}) {
        QCommandLineOption qtOption(QString::fromLatin1(name), QString());
        qtOption.setFlags(QCommandLineOption::HiddenFromHelp);
        cl.addOption(qtOption);
    }
    cl.setEpilogue(QStringLiteral("Commands:\n") + describeCommands());
    return cl;
}

/// A file to open by its path (not a URL, a connection string or a /vsi path).
bool isFilePath(const QString &source)
{
    return sightline::isLocalPath(source) && !source.contains(QLatin1String("://"));
}

int unknownCommand(const QString &name)
{
    QTextStream(stderr) << "sightline: unknown command '" << name << "'\nCommands:\n"
                        << describeCommands()
                        << "'sightline --help' describes them and the workbench's options.\n";
    return 2;
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char **argv)
{
    // A brief must come out the same byte for byte from the same inputs, from the command line or
    // the workbench: Qt's PDF writer lists its fonts in hash order, so hashes get a fixed seed
    // before anything is hashed. (The seed guards servers against crafted keys; this is not one.)
    QHashSeed::setDeterministicGlobalSeed();
    sightline::ensureRuntimeDirectory();
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const QString first = args.value(0);

    if (const Command *command = findCommand(first))
        return runCommand(*command, argc, argv, std::nullopt);
    // `sightline help` is `sightline --help`; `sightline help COMMAND ...` is `sightline COMMAND ... --help`.
    if (first == QLatin1String("help") && args.size() > 1) {
        const Command *command = findCommand(args[1]);
        if (!command)
            return unknownCommand(args[1]);
        return runCommand(*command, argc, argv, args.mid(2) << QStringLiteral("--help"));
    }
    if (first == QLatin1String("help"))
        args = QStringList{QStringLiteral("--help")};

    sightline::CommandLine cl = workbenchCommandLine();
    if (const auto done = cl.parse(args))
        return *done;
    if (cl.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "sightline " << SIGHTLINE_VERSION << " (Qt " << qVersion() << ", GDAL "
                            << GDALVersionInfo("RELEASE_NAME") << ", PROJ " << proj_info().version << ")\n";
        return 0;
    }
    // Nothing that is not there opens a workbench: a mistyped command or path is named, not shown
    // as an empty window (or, without a display, a wait for one).
    const QStringList files = cl.positionalArguments();
    if (!files.isEmpty() && files.first() == first && !QFileInfo::exists(first) && isFilePath(first) &&
        !first.contains(QLatin1Char('/')) && !first.contains(QLatin1Char('.')))
        return unknownCommand(first);
    for (const QString &file : files)
        if (isFilePath(file) && !QFileInfo::exists(file))
            return cl.valueError(QStringLiteral("'%1': no such file").arg(file));
    const QString project = cl.value(QStringLiteral("project"));
    if (!project.isEmpty() && isFilePath(project) && !QFileInfo::exists(project))
        return cl.valueError(QStringLiteral("--project '%1': no such file").arg(project));
    std::optional<QRectF> frame;
    if (cl.isSet(QStringLiteral("extent"))) {
        QString error;
        frame = sightline::parseExtentValue(QStringLiteral("--extent"), cl.value(QStringLiteral("extent")),
                                            &error);
        if (!frame)
            return cl.valueError(error);
    }

    if (!hasDisplay()) {
        QTextStream(stderr) << "sightline: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                               "Use 'sightline render FILE... -o OUT.png' to render without one.\n";
        return 3;
    }
    QApplication app(argc, argv);
    setApplicationIdentity();
    sightline::ensureGdalInitialised();
    int status = 0;
    {
        sightline::MainWindow window;
        window.show();
        // A project given by name opens as one even when it holds only `ais import`ed tracks so far.
        if (!project.isEmpty() && !window.openProject(project))
            QTextStream(stderr) << "sightline: could not open the project " << project << "\n";
        window.openFiles(files);
        if (frame)
            window.zoomToWgs84(*frame);
        status = app.exec();
    }
    // Let render workers finish before GDAL and Qt are torn down.
    sightline::renderThreadPool()->waitForDone();
    return status;
}
