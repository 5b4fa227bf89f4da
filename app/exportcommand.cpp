#include "exportcommand.h"

#include "commandlineparsing.h"
#include "commandlinevalues.h"

#include "analysis/trajectorysplit.h"
#include "exchange/caseexport.h"
#include "project/project.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace sightline {

namespace {

CommandLine exportCommandLine()
{
    CommandLine cl(
        QStringLiteral("export"),
        QStringLiteral("export --project P.gpkg -o OUT.(kmz|kml|geojson|gpkg|fgb) [--what LAYERS]\n"
                       "         [--time FROM/TO] [--extent W,S,E,N] [--split RULE]\n"
                       "         [--generalize METRES] [--min-interval DURATION] [--force]\n"
                       "       sightline export --project P.gpkg -o - --format (geojson|kml) ..."),
        QStringLiteral(
            "Writes a case for Google Earth and other GIS: KMZ (tracks that play on Google Earth's time "
            "slider, events and sightings as styled placemarks in folders, the icons inside), KML, GeoJSON "
            "(one RFC 7946 FeatureCollection, each feature's \"layer\" naming its table), GeoPackage (one "
            "table a layer) or FlatGeobuf (one file a table: OUT.fgb gives OUT-tracks.fgb, OUT-events.fgb, "
            "...). Tracks are one line a vessel with its first and last time; events a point at their "
            "place (event_paths: the line between their two ends); sightings and annotations a table a "
            "geometry type. --split cuts the tracks into several lines a vessel (numbered in 'segment'), "
            "--generalize and --min-interval thin them, as MovingPandas' splitters and generalisers do. "
            "The project is only read."));
    cl.addOptions({
        projectOption(QStringLiteral("The project to export.")),
        outputOption(QStringLiteral("OUT"),
                     QStringLiteral("The file to write, its format by the suffix: .kmz, .kml, .geojson (or "
                                    ".json), .gpkg, .fgb; '-' for standard output (GeoJSON or KML).")),
        QCommandLineOption(QStringLiteral("format"),
                           QStringLiteral("The format for '-o -': geojson (default) or kml."),
                           QStringLiteral("FORMAT")),
        QCommandLineOption(QStringLiteral("what"),
                           QStringLiteral("The layers, comma-separated: tracks, events, sightings, "
                                          "annotations (the default: all four), and positions (every "
                                          "position as a point, only when named)."),
                           QStringLiteral("LAYERS")),
        QCommandLineOption(QStringLiteral("time"),
                           QStringLiteral("Only positions, events and sightings in this UTC range (ISO 8601: "
                                          "2023-10-01/2023-10-15, 2023-10-14T02:00Z/PT6H); sightings "
                                          "without a time are left out, annotations kept."),
                           QStringLiteral("FROM/TO")),
        extentOption(QStringLiteral("Only what lies in or crosses this box, WGS84 degrees.")),
        QCommandLineOption(
            QStringLiteral("split"),
            QStringLiteral("Cut each vessel's track into lines: none (the default: one line a vessel), "
                           "gap:DURATION (at silences longer than it, e.g. gap:2h as the map breaks them, "
                           "gap:30m), stop or stop:DIAMETER,DURATION (the moves between stops, e.g. "
                           "stop:500m,1h), day, week or month (UTC)."),
            QStringLiteral("RULE")),
        QCommandLineOption(QStringLiteral("force"), QStringLiteral("Replace files that exist.")),
    });
    GeneralizeArguments::addOptions(cl, QStringLiteral("the tracks"));
    return cl;
}

} // namespace

