#include "animatecommand.h"

#include "commandlineparsing.h"
#include "commandlinevalues.h"
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

constexpr int kMostFrames = 10000;

CommandLine animateCommandLine()
{
    CommandLine cl(
        QStringLiteral("animate"),
        QStringLiteral(
            "animate --project P.gpkg --time FROM/TO --step DURATION -o OUT.(mp4|gif|png)\n"
            "         [--extent W,S,E,N] [--crs EPSG:N] [--size WxH] [--fps N] [--trail DURATION]\n"
            "         [--title TEXT] [--no-legend] [--skip-unchanged]"),
        QStringLiteral("Plays the project's map over a time range, one frame per step, each with its "
                       "time stamp, the title and the legend burned in."));
    cl.addOptions({
        projectOption(QStringLiteral("The project whose map is played.")),
        QCommandLineOption(QStringLiteral("time"),
                           QStringLiteral("The UTC range played: ISO 8601, 2023-10-01/2023-10-15 or "
                                          "2023-10-14T02:00Z/P2D."),
                           QStringLiteral("FROM/TO")),
        QCommandLineOption(QStringLiteral("step"),
                           QStringLiteral("Time between frames: ISO 8601 (PT6H, P1D) or hours."),
                           QStringLiteral("DURATION")),
        outputOption(QStringLiteral("OUT"),
                     QStringLiteral(".png writes an animated PNG and .gif a GIF (both by Sightline); .mp4 "
                                    "needs ffmpeg.")),
        QCommandLineOption(QStringLiteral("fps"), QStringLiteral("Frames per second (default 4)."),
                           QStringLiteral("N"), QStringLiteral("4")),
        QCommandLineOption(
            QStringLiteral("trail"),
            QStringLiteral("Show only the last DURATION before each frame (ISO 8601 or hours)."),
            QStringLiteral("DURATION")),
        QCommandLineOption(QStringLiteral("title"), QStringLiteral("Burned in at the top of every frame."),
                           QStringLiteral("TEXT")),
        QCommandLineOption(QStringLiteral("no-legend"), QStringLiteral("Leave the legend out.")),
        QCommandLineOption(QStringLiteral("skip-unchanged"),
                           QStringLiteral("No frame where nothing new happened: the one before stays up "
                                          "longer.")),
    });
    MapViewArguments::addOptions(cl, QSize(1280, 720),
                                 QStringLiteral("WGS84 degrees (default: the project's saved view, else all "
                                                "layers)."));
    SourceAccessArguments::addOptions(cl);
    return cl;
}

} // namespace

int runAnimateCommand(const QStringList &args)
{
    CommandLine cl = animateCommandLine();
    if (const auto done = cl.parse(args))
        return *done;
    const QString projectPath = cl.value(QStringLiteral("project")),
                  output = cl.value(QStringLiteral("output"));
    const char *missing = projectPath.isEmpty()               ? "no project (--project P.gpkg)"
                          : !cl.isSet(QStringLiteral("time")) ? "no time range (--time FROM/TO)"
                          : !cl.isSet(QStringLiteral("step")) ? "no step (--step PT6H)"
                          : output.isEmpty()                  ? "no output (-o OUT.png)"
                                                              : nullptr;
    if (missing)
        return cl.usageError(QString::fromLatin1(missing));
    const SourceAccessArguments access = SourceAccessArguments::read(cl);
    AnimationPlan plan;
    plan.title = cl.value(QStringLiteral("title"));
    plan.legend = !cl.isSet(QStringLiteral("no-legend"));
    plan.skipUnchanged = cl.isSet(QStringLiteral("skip-unchanged"));
    QString error;
    const auto format = AnimationWriter::formatForPath(output);
    if (!format)
        return cl.valueError(QStringLiteral("'%1': write .mp4, .gif or .png (animated PNG)").arg(output));
    const auto window =
        parseTimeRangeValue(QStringLiteral("--time"), cl.value(QStringLiteral("time")), &error);
    if (!window)
        return cl.valueError(error);
    if (!window->fromMs || !window->toMs)
        return cl.valueError(QStringLiteral("--time: an animation needs both a start and an end"));
    plan.range = *window;
    const auto step = parseDurationValue(QStringLiteral("--step"), cl.value(QStringLiteral("step")), &error);
    if (!step)
        return cl.valueError(error);
    if (*step <= 0)
        return cl.valueError(
            QStringLiteral("--step: '%1' is no time at all").arg(cl.value(QStringLiteral("step"))));
    plan.stepMs = *step;
    if (cl.isSet(QStringLiteral("trail"))) {
        const auto trail =
            parseDurationValue(QStringLiteral("--trail"), cl.value(QStringLiteral("trail")), &error);
        if (!trail)
            return cl.valueError(error);
        plan.trailMs = *trail;
    }
    const QString fpsText = cl.value(QStringLiteral("fps"));
    bool ok = false;
    const double fps = fpsText.toDouble(&ok);
    if (!ok || !(fps > 0 && fps <= 60))
        return cl.valueError(QStringLiteral("--fps must be a number from 0 to 60, not '%1'").arg(fpsText));
    MapViewArguments view;
    if (!view.read(cl, &error))
        return cl.valueError(error);
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
    const QRectF box = view.extent ? *view.extent : project->currentView().value_or(stack.fullExtentWgs84());
    MapSettings settings = MapSettings::fromWgs84Extent(box, view.size, view.crs);
    if (!settings.isValid()) {
        err() << "sightline animate: the extent cannot be shown in " << view.crs.description() << "\n";
        return 2;
    }
    settings.setLayers(stack.layers());

    QElapsedTimer timer;
    timer.start();
    AnimationWriter writer(output, *format, view.size, fps);
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
    err() << ", " << view.size.width() << "x" << view.size.height() << " at " << fps << " fps, "
          << describeTimeWindow(plan.range) << " -> " << output << " (" << QFileInfo(output).size() / 1024
          << " KiB, " << timer.elapsed() << " ms)\n";
    QTextStream(stdout) << output << "\n";
    return problems.isEmpty() ? 0 : 1;
}

} // namespace sightline
