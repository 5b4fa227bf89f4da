#include "rendercommand.h"

#include "commandlineparsing.h"
#include "geo/crs.h"
#include "layers/layeropening.h"
#include "layers/layerstack.h"
#include "project/project.h"
#include "project/projectlayers.h"
#include "project/sourcepolicy.h"
#include "render/maprenderer.h"
#include "map/timewindow.h"
#include "util/gdalutil.h"

#include <QImageWriter>

#include <optional>
#include <QTextStream>

namespace sightline {

namespace {

constexpr auto kUsage =
    "usage: sightline render (FILE... | --project P.gpkg [FILE...]) [--extent W,S,E,N] [--crs EPSG:N] "
    "[--size WxH] "
    "[--time FROM/TO] [--at TIME] -o OUT.png\n"
    "  --project a project: its layers as saved, its sightings on top, framed on its saved view\n"
    "  --extent  WGS84 degrees; grows around its centre to the image's shape "
    "(default: all layers)\n"
    "  --crs     map CRS (default EPSG:3857)\n"
    "  --size    image size in pixels (default 1280x800)\n"
    "  --time    only what falls in this UTC range: ISO 8601, 2023-10-01/2023-10-15 or "
    "2023-10-14T02:00Z/PT6H\n"
    "  --at      mark each vessel where it was at this UTC time (estimated inside a silence, and marked "
    "so)\n";

QString usage()
{
    return QString::fromLatin1(kUsage) + QString::fromLatin1(SourceAccessArguments::kUsage);
}

} // namespace

int runRenderCommand(const QStringList &args)
{
    QStringList files;
    QString projectPath, extentText, crsText = QStringLiteral("EPSG:3857"),
                                     sizeText = QStringLiteral("1280x800"), output, timeText, atText;
    SourceAccessArguments access;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (QString accessError; access.take(args, i, &accessError)) {
            continue;
        } else if (!accessError.isEmpty()) {
            err() << "sightline render: " << accessError << "\n" << usage();
            return 2;
        }
        auto value = [&](QString *target) {
            if (i + 1 >= args.size()) {
                err() << "sightline render: " << a << " needs a value\n" << usage();
                return false;
            }
            *target = args[++i];
            return true;
        };
        if (a == QLatin1String("--project")) {
            if (!value(&projectPath))
                return 2;
        } else if (a == QLatin1String("--extent")) {
            if (!value(&extentText))
                return 2;
        } else if (a == QLatin1String("--crs")) {
            if (!value(&crsText))
                return 2;
        } else if (a == QLatin1String("--size")) {
            if (!value(&sizeText))
                return 2;
        } else if (a == QLatin1String("--time")) {
            if (!value(&timeText))
                return 2;
        } else if (a == QLatin1String("--at")) {
            if (!value(&atText))
                return 2;
        } else if (a == QLatin1String("-o") || a == QLatin1String("--output")) {
            if (!value(&output))
                return 2;
        } else if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            QTextStream(stdout) << usage();
            return 0;
        } else if (a.startsWith(QLatin1String("--"))) {
            err() << "sightline render: unknown option " << a << "\n" << usage();
            return 2;
        } else {
            files << a;
        }
    }
    if ((files.isEmpty() && projectPath.isEmpty()) || output.isEmpty()) {
        err() << "sightline render: "
              << (files.isEmpty() && projectPath.isEmpty() ? "no input files" : "no output (-o OUT.png)")
              << "\n"
              << usage();
        return 2;
    }

    QString error;
    const QSize size = parseSizeArgument(sizeText, &error);
    if (!size.isValid()) {
        err() << "sightline render: " << error << "\n";
        return 2;
    }
    const Crs crs = Crs::fromUserInput(crsText, &error);
    if (!crs.isValid()) {
        err() << "sightline render: --crs: " << error << "\n";
        return 2;
    }

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

    QRectF box;
    if (!extentText.isEmpty()) {
        box = parseExtentArgument(extentText, &error);
        if (box.isNull()) {
            err() << "sightline render: " << error << "\n";
            return 2;
        }
    } else {
        box = projectView ? *projectView : stack.fullExtentWgs84();
    }
    MapSettings settings = MapSettings::fromWgs84Extent(box, size, crs);
    if (!settings.isValid()) {
        err() << "sightline render: the extent cannot be shown in " << crs.description() << "\n";
        return 2;
    }
    settings.setLayers(stack.layers());
    if (!timeText.isEmpty()) {
        const auto window = parseTimeWindow(timeText, &error);
        if (!window) {
            err() << "sightline render: --time: " << error << "\n";
            return 2;
        }
        settings.setTimeWindow(*window);
    }
    if (!atText.isEmpty()) {
        const std::int64_t at = parseUtcIso(atText);
        if (!at) {
            err() << "sightline render: --at: '" << atText << "' is not a UTC time (2023-10-14T02:00Z)\n";
            return 2;
        }
        settings.setCursorMs(at);
    }

    QList<RenderError> errors;
    const QImage image = renderMapImage(settings, &errors, Qt::white);
    QImageWriter writer(output);
    if (!writer.write(image)) {
        err() << "sightline render: cannot write '" << output << "': " << writer.errorString() << "\n";
        return 2;
    }
    for (const RenderError &e : std::as_const(errors))
        err() << "sightline render: layer '" << e.layerName << "': " << e.message << "\n";
    QTextStream(stdout) << output << "\n";
    return errors.isEmpty() && !layerMissing ? 0 : 1;
}

} // namespace sightline
