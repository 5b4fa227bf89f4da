#include "../unit/catchstringmakers.h"

#include "commandlinevalues.h"
#include "model/sighting.h"

#include <QList>

using namespace sightline;

namespace {

constexpr std::int64_t kHour = 3600 * 1000;

std::int64_t utc(const char *iso)
{
    return parseUtcIso(QString::fromLatin1(iso));
}

} // namespace

TEST_CASE("durations are hours or ISO 8601, for every option that takes one", "[cli]")
{
    struct Row
    {
        const char *text;
        std::int64_t ms;
    };
    // Hours as a bare number (analyze's thresholds, animate's --step), and ISO 8601 (both).
    const QList<Row> good = {
        {"12", 12 * kHour},  {"0.5", kHour / 2},      {"0", 0},
        {" 6 ", 6 * kHour},  {"PT6H", 6 * kHour},     {"PT30M", kHour / 2},
        {"P2D", 48 * kHour}, {"P1DT12H", 36 * kHour}, {"pt10m", kHour / 6},
        {"PT0S", 0},         {"P1W", 7 * 24 * kHour}, {"PT1.5H", 3 * kHour / 2},
    };
    for (const Row &row : good) {
        CAPTURE(row.text);
        QString error;
        const auto ms = parseDurationValue(QStringLiteral("--step"), QString::fromLatin1(row.text), &error);
        REQUIRE(ms);
        CHECK(*ms == row.ms);
        CHECK(error.isEmpty());
    }
    for (const char *bad : {"soon", "", "-1", "-PT1H", "P", "PT", "6h", "inf", "nan", "1e300", "PT6H30"}) {
        CAPTURE(bad);
        QString error;
        CHECK_FALSE(parseDurationValue(QStringLiteral("--min-gap"), QString::fromLatin1(bad), &error));
        // The message names the option and the text, and says what would do.
        CHECK(error.startsWith(
            QStringLiteral("--min-gap: '%1' is not a duration").arg(QString::fromLatin1(bad))));
        CHECK(error.contains(QStringLiteral("PT30M")));
    }
}

TEST_CASE("extents are W,S,E,N in WGS84 degrees", "[cli]")
{
    QString error;
    const auto box =
        parseExtentValue(QStringLiteral("--extent"), QStringLiteral("130.25, 42.15,130.75,42.45"), &error);
    REQUIRE(box);
    CHECK(*box == QRectF(QPointF(130.25, 42.15), QPointF(130.75, 42.45)));
    const auto world =
        parseExtentValue(QStringLiteral("--extent"), QStringLiteral("-180,-90,180,90"), &error);
    REQUIRE(world);
    CHECK(world->width() == 360);

    struct Bad
    {
        const char *text;
        const char *says;
    };
    const QList<Bad> bad = {
        {"130,42,131", "--extent needs four numbers W,S,E,N in degrees, got '130,42,131'"},
        {"130,42,131,43,44", "needs four numbers"},
        {"", "needs four numbers"},
        {"a,42,131,43", "--extent: 'a' in 'a,42,131,43' is not a number"},
        {"nan,42,131,43", "'nan' in"},
        {"131,42,130,43", "--extent '131,42,130,43' is not a box"}, // west of east
        {"130,43,131,42", "is not a box"},                          // south of north
        {"130,42,181,43", "is not a box"},
        {"130,-91,131,43", "is not a box"},
    };
    for (const Bad &b : bad) {
        CAPTURE(b.text);
        CHECK_FALSE(parseExtentValue(QStringLiteral("--extent"), QString::fromLatin1(b.text), &error));
        CHECK(error.contains(QString::fromLatin1(b.says)));
    }
}

