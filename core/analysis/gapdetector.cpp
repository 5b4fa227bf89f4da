#include "analysis/gapdetector.h"

#include "analysis/gapreception.h"
#include "analysis/portset.h"
#include "analysis/reachablearea.h"
#include "analysis/receptionmodel.h"
#include "analysis/trackkinematics.h"
#include "geo/geodesic.h"

#include <QJsonArray>

#include <algorithm>

namespace sightline {

namespace {

struct EndPlace
{
    QString port; ///< empty at sea
    double portDistanceKm = -1.0;
    double shoreDistanceKm = -1.0;
};

EndPlace placeOf(QPointF p, const GapParameters &parameters, const PortSet *ports, const PortSet *land)
{
    EndPlace place;
    if (ports && !ports->empty()) {
        const PortSet::Nearest n = ports->nearest(p);
        place.portDistanceKm = n.distanceMetres / 1000.0;
        if (n.index >= 0 && place.portDistanceKm <= parameters.portDistanceKm)
            place.port = ports->at(std::size_t(n.index)).name;
    }
    if (land && !land->empty())
        place.shoreDistanceKm = land->nearest(p).distanceMetres / 1000.0;
    return place;
}

double rounded(double v, int decimals = 3)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

double angleBetween(double a, double b)
{
    const double d = std::fmod(std::abs(a - b), 360.0);
    return d > 180.0 ? 360.0 - d : d;
}

} // namespace

std::vector<MovementEvent> findGaps(const TrackStore &tracks, const GapParameters &parameters,
                                    const PortSet *ports, const PortSet *land,
                                    const AnalysisProgress &progress)
{
    std::vector<MovementEvent> events;
    const auto minGapMs = std::int64_t(parameters.minGapHours * kMsPerHour);
    const QJsonObject parameterJson = parameters.toJson();
    const std::vector<VesselTrack> &all = tracks.tracks();
    const ReceptionModel reception(tracks, parameters.reception.cellDeg, parameters.reception.binHours);
    for (std::size_t v = 0; v < all.size(); ++v) {
        if (!reportProgress(progress, v, all.size()))
            return {};
        const VesselTrack &track = all[v];
        const std::int64_t *t = track.times();
        for (std::size_t i = 1; i < track.size(); ++i) {
            const std::int64_t dt = t[i] - t[i - 1];
            if (dt < minGapMs)
                continue;
            MovementEvent e;
            e.type = EventType::Gap;
            e.mmsi = track.mmsi();
            e.startMs = t[i - 1];
            e.endMs = t[i];
            e.from = positionAt(track, i - 1);
            e.to = positionAt(track, i);
            e.parameters = parameterJson;
            const GeodesicInverse across = Geodesic::inverse(e.from, e.to);
            const EndPlace start = placeOf(e.from, parameters, ports, land);
            const EndPlace end = placeOf(e.to, parameters, ports, land);
            QJsonObject &d = e.details;
            d.insert(QStringLiteral("distance_km"), rounded(across.distanceMetres / 1000.0));
            d.insert(QStringLiteral("implied_speed_kn"), rounded(knotsFrom(across.distanceMetres, dt)));
            d.insert(QStringLiteral("start_in_port"), start.port);
            d.insert(QStringLiteral("end_in_port"), end.port);
            if (start.portDistanceKm >= 0) {
                d.insert(QStringLiteral("start_port_distance_km"), rounded(start.portDistanceKm));
                d.insert(QStringLiteral("end_port_distance_km"), rounded(end.portDistanceKm));
            }
            if (start.shoreDistanceKm >= 0) {
                d.insert(QStringLiteral("start_shore_distance_km"), rounded(start.shoreDistanceKm));
                d.insert(QStringLiteral("end_shore_distance_km"), rounded(end.shoreDistanceKm));
            }
            const bool nearShore =
                !start.port.isEmpty() || !end.port.isEmpty() ||
                (start.shoreDistanceKm >= 0 && start.shoreDistanceKm <= parameters.nearShoreKm) ||
                (end.shoreDistanceKm >= 0 && end.shoreDistanceKm <= parameters.nearShoreKm);
            d.insert(QStringLiteral("near_shore"), nearShore);
            const double course = track.cog(i - 1);
            if (!std::isnan(course))
                d.insert(QStringLiteral("course_at_start"), course);
            d.insert(QStringLiteral("max_speed_kn"), parameters.maxSpeedKnots);
            // Which receiver heard the last report before the silence and the first after it: a dark
            // period may be a receiver's, not the vessel's.
            if (const std::string &before = tracks.sourceName(track.sourceId(i - 1)); !before.empty())
                d.insert(QStringLiteral("last_heard_by"), QString::fromStdString(before));
            if (const std::string &after = tracks.sourceName(track.sourceId(i)); !after.empty())
                d.insert(QStringLiteral("first_heard_by"), QString::fromStdString(after));
            e.place = !start.port.isEmpty() ? start.port : end.port;
            // Were others heard where and when the vessel should have been? A silence among vessels
            // that are heard is a switch-off; one where nobody was heard is a coverage hole.
            assessPath(reception, tracks, track.mmsi(), e.from, e.startMs, e.to, e.endMs,
                       parameters.reception)
                .writeTo(d);

            if (ports && !ports->empty()) {
                const ReachableArea area(e.from, e.to,
                                         parameters.maxSpeedKnots * kMetresPerNauticalMile *
                                             (double(dt) / kMsPerHour));
                struct Candidate
                {
                    QString name;
                    double detour;
                    double offCourse;
                };
                std::vector<Candidate> reached;
                for (std::size_t p = 0; p < ports->size(); ++p)
                    if (area.reachesPort(*ports, p))
                        reached.push_back(
                            {ports->at(p).name, area.detourVia(ports->at(p).centre),
                             std::isnan(course)
                                 ? 360.0
                                 : angleBetween(course,
                                                Geodesic::inverse(e.from, ports->at(p).centre).azimuth1Deg)});
                // The ports the least detour away come first: the likeliest, not the only ones.
                std::sort(reached.begin(), reached.end(),
                          [](const Candidate &a, const Candidate &b) { return a.detour < b.detour; });
                QJsonArray names;
                for (const Candidate &c : reached)
                    names.append(c.name);
                d.insert(QStringLiteral("reachable_ports"), names);
                // The port the vessel was heading for when it went quiet: of the ports within 30° of
                // its course, the one the least detour away (a far port dead ahead is no likelier).
                const Candidate *toward = nullptr;
                for (const Candidate &c : reached)
                    if (c.offCourse <= 30.0 && (!toward || c.detour < toward->detour))
                        toward = &c;
                if (toward)
                    d.insert(QStringLiteral("heading_toward"), toward->name);
            }
            events.push_back(std::move(e));
        }
    }
    return events;
}

} // namespace sightline
