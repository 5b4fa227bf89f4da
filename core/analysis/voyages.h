#pragma once

#include "analysis/movementevent.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace sightline {

/// Voyages: from each port call seen in the positions to the vessel's next one. A
/// voyage across a dark period lists the ports the vessel could have called at
/// meanwhile (the inferred calls, confidence 1) rather than pretending to know.
/// `portCalls` as findPortCalls gives them (sorted by vessel, then time).
std::vector<MovementEvent> findVoyages(const std::vector<MovementEvent> &portCalls);

/// Round trips between two ports, per vessel: A → B → A or B → A → B, where the two
/// ends are calls seen in the positions and the middle is a call seen or, across a
/// dark period, a call inferred (then the trip's confidence is 1 and its evidence says
/// so). Overlapping cycles are not counted twice. Port names are matched case-insensitively.
std::vector<MovementEvent> findRoundTrips(const std::vector<MovementEvent> &portCalls, const QString &portA,
                                          const QString &portB);

/// The two ports the given vessels (all, when `vessels` is empty) went between most: the pair
/// with the most direct legs from one stop to the next, stop by stop per vessel. A call seen in
/// the positions is a stop at its port; a dark period is one stop shared among the ports it
/// could have reached (its inferred calls), each by the stay the time allows there. Ties go to
/// the pair with more calls, then by name; without any leg, the two ports with the most calls.
/// Nothing when the vessels called at fewer than two ports. The round-trip analysis offers it
/// as its default pair, so the analyst starts from where the traffic is.
std::optional<std::pair<QString, QString>> busiestPortPair(const std::vector<MovementEvent> &events,
                                                           const std::set<std::uint32_t> &vessels = {});

/// The origin–destination table of voyages: one row per (from, to) pair.
struct OriginDestination
{
    QString from;
    QString to;
    int voyages = 0;
    int vessels = 0;
    int darkVoyages = 0; ///< voyages with a dark period on the way
};
std::vector<OriginDestination> originDestinationTable(const std::vector<MovementEvent> &voyages);

} // namespace sightline
