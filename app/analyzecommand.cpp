#include "analyzecommand.h"

#include "commandlineparsing.h"
#include "commandlinevalues.h"

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

#include <cmath>
#include <functional>
#include <map>
#include <type_traits>

namespace sightline {

namespace {

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

/// One threshold option of the analyses it applies to: declared once, read by their command
/// lines, described in their help with its default.
struct Threshold
{
    const char *option;
    QList<AnalysisKind> kinds;
    Unit unit;
    const char *description;
    std::function<double(const AnalysisRequest &)> get;
    std::function<void(AnalysisRequest &, double)> set;
};

/// The reception model's options, for gaps (their likely cause) and for the calls inferred while
/// dark (not inside a coverage hole): the same names, each kind's own parameters (`of`).
QList<Threshold> receptionThresholds(const QList<AnalysisKind> &kinds,
                                     ReceptionParameters *(*of)(AnalysisRequest &))
{
    const auto get = [of](auto member) {
        return [of, member](const AnalysisRequest &r) {
            AnalysisRequest copy = r;
            return double(of(copy)->*member);
        };
    };
    const auto set = [of](auto member) {
        return [of, member](AnalysisRequest &r, double v) {
            using Field = std::remove_reference_t<decltype(of(r)->*member)>;
            of(r)->*member = std::is_integral_v<Field> ? Field(std::lround(v)) : Field(v);
        };
    };
    using P = ReceptionParameters;
    return {
        {"--reception-cell", kinds, Unit::Number, "Degrees: the cells of the reception model",
         get(&P::cellDeg), set(&P::cellDeg)},
        {"--reception-bin", kinds, Unit::Hours, "The time bins of the reception model", get(&P::binHours),
         set(&P::binHours)},
        {"--min-reception-cells", kinds, Unit::Number,
         "Fewer cell-bins along a dark path where others are ever heard: cause unknown",
         get(&P::minCellsWithData), set(&P::minCellsWithData)},
        {"--switched-off-score", kinds, Unit::Number, "A disabling score at least this: switched off",
         get(&P::switchedOffScore), set(&P::switchedOffScore)},
        {"--coverage-hole-score", kinds, Unit::Number, "A disabling score at most this: out of coverage",
         get(&P::coverageHoleScore), set(&P::coverageHoleScore)},
    };
}

QList<Threshold> thresholds()
{
    using K = AnalysisKind;
    const QList<K> calls = {K::PortCalls, K::Voyages};
    const QList<K> every = allAnalysisKinds();
    QList<Threshold> all = {
        // The cleaning runs before every analysis.
        {"--clean-max-speed", every, Unit::Number,
         "Knots: the cleaning sets aside a position reached and left faster than this",
         [](auto &r) { return r.cleaning.maxSpeedKnots; },
         [](auto &r, double v) { r.cleaning.maxSpeedKnots = v; }},
        {"--clean-min-jump", every, Unit::Number, "Km: the cleaning takes shorter jumps for GPS noise",
         [](auto &r) { return r.cleaning.minJumpKm; }, [](auto &r, double v) { r.cleaning.minJumpKm = v; }},
        {"--clean-duplicate", every, Unit::Number,
         "Metres: a report within a second and this close to the one before is the same report",
         [](auto &r) { return r.cleaning.duplicateMetres; },
         [](auto &r, double v) { r.cleaning.duplicateMetres = v; }},
        {"--no-clean",
         every,
         Unit::Flag,
         "Analyse every position: no cleaning first",
         {},
         [](auto &r, double) { r.cleaning.enabled = false; }},
        {"--min-gap",
         {K::Gaps},
         Unit::Hours,
         "Shortest silence that is a gap",
         [](auto &r) { return r.gaps.minGapHours; },
         [](auto &r, double v) { r.gaps.minGapHours = v; }},
        {"--max-speed",
         {K::Gaps},
         Unit::Number,
         "Knots: sizes the area a dark vessel could have reached",
         [](auto &r) { return r.gaps.maxSpeedKnots; },
         [](auto &r, double v) { r.gaps.maxSpeedKnots = v; }},
        {"--port-distance",
         {K::Gaps},
         Unit::Number,
         "Km: a gap's end this close to a port is in port",
         [](auto &r) { return r.gaps.portDistanceKm; },
         [](auto &r, double v) { r.gaps.portDistanceKm = v; }},
        {"--near-shore",
         {K::Gaps},
         Unit::Number,
         "Km: a gap's end this close to land is near shore (needs --land)",
         [](auto &r) { return r.gaps.nearShoreKm; },
         [](auto &r, double v) { r.gaps.nearShoreKm = v; }},
        {"--entry", calls, Unit::Number, "Km: a call at a point port starts this close",
         [](auto &r) { return r.portCalls.entryDistanceKm; },
         [](auto &r, double v) { r.portCalls.entryDistanceKm = v; }},
        {"--exit", calls, Unit::Number, "Km: a call at a point port ends beyond this",
         [](auto &r) { return r.portCalls.exitDistanceKm; },
         [](auto &r, double v) { r.portCalls.exitDistanceKm = v; }},
        {"--stop-start", calls, Unit::Number, "Knots: below this a stop starts",
         [](auto &r) { return r.portCalls.stopStartKnots; },
         [](auto &r, double v) { r.portCalls.stopStartKnots = v; }},
        {"--stop-end", calls, Unit::Number, "Knots: above this a stop ends",
         [](auto &r) { return r.portCalls.stopEndKnots; },
         [](auto &r, double v) { r.portCalls.stopEndKnots = v; }},
        {"--in-port-gap", calls, Unit::Hours, "A silence this long inside a port is a stay",
         [](auto &r) { return r.portCalls.inPortGapHours; },
         [](auto &r, double v) { r.portCalls.inPortGapHours = v; }},
        {"--min-duration", calls, Unit::Hours, "Shortest port call",
         [](auto &r) { return r.portCalls.minDurationHours; },
         [](auto &r, double v) { r.portCalls.minDurationHours = v; }},
        {"--no-infer",
         calls,
         Unit::Flag,
         "Do not infer the calls a dark vessel could have made",
         {},
         [](auto &r, double) { r.portCalls.inferFromGaps = false; }},
        {"--dark-gap", calls, Unit::Hours, "Shortest silence in which a call is inferred",
         [](auto &r) { return r.portCalls.darkGapHours; },
         [](auto &r, double v) { r.portCalls.darkGapHours = v; }},
        {"--max-speed", calls, Unit::Number, "Knots: how far a dark vessel could have gone",
         [](auto &r) { return r.portCalls.maxSpeedKnots; },
         [](auto &r, double v) { r.portCalls.maxSpeedKnots = v; }},
        {"--min-stay", calls, Unit::Hours, "An inferred call leaves at least this long in port",
         [](auto &r) { return r.portCalls.inferredMinStayHours; },
         [](auto &r, double v) { r.portCalls.inferredMinStayHours = v; }},
        {"--distance",
         {K::Encounters},
         Unit::Number,
         "Metres: two vessels this close meet",
         [](auto &r) { return r.encounters.maxDistanceM; },
         [](auto &r, double v) { r.encounters.maxDistanceM = v; }},
        {"--min-duration",
         {K::Encounters},
         Unit::Hours,
         "Shortest encounter",
         [](auto &r) { return r.encounters.minDurationHours; },
         [](auto &r, double v) { r.encounters.minDurationHours = v; }},
        {"--max-speed",
         {K::Encounters},
         Unit::Number,
         "Knots: fastest median speed of an encounter",
         [](auto &r) { return r.encounters.maxMedianSpeedKnots; },
         [](auto &r, double v) { r.encounters.maxMedianSpeedKnots = v; }},
        {"--step",
         {K::Encounters},
         Unit::Minutes,
         "Positions are interpolated to times this far apart",
         [](auto &r) { return r.encounters.stepMinutes; },
         [](auto &r, double v) { r.encounters.stepMinutes = v; }},
        {"--max-interpolation",
         {K::Encounters},
         Unit::Minutes,
         "No position is made up across a longer silence",
         [](auto &r) { return r.encounters.maxInterpolationMinutes; },
         [](auto &r, double v) { r.encounters.maxInterpolationMinutes = v; }},
        {"--port-distance",
         {K::Encounters},
         Unit::Number,
         "Km: an encounter this close to a port is flagged in port",
         [](auto &r) { return r.encounters.portDistanceKm; },
         [](auto &r, double v) { r.encounters.portDistanceKm = v; }},
        {"--max-speed",
         {K::Loitering},
         Unit::Number,
         "Knots: slower than this is loitering",
         [](auto &r) { return r.loitering.maxSpeedKnots; },
         [](auto &r, double v) { r.loitering.maxSpeedKnots = v; }},
        {"--min-duration",
         {K::Loitering},
         Unit::Hours,
         "Shortest loitering",
         [](auto &r) { return r.loitering.minDurationHours; },
         [](auto &r, double v) { r.loitering.minDurationHours = v; }},
        {"--max-gap",
         {K::Loitering},
         Unit::Hours,
         "A longer silence ends a slow stretch",
         [](auto &r) { return r.loitering.maxGapHours; },
         [](auto &r, double v) { r.loitering.maxGapHours = v; }},
        {"--include-port",
         {K::Loitering},
         Unit::Flag,
         "Keep vessels slow in port (moored), flagged",
         {},
         [](auto &r, double) { r.loitering.includeInPort = true; }},
        {"--port-distance",
         {K::Loitering},
         Unit::Number,
         "Km: this close to a port is in port",
         [](auto &r) { return r.loitering.portDistanceKm; },
         [](auto &r, double v) { r.loitering.portDistanceKm = v; }},
        {"--max-speed",
         {K::Spoofing},
         Unit::Number,
         "Knots: faster than any merchant ship",
         [](auto &r) { return r.spoofing.maxSpeedKnots; },
         [](auto &r, double v) { r.spoofing.maxSpeedKnots = v; }},
        {"--min-jump",
         {K::Spoofing},
         Unit::Number,
         "Km: shorter jumps are GPS noise however short the time",
         [](auto &r) { return r.spoofing.minJumpKm; },
         [](auto &r, double v) { r.spoofing.minJumpKm = v; }},
        {"--max-diameter",
         {K::Stops},
         Unit::Number,
         "Metres: no two positions of a stop are further apart",
         [](auto &r) { return r.stops.maxDiameterM; },
         [](auto &r, double v) { r.stops.maxDiameterM = v; }},
        {"--min-duration",
         {K::Stops},
         Unit::Hours,
         "Shortest stop",
         [](auto &r) { return r.stops.minDurationHours; },
         [](auto &r, double v) { r.stops.minDurationHours = v; }},
        {"--port-distance",
         {K::Stops},
         Unit::Number,
         "Km: a stop whose centre is this close to a port is named after it",
         [](auto &r) { return r.stops.portDistanceKm; },
         [](auto &r, double v) { r.stops.portDistanceKm = v; }},
        {"--max-silence",
         {K::Stops},
         Unit::Hours,
         "A longer silence ends a stop (0: none does, as in MovingPandas)",
         [](auto &r) { return r.stops.maxGapHours; },
         [](auto &r, double v) { r.stops.maxGapHours = v; }},
    };
    all += receptionThresholds({K::Gaps}, [](AnalysisRequest &r) { return &r.gaps.reception; });
    all += receptionThresholds(calls, [](AnalysisRequest &r) { return &r.portCalls.reception; });
    return all;
}

/// A threshold's default as it would be typed: hours as a number, minutes as ISO 8601.
QString defaultText(const Threshold &t)
{
    const double v = t.get(AnalysisRequest{});
    if (t.unit != Unit::Minutes)
        return QString::number(v);
    return std::fmod(v, 60) == 0 ? QStringLiteral("PT%1H").arg(v / 60) : QStringLiteral("PT%1M").arg(v);
}

QCommandLineOption thresholdOption(const Threshold &t)
{
    const QString name = QString::fromLatin1(t.option).mid(2);
    const QString description = QString::fromLatin1(t.description);
    if (t.unit == Unit::Flag)
        return QCommandLineOption(name, description + QLatin1Char('.'));
    const bool duration = t.unit != Unit::Number;
    return QCommandLineOption(name,
                              description + (duration ? QStringLiteral("; hours or ISO 8601 (default %1).")
                                                      : QStringLiteral(" (default %1)."))
                                                .arg(defaultText(t)),
                              duration ? QStringLiteral("DURATION") : QStringLiteral("N"));
}

/// "  gaps        --min-gap 12  --max-speed 15 …", wrapped: the thresholds of every analysis.
QString thresholdSummary()
{
    const QList<Threshold> known = thresholds();
    QString text = QStringLiteral(
        "Thresholds, with their defaults (durations in hours or ISO 8601, e.g. 12 or "
        "PT30M);\nthe cleaning's apply to every analysis, which skips the positions it sets aside:\n");
    QStringList previous;
    QString previousKey;
    auto typed = [](const Threshold &t) {
        return QString::fromLatin1(t.option) +
               (t.unit == Unit::Flag ? QString() : QLatin1Char(' ') + defaultText(t));
    };
    // The cleaning's once, for every analysis; then each analysis's own.
    QStringList cleaning;
    for (const Threshold &t : known)
        if (t.kinds.size() == allAnalysisKinds().size())
            cleaning << typed(t);
    text += QStringLiteral("  cleaning    ") + cleaning.join(QStringLiteral("  ")) + QLatin1Char('\n');
    for (AnalysisKind kind : allAnalysisKinds()) {
        QStringList words;
        for (const Threshold &t : known)
            if (t.kinds.contains(kind) && t.kinds.size() < allAnalysisKinds().size())
                words << typed(t);
        const QString key = analysisKindKey(kind);
        QString line = QStringLiteral("  ") + key.leftJustified(12);
        const QString indent(line.size(), QLatin1Char(' '));
        if (words == previous) {
            line += QStringLiteral("those of %1").arg(previousKey);
        } else {
            int column = int(line.size());
            for (const QString &w : std::as_const(words)) {
                if (column > int(indent.size()) && column + 2 + w.size() > 100) {
                    line += QLatin1Char('\n') + indent;
                    column = int(indent.size());
                } else if (column > int(indent.size())) {
                    line += QStringLiteral("  ");
                    column += 2;
                }
                line += w;
                column += int(w.size());
            }
        }
        if (kind == AnalysisKind::Voyages)
            line += QStringLiteral(", and --between PORT_A,PORT_B to count round trips");
        text += line + QLatin1Char('\n');
        previous = words;
        previousKey = key;
    }
    return text + QStringLiteral("Without --ports, the project's layers named like 'port' are the ports.\n");
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
    if (!request.cleaning.enabled) {
        err() << "  Cleaning: off (--no-clean), every position analysed\n";
    } else if (result.cleaning && result.cleaning->empty()) {
        err() << "  Cleaning: no position set aside\n";
    } else if (result.cleaning) {
        QStringList marks;
        const QJsonObject counts = result.cleaning->countsJson();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            marks << QStringLiteral("%1 %2").arg(it.value().toInteger()).arg(it.key());
        err() << "  Cleaning: " << result.cleaning->markedCount << " positions set aside"
              << (marks.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(marks.join(QStringLiteral(", "))))
              << (request.kind == AnalysisKind::Spoofing ? " (the spoofing check still looks at them)"
                                                         : " and not used")
              << "\n";
    }
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

namespace {

/// What each analysis finds, for the list of them.
QString analysisSummary(AnalysisKind kind)
{
    switch (kind) {
    case AnalysisKind::Gaps:
        return QStringLiteral("silences (AIS switched off), with where the vessel could have gone");
    case AnalysisKind::PortCalls:
        return QStringLiteral("stays in port, seen or inferred from a silence");
    case AnalysisKind::Voyages:
        return QStringLiteral("voyages between port calls; round trips between two ports");
    case AnalysisKind::Encounters:
        return QStringLiteral("two vessels close and slow together at sea");
    case AnalysisKind::Loitering:
        return QStringLiteral("slow for long outside port");
    case AnalysisKind::Spoofing:
        return QStringLiteral("jumps no ship could make: positions that cannot be true");
    case AnalysisKind::Stops:
        return QStringLiteral("where a vessel stayed within a small circle for a while (MovingPandas' stops)");
    }
    return analysisKindLabel(kind);
}

int analyze(AnalysisKind kind, const QStringList &args)
{
    const QString key = analysisKindKey(kind);
    const bool voyages = kind == AnalysisKind::Voyages;
    CommandLine cl(
        QStringLiteral("analyze ") + key,
        QStringLiteral("analyze %1 --project P.gpkg [--ports FILE|LAYER]... [--land FILE|LAYER]%2\n"
                       "         [thresholds] [--format csv|json] [--save]")
            .arg(key, voyages ? QStringLiteral(" [--between PORT_A,PORT_B]") : QString()),
        analysisKindLabel(kind) + QStringLiteral(": ") + analysisSummary(kind) +
            QStringLiteral(". The events go to stdout (CSV, one table per event type, or JSON with "
                           "the parameters), a summary to stderr."));
    cl.addOptions({
        projectOption(QStringLiteral("The project whose tracks are analysed.")),
        QCommandLineOption(
            QStringLiteral("ports"),
            QStringLiteral("A file or a layer of the project holding the ports (may be repeated; "
                           "default: the project's layers named like 'port')."),
            QStringLiteral("FILE|LAYER")),
        QCommandLineOption(QStringLiteral("land"),
                           QStringLiteral("A file or a layer of the project holding land."),
                           QStringLiteral("FILE|LAYER")),
        QCommandLineOption(QStringLiteral("format"), QStringLiteral("csv (default) or json."),
                           QStringLiteral("FORMAT"), QStringLiteral("csv")),
        QCommandLineOption(
            QStringLiteral("save"),
            QStringLiteral("Store the events in the project with their parameters, replacing this "
                           "analysis's previous ones.")),
    });
    if (voyages)
        cl.addOption(QCommandLineOption(QStringLiteral("between"),
                                        QStringLiteral("Count the round trips between these two ports."),
                                        QStringLiteral("PORT_A,PORT_B")));
    QList<Threshold> known;
    for (const Threshold &t : thresholds())
        if (t.kinds.contains(kind))
            known << t;
    for (const Threshold &t : std::as_const(known))
        cl.addOption(thresholdOption(t));
    if (const auto done = cl.parse(args))
        return *done;

    AnalysisRequest request;
    request.kind = kind;
    const QString projectPath = cl.value(QStringLiteral("project")),
                  format = cl.value(QStringLiteral("format")), land = cl.value(QStringLiteral("land"));
    const QStringList portSources = cl.values(QStringLiteral("ports"));
    const bool save = cl.isSet(QStringLiteral("save"));
    if (format != QLatin1String("csv") && format != QLatin1String("json"))
        return cl.valueError(QStringLiteral("--format is csv or json, not '%1'").arg(format));
    if (voyages && cl.isSet(QStringLiteral("between"))) {
        const QStringList two = cl.value(QStringLiteral("between")).split(QLatin1Char(','));
        if (two.size() != 2 || two[0].trimmed().isEmpty() || two[1].trimmed().isEmpty())
            return cl.valueError(QStringLiteral("--between needs two ports: PORT_A,PORT_B"));
        request.roundTripPortA = two[0].trimmed();
        request.roundTripPortB = two[1].trimmed();
    }
    QString error;
    for (const Threshold &t : std::as_const(known)) {
        const QString option = QString::fromLatin1(t.option);
        if (!cl.isSet(option.mid(2)))
            continue;
        const QString text = cl.value(option.mid(2));
        std::optional<double> number;
        switch (t.unit) {
        case Unit::Flag:
            number = 0;
            break;
        case Unit::Number:
            number = parseNonNegativeNumber(option, text, &error);
            break;
        case Unit::Hours:
        case Unit::Minutes:
            if (const auto ms = parseDurationValue(option, text, &error))
                number = double(*ms) / (t.unit == Unit::Hours ? 3.6e6 : 6e4);
            break;
        }
        if (!number)
            return cl.valueError(error);
        t.set(request, *number);
    }
    if (projectPath.isEmpty())
        return cl.usageError(QStringLiteral("--project is required"));
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
        err() << "sightline analyze " << key
              << ": no ports: give --ports FILE|LAYER, or add a layer named like 'port' to the project\n";
        return 2;
    }
    if (!land.isEmpty() && !loadLandPolygons(*project, land, landPolygons, &error)) {
        err() << "sightline analyze: --land: " << error << "\n";
        return 2;
    }
    if (!resolveRoundTripPorts(request, ports, &error)) {
        err() << "sightline analyze " << key << ": --between: " << error << "\n";
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    const AnalysisResult result =
        runAnalysis(request, tracks, ports, landPolygons.empty() ? nullptr : &landPolygons);
    const qint64 ms = timer.elapsed();
    if (!result.error.isEmpty()) {
        err() << "sightline analyze " << key << ": " << result.error << "\n";
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
    // Without receivers a coverage hole and a quiet sea look alike: the cause rests on other ships alone.
    if ((request.kind == AnalysisKind::Gaps || request.kind == AnalysisKind::PortCalls ||
         request.kind == AnalysisKind::Voyages) &&
        tracks.sourceNames().size() <= 1)
        err() << "  Reception: no position names the receiver that heard it (NMEA tag blocks; a project "
                 "imported before Sightline kept them has none): a dark period's likely cause rests on the "
                 "other vessels heard alone, and is more often unknown\n";

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

} // namespace

int runAnalyzeCommand(const QStringList &args)
{
    SubcommandGroup group{
        QStringLiteral("analyze"),
        QStringLiteral("analysis"),
        QStringLiteral("analyses"),
        {},
        QStringLiteral("Every analysis takes --project P.gpkg (required), --ports FILE|LAYER..., "
                       "--land FILE|LAYER,\n--format csv|json and --save.\n") +
            thresholdSummary()};
    for (AnalysisKind kind : allAnalysisKinds())
        group.subcommands << Subcommand{analysisKindKey(kind), analysisSummary(kind),
                                        [kind](const QStringList &rest) { return analyze(kind, rest); }};
    return group.run(args);
}

} // namespace sightline
