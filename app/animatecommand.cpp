#include "animatecommand.h"

#include "commandlineparsing.h"
#include "layers/layerstack.h"
#include "project/project.h"
#include "project/projectlayers.h"
#include "project/sourcepolicy.h"
#include "render/animationframes.h"
#include "render/animationwriter.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

namespace sightline {

namespace {

constexpr auto kUsage =
    "usage: sightline animate --project P.gpkg --time FROM/TO --step DURATION -o OUT.(mp4|gif|png)\n"
    "                         [--extent W,S,E,N] [--crs EPSG:N] [--size WxH] [--fps N] [--trail DURATION]\n"
    "                         [--title TEXT] [--no-legend] [--skip-unchanged]\n"
    "  --time    the UTC range played: ISO 8601, 2023-10-01/2023-10-15 or 2023-10-14T02:00Z/P2D\n"
    "  --step    time between frames: ISO 8601 (PT6H, P1D) or hours\n"
    "  -o        .png writes an animated PNG and .gif a GIF (both by Sightline); .mp4 needs ffmpeg\n"
    "  --extent  WGS84 degrees (default: the project's saved view); --size in pixels (default 1280x720)\n"
    "  --fps     frames per second (default 4); --trail shows only the last DURATION before each frame\n"
    "  --skip-unchanged  no frame where nothing new happened: the one before stays up longer\n";

constexpr int kMostFrames = 10000;

std::optional<std::int64_t> parseStep(const QString &text)
{
    bool ok = false;
    const double hours = text.toDouble(&ok);
    if (ok)
        return hours > 0 ? std::optional<std::int64_t>(std::int64_t(hours * 3.6e6)) : std::nullopt;
    return parseIsoDurationMs(text);
}

QString usage()
{
    return QString::fromLatin1(kUsage) + QString::fromLatin1(SourceAccessArguments::kUsage);
}

} // namespace

int runAnimateCommand(const QStringList &args)
{
    QString projectPath, timeText, stepText, output, extentText, crsText = QStringLiteral("EPSG:3857"),
                                                                 sizeText = QStringLiteral("1280x720"),
                                                                 fpsText = QStringLiteral("4"), trailText;
    AnimationPlan plan;
    SourceAccessArguments access;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (QString accessError; access.take(args, i, &accessError)) {
            continue;
        } else if (!accessError.isEmpty()) {
            err() << "sightline animate: " << accessError << "\n" << usage();
            return 2;
        }
        auto value = [&](QString *target) {
            if (i + 1 >= args.size()) {
                err() << "sightline animate: " << a << " needs a value\n" << usage();
                return false;
            }
            *target = args[++i];
            return true;
        };
        QString *target = a == QLatin1String("--project")                              ? &projectPath
                          : a == QLatin1String("--time")                               ? &timeText
                          : a == QLatin1String("--step")                               ? &stepText
                          : a == QLatin1String("-o") || a == QLatin1String("--output") ? &output
                          : a == QLatin1String("--extent")                             ? &extentText
                          : a == QLatin1String("--crs")                                ? &crsText
                          : a == QLatin1String("--size")                               ? &sizeText
                          : a == QLatin1String("--fps")                                ? &fpsText
                          : a == QLatin1String("--trail")                              ? &trailText
                          : a == QLatin1String("--title")                              ? &plan.title
                                                                                       : nullptr;
        if (target) {
            if (!value(target))
                return 2;
        } else if (a == QLatin1String("--no-legend")) {
            plan.legend = false;
        } else if (a == QLatin1String("--skip-unchanged")) {
            plan.skipUnchanged = true;
        } else if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            QTextStream(stdout) << usage();
            return 0;
        } else {
            err() << "sightline animate: unknown argument '" << a << "'\n" << usage();
            return 2;
        }
    }
    const char *missing = projectPath.isEmpty() ? "no project (--project P.gpkg)"
                          : timeText.isEmpty()  ? "no time range (--time FROM/TO)"
                          : stepText.isEmpty()  ? "no step (--step PT6H)"
                          : output.isEmpty()    ? "no output (-o OUT.png)"
                                                : nullptr;
    if (missing) {
        err() << "sightline animate: " << missing << "\n" << usage();
        return 2;
    }
    QString error;
    const auto format = AnimationWriter::formatForPath(output);
    if (!format) {
        err() << "sightline animate: '" << output << "': write .mp4, .gif or .png (animated PNG)\n";
        return 2;
    }
    const auto window = parseTimeWindow(timeText, &error);
    if (!window || !window->fromMs || !window->toMs) {
        err() << "sightline animate: --time: "
              << (window ? QStringLiteral("an animation needs both a start and an end") : error) << "\n";
        return 2;
    }
    plan.range = *window;
    const auto step = parseStep(stepText);
    if (!step || *step <= 0) {
        err() << "sightline animate: --step: '" << stepText << "' is not a duration (PT6H, P1D, or hours)\n";
        return 2;
    }
    plan.stepMs = *step;
    if (!trailText.isEmpty()) {
        const auto trail = parseStep(trailText);
        if (!trail) {
            err() << "sightline animate: --trail: '" << trailText << "' is not a duration (P2D, or hours)\n";
            return 2;
        }
        plan.trailMs = *trail;
    }
    bool ok = false;
    const double fps = fpsText.toDouble(&ok);
    if (!ok || fps <= 0 || fps > 60) {
        err() << "sightline animate: --fps must be a number from 0 to 60, not '" << fpsText << "'\n";
        return 2;
    }
    const QSize size = parseSizeArgument(sizeText, &error);
    if (!size.isValid()) {
        err() << "sightline animate: " << error << "\n";
        return 2;
    }
    const Crs crs = Crs::fromUserInput(crsText, &error);
    if (!crs.isValid()) {
        err() << "sightline animate: --crs: " << error << "\n";
        return 2;
    }
    const std::vector<std::int64_t> times = animationFrameTimes(plan);
    if (times.size() > std::size_t(kMostFrames)) {
        err() << "sightline animate: " << qint64(times.size()) << " frames is more than " << kMostFrames
              << ": use a longer --step\n";
        return 2;
    }

    const auto project = Project::open(projectPath, Project::Mode::ReadOnly, &error);
    if (!project) {
        err() << "sightline animate: --project: " << error << "\n";
        return 2;
    }
    reportProjectNotices(*project, "animate");
    QStringList problems;
    LayerStack stack;
    for (const auto &layer : openProjectLayers(*project, access.permissionsFor(*project), &problems))
        stack.add(layer);
    for (const QString &p : std::as_const(problems))
        err() << "sightline animate: " << p << "\n";
    QRectF box;
    if (!extentText.isEmpty()) {
        box = parseExtentArgument(extentText, &error);
        if (box.isNull()) {
            err() << "sightline animate: " << error << "\n";
            return 2;
        }
    } else {
        box = project->currentView().value_or(stack.fullExtentWgs84());
    }
    MapSettings settings = MapSettings::fromWgs84Extent(box, size, crs);
    if (!settings.isValid()) {
        err() << "sightline animate: the extent cannot be shown in " << crs.description() << "\n";
        return 2;
    }
    settings.setLayers(stack.layers());

    QElapsedTimer timer;
    timer.start();
    AnimationWriter writer(output, *format, size, fps);
    if (!writer.open(&error)) {
        err() << "sightline animate: " << error << "\n";
        return 2;
    }
    AnimationResult made;
    if (!writeAnimation(settings, plan, writer, {}, &made, &error)) {
        err() << "sightline animate: " << error << "\n";
        return 2;
    }
    if (!writer.finish(&error)) {
        err() << "sightline animate: " << error << "\n";
        return 2;
    }
    err() << "sightline animate: " << writer.frameCount() << " frames";
    if (made.skipped)
        err() << " (" << made.skipped << " with nothing new skipped)";
    err() << ", " << size.width() << "x" << size.height() << " at " << fps << " fps, "
          << describeTimeWindow(plan.range) << " -> " << output << " (" << QFileInfo(output).size() / 1024
          << " KiB, " << timer.elapsed() << " ms)\n";
    QTextStream(stdout) << output << "\n";
    return problems.isEmpty() ? 0 : 1;
}

} // namespace sightline
