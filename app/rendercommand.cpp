#include "rendercommand.h"

#include "commandlineparsing.h"
#include "commandlinevalues.h"
#include "geo/crs.h"
#include "layers/layeropening.h"
#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "project/project.h"
#include "project/projectlayers.h"
#include "project/sourcepolicy.h"
#include "render/maprenderer.h"
#include "map/timewindow.h"
#include "util/gdalutil.h"

#include <QFile>
#include <QImageWriter>

#include <optional>
#include <QTextStream>

namespace sightline {

namespace {

CommandLine renderCommandLine()
{
    CommandLine cl(
        QStringLiteral("render"),
        QStringLiteral("render (FILE... | --project P.gpkg [FILE...]) [--extent W,S,E,N] [--crs EPSG:N]\n"
                       "         [--size WxH] [--time FROM/TO] [--at TIME]\n"
                       "         [--generalize METRES] [--min-interval DURATION] -o OUT.png"),
        QStringLiteral("Draws the files (imagery, vectors, tracks; an XYZ template or a PG: connection "
                       "string too), or a project, as the workbench shows them."));
    cl.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("Imagery, vectors or tracks to draw, in order (over the project's layers)."),
        CommandLine::Count::Many);
    cl.addOptions({
        projectOption(QStringLiteral("A project: its layers as saved, its sightings on top, framed on its "
                                     "saved view.")),
        outputOption(QStringLiteral("OUT.png"),
                     QStringLiteral("The image to write (PNG, JPEG, TIFF by its suffix); - writes PNG to stdout.")),
        QCommandLineOption(
            QStringLiteral("time"),
            QStringLiteral("Only what falls in this UTC range: ISO 8601, 2023-10-01/2023-10-15 or "
                           "2023-10-14T02:00Z/PT6H."),
            QStringLiteral("FROM/TO")),
        QCommandLineOption(
            QStringLiteral("at"),
            QStringLiteral("Mark each vessel where it was at this UTC time (estimated inside a "
                           "silence, and marked so)."),
            QStringLiteral("TIME")),
    });
    MapViewArguments::addOptions(cl, QSize(1280, 800),
                                 QStringLiteral("WGS84 degrees; grows around its centre to the image's shape "
                                                "(default: the project's saved view, else all layers)."));
    GeneralizeArguments::addOptions(cl, QStringLiteral("the track lines drawn, as a track layer's "
                                                       "Simplify lines does (over the project's setting)"));
    SourceAccessArguments::addOptions(cl);
    return cl;
}

} // namespace

int runRenderCommand(const QStringList &args)
{
    CommandLine cl = renderCommandLine();
    if (const auto done = cl.parse(args))
        return *done;
    const QStringList files = cl.positionalArguments();
    const QString projectPath = cl.value(QStringLiteral("project")),
                  output = cl.value(QStringLiteral("output"));
    if ((files.isEmpty() && projectPath.isEmpty()) || output.isEmpty())
        return cl.usageError(files.isEmpty() && projectPath.isEmpty()
                                 ? QStringLiteral("no input files")
                                 : QStringLiteral("no output (-o OUT.png)"));
    const SourceAccessArguments access = SourceAccessArguments::read(cl);
    QString error;
    MapViewArguments view;
    if (!view.read(cl, &error))
        return cl.valueError(error);
    std::optional<TimeWindow> window;
    if (cl.isSet(QStringLiteral("time")) &&
        !(window = parseTimeRangeValue(QStringLiteral("--time"), cl.value(QStringLiteral("time")), &error)))
        return cl.valueError(error);
    std::optional<std::int64_t> at;
    if (cl.isSet(QStringLiteral("at")) &&
        !(at = parseTimeValue(QStringLiteral("--at"), cl.value(QStringLiteral("at")), &error)))
        return cl.valueError(error);
    GeneralizeArguments generalize;
    if (!generalize.read(cl, &error))
        return cl.valueError(error);

    LayerStack stack;
    std::optional<QRectF> projectView;
    bool layerMissing = false;
    if (!projectPath.isEmpty()) {
        // Read-only: a render never writes the project, and works while the workbench has it open.
        const auto project = Project::open(projectPath, Project::Mode::ReadOnly, &error);
        if (!project) {
            err() << "sightline render: --project: " << error << "\n";
            return 2;
        }
        reportProjectNotices(*project, "render");
        QStringList problems;
        for (const auto &layer : openProjectLayers(*project, access.permissionsFor(*project), &problems))
            stack.add(layer);
        for (const QString &p : std::as_const(problems))
            err() << "sightline render: " << p << "\n";
        layerMissing = !problems.isEmpty();
        projectView = project->currentView();
        for (const QString &p : project->problems()) // damage: read-only; rows that cannot be read
            err() << "sightline render: warning: '" << project->path() << "': " << p << "\n";
    }
    for (const QString &file : std::as_const(files)) {
        if (const SourceVerdict verdict = checkUserSource(file); !verdict.allowed()) {
            err() << "sightline render: " << describeSource(file) << ": refused: " << verdict.reason << "\n";
            return 2;
        }
        const auto layers = openLayers(file, &error);
        if (layers.isEmpty()) {
            err() << "sightline render: cannot open " << error << "\n";
            return 2;
        }
        for (const auto &layer : layers)
            stack.add(layer);
    }

    if (generalize.given) {
        for (const auto &layer : stack.layers())
            if (auto *tracks = dynamic_cast<TrackLayer *>(layer.get())) {
                TrackLayer::Style style = tracks->style();
                if (cl.isSet(QStringLiteral("generalize")))
                    style.generalize.toleranceM = generalize.parameters.toleranceM;
                if (cl.isSet(QStringLiteral("min-interval")))
                    style.generalize.minIntervalMs = generalize.parameters.minIntervalMs;
                tracks->setStyle(style);
            }
    }

    const QRectF box = view.extent ? *view.extent : projectView ? *projectView : stack.fullExtentWgs84();
    MapSettings settings = MapSettings::fromWgs84Extent(box, view.size, view.crs);
    if (!settings.isValid()) {
        err() << "sightline render: the extent cannot be shown in " << view.crs.description() << "\n";
        return 2;
    }
    settings.setLayers(stack.layers());
    if (window)
        settings.setTimeWindow(*window);
    if (at)
        settings.setCursorMs(*at);

    QList<RenderError> errors;
    const QImage image = renderMapImage(settings, &errors, Qt::white);
    // "-o -" writes the PNG to stdout, for a pipe; the path is then not echoed.
    const bool toStdout = output == QLatin1String("-");
    QFile standardOutput;
    if (toStdout && !standardOutput.open(stdout, QIODevice::WriteOnly)) {
        err() << "sightline render: cannot write to standard output\n";
        return 2;
    }
    QImageWriter writer;
    if (toStdout) {
        writer.setDevice(&standardOutput);
        writer.setFormat("png");
    } else {
        writer.setFileName(output);
    }
    if (!writer.write(image)) {
        err() << "sightline render: cannot write '" << output << "': " << writer.errorString() << "\n";
        return 2;
    }
    for (const RenderError &e : std::as_const(errors))
        err() << "sightline render: layer '" << e.layerName << "': " << e.message << "\n";
    if (!toStdout)
        QTextStream(stdout) << output << "\n";
    return errors.isEmpty() && !layerMissing ? 0 : 1;
}

} // namespace sightline
