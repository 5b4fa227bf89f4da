#include "analysis/portcalldetector.h"

#include "analysis/gapreception.h"
#include "analysis/portset.h"
#include "analysis/reachablearea.h"
#include "analysis/receptionmodel.h"
#include "analysis/trackkinematics.h"
#include "geo/geodesic.h"

#include <QJsonArray>

#include <algorithm>
#include <optional>

namespace sightline {

namespace {

struct OpenCall
{
    int port = -1;
    std::size_t first = 0;
    std::size_t last = 0;
    bool entrySeen = false;
    bool inStop = false;
    bool stopped = false;
    bool gapInPort = false;
    std::int64_t stoppedMs = 0;
    std::size_t positions = 0;
};

int confidenceOf(bool entry, bool exit, bool stayed)
{
    if (entry && exit && stayed)
        return 4;
    if (stayed)
        return 3;
    if (entry && exit)
        return 2;
    return 1;
}

class VesselCalls
{
public:
    VesselCalls(const VesselTrack &track, const PortSet &ports, const PortCallParameters &p,
                const QJsonObject &json, std::vector<MovementEvent> &out)
        : mTrack(track)
        , mPorts(ports)
        , mP(p)
        , mJson(json)
        , mOut(out)
    {
    }

    void run()
    {
        const std::int64_t *t = mTrack.times();
        const auto gapMs = std::int64_t(mP.inPortGapHours * kMsPerHour);
        const double entryM = mP.entryDistanceKm * 1000.0;
        const double exitM = mP.exitDistanceKm * 1000.0;
        for (std::size_t i = 0; i < mTrack.size(); ++i) {
            const QPointF p = positionAt(mTrack, i);
            if (mCall.port >= 0) {
                const Port &port = mPorts.at(std::size_t(mCall.port));
                const double limit = port.isPoint() ? exitM : std::max(0.0, exitM - entryM);
                if (mPorts.distanceTo(std::size_t(mCall.port), p) <= limit) {
                    if (t[i] - t[mCall.last] >= gapMs)
                        mCall.gapInPort = true;
                    noteSpeed(i);
                    mCall.last = i;
                    ++mCall.positions;
                    continue;
                }
                // Left: the exit was seen unless the vessel was silent across it.
                close(t[i] - t[mCall.last] < gapMs);
            }
            const int entered = mPorts.portAt(p, entryM);
            if (entered >= 0) {
                mCall = OpenCall{};
                mCall.port = entered;
                mCall.first = mCall.last = i;
                mCall.positions = 1;
                // Seen arriving only when the previous fix (outside) is recent.
                mCall.entrySeen = i > 0 && t[i] - t[i - 1] < gapMs;
                noteSpeed(i);
            }
        }
        if (mCall.port >= 0)
            close(false); // the track ends in port
    }

private:
    void noteSpeed(std::size_t i)
    {
        const double v = speedKnotsAt(mTrack, i);
        if (mCall.inStop) {
            mCall.stoppedMs += mTrack.timeMs(i) - mTrack.timeMs(mCall.last);
            if (v > mP.stopEndKnots)
                mCall.inStop = false;
        } else if (v < mP.stopStartKnots) {
            mCall.inStop = true;
            mCall.stopped = true;
        }
    }

    void close(bool exitSeen)
    {
        const OpenCall c = mCall;
        mCall = OpenCall{};
        const std::int64_t start = mTrack.timeMs(c.first), end = mTrack.timeMs(c.last);
        if (double(end - start) < mP.minDurationHours * kMsPerHour)
            return;
        MovementEvent e;
        e.type = EventType::PortCall;
        e.mmsi = mTrack.mmsi();
        e.startMs = start;
        e.endMs = end;
        e.from = positionAt(mTrack, c.first);
        e.to = positionAt(mTrack, c.last);
        e.place = mPorts.at(std::size_t(c.port)).name;
        const bool stayed = c.stopped || c.gapInPort;
        e.confidence = confidenceOf(c.entrySeen, exitSeen, stayed);
        e.details = {
            {QStringLiteral("entry_seen"), c.entrySeen},
            {QStringLiteral("exit_seen"), exitSeen},
            {QStringLiteral("stopped"), c.stopped},
            {QStringLiteral("stopped_hours"), std::round(double(c.stoppedMs) / kMsPerHour * 1000) / 1000},
            {QStringLiteral("gap_in_port"), c.gapInPort},
            {QStringLiteral("positions"), qint64(c.positions)},
            {QStringLiteral("inferred"), false}};
        e.parameters = mJson;
        mOut.push_back(std::move(e));
    }

