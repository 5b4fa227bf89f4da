#include "analysis/movementanalysis.h"

#include "analysis/encounterdetector.h"
#include "analysis/gapdetector.h"
#include "analysis/loiteringdetector.h"
#include "analysis/portcalldetector.h"
#include "analysis/portset.h"
#include "analysis/spoofingdetector.h"
#include "analysis/trajectorystops.h"
#include "tracks/trackstore.h"

#include <QJsonArray>

namespace sightline {

namespace {
struct KindInfo
{
    AnalysisKind kind;
    const char *key;
    const char *label;
};
constexpr KindInfo kKinds[] = {
    {AnalysisKind::Gaps, "gaps", "Gaps (going dark)"},
    {AnalysisKind::PortCalls, "port-calls", "Port calls"},
    {AnalysisKind::Voyages, "voyages", "Voyages and round trips"},
    {AnalysisKind::Encounters, "encounters", "Encounters"},
    {AnalysisKind::Loitering, "loitering", "Loitering"},
    {AnalysisKind::Spoofing, "spoofing", "Spoofing suspicions"},
    {AnalysisKind::Stops, "stops", "Stops"},
};
} // namespace

QString analysisKindKey(AnalysisKind kind)
{
    for (const KindInfo &k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.key);
    return {};
}

QString analysisKindLabel(AnalysisKind kind)
{
    for (const KindInfo &k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.label);
    return {};
}

std::optional<AnalysisKind> analysisKindFromKey(const QString &key)
{
    for (const KindInfo &k : kKinds)
        if (key == QLatin1String(k.key))
            return k.kind;
    return std::nullopt;
}

QList<AnalysisKind> allAnalysisKinds()
{
    QList<AnalysisKind> kinds;
    for (const KindInfo &k : kKinds)
        kinds << k.kind;
    return kinds;
}

QList<EventType> eventTypesOf(AnalysisKind kind)
{
    switch (kind) {
    case AnalysisKind::Gaps:
        return {EventType::Gap};
    case AnalysisKind::PortCalls:
        return {EventType::PortCall};
    case AnalysisKind::Voyages:
        return {EventType::Voyage, EventType::RoundTrip};
    case AnalysisKind::Encounters:
        return {EventType::Encounter};
    case AnalysisKind::Loitering:
        return {EventType::Loitering};
    case AnalysisKind::Spoofing:
        return {EventType::Spoofing};
    case AnalysisKind::Stops:
        return {EventType::Stop};
    }
    return {};
}

bool analysisNeedsPorts(AnalysisKind kind)
{
    return kind == AnalysisKind::PortCalls || kind == AnalysisKind::Voyages;
}

QJsonObject AnalysisRequest::parametersJson() const
{
    QJsonObject o = kindParametersJson();
    o.insert(QStringLiteral("cleaning"), cleaning.toJson());
    return o;
}

QJsonObject AnalysisRequest::kindParametersJson() const
{
    switch (kind) {
    case AnalysisKind::Gaps:
        return gaps.toJson();
    case AnalysisKind::PortCalls:
        return portCalls.toJson();
    case AnalysisKind::Voyages: {
        QJsonObject o = portCalls.toJson();
        if (!roundTripPortA.isEmpty())
            o.insert(QStringLiteral("round_trip_ports"), QJsonArray{roundTripPortA, roundTripPortB});
        return o;
    }
    case AnalysisKind::Encounters:
        return encounters.toJson();
    case AnalysisKind::Loitering:
        return loitering.toJson();
    case AnalysisKind::Spoofing:
        return spoofing.toJson();
    case AnalysisKind::Stops:
        return stops.toJson();
    }
    return {};
}

bool resolveRoundTripPorts(AnalysisRequest &request, const PortSet &ports, QString *error)
{
    if (request.roundTripPortA.isEmpty() && request.roundTripPortB.isEmpty())
        return true;
    for (QString *name : {&request.roundTripPortA, &request.roundTripPortB}) {
        const int i = ports.find(*name);
        if (i < 0) {
            if (error)
                *error = QStringLiteral("no port called '%1' among the %2 ports (or more than one starts so)")
                             .arg(*name)
                             .arg(ports.size());
            return false;
        }
        *name = ports.at(std::size_t(i)).name;
    }
    return true;
}

namespace {
void runDetectors(const AnalysisRequest &request, const TrackStore &tracks, const PortSet &ports,
                  const PortSet *land, const AnalysisProgress &progress, AnalysisResult &result)
{
    const PortSet *portsOrNull = ports.empty() ? nullptr : &ports;
    switch (request.kind) {
    case AnalysisKind::Gaps:
        result.events = findGaps(tracks, request.gaps, portsOrNull, land, progress);
        break;
    case AnalysisKind::PortCalls:
        result.events = findPortCalls(tracks, ports, request.portCalls, progress);
        break;
    case AnalysisKind::Voyages: {
        AnalysisRequest resolved = request;
        if (!resolveRoundTripPorts(resolved, ports, &result.error))
            return;
        const QString &a = resolved.roundTripPortA, &b = resolved.roundTripPortB;
        const auto calls = findPortCalls(tracks, ports, request.portCalls, progress);
        result.events = findVoyages(calls);
        result.originDestination = originDestinationTable(result.events);
        if (!a.isEmpty()) {
            auto trips = findRoundTrips(calls, a, b);
            result.events.insert(result.events.end(), std::make_move_iterator(trips.begin()),
                                 std::make_move_iterator(trips.end()));
        }
        break;
    }
    case AnalysisKind::Encounters:
        result.events = findEncounters(tracks, request.encounters, portsOrNull, progress);
        break;
    case AnalysisKind::Loitering:
        result.events = findLoitering(tracks, request.loitering, portsOrNull, progress);
        break;
    case AnalysisKind::Spoofing:
        result.events = findSpoofing(tracks, request.spoofing, progress);
        break;
    case AnalysisKind::Stops:
        result.events = findStops(tracks, request.stops, portsOrNull, progress);
        break;
    }
}
} // namespace

AnalysisResult runAnalysis(const AnalysisRequest &request, const TrackStore &tracks, const PortSet &ports,
                           const PortSet *land, const AnalysisProgress &progress)
{
    AnalysisResult result;
    const ReceptionParameters *reception =
        request.kind == AnalysisKind::Gaps ? &request.gaps.reception
        : request.kind == AnalysisKind::PortCalls || request.kind == AnalysisKind::Voyages
            ? &request.portCalls.reception
            : nullptr;
    if (reception) {
        result.error = reception->problem();
        if (!result.error.isEmpty())
            return result;
    }
    // Once told to stop, every later report says stop too, and the run says it was cancelled.
    bool stopped = false;
    AnalysisProgress watched;
    if (progress)
        watched = [&](double fraction) {
            stopped = stopped || !progress(fraction);
            return !stopped;
        };
    // The cleaning is a tenth of the progress bar: it is quick beside any detector.
    TrackCleaning cleaning;
    if (request.cleaning.enabled)
        cleaning = cleanTracks(tracks, request.cleaning,
                               [&watched](double f) { return !watched || watched(0.1 * f); });
    TrackStore cleaned;
    const bool skipMarked = !cleaning.empty() && request.kind != AnalysisKind::Spoofing;
    if (skipMarked && !stopped)
        cleaned = tracks.without(cleaning.marks);
    if (!stopped) {
        AnalysisProgress detectorProgress;
        if (watched)
            detectorProgress = [&watched](double f) { return watched(0.1 + 0.9 * f); };
        runDetectors(request, skipMarked ? cleaned : tracks, ports, land, detectorProgress, result);
        const QJsonValue json = request.cleaning.toJson();
        for (MovementEvent &e : result.events)
            e.parameters.insert(QStringLiteral("cleaning"), json);
    }
    result.cleaning = std::make_shared<const TrackCleaning>(std::move(cleaning));
    if (stopped) {
        result.events.clear();
        result.originDestination.clear();
        result.cleaning.reset();
        result.cancelled = true;
    } else if (progress) {
        progress(1.0);
    }
    return result;
}

} // namespace sightline