int runExportCommand(const QStringList &args)
{
    CommandLine cl = exportCommandLine();
    if (const auto done = cl.parse(args))
        return *done;
    const QString projectPath = cl.value(QStringLiteral("project"));
    const QString output = cl.value(QStringLiteral("output"));
    if (projectPath.isEmpty())
        return cl.usageError(QStringLiteral("no --project"));
    if (output.isEmpty())
        return cl.usageError(QStringLiteral("no output (-o OUT)"));

    const bool toStdout = output == QLatin1String("-");
    std::optional<CaseFormat> format;
    if (toStdout) {
        const QString name = cl.isSet(QStringLiteral("format")) ? cl.value(QStringLiteral("format")).toLower()
                                                                : QStringLiteral("geojson");
        format = caseFormatForPath(QStringLiteral("out.") + name);
        if (!format || !caseFormatStreams(*format))
            return cl.valueError(
                QStringLiteral("--format: '%1' cannot go to standard output; use geojson or kml")
                    .arg(cl.value(QStringLiteral("format"))));
    } else {
        if (cl.isSet(QStringLiteral("format")))
            return cl.usageError(QStringLiteral("--format is for '-o -'; a file's format is its suffix"));
        format = caseFormatForPath(output);
        if (!format)
            return cl.valueError(
                QStringLiteral("cannot tell the format of '%1' from its name; end it in .kmz, "
                               ".kml, .geojson, .gpkg or .fgb")
                    .arg(output));
    }

    CaseSelection selection;
    QString error;
    if (cl.isSet(QStringLiteral("what"))) {
        selection.layers.clear();
        for (const QString &item :
             cl.value(QStringLiteral("what")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const std::optional<CaseLayer> layer = caseLayerFromKey(item.trimmed());
            if (!layer)
                return cl.valueError(QStringLiteral("--what: '%1' is not a layer; name tracks, events, "
                                                    "sightings, annotations or positions")
                                         .arg(item.trimmed()));
            if (!selection.layers.contains(*layer))
                selection.layers << *layer;
        }
        if (selection.layers.isEmpty())
            return cl.valueError(QStringLiteral("--what: no layer named"));
    }
    if (cl.isSet(QStringLiteral("time"))) {
        const std::optional<TimeWindow> window =
            parseTimeRangeValue(QStringLiteral("--time"), cl.value(QStringLiteral("time")), &error);
        if (!window)
            return cl.valueError(error);
        selection.window = *window;
    }
    if (cl.isSet(QStringLiteral("extent"))) {
        const std::optional<QRectF> extent =
            parseExtentValue(QStringLiteral("--extent"), cl.value(QStringLiteral("extent")), &error);
        if (!extent)
            return cl.valueError(error);
        selection.extentWgs84 = *extent;
    }

    if (cl.isSet(QStringLiteral("split"))) {
        const auto rule = parseTrackSplitRule(cl.value(QStringLiteral("split")), &error);
        if (!rule)
            return cl.valueError(QStringLiteral("--split: ") + error);
        selection.trackShape.split = *rule;
    }
    GeneralizeArguments generalize;
    if (!generalize.read(cl, &error))
        return cl.valueError(error);
    selection.trackShape.generalize = generalize.parameters;
    if (!selection.wants(CaseLayer::Tracks) &&
        (cl.isSet(QStringLiteral("split")) || selection.trackShape.generalize.isActive()))
        return cl.usageError(QStringLiteral("--split, --generalize and --min-interval shape the tracks; "
                                            "--what leaves them out"));

    Project::OpenError reason = Project::OpenError::None;
    const std::unique_ptr<Project> project =
        Project::open(projectPath, Project::Mode::ReadOnly, &error, &reason);
    if (!project) {
        err() << "sightline export: " << error << "\n";
        return 2;
    }
    CaseContent content;
    if (!loadCaseContent(*project, selection, content, &error)) {
        err() << "sightline export: " << error << "\n";
        return 1;
    }
    for (const QString &problem : project->problems())
        err() << "sightline export: warning: '" << project->path() << "': " << problem << "\n";
    if (content.isEmpty()) {
        err() << "sightline export: nothing to export: '" << projectPath << "' holds no "
              << QStringList([&] {
                     QStringList keys;
                     for (CaseLayer l : selection.layers)
                         keys << caseLayerKey(l);
                     return keys;
                 }())
                     .join(QStringLiteral(", "))
              << (selection.window.isOpen() ? QString()
                                            : QStringLiteral(" in ") + describeTimeWindow(selection.window))
              << (selection.extentWgs84 ? QStringLiteral(" in the extent") : QString()) << "\n";
        return 1;
    }
    const bool withPositions = selection.wants(CaseLayer::Positions);

    if (toStdout) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) ||
            !exportCaseToStream(content, out, *format, withPositions, &error)) {
            err() << "sightline export: " << error << "\n";
            return 1;
        }
        err() << "'" << projectPath << "': " << content.summary() << " written to standard output\n";
        return 0;
    }

    const QStringList files = caseExportFiles(content, output, *format, withPositions);
    if (!cl.isSet(QStringLiteral("force"))) {
        for (const QString &file : files)
            if (QFileInfo::exists(file)) {
                err() << "sightline export: '" << file << "' exists; --force replaces it\n";
                return 1;
            }
    }
    if (!exportCase(content, output, *format, withPositions, &error)) {
        err() << "sightline export: " << error << "\n";
        return 1;
    }
    err()
        << "'" << projectPath << "': " << content.summary() << " written as " << caseFormatName(*format)
        << " to "
        << (files.size() == 1
                ? QStringLiteral("'%1'").arg(files.front())
                : QStringLiteral("%1 files: '%2'").arg(files.size()).arg(files.join(QStringLiteral("', '"))))
        << "\n";
    return 0;
}

} // namespace sightline
