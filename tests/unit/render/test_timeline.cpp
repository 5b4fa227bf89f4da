#include "../catchstringmakers.h"

#include "layers/eventlayer.h"
#include "layers/sightinglayer.h"
#include "render/timeaxis.h"
#include "render/timelinefigure.h"
#include "util/utctime.h"

#include <QDir>
#include <QFile>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <random>
#include <set>

using namespace sightline;

namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

std::int64_t utc(int y, int m, int d, int h = 0, int mi = 0)
{
    return unixMsFromUtc(y, m, d, h, mi, 0);
}

struct Civil
{
    std::int64_t year;
    unsigned month, day;
};

Civil civil(std::int64_t ms)
{
    Civil c{};
    std::int64_t days = ms / kDay;
    if (ms % kDay < 0)
        --days;
    civilFromDays(days, c.year, c.month, c.day);
    return c;
}

std::int64_t msOfDay(std::int64_t ms)
{
    return ((ms % kDay) + kDay) % kDay;
}

/// What every axis must be: few enough labels, sorted, inside the span, on whole minutes.
void checkTickBasics(const QList<TimeTick> &ticks, std::int64_t from, std::int64_t to, int maxLabels)
{
    const auto labelled =
        std::count_if(ticks.begin(), ticks.end(), [](const TimeTick &t) { return !t.label.isEmpty(); });
    CHECK(labelled <= maxLabels);
    CHECK(ticks.size() >= 2);
    for (int i = 0; i < ticks.size(); ++i) {
        CAPTURE(i, ticks.at(i).label);
        CHECK(ticks.at(i).ms >= from);
        CHECK(ticks.at(i).ms <= to);
        CHECK(ticks.at(i).ms % kMinute == 0);
        if (i > 0)
            CHECK(ticks.at(i).ms > ticks.at(i - 1).ms);
    }
}

QStringList labelsOf(const QList<TimeTick> &ticks)
{
    QStringList labels;
    for (const TimeTick &t : ticks)
        labels.push_back(t.label);
    return labels;
}

// ---------------------------------------------------------------- figure fixtures

const std::uint32_t kAngara = 273145020;
const std::uint32_t kMaria = 273456780;

MovementEvent makeEvent(EventType type, std::uint32_t mmsi, std::int64_t start, std::int64_t end,
                        QString place = {}, int confidence = 0, bool inferred = false)
{
    MovementEvent e;
    e.type = type;
    e.mmsi = mmsi;
    e.startMs = start;
    e.endMs = end;
    e.place = std::move(place);
    e.confidence = confidence;
    if (type == EventType::PortCall)
        e.details.insert(QStringLiteral("inferred"), inferred);
    return e;
}

std::vector<std::int64_t> positionsEvery(std::int64_t from, std::int64_t to, std::int64_t step,
                                         const QList<QPair<std::int64_t, std::int64_t>> &silent = {})
{
    std::vector<std::int64_t> times;
    for (std::int64_t t = from; t <= to; t += step) {
        const bool dark = std::any_of(silent.begin(), silent.end(),
                                      [&](const auto &s) { return t > s.first && t < s.second; });
        if (!dark)
            times.push_back(t);
    }
    return times;
}

// The small case: Angara dark for 2.5 days, Maria at Dunai for two, one sighting of Angara.
const std::int64_t kFrom = utc(2023, 9, 29);
const std::int64_t kTo = utc(2023, 10, 11);
const std::int64_t kGapStart = utc(2023, 10, 3, 6);
const std::int64_t kGapEnd = utc(2023, 10, 5, 18);
const std::int64_t kCallStart = utc(2023, 10, 6);
const std::int64_t kCallEnd = utc(2023, 10, 8);
const std::int64_t kSightingAt = utc(2023, 10, 9, 12);

TimelineData smallCase(int lanes = 2)
{
    TimelineData data;
    data.fromMs = kFrom;
    data.toMs = kTo;
    TimelineLane angara;
    angara.label = QStringLiteral("ANGARA (273145020)");
    angara.mmsi = kAngara;
    angara.colour = QColor(0x1b, 0x9e, 0x77);
    angara.positionTimesMs = positionsEvery(kFrom, kTo, 10 * kMinute, {{kGapStart, kGapEnd}});
    TimelineLane maria;
    maria.label = QStringLiteral("MARIA (273456780)");
    maria.mmsi = kMaria;
    maria.colour = QColor(0x75, 0x70, 0xb3);
    maria.positionTimesMs = positionsEvery(kFrom, kTo, 10 * kMinute);
    data.lanes = {angara, maria};
    for (int i = 2; i < lanes; ++i) {
        TimelineLane more = maria;
        more.mmsi = kMaria + std::uint32_t(i);
        more.label = QStringLiteral("VESSEL %1 (%2)").arg(i).arg(more.mmsi);
        data.lanes.push_back(more);
    }
    data.lanes = data.lanes.mid(0, lanes);
    data.events.push_back(makeEvent(EventType::Gap, kAngara, kGapStart, kGapEnd));
    data.events.push_back(
        makeEvent(EventType::PortCall, kMaria, kCallStart, kCallEnd, QStringLiteral("Dunai port"), 4));
    data.sightings.push_back({7, kSightingAt, QStringLiteral("vessel"), kAngara});
    return data;
}

