#include "detectcommand.h"

#include "commandlineparsing.h"
#include "commandlinevalues.h"

#include "imagery/sarscene.h"
#include "imagery/vesselsearch.h"
#include "project/detectionsources.h"
#include "project/project.h"
#include "project/sourcepolicy.h"
#include "tracks/trackgeopackage.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"
#include "util/csvtext.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>

#include <cmath>

namespace sightline {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

/// "1e-6.5", "10^-6.5", "0.0001" or the exponent alone ("-6.5") → the exponent of 10.
std::optional<double> parsePfa(const QString &text, QString *error)
{
    static const QRegularExpression power(QStringLiteral("^(?:1e|10\\^)(-?\\d+(?:\\.\\d+)?)$"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QString t = text.trimmed();
    bool ok = false;
    double exponent = std::nan("");
    if (const auto m = power.match(t); m.hasMatch()) {
        exponent = m.captured(1).toDouble(&ok);
    } else if (const double v = t.toDouble(&ok); ok) {
        if (v < 0)
            exponent = v;
        else if (v > 0 && v < 1)
            exponent = std::log10(v);
        else
            ok = false;
    }
    if (!ok || !std::isfinite(exponent) || exponent >= 0) {
        *error = QStringLiteral("--pfa: '%1' is not a false-alarm probability: give one between 0 and 1 "
                                "(1e-6.5, 0.0001) or its exponent (-6.5)")
                     .arg(text.left(40));
        return std::nullopt;
    }
    return exponent;
}

QString isoUtc(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

double rounded(double v, int decimals)
{
    const double k = std::pow(10.0, decimals);
    return std::round(v * k) / k;
}

QJsonObject detectionJson(const VesselDetection &d, int index)
{
    return QJsonObject{
        {QStringLiteral("id"), index},
        {QStringLiteral("lon"), rounded(d.lonLat.x(), 6)},
        {QStringLiteral("lat"), rounded(d.lonLat.y(), 6)},
        {QStringLiteral("length_m"), rounded(d.lengthM, 1)},
        {QStringLiteral("width_m"), rounded(d.widthM, 1)},
        {QStringLiteral("heading"), rounded(d.headingDeg, 1)},
        {QStringLiteral("confidence"), rounded(d.confidence, 3)},
        {QStringLiteral("mmsi"), d.mmsi ? QJsonValue(qint64(*d.mmsi)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("vessel_name"), d.mmsi ? QJsonValue(d.vesselName) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("match_score"), d.mmsi ? QJsonValue(rounded(d.matchScore, 3)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("match_distance_m"),
         d.mmsi ? QJsonValue(rounded(d.matchDistanceM, 1)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("pixel"), QJsonArray{rounded(d.pixel.x(), 1), rounded(d.pixel.y(), 1)}},
    };
}

QJsonObject unseenJson(const AisWithoutDetection &a)
{
    return QJsonObject{{QStringLiteral("mmsi"), qint64(a.mmsi)},
                       {QStringLiteral("vessel_name"), a.vesselName},
                       {QStringLiteral("lon"), rounded(a.lonLat.x(), 6)},
                       {QStringLiteral("lat"), rounded(a.lonLat.y(), 6)},
                       {QStringLiteral("reported_length_m"),
                        a.reportedLengthM > 0 ? QJsonValue(rounded(a.reportedLengthM, 1))
                                              : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("reason"), a.reason}};
}

QString csvLine(const QStringList &fields)
{
    QStringList quoted;
    for (const QString &f : fields)
        quoted << csvField(f);
    return quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
}

QString csvNumber(const QJsonValue &v)
{
    return v.isNull() ? QString() : v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 10);
}

void writeCsv(const QJsonArray &detections, const QJsonArray &unseen)
{
    const QStringList detectionColumns = {
        QStringLiteral("id"),         QStringLiteral("lon"),         QStringLiteral("lat"),
        QStringLiteral("length_m"),   QStringLiteral("width_m"),     QStringLiteral("heading"),
        QStringLiteral("confidence"), QStringLiteral("mmsi"),        QStringLiteral("vessel_name"),
        QStringLiteral("match_score"), QStringLiteral("match_distance_m")};
    out() << csvLine(detectionColumns);
    for (const QJsonValue &v : detections) {
        QStringList row;
        for (const QString &c : detectionColumns)
            row << csvNumber(v.toObject().value(c));
        out() << csvLine(row);
    }
    // The AIS vessels not seen: a second table after a blank line, as analyze writes several.
    const QStringList unseenColumns = {QStringLiteral("ais_without_detection_mmsi"), QStringLiteral("vessel_name"),
                                       QStringLiteral("lon"), QStringLiteral("lat"),
                                       QStringLiteral("reported_length_m"), QStringLiteral("reason")};
    out() << "\n" << csvLine(unseenColumns);
    for (const QJsonValue &v : unseen) {
        const QJsonObject o = v.toObject();
        out() << csvLine({csvNumber(o.value(QStringLiteral("mmsi"))), o.value(QStringLiteral("vessel_name")).toString(),
                          csvNumber(o.value(QStringLiteral("lon"))), csvNumber(o.value(QStringLiteral("lat"))),
                          csvNumber(o.value(QStringLiteral("reported_length_m"))),
                          o.value(QStringLiteral("reason")).toString()});
    }
}

QJsonObject pointFeature(QJsonObject properties, const QString &kind)
{
    const QJsonArray at{properties.value(QStringLiteral("lon")), properties.value(QStringLiteral("lat"))};
    properties.remove(QStringLiteral("lon"));
    properties.remove(QStringLiteral("lat"));
    properties.insert(QStringLiteral("kind"), kind);
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                       {QStringLiteral("geometry"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("Point")}, {QStringLiteral("coordinates"), at}}},
                       {QStringLiteral("properties"), properties}};
}

QJsonObject geoJson(const QJsonObject &doc)
{
    QJsonArray features;
    QJsonArray ring;
    for (const QJsonValue &p : doc.value(QStringLiteral("footprint")).toArray())
        ring.append(p);
    if (!ring.isEmpty()) {
        ring.append(ring.first()); // GeoJSON rings close
        features.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("Feature")},
            {QStringLiteral("geometry"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("Polygon")}, {QStringLiteral("coordinates"), QJsonArray{ring}}}},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("footprint")},
                         {QStringLiteral("scene_id"), doc.value(QStringLiteral("scene_id"))},
                         {QStringLiteral("acquired"), doc.value(QStringLiteral("acquired"))}}}});
    }
    for (const QJsonValue &v : doc.value(QStringLiteral("detections")).toArray())
        features.append(pointFeature(v.toObject(), QStringLiteral("detection")));
    for (const QJsonValue &v : doc.value(QStringLiteral("ais_without_detection")).toArray())
        features.append(pointFeature(v.toObject(), QStringLiteral("ais_without_detection")));
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                       {QStringLiteral("features"), features}};
}

