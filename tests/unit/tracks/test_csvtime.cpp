#include "../catchstringmakers.h"

#include "tracks/csvtime.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <random>

using namespace sightline;

namespace {
std::optional<std::int64_t> parse(const char *text, CsvTimeFormat::Kind kind, const char *pattern = "")
{
    std::int64_t ms = 0;
    if (!parseCsvTime(text, CsvTimeFormat{kind, pattern}, ms))
        return std::nullopt;
    return ms;
}
std::optional<std::int64_t> parse(const QString &text, CsvTimeFormat::Kind kind, const char *pattern = "")
{
    return parse(text.toUtf8().constData(), kind, pattern);
}
std::int64_t utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC).toMSecsSinceEpoch();
}
} // namespace

TEST_CASE("days from civil agrees with Qt's calendar from 1600 to 2400", "[tracks][csv][time]")
{
    const qint64 epochJulian = QDate(1970, 1, 1).toJulianDay();
    for (QDate d(1600, 1, 1); d.year() < 2400; d = d.addDays(1)) {
        if (daysFromCivil(d.year(), unsigned(d.month()), unsigned(d.day())) !=
            d.toJulianDay() - epochJulian) {
            FAIL(d.toString(Qt::ISODate).toStdString());
        }
    }
    STATIC_REQUIRE(daysFromCivil(1970, 1, 1) == 0);
    STATIC_REQUIRE(daysFromCivil(2000, 3, 1) == 11017);
}

