#include "../catchstringmakers.h"

#include "util/datetimetext.h"

#include <QDateTime>
#include <QTimeZone>

using namespace sightline;

namespace {

/// The expectation written the independent way: Qt's own reading of a strict ISO UTC text.
std::int64_t utc(const char *iso)
{
    QDateTime d = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    d.setTimeZone(QTimeZone::utc());
    return d.toMSecsSinceEpoch();
}

struct Row
{
    const char *typed;
    const char *expected; ///< ISO UTC, no zone (read as UTC by utc())
    bool ambiguous;       ///< the field must say which day/month order it took
};

} // namespace

TEST_CASE("typed and pasted dates are read the way an analyst means them", "[datetime]")
{
    const Row rows[] = {
        // The two the issue saw going wrong in the old spin-box field.
        {"2023-10-05 02:30", "2023-10-05T02:30:00", false},
        {"2023-10-05 00:00", "2023-10-05T00:00:00", false},
        // ISO 8601: T or space, seconds and fractions optional, zones.
        {"2023-10-05T02:30", "2023-10-05T02:30:00", false},
        {"2023-10-05T02:30:15", "2023-10-05T02:30:15", false},
        {"2023-10-05T02:30:15.250Z", "2023-10-05T02:30:15.250", false},
        {"2023-10-05T02:30Z", "2023-10-05T02:30:00", false},
        {"2023-10-05T11:30+09:00", "2023-10-05T02:30:00", false},
        {"2023-10-04 21:30 -05:00", "2023-10-05T02:30:00", false},
        {"2023-10-05T0230", "2023-10-05T02:30:00", false},
        {"20231005T023000Z", "2023-10-05T02:30:00", false},
        {"2023-10-05", "2023-10-05T00:00:00", false},
        {"  2023-10-05   02:30 UTC ", "2023-10-05T02:30:00", false},
        {"2023/10/05 02:30", "2023-10-05T02:30:00", false},
        // Day first by default; a second number over 12 makes it month first.
        {"05/10/2023 02:30", "2023-10-05T02:30:00", true},
        {"10/05/2023", "2023-05-10T00:00:00", true},
        {"25/10/2023 02:30", "2023-10-25T02:30:00", false},
        {"10/25/2023 02:30", "2023-10-25T02:30:00", false},
        {"05.10.2023 02:30", "2023-10-05T02:30:00", true},
        {"05-10-2023", "2023-10-05T00:00:00", true},
        {"05/05/2023", "2023-05-05T00:00:00", false},
        // Month names, either order.
        {"5 Oct 2023 02:30", "2023-10-05T02:30:00", false},
        {"5 October 2023", "2023-10-05T00:00:00", false},
        {"05-Oct-2023 02:30:10", "2023-10-05T02:30:10", false},
        {"Oct 5, 2023", "2023-10-05T00:00:00", false},
        {"October 5, 2023 02:30", "2023-10-05T02:30:00", false},
        {"Sept 5 2023, 02:30Z", "2023-09-05T02:30:00", false},
        {"29 Feb 2024", "2024-02-29T00:00:00", false},
    };
    for (const Row &row : rows) {
        INFO(row.typed);
        const DateTimeReading r = readDateTime(QString::fromUtf8(row.typed));
        REQUIRE(r.value.has_value());
        CHECK(r.error.isEmpty());
        CHECK(r.value->ms == utc(row.expected));
        CHECK(r.value->reading.isEmpty() == !row.ambiguous);
    }
}

TEST_CASE("what is not a date is refused with a reason, never rolled over", "[datetime]")
{
    const char *bad[] = {
        "",
        "yesterday",
        "2023-13-05",
        "2023-02-30",
        "31/02/2023",
        "13/13/2023",
        "29 Feb 2023",
        "2023-10-05 24:00",
        "2023-10-05 02:61",
        "2023-10-05 02:30 tomorrow",
        "5 Octember 2023",
        "2023-10-05T02:30+25:00",
        "05/10/23",
        "0000-10-05",
    };
    for (const char *text : bad) {
        INFO(text);
        const DateTimeReading r = readDateTime(QString::fromUtf8(text));
        CHECK_FALSE(r.value.has_value());
        CHECK_FALSE(r.error.isEmpty());
    }
}

TEST_CASE("strict ISO 8601 reads what files write and nothing looser", "[datetime]")
{
    CHECK(parseIsoDateTime(QStringLiteral("2023-10-05T02:13:07.5Z"))->ms == utc("2023-10-05T02:13:07.500"));
    CHECK(parseIsoDateTime(QStringLiteral("2023-10-05"))->dateOnly);
    CHECK_FALSE(parseIsoDateTime(QStringLiteral("2023-10-05T02:30"))->dateOnly);
    CHECK_FALSE(parseIsoDateTime(QStringLiteral("05/10/2023")));
    CHECK_FALSE(parseIsoDateTime(QStringLiteral("5 Oct 2023")));
    CHECK_FALSE(parseIsoDateTime(QStringLiteral("2023-10-32")));
}

TEST_CASE("a time is shown to the minute, with seconds only when there are some", "[datetime]")
{
    CHECK(formatUtcMinutes(utc("2023-10-05T02:30:00")) == QStringLiteral("2023-10-05 02:30 UTC"));
    CHECK(formatUtcMinutes(utc("2023-10-05T02:30:15")) == QStringLiteral("2023-10-05 02:30:15 UTC"));
    CHECK(formatUtcMinutes(utc("1969-12-31T23:59:00")) == QStringLiteral("1969-12-31 23:59 UTC"));
}
