#include "../catchstringmakers.h"

#include "analysis/voyages.h"

using namespace sightline;

namespace {

MovementEvent call(std::uint32_t mmsi, std::int64_t hour, const char *port)
{
    MovementEvent e;
    e.type = EventType::PortCall;
    e.mmsi = mmsi;
    e.startMs = hour * 3600000;
    e.endMs = e.startMs + 3600000;
    e.place = QString::fromUtf8(port);
    return e;
}

/// A call the vessel could have made while dark from `darkHour`, with a stay of `stayHours` possible.
MovementEvent possibleCall(std::uint32_t mmsi, std::int64_t darkHour, const char *port, int stayHours)
{
    MovementEvent e = call(mmsi, darkHour + 1, port);
    e.endMs = e.startMs + stayHours * 3600000LL;
    e.confidence = 1;
    e.details.insert(QStringLiteral("inferred"), true);
    e.details.insert(QStringLiteral("dark_start_ms"), qint64(darkHour * 3600000));
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

    // The case's vessels: seen at Dunai, then dark, when Rajin (near) or Vladivostok and Nakhodka
    // (far: only a short stay possible) could have been called at, then at Dunai again. The dark
    // stop is shared by the stay each port allows: Rajin ⇄ Dunai, not the alphabet's Dunai ⇄ Nakhodka.
    std::vector<MovementEvent> dark;
    for (int trip = 0; trip < 3; ++trip) {
        const int h = trip * 100;
        dark.push_back(call(4, h, "Dunai"));
        dark.push_back(possibleCall(4, h + 10, "Rajin", 30));
        dark.push_back(possibleCall(4, h + 10, "Vladivostok", 4));
        dark.push_back(possibleCall(4, h + 10, "Nakhodka", 2));
    }
    dark.push_back(call(4, 300, "Dunai"));
    pair = busiestPortPair(dark);
    REQUIRE(pair);
    CHECK(*pair == std::pair(QStringLiteral("Dunai"), QStringLiteral("Rajin")));

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