    const VesselTrack &mTrack;
    const PortSet &mPorts;
    const PortCallParameters &mP;
    const QJsonObject &mJson;
    std::vector<MovementEvent> &mOut;
    OpenCall mCall;
};

/// `seen` are the vessel's calls found in its positions: the ports of the calls just
/// before and after a silence are not offered as where it went meanwhile.
/// `reception` decides where a silence says nothing: no call is inferred during a dark period
/// whose path was out of coverage, nor at a port whose cell heard nobody while the vessel could
/// have been there.
void inferFromGaps(const TrackStore &tracks, const VesselTrack &track, const PortSet &ports,
                   const PortCallParameters &p, const QJsonObject &json,
                   const std::vector<MovementEvent> &seen, const ReceptionModel &reception,
                   std::vector<MovementEvent> &out)
{
    const auto darkMs = std::int64_t(p.darkGapHours * kMsPerHour);
    const double metresPerMs = p.maxSpeedKnots * kMetresPerNauticalMile / kMsPerHour;
    const double entryM = p.entryDistanceKm * 1000.0;
    const std::int64_t *t = track.times();
    for (std::size_t i = 1; i < track.size(); ++i) {
        const std::int64_t dt = t[i] - t[i - 1];
        if (dt < darkMs)
            continue;
        const QPointF a = positionAt(track, i - 1), b = positionAt(track, i);
        const int startPort = ports.portAt(a, entryM), endPort = ports.portAt(b, entryM);
        if (startPort >= 0 && startPort == endPort)
            continue; // dark inside one port: a gap in port, part of that call
        const PathReception path =
            assessPath(reception, tracks, track.mmsi(), a, t[i - 1], b, t[i], p.reception);
        if (path.likelyCause == QLatin1String("out_of_coverage"))
            continue;
        QString before, after;
        for (const MovementEvent &c : seen) {
            if (c.endMs <= t[i - 1])
                before = c.place;
            else if (c.startMs >= t[i] && after.isEmpty())
                after = c.place;
        }
        const ReachableArea area(a, b, metresPerMs * double(dt));
        const double reserve = p.inferredMinStayHours * kMsPerHour * metresPerMs;
        struct Reached
        {
            std::size_t port;
            std::int64_t startMs, endMs;
            PlaceReception reception;
        };
        std::vector<Reached> reached;
        for (std::size_t k = 0; k < ports.size(); ++k) {
            if (int(k) == startPort || int(k) == endPort || ports.at(k).name == before ||
                ports.at(k).name == after || !area.reachesPort(ports, k, reserve))
                continue;
            const Port &port = ports.at(k);
            const double inMetres = Geodesic::inverse(a, port.centre).distanceMetres;
            const double outMetres = Geodesic::inverse(port.centre, b).distanceMetres;
            // The widest stay the budget allows: arrive at full speed, leave at the last moment.
            const std::int64_t startMs = t[i - 1] + std::int64_t(inMetres / metresPerMs);
            const std::int64_t endMs = t[i] - std::int64_t(outMetres / metresPerMs);
            const PlaceReception heard = assessPlace(reception, track.mmsi(), port.centre, startMs, endMs);
            if (heard != PlaceReception::Silent)
                reached.push_back({k, startMs, endMs, heard});
        }
        QJsonArray names;
        for (const Reached &r : reached)
            names.append(ports.at(r.port).name);
        for (const Reached &r : reached) {
            const Port &port = ports.at(r.port);
            MovementEvent e;
            e.type = EventType::PortCall;
            e.mmsi = track.mmsi();
            e.startMs = r.startMs;
            e.endMs = r.endMs;
            e.from = e.to = port.centre;
            e.place = port.name;
            e.confidence = 1;
            e.details = {{QStringLiteral("entry_seen"), false},
                         {QStringLiteral("exit_seen"), false},
                         {QStringLiteral("stopped"), false},
                         {QStringLiteral("gap_in_port"), false},
                         {QStringLiteral("positions"), 0},
                         {QStringLiteral("inferred"), true},
                         {QStringLiteral("dark_hours"), std::round(double(dt) / kMsPerHour * 1000) / 1000},
                         {QStringLiteral("dark_from"), QJsonArray{a.x(), a.y()}},
                         {QStringLiteral("dark_to"), QJsonArray{b.x(), b.y()}},
                         {QStringLiteral("dark_start_ms"), qint64(t[i - 1])},
                         {QStringLiteral("candidates"), names},
                         {QStringLiteral("port_reception"), placeReceptionKey(r.reception)},
                         {QStringLiteral("dark_likely_cause"), path.likelyCause}};
            e.parameters = json;
            out.push_back(std::move(e));
        }
    }
}

} // namespace

std::vector<MovementEvent> findPortCalls(const TrackStore &tracks, const PortSet &ports,
                                         const PortCallParameters &parameters,
                                         const AnalysisProgress &progress)
{
    std::vector<MovementEvent> events;
    if (ports.empty())
        return events;
    const QJsonObject json = parameters.toJson();
    const std::vector<VesselTrack> &all = tracks.tracks();
    std::optional<ReceptionModel> reception;
    if (parameters.inferFromGaps)
        reception.emplace(tracks, parameters.reception.cellDeg, parameters.reception.binHours);
    for (std::size_t v = 0; v < all.size(); ++v) {
        if (!reportProgress(progress, v, all.size()))
            return {};
        const VesselTrack &track = all[v];
        const std::size_t first = events.size();
        VesselCalls(track, ports, parameters, json, events).run();
        if (parameters.inferFromGaps) {
            const std::vector<MovementEvent> seen(events.begin() + std::ptrdiff_t(first), events.end());
            inferFromGaps(tracks, track, ports, parameters, json, seen, *reception, events);
        }
        std::stable_sort(
            events.begin() + std::ptrdiff_t(first), events.end(),
            [](const MovementEvent &a, const MovementEvent &b) { return a.startMs < b.startMs; });
    }
    return events;
}

} // namespace sightline