bool near(const QColor &a, const QColor &b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

bool isHatchGrey(const QColor &c)
{
    const int hi = std::max({c.red(), c.green(), c.blue()});
    const int lo = std::min({c.red(), c.green(), c.blue()});
    return hi < 200 && hi - lo <= 16;
}

bool isWhite(const QColor &c)
{
    return c.red() >= 250 && c.green() >= 250 && c.blue() >= 250;
}

/// How many pixels in a rectangle of the image satisfy a test.
template <typename Test> int countPixels(const QImage &image, const QRectF &area, Test test)
{
    const QRect r = area.toAlignedRect().intersected(image.rect());
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += test(image.pixelColor(x, y)) ? 1 : 0;
    return n;
}

QFont pixelFont(int px)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(px);
    return font;
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

TEST_CASE("time axis ticks fall on round UTC times at a calendar step", "[timeline]")
{
    SECTION("3 hours across midnight: half hours, the day start major")
    {
        const std::int64_t from = utc(2023, 10, 14, 22, 40);
        const std::int64_t to = utc(2023, 10, 15, 1, 40);
        const QList<TimeTick> ticks = timeAxisTicks(from, to, 8);
        checkTickBasics(ticks, from, to, 8);
        CHECK(labelsOf(ticks) == QStringList{QStringLiteral("23:00"), QStringLiteral("23:30"),
                                             QStringLiteral("15 Oct"), QStringLiteral("00:30"),
                                             QStringLiteral("01:00"), QStringLiteral("01:30")});
        for (const TimeTick &t : ticks) {
            CHECK(t.ms % (30 * kMinute) == 0);
            CHECK(t.major == (msOfDay(t.ms) == 0));
        }
        CHECK(timeAxisContext(from, to, timeAxisStep(from, to, 8)) == QStringLiteral("14–15 Oct 2023"));
    }
    SECTION("2 days: every 6 hours, midnights major and labelled with the day")
    {
        const std::int64_t from = utc(2023, 10, 13, 18);
        const std::int64_t to = utc(2023, 10, 15, 18);
        const QList<TimeTick> ticks = timeAxisTicks(from, to, 10);
        checkTickBasics(ticks, from, to, 10);
        CHECK(ticks.size() == 9);
        int majors = 0;
        for (const TimeTick &t : ticks) {
            CAPTURE(t.label);
            CHECK(t.ms % (6 * kHour) == 0);
            CHECK(t.major == (msOfDay(t.ms) == 0));
            if (t.major) {
                ++majors;
                CHECK(t.label == QStringLiteral("%1 Oct").arg(civil(t.ms).day));
            } else {
                CHECK(t.label == QStringLiteral("%1:00").arg(msOfDay(t.ms) / kHour, 2, 10, QLatin1Char('0')));
            }
        }
        CHECK(majors == 2);
    }
    SECTION("40 days: weekly on the 1st, 8th, 15th and 22nd at 00:00, month starts major")
    {
        const std::int64_t from = utc(2023, 9, 20, 7);
        const std::int64_t to = utc(2023, 10, 30, 7);
        const QList<TimeTick> ticks = timeAxisTicks(from, to, 8);
        checkTickBasics(ticks, from, to, 8);
        CHECK(labelsOf(ticks) == QStringList{QStringLiteral("22 Sep"), QStringLiteral("Oct 2023"),
                                             QStringLiteral("8 Oct"), QStringLiteral("15 Oct"),
                                             QStringLiteral("22 Oct")});
        for (const TimeTick &t : ticks) {
            CHECK(msOfDay(t.ms) == 0);
            CHECK(t.major == (civil(t.ms).day == 1));
        }
        // Daily ticks when there is room for them; still at midnight.
        const QList<TimeTick> daily = timeAxisTicks(from, to, 45);
        CHECK(daily.size() == 40);
        CHECK(std::all_of(daily.begin(), daily.end(), [](const TimeTick &t) { return msOfDay(t.ms) == 0; }));
        CHECK(timeAxisContext(from, to, timeAxisStep(from, to, 8)) == QStringLiteral("2023"));
    }
    SECTION("2 years: quarters on the 1st, year starts major and labelled with the year")
    {
        const std::int64_t from = utc(2022, 11, 15);
        const std::int64_t to = utc(2024, 11, 15);
        const QList<TimeTick> ticks = timeAxisTicks(from, to, 10);
        checkTickBasics(ticks, from, to, 10);
        CHECK(labelsOf(ticks) == QStringList{QStringLiteral("2023"), QStringLiteral("Apr"),
                                             QStringLiteral("Jul"), QStringLiteral("Oct"),
                                             QStringLiteral("2024"), QStringLiteral("Apr"),
                                             QStringLiteral("Jul"), QStringLiteral("Oct")});
        for (const TimeTick &t : ticks) {
            CHECK(msOfDay(t.ms) == 0);
            CHECK(civil(t.ms).day == 1);
            CHECK((civil(t.ms).month - 1) % 3 == 0);
            CHECK(t.major == (civil(t.ms).month == 1));
        }
        // Monthly when 25 labels fit: every month start, still on the 1st.
        const QList<TimeTick> monthly = timeAxisTicks(from, to, 25);
        CHECK(monthly.size() == 24);
        CHECK(std::all_of(monthly.begin(), monthly.end(),
                          [](const TimeTick &t) { return civil(t.ms).day == 1; }));
        CHECK(timeAxisContext(from, to, timeAxisStep(from, to, 10)) == QStringLiteral("2022–2024"));
    }
    SECTION("empty spans and no room give no ticks; before 1970 still lands on midnights")
    {
        CHECK(timeAxisTicks(utc(2023, 1, 1), utc(2023, 1, 1), 5).isEmpty());
        CHECK(timeAxisTicks(utc(2023, 1, 2), utc(2023, 1, 1), 5).isEmpty());
        CHECK(timeAxisTicks(utc(2023, 1, 1), utc(2023, 1, 2), 0).isEmpty());
        const std::int64_t from = utc(1969, 12, 29, 13);
        const std::int64_t to = utc(1970, 1, 3, 5);
        const QList<TimeTick> ticks = timeAxisTicks(from, to, 6);
        checkTickBasics(ticks, from, to, 6);
        CHECK(labelsOf(ticks) == QStringList{QStringLiteral("30 Dec"), QStringLiteral("31 Dec"),
                                             QStringLiteral("Jan 1970"), QStringLiteral("2 Jan"),
                                             QStringLiteral("3 Jan")});
    }
}

TEST_CASE("time axis ticks respect the label budget for any span", "[timeline]")
{
    std::mt19937_64 random(7);
    const std::int64_t base = utc(2000, 1, 1);
    for (int i = 0; i < 400; ++i) {
        // Spans from minutes to decades, spread evenly on a log scale.
        const double logSpan = std::uniform_real_distribution<double>(std::log(10.0 * kMinute),
                                                                      std::log(40.0 * 365 * kDay))(random);
        const std::int64_t from = base + std::int64_t(random() % std::uint64_t(20 * 365 * kDay));
        const std::int64_t to = from + std::int64_t(std::exp(logSpan));
        const int maxLabels = 2 + int(random() % 14);
        CAPTURE(from, to, maxLabels);
        const QList<TimeTick> ticks = timeAxisTicks(from, to, maxLabels);
        CHECK(ticks.size() <= maxLabels);
        // Between two steps a short span can miss the coarser grid (23–31 Oct has no 1st, 8th, 15th or
        // 22nd); with room for five labels there is always a tick.
        if (maxLabels >= 5)
            CHECK_FALSE(ticks.isEmpty());
        for (int k = 0; k < ticks.size(); ++k) {
            CHECK(ticks.at(k).ms >= from);
            CHECK(ticks.at(k).ms <= to);
            CHECK_FALSE(ticks.at(k).label.isEmpty());
            if (k > 0)
                CHECK(ticks.at(k).ms > ticks.at(k - 1).ms);
        }
    }
}

TEST_CASE("the timeline figure draws calls, gaps and sightings where their times fall", "[timeline]")
{
    const TimelineData data = smallCase();
    const QFont font = pixelFont(9);
    const double width = 1000;
    const double height = timelineFigureHeight(data, width, 1.0);
    REQUIRE(height > 0);
    QImage image(int(width), int(std::ceil(height)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        paintTimelineFigure(painter, QRectF(0, 0, width, height), data, font, 1.0);
    }
    const TimelineLayout layout = timelineLayout(data, QRectF(0, 0, width, height), font, 1.0, &image);
    REQUIRE(layout.lanes.size() == 2);
    CHECK(layout.fromMs == kFrom);
    CHECK(layout.toMs == kTo);
    // The plot sits right of the label column and the time maps linearly onto it.
    CHECK(layout.plot.left() > 40);
    CHECK(layout.plot.right() <= width);
    CHECK(layout.axis.bottom() <= height);
    const auto xAt = [&](std::int64_t ms) {
        return layout.plot.left() + double(ms - kFrom) / double(kTo - kFrom) * layout.plot.width();
    };
    CHECK(layout.xForTime(kCallStart) == Approx(xAt(kCallStart)));

    const QColor callColour = EventLayer::eventColour(EventType::PortCall);
    const auto isCall = [&](const QColor &c) { return near(c, callColour, 12); };
    const TimelineLayout::Lane &angara = layout.lanes.at(0);
    const TimelineLayout::Lane &maria = layout.lanes.at(1);

    SECTION("the port call is a bar of the port-call colour from its start to its end")
    {
        for (const std::int64_t ms : {kCallStart + 2 * kHour, utc(2023, 10, 7), kCallEnd - 2 * kHour}) {
            const double x = xAt(ms);
            CAPTURE(x);
            CHECK(countPixels(image, QRectF(x, maria.rect.top(), 1, maria.rect.height()), isCall) >=
                  int(maria.barRow.height() * 0.6));
        }
        // Nothing in that colour before the call began or after it ended, nor in Angara's lane.
        CHECK(countPixels(image,
                          QRectF(xAt(kCallStart - 8 * kHour), maria.rect.top(), 1, maria.rect.height()),
                          isCall) == 0);
        CHECK(countPixels(image, QRectF(xAt(kCallEnd + 8 * kHour), maria.rect.top(), 1, maria.rect.height()),
                          isCall) == 0);
        CHECK(countPixels(image, QRectF(xAt(utc(2023, 10, 7)), angara.rect.top(), 1, angara.rect.height()),
                          isCall) == 0);
    }
    SECTION("the gap is hatched grey on white, and only where Angara was dark")
    {
        const QRectF gap(QPointF(xAt(kGapStart + 6 * kHour), angara.barRow.top() + 1),
                         QPointF(xAt(kGapEnd - 6 * kHour), angara.barRow.bottom() - 1));
        CHECK(countPixels(image, gap, isHatchGrey) > 40);
        CHECK(countPixels(image, gap, isWhite) > 40);
        const QRectF before(QPointF(xAt(kGapStart - 30 * kHour), angara.barRow.top()),
                            QPointF(xAt(kGapStart - 8 * kHour), angara.barRow.bottom()));
        CHECK(countPixels(image, before, isHatchGrey) == 0);
        const QRectF mariaSame(QPointF(gap.left(), maria.barRow.top()),
                               QPointF(gap.right(), maria.barRow.bottom()));
        CHECK(countPixels(image, mariaSame, isHatchGrey) == 0);
    }
    SECTION("the AIS strip is coloured where the vessel reported and empty where it was dark")
    {
        const QColor stripColour = data.lanes.at(0).colour;
        const auto isStrip = [&](const QColor &c) {
            // Any strength of the lane colour over white: green dominant, clearly not grey.
            return c.green() - c.red() > 25 && c.green() - c.blue() > 10 && c != Qt::white;
        };
        REQUIRE(stripColour.green() > stripColour.red());
        const QRectF reporting(QPointF(xAt(utc(2023, 10, 1)), angara.strip.top()),
                               QPointF(xAt(utc(2023, 10, 2)), angara.strip.bottom()));
        const QRectF dark(QPointF(xAt(kGapStart + 3 * kHour), angara.strip.top()),
                          QPointF(xAt(kGapEnd - 3 * kHour), angara.strip.bottom()));
        CHECK(countPixels(image, reporting, isStrip) > 20);
        CHECK(countPixels(image, dark, isStrip) == 0);
    }
    SECTION("sighting 7 is a marker in the sighting colour at its time in Angara's lane")
    {
        const QColor ink = sightingColour(QStringLiteral("vessel"));
        const auto isInk = [&](const QColor &c) { return near(c, ink, 20); };
        const double x = xAt(kSightingAt);
        const QRectF at(QPointF(x - 4, angara.barRow.top()), QPointF(x + 4, angara.barRow.bottom()));
        CHECK(countPixels(image, at, isInk) >= 20);
        // Not elsewhere in the lane, nor in Maria's.
        CHECK(countPixels(image,
                          QRectF(QPointF(layout.plot.left(), angara.rect.top()),
                                 QPointF(x - 12, angara.rect.bottom())),
                          isInk) == 0);
        CHECK(countPixels(image, maria.rect, isInk) == 0);
    }
}

TEST_CASE("only calls inferred from a dark period are drawn as possible calls", "[timeline]")
{
    TimelineData data = smallCase();
    // Seen arriving at Rajin, never seen leaving: confidence 1, and an observation all the same.
    data.events.push_back(makeEvent(EventType::PortCall, kAngara, utc(2023, 10, 7), utc(2023, 10, 8),
                                    QStringLiteral("Rajin (Rason) port"), 1, false));
    // A port it could have reached while dark.
    data.events.push_back(makeEvent(EventType::PortCall, kAngara, kGapStart + 12 * kHour,
                                    kGapEnd - 12 * kHour, QStringLiteral("Nakhodka port"), 1, true));
    QImage image(1000, 400, QImage::Format_ARGB32_Premultiplied);
    const TimelineLayout layout = timelineLayout(data, QRectF(0, 0, 1000, 400), pixelFont(9), 1.0, &image);
    QList<int> seen, possible;
    for (const TimelineLayout::Mark &mark : layout.marks) {
        if (mark.kind == TimelineLayout::Mark::Kind::PortCall)
            seen.push_back(mark.index);
        else if (mark.kind == TimelineLayout::Mark::Kind::PossibleCall)
            possible.push_back(mark.index);
    }
    CHECK(seen == QList<int>{2, 1}); // Angara's at Rajin (its lane comes first), Maria's at Dunai
    CHECK(possible == QList<int>{3});
}

TEST_CASE("the timeline figure grows with its lanes and its key", "[timeline]")
{
    const double one = timelineFigureHeight(smallCase(1), 480, 1.0);
    const double two = timelineFigureHeight(smallCase(2), 480, 1.0);
    const double three = timelineFigureHeight(smallCase(3), 480, 1.0);
    CHECK(one > 0);
    CHECK(two > one);
    CHECK(three - two == Approx(two - one));
    // Scales with the unit.
    CHECK(timelineFigureHeight(smallCase(2), 480 * 4, 4.0) == Approx(4 * two));
    // A sighting linked to no lane gets a lane of its own; acquisitions get another.
    TimelineData more = smallCase(2);
    more.sightings.push_back({8, utc(2023, 10, 4), QStringLiteral("rail cars"), 0});
    const double withSightings = timelineFigureHeight(more, 480, 1.0);
    CHECK(withSightings > two);
    more.acquisitions.push_back({utc(2023, 10, 4), QStringLiteral("WV3 104001008A")});
    CHECK(timelineFigureHeight(more, 480, 1.0) > withSightings);
    // A narrow figure wraps its key onto more rows.
    CHECK(timelineFigureHeight(more, 200, 1.0) > timelineFigureHeight(more, 480, 1.0));
    // Without from/to the span is the data's, padded 3%.
    TimelineData automatic = smallCase(2);
    automatic.fromMs = automatic.toMs = 0;
    const QPair<std::int64_t, std::int64_t> span = timelineSpan(automatic);
    const std::int64_t pad = (kTo - kFrom) * 3 / 100;
    CHECK(span.first == Approx(double(kFrom - pad)).margin(1000));
    CHECK(span.second == Approx(double(kTo + pad)).margin(1000));
    CHECK(timelinePortLabel(QStringLiteral("Rajin (Rason) port")) == QStringLiteral("Rajin (Rason)"));
    CHECK(timelinePortLabel(QStringLiteral("Dunai Port")) == QStringLiteral("Dunai"));
    CHECK(timelinePortLabel(QStringLiteral("Portland")) == QStringLiteral("Portland"));
}

TEST_CASE("the timeline figure copes with little data and a short box", "[timeline]")
{
    const QFont font = pixelFont(9);
    QImage image(400, 300, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    // Nothing at all: an empty axis, no lanes, no crash.
    const TimelineData empty;
    CHECK(timelineSpan(empty) == QPair<std::int64_t, std::int64_t>(0, 0));
    CHECK(timelineFigureHeight(empty, 400, 1.0) > 0);
    paintTimelineFigure(painter, QRectF(0, 0, 400, timelineFigureHeight(empty, 400, 1.0)), empty, font, 1.0);
    // One unlinked sighting: an hour either side of it, in the imagery lane.
    TimelineData one;
    one.sightings.push_back({3, utc(2023, 10, 14, 2), QStringLiteral("pits"), 0});
    CHECK(timelineSpan(one).second - timelineSpan(one).first == 2 * kHour);
    const TimelineLayout oneLayout = timelineLayout(one, QRectF(0, 0, 400, 300), font, 1.0, &image);
    REQUIRE(oneLayout.lanes.size() == 1);
    CHECK(oneLayout.lanes.front().kind == TimelineLayout::LaneKind::Sightings);
    paintTimelineFigure(painter, QRectF(0, 0, 400, 300), one, font, 1.0);
    // A box shorter than needed squeezes the lanes and keeps the axis and key inside it.
    const TimelineData data = smallCase(3);
    const double needed = timelineFigureHeight(data, 400, 1.0);
    const QRectF shortBox(0, 0, 400, needed - 25);
    const TimelineLayout squeezed = timelineLayout(data, shortBox, font, 1.0, &image);
    const TimelineLayout full = timelineLayout(data, QRectF(0, 0, 400, needed), font, 1.0, &image);
    CHECK(squeezed.lanes.front().rect.height() < full.lanes.front().rect.height());
    CHECK(squeezed.key.bottom() <= shortBox.bottom() + 0.01);
    CHECK(full.key.bottom() <= needed + 0.01);
}

TEST_CASE("the timeline figure keeps its text as text in a PDF", "[timeline]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("timeline.pdf"));
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(600);
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        QPainter painter(&writer);
        REQUIRE(painter.isActive());
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(8);
        const double unit = writer.resolution() / 72.0;
        const double width = writer.width();
        const TimelineData data = smallCase();
        const double height = timelineFigureHeight(data, width, unit);
        paintTimelineFigure(painter, QRectF(0, 0, width, height), data, font, unit);
    }
    REQUIRE(QFile(path).size() > 0);
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        WARN("pdftotext (poppler-utils) is not installed: the PDF text check is skipped");
        return;
    }
    const QString text = pdfText(path);
    CAPTURE(text);
    CHECK(text.contains(QStringLiteral("Dunai")));
    CHECK_FALSE(text.contains(QStringLiteral("Dunai port")));
    CHECK(text.contains(QStringLiteral("Oct 2023"))); // the month start's tick label
    CHECK(text.contains(QStringLiteral("ANGARA")));
    CHECK(text.contains(QStringLiteral("MMSI 273456780")));
}

// ---------------------------------------------------------------- the example, by hand

namespace {

/// Two vessels shuttling between Rajin and Dunai for three months: 20 calls and 10 dark periods each.
TimelineData exampleCase()
{
    TimelineData data;
    const std::int64_t start = utc(2023, 8, 1);
    const std::int64_t end = utc(2023, 11, 1);
    std::mt19937 random(11);
    const auto hours = [&](double lo, double hi) {
        return std::int64_t(std::uniform_real_distribution<double>(lo, hi)(random) * double(kHour));
    };
    const QList<QPair<std::uint32_t, QString>> vessels = {{kAngara, QStringLiteral("ANGARA (273145020)")},
                                                          {kMaria, QStringLiteral("MARIA (273456780)")}};
    const QList<QColor> colours = {QColor(0x1b, 0x9e, 0x77), QColor(0x75, 0x70, 0xb3)};
    for (int v = 0; v < vessels.size(); ++v) {
        const std::uint32_t mmsi = vessels.at(v).first;
        QList<QPair<std::int64_t, std::int64_t>> dark;
        std::int64_t t = start + hours(6, 30 + 20 * v);
        bool rajin = v == 0;
        std::vector<MovementEvent> calls;
        for (int c = 0; c < 20; ++c) {
            const std::int64_t stay = hours(14, 40);
            // Every other call is made dark: the vessel switches off before it and on after it.
            const bool hidden = c % 2 == 1;
            MovementEvent call =
                makeEvent(EventType::PortCall, mmsi, t, t + stay,
                          rajin ? QStringLiteral("Rajin (Rason) port") : QStringLiteral("Dunai port"),
                          hidden ? 1 : 3 + c % 2, hidden);
            if (hidden) {
                const std::int64_t off = t - hours(8, 20);
                const std::int64_t on = t + stay + hours(6, 16);
                dark.push_back({off, on});
                data.events.push_back(makeEvent(EventType::Gap, mmsi, off, on));
            }
            calls.push_back(call);
            data.events.push_back(call);
            t += stay + hours(60, 80);
            rajin = !rajin;
        }
        for (std::size_t c = 0; c + 2 < calls.size(); c += 4) {
            MovementEvent trip = makeEvent(EventType::RoundTrip, mmsi, calls.at(c).startMs,
                                           calls.at(c + 2).endMs, QStringLiteral("Dunai ⇄ Rajin"), 1);
            data.events.push_back(trip);
        }
        TimelineLane lane;
        lane.label = vessels.at(v).second;
        lane.mmsi = mmsi;
        lane.colour = colours.at(v);
        std::int64_t p = start;
        while (p < end) {
            const bool isDark = std::any_of(dark.begin(), dark.end(),
                                            [&](const auto &d) { return p > d.first && p < d.second; });
            if (!isDark)
                lane.positionTimesMs.push_back(p);
            p += std::int64_t(std::uniform_int_distribution<int>(2, 45)(random)) * kMinute;
        }
        data.lanes.push_back(lane);
    }
    MovementEvent meet = makeEvent(EventType::Encounter, kAngara, utc(2023, 9, 17, 3), utc(2023, 9, 17, 9));
    meet.otherMmsi = kMaria;
    data.events.push_back(meet);
    data.sightings = {{1, utc(2023, 8, 23, 2), QStringLiteral("vessel"), kAngara},
                      {2, utc(2023, 9, 8, 2), QStringLiteral("vessel"), kMaria},
                      {3, utc(2023, 9, 9, 2), QStringLiteral("containers"), 0},
                      {4, utc(2023, 10, 5, 8), QStringLiteral("rail cars"), 0},
                      {5, utc(2023, 10, 14, 2), QStringLiteral("vessel"), kAngara}};
    data.acquisitions = {{utc(2023, 9, 8, 2), QStringLiteral("WV3 1040010089A5C800")},
                         {utc(2023, 10, 14, 2), QStringLiteral("PNEO 2023-10-14")}};
    return data;
}

} // namespace

TEST_CASE("timeline example for a person to look at", "[.timeline-example]")
{
    const TimelineData data = exampleCase();
    const QString png = qEnvironmentVariableIsSet("SIGHTLINE_TIMELINE_PNG")
                            ? qEnvironmentVariable("SIGHTLINE_TIMELINE_PNG")
                            : QDir::temp().filePath(QStringLiteral("timeline.png"));
    // A4 text width (170 mm = 482 pt) at 1800 px.
    const double width = 1800;
    const double unit = width / 482.0;
    // The brief's furniture font: 7 pt DejaVu Sans.
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(int(std::lround(7 * unit)));
    const double height = timelineFigureHeight(data, width, unit);
    QImage image(int(width), int(std::ceil(height)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        paintTimelineFigure(painter, QRectF(0, 0, width, height), data, font, unit);
    }
    REQUIRE(image.save(png));

    QString pdf = png;
    pdf.replace(QRegularExpression(QStringLiteral("\\.png$")), QStringLiteral(".pdf"));
    QPdfWriter writer(pdf);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(1200);
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
    QPainter painter(&writer);
    QFont pdfFont(QStringLiteral("DejaVu Sans"));
    pdfFont.setPointSizeF(7);
    const double pdfUnit = writer.resolution() / 72.0;
    const double pdfHeight = timelineFigureHeight(data, writer.width(), pdfUnit);
    paintTimelineFigure(painter, QRectF(0, 0, writer.width(), pdfHeight), data, pdfFont, pdfUnit);
}

// ---------------------------------------------------------------- marks: painted where they are picked

namespace {

using Mark = TimelineLayout::Mark;

/// Every kind of mark once or twice, apart from each other, over October 2023.
TimelineData everyMark()
{
    TimelineData data;
    data.fromMs = utc(2023, 10, 1);
    data.toMs = utc(2023, 10, 31);
    TimelineLane angara;
    angara.label = QStringLiteral("ANGARA (273145020)");
    angara.mmsi = kAngara;
    angara.colour = QColor(0x1b, 0x9e, 0x77);
    angara.positionTimesMs = positionsEvery(data.fromMs, data.toMs, 30 * kMinute);
    TimelineLane maria = angara;
    maria.label = QStringLiteral("MARIA (273456780)");
    maria.mmsi = kMaria;
    maria.colour = QColor(0x75, 0x70, 0xb3);
    data.lanes = {angara, maria};
    data.events.push_back(makeEvent(EventType::Gap, kAngara, utc(2023, 10, 2), utc(2023, 10, 4)));
    // A possible call in a dark period, off its middle so that the middle still shows the gap.
    data.events.push_back(makeEvent(EventType::Gap, kAngara, utc(2023, 10, 6), utc(2023, 10, 10)));
    data.events.push_back(makeEvent(EventType::PortCall, kAngara, utc(2023, 10, 8, 12), utc(2023, 10, 9, 18),
                                    QStringLiteral("Rajin (Rason) port"), 1, true));
    data.events.push_back(makeEvent(EventType::PortCall, kAngara, utc(2023, 10, 12), utc(2023, 10, 14),
                                    QStringLiteral("Dunai port"), 4));
    data.events.push_back(makeEvent(EventType::RoundTrip, kAngara, utc(2023, 10, 11), utc(2023, 10, 15),
                                    QStringLiteral("Dunai ⇄ Rajin"), 2));
    data.events.push_back(makeEvent(EventType::Loitering, kAngara, utc(2023, 10, 16), utc(2023, 10, 17)));
    data.events.push_back(makeEvent(EventType::Spoofing, kAngara, utc(2023, 10, 19), utc(2023, 10, 19, 1)));
    data.events.push_back(makeEvent(EventType::PortCall, kMaria, utc(2023, 10, 3), utc(2023, 10, 5),
                                    QStringLiteral("Rajin (Rason) port"), 3));
    // A safety message heard from the ship: an instant, a bubble over the lane.
    data.events.push_back(makeEvent(EventType::SafetyMessage, kMaria, utc(2023, 10, 14), utc(2023, 10, 14)));
    // An encounter as the analysis stores it: once from each vessel's side.
    MovementEvent meet =
        makeEvent(EventType::Encounter, kAngara, utc(2023, 10, 22, 6), utc(2023, 10, 22, 12));
    meet.otherMmsi = kMaria;
    data.events.push_back(meet);
    std::swap(meet.mmsi, meet.otherMmsi);
    data.events.push_back(meet);
    data.sightings = {{1, utc(2023, 10, 27), QStringLiteral("vessel"), kAngara},
                      {2, utc(2023, 10, 25), QStringLiteral("vessel"), kMaria},
                      {3, utc(2023, 10, 10), QStringLiteral("containers"), 0},
                      {4, utc(2023, 10, 20), QStringLiteral("rail cars"), 0}};
    data.acquisitions = {{utc(2023, 10, 9), QStringLiteral("WV3 1040010089A5C800")},
                         {utc(2023, 10, 24), QStringLiteral("PNEO 2023-10-14")}};
    return data;
}

/// The records of what `mark` stands for: its own, and for an encounter the other vessel's too.
QSet<int> recordsOf(const TimelineData &data, const Mark &mark)
{
    QSet<int> records{mark.index};
    if (mark.subject() != Mark::Subject::Event)
        return records;
    const MovementEvent &e = data.events.at(std::size_t(mark.index));
    if (e.type == EventType::Encounter)
        for (std::size_t i = 0; i < data.events.size(); ++i) {
            const MovementEvent &o = data.events.at(i);
            if (o.type == EventType::Encounter && o.startMs == e.startMs &&
                std::minmax(o.mmsi, o.otherMmsi) == std::minmax(e.mmsi, e.otherMmsi))
                records.insert(int(i));
        }
    return records;
}

TimelineData without(const TimelineData &data, Mark::Subject subject, const QSet<int> &records)
{
    TimelineData less = data;
    less.events.clear();
    less.sightings.clear();
    less.acquisitions.clear();
    for (std::size_t i = 0; i < data.events.size(); ++i)
        if (subject != Mark::Subject::Event || !records.contains(int(i)))
            less.events.push_back(data.events.at(i));
    for (int i = 0; i < data.sightings.size(); ++i)
        if (subject != Mark::Subject::Sighting || !records.contains(i))
            less.sightings.push_back(data.sightings.at(i));
    for (int i = 0; i < data.acquisitions.size(); ++i)
        if (subject != Mark::Subject::Acquisition || !records.contains(i))
            less.acquisitions.push_back(data.acquisitions.at(i));
    return less;
}

} // namespace

TEST_CASE("the timeline's marks are picked where they are painted", "[timeline]")
{
    const TimelineData data = everyMark();
    const double unit = 2;
    const QFont font = pixelFont(17);
    // Taller than the figure needs, so that taking a mark away (and with it a key entry) moves nothing.
    const QRectF box(0, 0, 1600, 1000);
    REQUIRE(timelineFigureHeight(data, box.width(), unit) < box.height());
    const auto paint = [&](const TimelineData &d) {
        QImage image(box.size().toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        paintTimelineFigure(painter, timelineLayout(d, box, font, unit, &image), d);
        return image;
    };
    const QImage image = paint(data);
    const TimelineLayout layout = timelineLayout(data, box, font, unit, &image);

    std::set<Mark::Kind> kinds;
    for (const Mark &mark : layout.marks)
        kinds.insert(mark.kind);
    CHECK(kinds.size() == std::size_t(Mark::Kind::AcquisitionName) + 1);
    REQUIRE(layout.marks.size() >= 17);

    for (const Mark &mark : layout.marks) {
        CAPTURE(int(mark.kind), mark.index, mark.rect);
        // The middle of a mark picks it (or a mark drawn over it for the same thing: a call's name).
        const Mark *hit = layout.markAt(mark.rect.center());
        REQUIRE(hit);
        CHECK(hit->subject() == mark.subject());
        CHECK(hit->index == mark.index);

        // Painted without it, the figure changes where the mark is picked, and nowhere in the plot
        // outside what the layout says is drawn for it.
        const QSet<int> records = recordsOf(data, mark);
        const QImage other = paint(without(data, mark.subject(), records));
        QList<QRectF> drawn;
        for (const Mark &m : layout.marks)
            if (m.subject() == mark.subject() && records.contains(m.index))
                for (const QRectF &r : {m.rect, m.shape, QRectF(m.line.p1(), m.line.p2()).normalized()})
                    if (!r.isNull())
                        drawn.push_back(r.adjusted(-2 * unit, -2 * unit, 2 * unit, 2 * unit));
        int picked = 0, outside = 0;
        const QRect plot = layout.plot.toAlignedRect().intersected(image.rect());
        for (int y = plot.top(); y <= plot.bottom(); ++y)
            for (int x = plot.left(); x <= plot.right(); ++x) {
                if (image.pixel(x, y) == other.pixel(x, y))
                    continue;
                const QPointF p(x + 0.5, y + 0.5);
                if (mark.rect.contains(p))
                    ++picked;
                if (std::none_of(drawn.begin(), drawn.end(), [&](const QRectF &r) { return r.contains(p); }))
                    ++outside;
            }
        CHECK(picked > 0);
        CHECK(outside == 0);
    }
}