struct NumberOption
{
    const char *name;
    const char *description;
    double DetectionParameters::*field;
};

const NumberOption kWindows[] = {
    {"target-window", "Metres: the target window, the ship's own (default %1)", &DetectionParameters::targetWindowM},
    {"guard-window", "Metres: the guard window kept out of the sea's statistics (default %1)",
     &DetectionParameters::guardWindowM},
    {"background-window", "Metres: the background window whose ring is the sea (default %1)",
     &DetectionParameters::backgroundWindowM},
    {"shore-buffer", "Metres: land grown by this much before detecting (default %1)",
     &DetectionParameters::shoreBufferM},
    {"min-length", "Metres: shorter objects are dropped (default %1)", &DetectionParameters::minLengthM},
    {"max-length", "Metres: longer objects are dropped (default %1)", &DetectionParameters::maxLengthM},
};

int detectVesselsCommand(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("detect vessels"),
        QStringLiteral("detect vessels IMAGE --project P.gpkg [--land FILE|LAYER] [--pfa P] [--target-window M]\n"
                       "         [--guard-window M] [--background-window M] [--shore-buffer M] [--min-length M]\n"
                       "         [--acquired TIME] [--format json|csv|geojson] [--save]"),
        QStringLiteral("Finds the vessels in a SAR image (Sentinel-1 GRD SAFE, or a GRD GeoTIFF) by two-parameter "
                       "CFAR over the sea, as ESA SNAP's adaptive thresholding, and matches each to the project's "
                       "AIS at the acquisition time: matched ones carry the MMSI and name, dark ones MMSI null. "
                       "The AIS vessels in the image's footprint that were not seen are listed too. Results go "
                       "to stdout, a summary to stderr."));
    cl.addPositionalArgument(QStringLiteral("IMAGE"),
                             QStringLiteral("A SAR image: a SAFE folder, its manifest.safe or zip, a GeoTIFF; or "
                                            "the name of a raster layer of the project."));
    cl.addOptions({
        projectOption(QStringLiteral("The project whose AIS the detections are matched to.")),
        QCommandLineOption(QStringLiteral("land"),
                           QStringLiteral("A file or a layer of the project holding land (default: the "
                                          "project's layer named like 'land' or 'coast'; none: open sea)."),
                           QStringLiteral("FILE|LAYER")),
        QCommandLineOption(QStringLiteral("pfa"),
                           QStringLiteral("The false-alarm probability: 1e-6.5, 0.0001, or the exponent "
                                          "alone, -6.5 (default 1e-6.5)."),
                           QStringLiteral("P")),
        QCommandLineOption(QStringLiteral("acquired"),
                           QStringLiteral("The acquisition time, ISO 8601 UTC, when the image's metadata has "
                                          "none or it is wrong."),
                           QStringLiteral("TIME")),
        QCommandLineOption(QStringLiteral("format"), QStringLiteral("json (default), csv or geojson."),
                           QStringLiteral("FORMAT"), QStringLiteral("json")),
        QCommandLineOption(QStringLiteral("save"),
                           QStringLiteral("Store the detections in the project with their parameters, "
                                          "replacing this image's previous ones.")),
    });
    const DetectionParameters defaults;
    for (const NumberOption &o : kWindows)
        cl.addOption(QCommandLineOption(QString::fromLatin1(o.name),
                                        QString::fromLatin1(o.description).arg(defaults.*(o.field)),
                                        QStringLiteral("M")));
    if (const auto done = cl.parse(args))
        return *done;
    if (cl.positionalArguments().isEmpty())
        return cl.usageError(QStringLiteral("the IMAGE to search is missing"));

    VesselSearch search;
    QString error;
    for (const NumberOption &o : kWindows) {
        const QString name = QString::fromLatin1(o.name);
        if (!cl.isSet(name))
            continue;
        const auto v = parseNonNegativeNumber(QStringLiteral("--") + name, cl.value(name), &error);
        if (!v)
            return cl.valueError(error);
        search.detection.*(o.field) = *v;
    }
    if (cl.isSet(QStringLiteral("pfa"))) {
        const auto exponent = parsePfa(cl.value(QStringLiteral("pfa")), &error);
        if (!exponent)
            return cl.valueError(error);
        search.detection.pfaExponent = *exponent;
    }
    if (const QString problem = search.detection.problem(); !problem.isEmpty())
        return cl.valueError(problem);
    SarReadOptions readOptions;
    if (cl.isSet(QStringLiteral("acquired"))) {
        const auto ms = parseTimeValue(QStringLiteral("--acquired"), cl.value(QStringLiteral("acquired")), &error);
        if (!ms)
            return cl.valueError(error);
        readOptions.acquiredMs = *ms;
    }
    const QString format = cl.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("csv") && format != QLatin1String("geojson"))
        return cl.valueError(QStringLiteral("--format is json, csv or geojson, not '%1'").arg(format));
    const QString projectPath = cl.value(QStringLiteral("project"));
    if (projectPath.isEmpty())
        return cl.usageError(QStringLiteral("--project is required"));
    const bool save = cl.isSet(QStringLiteral("save"));

    auto project = Project::open(projectPath, save ? Project::Mode::ReadWrite : Project::Mode::ReadOnly, &error);
    if (!project) {
        err() << "sightline detect: " << error << "\n";
        return 2;
    }
    if (save && project->isReadOnly()) {
        err() << "sightline detect: --save: " << project->readOnlyReason() << "\n";
        return 1;
    }
    for (const QString &problem : project->problems())
        err() << "sightline detect: warning: '" << project->path() << "': " << problem << "\n";

    const auto image = resolveDetectionImage(*project, cl.positionalArguments().first(), &error);
    if (!image) {
        err() << "sightline detect: " << error << "\n";
        return 2;
    }
    auto scene = readSarScene(*image, readOptions, &error);
    if (!scene) {
        err() << "sightline detect: " << error << "\n";
        return 2;
    }
    for (const QString &note : scene->notes)
        err() << "sightline detect: note: '" << QFileInfo(*image).fileName() << "': " << note << "\n";
    if (scene->acquiredMs <= 0) {
        err() << "sightline detect: '" << *image
              << "': the image's metadata gives no acquisition time, which matching to AIS needs: give it "
                 "with --acquired (ISO 8601 UTC, e.g. 2023-10-14T02:13:00Z)\n";
        return 2;
    }
    const auto land = resolveLandSource(*project, cl.value(QStringLiteral("land")), &error);
    if (!land) {
        err() << "sightline detect: --land: " << error
              << (cl.isSet(QStringLiteral("land")) ? QString()
                                                   : QStringLiteral(" (the project's land layer, taken by default: "
                                                                    "give another with --land FILE|LAYER, or "
                                                                    "--land none for open sea)"))
              << "\n";
        return 2;
    }
    search.landSource = land->path;
    search.landLayer = land->layerName;

    TrackStore tracks;
    VesselRegistry vessels;
    if (!TrackGeoPackage::hasTracks(projectPath)) {
        err() << "sightline detect: warning: '" << projectPath
              << "' holds no AIS tracks: every vessel found is listed as dark\n";
    } else if (!TrackGeoPackage::read(projectPath, tracks, vessels, &error)) {
        err() << "sightline detect: " << error << "\n";
        return 2;
    }

    QElapsedTimer timer;
    timer.start();
    VesselSearchResult result = searchVessels(*scene, search, tracks, vessels);
    if (!result.error.isEmpty()) {
        err() << "sightline detect: " << result.error << "\n";
        return 2;
    }
    const qint64 ms = timer.elapsed();

    DetectionRun run;
    run.image = *image;
    run.sceneId = scene->sceneId;
    run.acquiredMs = scene->acquiredMs;
    run.footprint = scene->footprint();
    run.parameters = search.parametersJson();
    run.detections = std::move(result.detections);
    run.aisWithoutDetection = std::move(result.aisWithoutDetection);

    QJsonArray detections, unseen, ring;
    int dark = 0;
    for (std::size_t i = 0; i < run.detections.size(); ++i) {
        detections.append(detectionJson(run.detections[i], int(i) + 1));
        dark += run.detections[i].mmsi ? 0 : 1;
    }
    for (const AisWithoutDetection &a : run.aisWithoutDetection)
        unseen.append(unseenJson(a));
    for (const QPointF &p : run.footprint)
        ring.append(QJsonArray{rounded(p.x(), 6), rounded(p.y(), 6)});
    const QJsonObject doc{{QStringLiteral("image"), *image},
                          {QStringLiteral("scene_id"), scene->sceneId},
                          {QStringLiteral("mission"), scene->mission},
                          {QStringLiteral("acquired"), isoUtc(scene->acquiredMs)},
                          {QStringLiteral("project"), project->path()},
                          {QStringLiteral("parameters"), run.parameters},
                          {QStringLiteral("footprint"), ring},
                          {QStringLiteral("detections"), detections},
                          {QStringLiteral("ais_without_detection"), unseen}};
    if (format == QLatin1String("json"))
        out() << QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    else if (format == QLatin1String("geojson"))
        out() << QString::fromUtf8(QJsonDocument(geoJson(doc)).toJson(QJsonDocument::Indented));
    else
        writeCsv(detections, unseen);
    out().flush();

    err() << "Vessels in " << scene->sceneId << " (" << isoUtc(scene->acquiredMs) << "): "
          << run.detections.size() << " detected, " << (run.detections.size() - std::size_t(dark))
          << " matched to AIS, " << dark << " dark; " << run.aisWithoutDetection.size()
          << " AIS vessels in the footprint not seen; land: "
          << (search.landSource.isEmpty() ? QStringLiteral("none (open sea)") : land->name) << "; " << ms
          << " ms\n";

    if (save) {
        if (!project->replaceDetections(run)) {
            err() << "sightline detect: " << project->lastError() << "\n";
            return 2;
        }
        err() << "Saved " << run.detections.size() << " detections in " << project->path() << "\n";
    }
    return 0;
}

} // namespace

int runDetectCommand(const QStringList &args)
{
    SubcommandGroup group{QStringLiteral("detect"),
                          QStringLiteral("detection"),
                          QStringLiteral("detections"),
                          {Subcommand{QStringLiteral("vessels"),
                                      QStringLiteral("ships in a SAR image, matched to the project's AIS, and "
                                                     "those that were dark"),
                                      detectVesselsCommand}},
                          {}};
    return group.run(args);
}

} // namespace sightline
