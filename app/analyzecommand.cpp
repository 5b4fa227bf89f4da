#include "analyzecommand.h"

#include "commandlineparsing.h"

#include "map/timewindow.h"

#include "analysis/movementanalysis.h"
#include "analysis/portset.h"
#include "project/projectports.h"
#include "project/project.h"
#include "tracks/trackgeopackage.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"
#include "util/csvtext.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>

#include <functional>
#include <map>

namespace sightline {

namespace {

constexpr auto kUsage =
    "usage: sightline analyze (gaps|port-calls|voyages|encounters|loitering|spoofing) --project P.gpkg\n"
    "         [--ports FILE|LAYER]... [--land FILE|LAYER] [thresholds] [--format csv|json] [--save]\n"
    "thresholds (durations in hours or ISO 8601, e.g. 12 or PT30M):\n"
    "  gaps        --min-gap 12  --max-speed 15 (kn, sizes the reachable area)  --port-distance 3 (km)\n"
    "              --near-shore 10 (km, needs --land)\n"
    "  port-calls  --entry 3 --exit 4 (km)  --stop-start 0.2 --stop-end 0.5 (kn)  --in-port-gap 4\n"
    "              --min-duration 0.5  --no-infer  --dark-gap 12  --max-speed 15 (kn)  --min-stay 6\n"
    "  voyages     the port-call thresholds, and --between PORT_A,PORT_B to count round trips\n"
    "  encounters  --distance 500 (m)  --min-duration 2  --max-speed 2 (kn, median)  --step PT10M\n"
    "              --max-interpolation PT1H  --port-distance 3 (km)\n"
    "  loitering   --max-speed 2 (kn)  --min-duration 4  --max-gap 2  --include-port  --port-distance 3\n"
    "  spoofing    --max-speed 50 (kn)  --min-jump 1 (km)\n"
    "Without --ports, the project's layers named like 'port' are the ports.\n";

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

enum class Unit
{
    Number,
    Hours,
    Minutes,
    Flag
};

struct Threshold
{
    const char *option;
    QList<AnalysisKind> kinds;
    Unit unit;
    std::function<void(AnalysisRequest &, double)> set;
};

QList<Threshold> thresholds()
{
    using K = AnalysisKind;
    const QList<K> calls = {K::PortCalls, K::Voyages};
    return {
        {"--min-gap", {K::Gaps}, Unit::Hours, [](auto &r, double v) { r.gaps.minGapHours = v; }},
        {"--max-speed", {K::Gaps}, Unit::Number, [](auto &r, double v) { r.gaps.maxSpeedKnots = v; }},
        {"--port-distance", {K::Gaps}, Unit::Number, [](auto &r, double v) { r.gaps.portDistanceKm = v; }},
        {"--near-shore", {K::Gaps}, Unit::Number, [](auto &r, double v) { r.gaps.nearShoreKm = v; }},
        {"--entry", calls, Unit::Number, [](auto &r, double v) { r.portCalls.entryDistanceKm = v; }},
        {"--exit", calls, Unit::Number, [](auto &r, double v) { r.portCalls.exitDistanceKm = v; }},
        {"--stop-start", calls, Unit::Number, [](auto &r, double v) { r.portCalls.stopStartKnots = v; }},
        {"--stop-end", calls, Unit::Number, [](auto &r, double v) { r.portCalls.stopEndKnots = v; }},
        {"--in-port-gap", calls, Unit::Hours, [](auto &r, double v) { r.portCalls.inPortGapHours = v; }},
        {"--min-duration", calls, Unit::Hours, [](auto &r, double v) { r.portCalls.minDurationHours = v; }},
        {"--no-infer", calls, Unit::Flag, [](auto &r, double) { r.portCalls.inferFromGaps = false; }},
        {"--dark-gap", calls, Unit::Hours, [](auto &r, double v) { r.portCalls.darkGapHours = v; }},
        {"--max-speed", calls, Unit::Number, [](auto &r, double v) { r.portCalls.maxSpeedKnots = v; }},
        {"--min-stay", calls, Unit::Hours, [](auto &r, double v) { r.portCalls.inferredMinStayHours = v; }},
        {"--distance",
         {K::Encounters},
         Unit::Number,
         [](auto &r, double v) { r.encounters.maxDistanceM = v; }},
        {"--min-duration",
         {K::Encounters},
         Unit::Hours,
         [](auto &r, double v) { r.encounters.minDurationHours = v; }},
        {"--max-speed",
         {K::Encounters},
         Unit::Number,
         [](auto &r, double v) { r.encounters.maxMedianSpeedKnots = v; }},
        {"--step", {K::Encounters}, Unit::Minutes, [](auto &r, double v) { r.encounters.stepMinutes = v; }},
        {"--max-interpolation",
         {K::Encounters},
         Unit::Minutes,
         [](auto &r, double v) { r.encounters.maxInterpolationMinutes = v; }},
        {"--port-distance",
         {K::Encounters},
         Unit::Number,
         [](auto &r, double v) { r.encounters.portDistanceKm = v; }},
        {"--max-speed",
         {K::Loitering},
         Unit::Number,
         [](auto &r, double v) { r.loitering.maxSpeedKnots = v; }},
        {"--min-duration",
         {K::Loitering},
         Unit::Hours,
         [](auto &r, double v) { r.loitering.minDurationHours = v; }},
        {"--max-gap", {K::Loitering}, Unit::Hours, [](auto &r, double v) { r.loitering.maxGapHours = v; }},
        {"--include-port",
         {K::Loitering},
         Unit::Flag,
         [](auto &r, double) { r.loitering.includeInPort = true; }},
        {"--port-distance",
         {K::Loitering},
         Unit::Number,
         [](auto &r, double v) { r.loitering.portDistanceKm = v; }},
        {"--max-speed", {K::Spoofing}, Unit::Number, [](auto &r, double v) { r.spoofing.maxSpeedKnots = v; }},
        {"--min-jump", {K::Spoofing}, Unit::Number, [](auto &r, double v) { r.spoofing.minJumpKm = v; }},
    };
}

QString vesselName(const VesselRegistry &vessels, std::uint32_t mmsi)
{
    const VesselInfo *v = mmsi ? vessels.find(mmsi) : nullptr;
    return v ? v->currentName() : QString();
}

void writeCsv(const QList<EventType> &types, const std::vector<MovementEvent> &events,
              const VesselRegistry &vessels)
{
    // One table per event type (voyages give voyages and round trips), a blank line between.
    bool first = true;
    for (EventType type : types) {
        bool any = false;
        for (const MovementEvent &e : events) {
            if (e.type != type)
                continue;
            if (!any) {
                if (!first)
                    out() << "\n";
                QStringList header = eventCsvHeader(type);
                for (QString &h : header)
                    h = csvField(h);
                out() << header.join(QLatin1Char(',')) << "\n";
                any = true;
                first = false;
            }
            QStringList row = eventCsvRow(e, vesselName(vessels, e.mmsi), vesselName(vessels, e.otherMmsi));
            for (QString &f : row)
                f = csvField(f);
            out() << row.join(QLatin1Char(',')) << "\n";
        }
    }
}

void writeSummary(const AnalysisRequest &request, const AnalysisResult &result, const VesselRegistry &vessels,
                  std::size_t positions, std::size_t vesselCount, std::size_t portCount, qint64 ms)
{
    std::map<EventType, int> counts;
    for (const MovementEvent &e : result.events)
        ++counts[e.type];
    err() << analysisKindLabel(request.kind) << ": " << positions << " positions of " << vesselCount
          << " vessels, " << portCount << " ports, " << ms << " ms\n";
    for (EventType t : eventTypesOf(request.kind))
        err() << "  " << eventTypeLabel(t) << ": " << counts[t] << "\n";
    if (request.kind != AnalysisKind::Voyages)
        return;
    if (!result.originDestination.empty()) {
        err() << "Origin–destination (voyages between calls seen in the positions):\n";
        for (const OriginDestination &od : result.originDestination)
            err() << "  " << od.from << " → " << od.to << ": " << od.voyages << " voyages, " << od.vessels
                  << " vessels"
                  << (od.darkVoyages ? QStringLiteral(", %1 with a dark period").arg(od.darkVoyages)
                                     : QString())
                  << "\n";
    }
    std::map<std::uint32_t, std::vector<const MovementEvent *>> trips;
    for (const MovementEvent &e : result.events)
        if (e.type == EventType::RoundTrip)
            trips[e.mmsi].push_back(&e);
    if (!request.roundTripPortA.isEmpty())
        err() << "Round trips between " << request.roundTripPortA << " and " << request.roundTripPortB << ": "
              << counts[EventType::RoundTrip] << "\n";
    for (const auto &[mmsi, list] : trips) {
        err() << "  " << vessels.displayName(mmsi) << ": " << list.size() << "\n";
        for (const MovementEvent *t : list)
            err() << "    " << t->details.value(QStringLiteral("evidence")).toString() << "\n";
    }
}

} // namespace

double parseDurationHours(const QString &text)
{
    bool ok = false;
    const double plain = text.toDouble(&ok);
    if (ok)
        return plain >= 0 ? plain : -1;
    const auto ms = parseIsoDurationMs(text);
    return ms ? double(*ms) / 3.6e6 : -1;
}

int runAnalyzeCommand(const QStringList &args)
{
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--"))) {
        err() << "sightline analyze: which analysis? (gaps, port-calls, voyages, encounters, loitering, "
                 "spoofing)\n"
              << kUsage;
        return 2;
    }
    const auto kind = analysisKindFromKey(args.first());
    if (!kind) {
        err() << "sightline analyze: unknown analysis '" << args.first() << "'\n" << kUsage;
        return 2;
    }
    AnalysisRequest request;
    request.kind = *kind;
    QString projectPath, format = QStringLiteral("csv"), land;
    QStringList portSources;
    bool save = false;
    const QList<Threshold> known = thresholds();
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        auto value = [&](QString *into) {
            if (++i >= args.size()) {
                err() << "sightline analyze: " << a << " needs a value\n" << kUsage;
                return false;
            }
            *into = args[i];
            return true;
        };
        QString v;
        if (a == QLatin1String("--project")) {
            if (!value(&projectPath))
                return 2;
        } else if (a == QLatin1String("--ports")) {
            if (!value(&v))
                return 2;
            portSources << v;
        } else if (a == QLatin1String("--land")) {
            if (!value(&land))
                return 2;
        } else if (a == QLatin1String("--format")) {
            if (!value(&format))
                return 2;
            if (format != QLatin1String("csv") && format != QLatin1String("json")) {
                err() << "sightline analyze: --format is csv or json, not '" << format << "'\n";
                return 2;
            }
        } else if (a == QLatin1String("--save")) {
            save = true;
        } else if (a == QLatin1String("--between") && request.kind == AnalysisKind::Voyages) {
            if (!value(&v))
                return 2;
            const QStringList two = v.split(QLatin1Char(','));
            if (two.size() != 2 || two[0].trimmed().isEmpty() || two[1].trimmed().isEmpty()) {
                err() << "sightline analyze: --between needs two ports: PORT_A,PORT_B\n";
                return 2;
            }
            request.roundTripPortA = two[0].trimmed();
            request.roundTripPortB = two[1].trimmed();
        } else {
            const Threshold *match = nullptr;
            for (const Threshold &t : known)
                if (a == QLatin1String(t.option) && t.kinds.contains(request.kind))
                    match = &t;
            if (!match) {
                err() << "sightline analyze " << args.first() << ": unknown option " << a << "\n" << kUsage;
                return 2;
            }
            double number = 0;
            if (match->unit != Unit::Flag) {
                if (!value(&v))
                    return 2;
                bool ok = false;
                number = match->unit == Unit::Number ? v.toDouble(&ok) : parseDurationHours(v);
                if (match->unit != Unit::Number)
                    ok = number >= 0;
                if (match->unit == Unit::Minutes)
                    number *= 60;
                if (!ok || number < 0) {
                    err() << "sightline analyze: " << a << ": '" << v << "' is not "
                          << (match->unit == Unit::Number ? "a number"
                                                          : "a duration (hours, or ISO 8601 like PT30M)")
                          << "\n";
                    return 2;
                }
            }
            match->set(request, number);
        }
    }
    if (projectPath.isEmpty()) {
        err() << "sightline analyze: --project is required\n" << kUsage;
        return 2;
    }
    QString error;
    auto project =
        Project::open(projectPath, save ? Project::Mode::ReadWrite : Project::Mode::ReadOnly, &error);
    if (!project) {
        err() << "sightline analyze: " << error << "\n";
        return 2;
    }
    if (save && project->isReadOnly()) { // damaged, or made by a newer Sightline: refused before the work
        err() << "sightline analyze: --save: " << project->readOnlyReason() << "\n";
        return 1;
    }
    for (const QString &problem : project->problems())
        err() << "sightline analyze: warning: '" << project->path() << "': " << problem << "\n";
    TrackStore tracks;
    VesselRegistry vessels;
    if (!TrackGeoPackage::hasTracks(projectPath)) {
        err() << "sightline analyze: '" << projectPath
              << "': holds no AIS tracks (import some with 'sightline ais import FILE --project P')\n";
        return 2;
    }
    if (!TrackGeoPackage::read(projectPath, tracks, vessels, &error)) {
        err() << "sightline analyze: " << error << "\n";
        return 2;
    }
    PortSet ports, landPolygons;
    QStringList problems;
    if (!loadAnalysisPorts(*project, portSources, request.portCalls.entryDistanceKm * 1000, ports, &error,
                           &problems)) {
        err() << "sightline analyze: " << error << "\n";
        return 2;
    }
    for (const QString &p : std::as_const(problems))
        err() << "sightline analyze: " << p << "\n";
    if (analysisNeedsPorts(request.kind) && ports.empty()) {
        err() << "sightline analyze " << args.first()
              << ": no ports: give --ports FILE|LAYER, or add a layer named like 'port' to the project\n";
        return 2;
    }
    if (!land.isEmpty() && !loadLandPolygons(*project, land, landPolygons, &error)) {
        err() << "sightline analyze: --land: " << error << "\n";
        return 2;
    }
    if (!resolveRoundTripPorts(request, ports, &error)) {
        err() << "sightline analyze " << args.first() << ": --between: " << error << "\n";
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    const AnalysisResult result =
        runAnalysis(request, tracks, ports, landPolygons.empty() ? nullptr : &landPolygons);
    const qint64 ms = timer.elapsed();
    if (!result.error.isEmpty()) {
        err() << "sightline analyze " << args.first() << ": " << result.error << "\n";
        return 2;
    }

    if (format == QLatin1String("json")) {
        QJsonArray events;
        for (const MovementEvent &e : result.events)
            events.append(eventToJson(e, vesselName(vessels, e.mmsi), vesselName(vessels, e.otherMmsi)));
        QJsonObject doc{{QStringLiteral("analysis"), analysisKindKey(request.kind)},
                        {QStringLiteral("project"), project->path()},
                        {QStringLiteral("parameters"), request.parametersJson()},
                        {QStringLiteral("events"), events}};
        if (request.kind == AnalysisKind::Voyages) {
            QJsonArray od;
            for (const OriginDestination &r : result.originDestination)
                od.append(QJsonObject{{QStringLiteral("from"), r.from},
                                      {QStringLiteral("to"), r.to},
                                      {QStringLiteral("voyages"), r.voyages},
                                      {QStringLiteral("vessels"), r.vessels},
                                      {QStringLiteral("dark_voyages"), r.darkVoyages}});
            doc.insert(QStringLiteral("origin_destination"), od);
        }
        out() << QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    } else {
        writeCsv(eventTypesOf(request.kind), result.events, vessels);
    }
    out().flush();
    writeSummary(request, result, vessels, tracks.positionCount(), tracks.vesselCount(), ports.size(), ms);

    if (save) {
        if (!project->replaceEvents(analysisKindKey(request.kind), eventTypesOf(request.kind), result.events,
                                    request.parametersJson())) {
            err() << "sightline analyze: " << project->lastError() << "\n";
            return 2;
        }
        err() << "Saved " << result.events.size() << " events in " << project->path() << "\n";
    }
    return 0;
}

} // namespace sightline
