#include "analysis/voyages.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace sightline {

namespace {

QString when(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString iso(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

/// One vessel's calls: the ones seen, each with the inferred ones that fall after it
/// (before the next seen call), i.e. the ports possible on the way out of it.
struct Leg
{
    const MovementEvent *call = nullptr;
    std::vector<const MovementEvent *> possible;
};

std::map<std::uint32_t, std::vector<Leg>> legsByVessel(const std::vector<MovementEvent> &calls)
{
    std::map<std::uint32_t, std::vector<Leg>> legs;
    for (const MovementEvent &c : calls) {
        if (c.type != EventType::PortCall)
            continue;
        std::vector<Leg> &v = legs[c.mmsi];
        if (!c.isInferredCall())
            v.push_back({&c, {}});
        else if (!v.empty())
            v.back().possible.push_back(&c);
        // An inferred call before the first seen one has no voyage to belong to.
    }
    return legs;
}

} // namespace

std::vector<MovementEvent> findVoyages(const std::vector<MovementEvent> &portCalls)
{
    std::vector<MovementEvent> voyages;
    for (const auto &[mmsi, legs] : legsByVessel(portCalls)) {
        for (std::size_t i = 0; i + 1 < legs.size(); ++i) {
            const MovementEvent &a = *legs[i].call, &b = *legs[i + 1].call;
            MovementEvent v;
            v.type = EventType::Voyage;
            v.mmsi = mmsi;
            v.startMs = a.endMs;
            v.endMs = b.startMs;
            v.from = a.to;
            v.to = b.from;
            v.place = a.place + QStringLiteral(" → ") + b.place;
            v.confidence = std::min(a.confidence, b.confidence);
            QJsonArray possible;
            double darkHours = 0;
            std::set<std::int64_t> darkPeriods;
            for (const MovementEvent *c : legs[i].possible) {
                if (!possible.contains(c->place))
                    possible.append(c->place);
                // Each dark period once, though several ports were possible in it.
                if (darkPeriods.insert(qint64(c->details.value(QStringLiteral("dark_start_ms")).toDouble()))
                        .second)
                    darkHours += c->details.value(QStringLiteral("dark_hours")).toDouble();
            }
            v.details = {{QStringLiteral("from_port"), a.place},
                         {QStringLiteral("to_port"), b.place},
                         {QStringLiteral("from_confidence"), a.confidence},
                         {QStringLiteral("to_confidence"), b.confidence},
                         {QStringLiteral("dark_hours"), darkHours},
                         {QStringLiteral("possible_calls"), possible}};
            v.parameters = a.parameters;
            voyages.push_back(std::move(v));
        }
    }
    return voyages;
}

std::vector<MovementEvent> findRoundTrips(const std::vector<MovementEvent> &portCalls, const QString &portA,
                                          const QString &portB)
{
    std::vector<MovementEvent> trips;
    auto is = [](const MovementEvent *c, const QString &name) {
        return c && c->place.compare(name, Qt::CaseInsensitive) == 0;
    };
    for (const auto &[mmsi, legs] : legsByVessel(portCalls)) {
        std::size_t i = 0;
        while (i + 1 < legs.size()) {
            const MovementEvent *start = legs[i].call;
            const QString *there = is(start, portA) ? &portB : is(start, portB) ? &portA : nullptr;
            if (!there) {
                ++i;
                continue;
            }
            const QString &home = start->place;
            // The far end: the next seen call, or a call possible while dark before it.
            const MovementEvent *far = nullptr;
            std::size_t back = 0;
            if (is(legs[i + 1].call, *there) && i + 2 < legs.size() && is(legs[i + 2].call, home)) {
                far = legs[i + 1].call;
                back = i + 2;
            } else if (is(legs[i + 1].call, home)) {
                for (const MovementEvent *c : legs[i].possible)
                    if (is(c, *there))
                        far = c;
                back = i + 1;
            }
            if (!far) {
                ++i;
                continue;
            }
            const MovementEvent *end = legs[back].call;
            const bool inferred = far->isInferredCall();
            MovementEvent trip;
            trip.type = EventType::RoundTrip;
            trip.mmsi = mmsi;
            trip.startMs = start->endMs;
            trip.endMs = end->startMs;
            trip.from = start->to;
            trip.to = far->from;
            trip.place = home + QStringLiteral(" ⇄ ") + far->place;
            trip.confidence = std::min({start->confidence, far->confidence, end->confidence});
            const QString evidence =
                inferred
                    ? QStringLiteral(
                          "left %1 %2; dark %3 h from %4 (%5 reachable, with %6 others); back in %1 "
                          "%7")
                          .arg(home, when(start->endMs))
                          .arg(far->details.value(QStringLiteral("dark_hours")).toDouble(), 0, 'f', 1)
                          .arg(when(qint64(far->details.value(QStringLiteral("dark_start_ms")).toDouble())),
                               far->place)
                          .arg(far->details.value(QStringLiteral("candidates")).toArray().size() - 1)
                          .arg(when(end->startMs))
                    : QStringLiteral("left %1 %2; in %3 %4 to %5 (confidence %6); back in %1 %7")
                          .arg(home, when(start->endMs), far->place, when(far->startMs), when(far->endMs))
                          .arg(far->confidence)
                          .arg(when(end->startMs));
            trip.details = {{QStringLiteral("port_a"), home},
                            {QStringLiteral("port_b"), far->place},
                            {QStringLiteral("depart_a"), iso(start->endMs)},
                            {QStringLiteral("at_b_from"), iso(far->startMs)},
                            {QStringLiteral("at_b_to"), iso(far->endMs)},
                            {QStringLiteral("return_a"), iso(end->startMs)},
                            {QStringLiteral("b_inferred"), inferred},
                            {QStringLiteral("evidence"), evidence}};
            trip.parameters = start->parameters;
            trip.parameters.insert(QStringLiteral("round_trip_ports"), QJsonArray{portA, portB});
            trips.push_back(std::move(trip));
            i = back; // the return call starts the next cycle
        }
    }
    return trips;
}

std::optional<std::pair<QString, QString>> busiestPortPair(const std::vector<MovementEvent> &events,
                                                           const std::set<std::uint32_t> &vessels)
{
    // Each vessel's stops in time order: a call seen in the positions is one port for certain; a
    // dark period is one stop shared among the ports it could have reached, each by the stay the
    // time allows there (a port on the way gets more than one far off). Names keyed case-blind.
    struct Stop
    {
        std::int64_t atMs = 0;
        std::map<QString, double> share;
    };
    std::map<std::uint32_t, std::map<std::int64_t, Stop>> stops; // by vessel, then a stop key
    std::map<QString, QString> spelling;
    for (const MovementEvent &e : events) {
        if (e.type != EventType::PortCall || e.place.isEmpty() || (!vessels.empty() && !vessels.count(e.mmsi)))
            continue;
        const QString port = e.place.toLower();
        spelling.emplace(port, e.place);
        if (e.isInferredCall()) {
            const auto darkFrom = std::int64_t(e.details.value(QStringLiteral("dark_start_ms")).toDouble());
            Stop &stop = stops[e.mmsi][darkFrom];
            stop.atMs = darkFrom;
            stop.share[port] += double(std::max<std::int64_t>(1, e.endMs - e.startMs));
        } else {
            Stop &stop = stops[e.mmsi][e.startMs];
            stop.atMs = e.startMs;
            stop.share[port] = 1;
        }
    }
    std::map<QString, double> callsAt;
    std::map<std::pair<QString, QString>, double> legs;
    for (auto &[mmsi, byKey] : stops) {
        std::vector<Stop> ordered;
        for (auto &[key, stop] : byKey) {
            double total = 0;
            for (const auto &[port, w] : stop.share)
                total += w;
            for (auto &[port, w] : stop.share) {
                w /= total;
                callsAt[port] += w;
            }
            ordered.push_back(stop);
        }
        std::sort(ordered.begin(), ordered.end(), [](const Stop &a, const Stop &b) { return a.atMs < b.atMs; });
        for (std::size_t i = 1; i < ordered.size(); ++i)
            for (const auto &[a, wa] : ordered[i - 1].share)
                for (const auto &[b, wb] : ordered[i].share)
                    if (a != b)
                        legs[a < b ? std::pair(a, b) : std::pair(b, a)] += wa * wb;
    }
    if (callsAt.size() < 2)
        return std::nullopt;
    auto callsOf = [&](const std::pair<QString, QString> &p) { return callsAt[p.first] + callsAt[p.second]; };
    std::optional<std::pair<QString, QString>> best;
    double bestLegs = 0;
    constexpr double kSame = 1e-9;
    for (const auto &[pair, weight] : legs)
        if (!best || weight > bestLegs + kSame ||
            (std::abs(weight - bestLegs) <= kSame && callsOf(pair) > callsOf(*best) + kSame)) {
            best = pair;
            bestLegs = weight;
        }
    if (!best) {
        std::vector<std::pair<double, QString>> busiest;
        for (const auto &[port, count] : callsAt)
            busiest.emplace_back(-count, port);
        std::sort(busiest.begin(), busiest.end());
        best = std::pair(std::min(busiest[0].second, busiest[1].second), std::max(busiest[0].second, busiest[1].second));
    }
    return std::pair(spelling[best->first], spelling[best->second]);
}

std::vector<OriginDestination> originDestinationTable(const std::vector<MovementEvent> &voyages)
{
    std::map<std::pair<QString, QString>, std::pair<OriginDestination, std::set<std::uint32_t>>> table;
    for (const MovementEvent &v : voyages) {
        if (v.type != EventType::Voyage)
            continue;
        const QString from = v.details.value(QStringLiteral("from_port")).toString();
        const QString to = v.details.value(QStringLiteral("to_port")).toString();
        auto &row = table[{from, to}];
        row.first.from = from;
        row.first.to = to;
        ++row.first.voyages;
        if (v.details.value(QStringLiteral("dark_hours")).toDouble() > 0)
            ++row.first.darkVoyages;
        row.second.insert(v.mmsi);
    }
    std::vector<OriginDestination> rows;
    for (auto &[key, value] : table) {
        value.first.vessels = int(value.second.size());
        rows.push_back(value.first);
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.voyages > b.voyages; });
    return rows;
}

} // namespace sightline
