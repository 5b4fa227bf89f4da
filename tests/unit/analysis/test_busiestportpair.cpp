#include "../catchstringmakers.h"

#include "analysis/voyages.h"

using namespace sightline;

namespace {

MovementEvent call(std::uint32_t mmsi, std::int64_t hour, const char *port, bool inferred = false)
{
    MovementEvent e;
    e.type = EventType::PortCall;
    e.mmsi = mmsi;
    e.startMs = hour * 3600000;
    e.endMs = e.startMs + 3600000;
    e.place = QString::fromUtf8(port);
    if (inferred) {
        e.confidence = 1;
        e.details.insert(QStringLiteral("inferred"), true);
    }
    return e;
}

} // namespace

TEST_CASE("the default round-trip pair is where the chosen vessels went back and forth", "[analysis][voyages]")
{
    // Vessel 1 shuttles Rajin ⇄ Dunai; vessel 2 goes Yingkou → Poti once; the alphabet would pick
    // Dunai and Poti, the old default the first two ports of the list.
    std::vector<MovementEvent> events = {
        call(1, 0, "Rajin"),   call(1, 10, "Dunai"), call(1, 20, "Rajin"), call(1, 30, "Dunai"),
        call(2, 0, "Yingkou"), call(2, 50, "Poti"),  call(2, 60, "Poti"),
    };
    // Another kind of event at a port counts for nothing.
    MovementEvent gap = call(3, 5, "Poti");
    gap.type = EventType::Gap;
    events.push_back(gap);

    auto pair = busiestPortPair(events);
    REQUIRE(pair);
    CHECK(*pair == std::pair(QStringLiteral("Dunai"), QStringLiteral("Rajin")));

    // Only vessel 2 chosen: its one leg.
    pair = busiestPortPair(events, {2});
    REQUIRE(pair);
    CHECK(*pair == std::pair(QStringLiteral("Poti"), QStringLiteral("Yingkou")));

    // Inferred calls are not traffic: vessel 4's only leg is a guess.
    const std::vector<MovementEvent> guessed = {call(4, 0, "Rajin"), call(4, 10, "Vladivostok", true)};
    CHECK_FALSE(busiestPortPair(guessed));

    // No leg between two ports (each vessel at one port): the two busiest ports.
    const std::vector<MovementEvent> apart = {call(5, 0, "Nakhodka"), call(5, 10, "Nakhodka"), call(6, 0, "Zarubino"),
                                              call(7, 0, "Posyet"),   call(7, 10, "Posyet"),   call(7, 20, "Posyet")};
    pair = busiestPortPair(apart);
    REQUIRE(pair);
    CHECK(*pair == std::pair(QStringLiteral("Nakhodka"), QStringLiteral("Posyet")));

    // Nothing to go on.
    CHECK_FALSE(busiestPortPair({}));
    CHECK_FALSE(busiestPortPair(events, {99}));
}