TEST_CASE("times are ISO 8601 UTC, and ranges ISO 8601 intervals", "[cli]")
{
    QString error;
    auto t = parseTimeValue(QStringLiteral("--at"), QStringLiteral("2023-10-14T02:00Z"), &error);
    REQUIRE(t);
    CHECK(*t == utc("2023-10-14T02:00:00Z"));
    // Without a zone, an analyst's time is UTC; with one, it is taken to UTC.
    t = parseTimeValue(QStringLiteral("--at"), QStringLiteral("2023-10-14T02:00"), &error);
    REQUIRE(t);
    CHECK(*t == utc("2023-10-14T02:00:00Z"));
    t = parseTimeValue(QStringLiteral("--at"), QStringLiteral("2023-10-14T05:00+03:00"), &error);
    REQUIRE(t);
    CHECK(*t == utc("2023-10-14T02:00:00Z"));
    for (const char *bad : {"yesterday", "", "2023-13-01T00:00Z", "14/10/2023"}) {
        CAPTURE(bad);
        CHECK_FALSE(parseTimeValue(QStringLiteral("--at"), QString::fromLatin1(bad), &error));
        CHECK(error.startsWith(QStringLiteral("--at: '%1' is not a UTC time").arg(QString::fromLatin1(bad))));
    }

    auto range =
        parseTimeRangeValue(QStringLiteral("--time"), QStringLiteral("2023-10-14T02:00Z/PT6H"), &error);
    REQUIRE(range);
    CHECK(range->fromMs == utc("2023-10-14T02:00:00Z"));
    CHECK(range->toMs == utc("2023-10-14T08:00:00Z"));
    range = parseTimeRangeValue(QStringLiteral("--time"), QStringLiteral("P2D/2023-10-15T00:00Z"), &error);
    REQUIRE(range);
    CHECK(range->fromMs == utc("2023-10-13T00:00:00Z"));
    range = parseTimeRangeValue(QStringLiteral("--time"), QStringLiteral("2023-10-01/.."), &error);
    REQUIRE(range);
    CHECK(range->toMs == 0); // open at the end

    CHECK_FALSE(parseTimeRangeValue(QStringLiteral("--time"), QStringLiteral("yesterday"), &error));
    CHECK(error.startsWith(QStringLiteral("--time: ")));
    CHECK(error.contains(QStringLiteral("'yesterday'")));
    CHECK_FALSE(
        parseTimeRangeValue(QStringLiteral("--time"), QStringLiteral("2023-10-05/2023-10-01"), &error));
    CHECK(error == QStringLiteral("--time: '2023-10-05/2023-10-01' ends before it starts"));
}

TEST_CASE("sizes and plain numbers name the option and the text they refuse", "[cli]")
{
    QString error;
    const auto size = parseSizeValue(QStringLiteral("--size"), QStringLiteral("1600X1000"), &error);
    REQUIRE(size);
    CHECK(*size == QSize(1600, 1000));
    for (const char *bad : {"big", "0x10", "1600x", "20001x10", "1600x1000x3"}) {
        CAPTURE(bad);
        CHECK_FALSE(parseSizeValue(QStringLiteral("--size"), QString::fromLatin1(bad), &error));
        CHECK(error == QStringLiteral("--size needs WIDTHxHEIGHT in pixels (1–20000), got '%1'")
                           .arg(QString::fromLatin1(bad)));
    }

    const auto number = parseNonNegativeNumber(QStringLiteral("--distance"), QStringLiteral("500"), &error);
    REQUIRE(number);
    CHECK(*number == 500);
    CHECK(parseNonNegativeNumber(QStringLiteral("--stop-start"), QStringLiteral("0.2"), &error) == 0.2);
    for (const char *bad : {"far", "-3", "inf", ""}) {
        CAPTURE(bad);
        CHECK_FALSE(parseNonNegativeNumber(QStringLiteral("--distance"), QString::fromLatin1(bad), &error));
        CHECK(error.startsWith(
            QStringLiteral("--distance: '%1' is not a number").arg(QString::fromLatin1(bad))));
    }
}

TEST_CASE("distances and time steps of the track simplification, one reading for export and render", "[cli]")
{
    QString error;
    CHECK(parseDistanceValue(QStringLiteral("--generalize"), QStringLiteral("50m"), &error) == 50.0);
    CHECK(parseDistanceValue(QStringLiteral("--generalize"), QStringLiteral("0.2km"), &error) == 200.0);
    CHECK(parseDistanceValue(QStringLiteral("--generalize"), QStringLiteral(" 75 "), &error) == 75.0);
    CHECK(parseDistanceValue(QStringLiteral("--generalize"), QStringLiteral("0"), &error) == 0.0);
    for (const char *bad : {"abc", "-5m", "5 miles", "", "1e3"}) {
        CAPTURE(bad);
        error.clear();
        CHECK_FALSE(parseDistanceValue(QStringLiteral("--generalize"), QString::fromLatin1(bad), &error));
        CHECK(error.startsWith(QStringLiteral("--generalize: '%1'").arg(QString::fromLatin1(bad))));
    }

    CHECK(parseIntervalValue(QStringLiteral("--min-interval"), QStringLiteral("60s"), &error) == 60000);
    CHECK(parseIntervalValue(QStringLiteral("--min-interval"), QStringLiteral("5m"), &error) == 300000);
    CHECK(parseIntervalValue(QStringLiteral("--min-interval"), QStringLiteral("1h"), &error) == kHour);
    CHECK(parseIntervalValue(QStringLiteral("--min-interval"), QStringLiteral("2"), &error) == 2 * kHour);
    CHECK(parseIntervalValue(QStringLiteral("--min-interval"), QStringLiteral("PT5M"), &error) == 300000);
    for (const char *bad : {"soon", "-60s", "99999999999999999999d"}) {
        CAPTURE(bad);
        error.clear();
        CHECK_FALSE(parseIntervalValue(QStringLiteral("--min-interval"), QString::fromLatin1(bad), &error));
        CHECK(error.startsWith(QStringLiteral("--min-interval: '%1'").arg(QString::fromLatin1(bad))));
    }
}