TEST_CASE("fixed-field times agree with QDateTime for random instants in every format", "[tracks][csv][time]")
{
    std::mt19937_64 random(20240229);
    // 1850 to 2150: before 1970, around leap days and centuries.
    std::uniform_int_distribution<std::int64_t> instant(utc(1850, 1, 1), utc(2150, 12, 31, 23, 59, 59, 999));
    using K = CsvTimeFormat::Kind;
    for (int i = 0; i < 20000; ++i) {
        const std::int64_t ms = instant(random);
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        const std::int64_t wholeSeconds = ms - ((ms % 1000) + 1000) % 1000;
        CAPTURE(t.toString(Qt::ISODateWithMs));
        CHECK(parse(t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")), K::Iso) == ms);
        CHECK(parse(t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")), K::Iso) == ms);
        CHECK(parse(t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")), K::Iso) == wholeSeconds);
        CHECK(parse(t.toString(QStringLiteral("dd/MM/yyyy HH:mm:ss.zzz")), K::DayMonthYear) == ms);
        CHECK(parse(t.toString(QStringLiteral("dd.MM.yyyy HH:mm:ss")), K::Pattern, "%d.%m.%Y %H:%M:%S") ==
              wholeSeconds);
        CHECK(parse(QString::number(ms), K::UnixMillis) == ms);
        CHECK(parse(QString::number(double(ms) / 1000.0, 'f', 3), K::UnixSeconds) == ms);
        // A zone other than UTC: the same instant written in +05:30 and in -08:00.
        for (int offset : {5 * 3600 + 1800, -8 * 3600}) {
            const QDateTime local = t.toTimeZone(QTimeZone(offset));
            CHECK(parse(local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) +
                            (offset > 0 ? QStringLiteral("+05:30") : QStringLiteral("-0800")),
                        K::Iso) == ms);
        }
    }
}

TEST_CASE("the forms real exports write are read as UTC", "[tracks][csv][time]")
{
    using K = CsvTimeFormat::Kind;
    CHECK(parse("2024-01-01 00:01:02 UTC", K::Iso) == utc(2024, 1, 1, 0, 1, 2)); // Global Fishing Watch
    CHECK(parse("2023-01-11T00:00:00", K::Iso) == utc(2023, 1, 11));             // NOAA MarineCadastre
    CHECK(parse("2014-01-01T04:43:53Z", K::Iso) == utc(2014, 1, 1, 4, 43, 53));
    CHECK(parse("08/02/2018 00:00:00", K::DayMonthYear) == utc(2018, 2, 8)); // DMA: day first
    CHECK(parse(" 2024-02-29T23:59:59.5 ", K::Iso) == utc(2024, 2, 29, 23, 59, 59, 500));
    CHECK(parse("2024-02-29T12:00", K::Iso) == utc(2024, 2, 29, 12));
    CHECK(parse("2024-02-29", K::Iso) == utc(2024, 2, 29));
    CHECK(parse("1969-12-31T23:59:59.999Z", K::Iso) == -1);
    CHECK(parse("1327118530.0", K::UnixSeconds) == 1327118530000LL);
    CHECK(parse("-1.5", K::UnixSeconds) == -1500);
    CHECK(parse("1692100800000", K::UnixMillis) == 1692100800000LL);
    CHECK(parse("15-Aug-2023 12:00:00", K::Pattern, "%d-%b-%Y %H:%M:%S") == utc(2023, 8, 15, 12));
    CHECK(parse("230815 120000", K::Pattern, "%y%m%d %H%M%S") == utc(2023, 8, 15, 12));
}

TEST_CASE("impossible dates and times and stray text are refused", "[tracks][csv][time]")
{
    using K = CsvTimeFormat::Kind;
    for (const char *bad :
         {"2024-02-30 00:00:00", "2023-02-29 00:00:00", "1900-02-29", "2024-01-01 24:00:00",
          "2024-13-01 00:00:00", "2024-00-10", "2024-01-00", "2024-01-01T12:60:00", "2024-01-01T12:00:60",
          "2024-1-01 00:00:00", "2024-01-01 12:00:00 XYZ", "2024-01-01T12:00:00+25:00",
          "2024-01-01T12:00:00.", "yesterday", "", "   ", "2024-01-01x"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse(bad, K::Iso));
    }
    for (const char *bad :
         {"31/02/2024 00:00:00", "01/13/2024 00:00:00", "1/1/24 00:00:00", "01/01/2024 24:00:00"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse(bad, K::DayMonthYear));
    }
    for (const char *bad : {"1692100800x", "1e9", "", "12345678901234567890", "0x10"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse(bad, K::UnixSeconds));
        CHECK_FALSE(parse(bad, K::UnixMillis));
    }
    CHECK_FALSE(parse("15.08.2023 12:00", K::Pattern, "%d.%m.%Y %H:%M:%S"));
    CHECK_FALSE(parse("15.08.2023 12:00:00 extra", K::Pattern, "%d.%m.%Y %H:%M:%S"));
}

TEST_CASE("the time format is told from the first values", "[tracks][csv][time]")
{
    using K = CsvTimeFormat::Kind;
    auto detect = [](std::initializer_list<const char *> values) {
        QList<QByteArray> samples;
        for (const char *v : values)
            samples << QByteArray(v);
        const auto f = detectCsvTimeFormat(samples);
        return f ? std::optional<K>(f->kind) : std::nullopt;
    };
    CHECK(detect({"1327118530.0", "1327118614.0"}) == K::UnixSeconds);
    CHECK(detect({"1692100800000", "", "1692101400000"}) == K::UnixMillis);
    CHECK(detect({"2024-01-01 00:01:02 UTC"}) == K::Iso);
    CHECK(detect({"08/02/2018 00:00:00", "08/02/2018 00:00:01"}) == K::DayMonthYear);
    CHECK_FALSE(detect({"yesterday"}));
    CHECK_FALSE(detect({"2024-01-01T00:00:00", "08/02/2018 00:00:00"})); // no one format reads both
    // A bad row among good ones is left to the import to reject; most must read.
    CHECK(detect({"2023-10-14T00:00:00Z", "2023-10-14T00:10:00Z", "2023-10-14T00:20:00Z", "banana"}) == K::Iso);
    CHECK_FALSE(detect({"banana", "nonsense", "2023-10-14T00:00:00Z"}));
    CHECK_FALSE(detect({}));
}

TEST_CASE("a time format's text (ais import --time-format) names a format or a pattern with a date and a time", "[tracks][csv][time]")
{
    using K = CsvTimeFormat::Kind;
    CHECK(CsvTimeFormat::fromText(QStringLiteral("unix"))->kind == K::UnixSeconds);
    CHECK(CsvTimeFormat::fromText(QStringLiteral("UNIX-MS"))->kind == K::UnixMillis);
    CHECK(CsvTimeFormat::fromText(QStringLiteral("dmy"))->kind == K::DayMonthYear);
    CHECK(CsvTimeFormat::fromText(QStringLiteral("%d.%m.%Y %H:%M"))->pattern == "%d.%m.%Y %H:%M");
    QString error;
    CHECK_FALSE(CsvTimeFormat::fromText(QStringLiteral("%H:%M"), &error));
    CHECK(error.contains(QStringLiteral("%d")));
    CHECK_FALSE(CsvTimeFormat::fromText(QStringLiteral("julian"), &error));
    CHECK(error.contains(QStringLiteral("iso, dmy, unix, unix-ms")));
}
