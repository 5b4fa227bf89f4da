#include <catch2/catch.hpp>

#include "sightlineprocess.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <map>

using namespace sightline::test;

namespace {

const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);

/// The case's simulated AIS in a project of its own, made with the command line.
const QString &trajectoryProject()
{
    static QTemporaryDir dir;
    static const QString project = [] {
        const QString path = dir.filePath(QStringLiteral("case.gpkg"));
        mustRunSightline({QStringLiteral("project"), QStringLiteral("create"), path,
                          kDemo + QStringLiteral("/vector/ports_APPROXIMATE.geojson")});
        mustRunSightline({QStringLiteral("ais"), QStringLiteral("import"),
                          kDemo + QStringLiteral("/ais/case_rajin_dunai_2023_SIMULATED.nmea"),
                          QStringLiteral("--project"), path});
        return path;
    }();
    return project;
}

/// The track lines of a GeoJSON export on stdout: (mmsi, segment, vertices) in the order written.
struct Line
{
    qint64 mmsi;
    int segment;
    qsizetype vertices;
};

std::vector<Line> exportedLines(const QStringList &extra)
{
    const Run r = runSightline(QStringList{QStringLiteral("export"), QStringLiteral("--project"),
                                           trajectoryProject(), QStringLiteral("-o"), QStringLiteral("-"),
                                           QStringLiteral("--what"), QStringLiteral("tracks")} +
                               extra);
    INFO(extra.join(QLatin1Char(' ')).toStdString() << "\n" << r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    std::vector<Line> lines;
    const QJsonArray features =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("features")).toArray();
    for (const QJsonValue &f : features) {
        const QJsonObject o = f.toObject();
        const QJsonObject properties = o.value(QStringLiteral("properties")).toObject();
        if (o.value(QStringLiteral("geometry")).toObject().value(QStringLiteral("type")).toString() !=
            QStringLiteral("LineString"))
            continue;
        lines.push_back({properties.value(QStringLiteral("mmsi")).toInteger(),
                         properties.value(QStringLiteral("segment")).toInt(),
                         o.value(QStringLiteral("geometry"))
                             .toObject()
                             .value(QStringLiteral("coordinates"))
                             .toArray()
                             .size()});
    }
    return lines;
}

qsizetype vertices(const std::vector<Line> &lines)
{
    qsizetype n = 0;
    for (const Line &l : lines)
        n += l.vertices;
    return n;
}

} // namespace

TEST_CASE("export --generalize and --min-interval write fewer vertices; --split cuts the lines by day",
          "[e2e][export][trajectory]")
{
    const std::vector<Line> whole = exportedLines({});
    REQUIRE(whole.size() == 8); // one line a vessel unless asked
    for (const Line &l : whole)
        CHECK(l.segment == 0);

    const std::vector<Line> simplified =
        exportedLines({QStringLiteral("--generalize"), QStringLiteral("50m")});
    REQUIRE(simplified.size() == whole.size());
    CHECK(vertices(simplified) < vertices(whole) / 2);
    for (const Line &l : simplified)
        CHECK(l.vertices >= 2);
    // A coarser tolerance thins further.
    CHECK(vertices(exportedLines({QStringLiteral("--generalize"), QStringLiteral("1km")})) <
          vertices(simplified));
    // In time: at most one position every 30 minutes.
    CHECK(vertices(exportedLines({QStringLiteral("--min-interval"), QStringLiteral("30m")})) <
          vertices(whole));

    // By day: more lines, each vessel's numbered 0, 1, … in order.
    const std::vector<Line> daily = exportedLines({QStringLiteral("--split"), QStringLiteral("day")});
    CHECK(daily.size() > whole.size() * 5);
    std::map<qint64, int> next;
    for (const Line &l : daily)
        CHECK(l.segment >= next[l.mmsi]++);
    // At stops: the moves between them.
    CHECK(exportedLines({QStringLiteral("--split"), QStringLiteral("stop:500m,1h")}).size() > whole.size());

    // Mistakes are named.
    const Run bad = runSightline({QStringLiteral("export"), QStringLiteral("--project"), trajectoryProject(),
                                  QStringLiteral("-o"), QStringLiteral("-"), QStringLiteral("--split"),
                                  QStringLiteral("fortnight")});
    CHECK(bad.exitCode != 0);
    CHECK(bad.err.contains(QStringLiteral("--split")));
    CHECK(bad.err.contains(QStringLiteral("gap:2h")));
}

TEST_CASE("analyze stops writes the stops with their diameter, and --help lists its options",
          "[e2e][analyze][trajectory]")
{
    const Run r = runSightline(
        {QStringLiteral("analyze"), QStringLiteral("stops"), QStringLiteral("--project"), trajectoryProject(),
         QStringLiteral("--max-diameter"), QStringLiteral("300"), QStringLiteral("--min-duration"),
         QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("json")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    CHECK(doc.value(QStringLiteral("analysis")).toString() == QStringLiteral("stops"));
    CHECK(doc.value(QStringLiteral("parameters"))
              .toObject()
              .value(QStringLiteral("max_diameter_m"))
              .toDouble() == 300);
    const QJsonArray stops = doc.value(QStringLiteral("events")).toArray();
    REQUIRE(stops.size() > 0);
    int inPort = 0;
    for (const QJsonValue &v : stops) {
        const QJsonObject e = v.toObject();
        CHECK(e.value(QStringLiteral("type")).toString() == QStringLiteral("stop"));
        CHECK(e.value(QStringLiteral("duration_h")).toDouble() >= 2);
        const QJsonObject details = e.value(QStringLiteral("details")).toObject();
        CHECK(details.value(QStringLiteral("diameter_m")).toDouble() <= 300);
        inPort += details.value(QStringLiteral("in_port")).toBool();
    }
    CHECK(inPort > 0); // the ferries' berth stays
    CHECK(r.err.contains(QStringLiteral("Stop: %1").arg(stops.size())));

    // CSV: the stop table's columns.
    const Run csv = runSightline({QStringLiteral("analyze"), QStringLiteral("stops"),
                                  QStringLiteral("--project"), trajectoryProject()});
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.out.startsWith(QStringLiteral("type,mmsi,vessel")));
    CHECK(csv.out.section(QLatin1Char('\n'), 0, 0).contains(QStringLiteral("diameter_m")));

    const Run help =
        runSightline({QStringLiteral("analyze"), QStringLiteral("stops"), QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    CHECK(help.out.contains(QStringLiteral("--max-diameter")));
    CHECK(help.out.contains(QStringLiteral("--min-duration")));
    const Run list = runSightline({QStringLiteral("analyze"), QStringLiteral("--help")});
    CHECK(list.out.contains(QStringLiteral("stops")));
    CHECK(list.out.contains(QStringLiteral("--max-diameter 500")));
}

TEST_CASE("render --generalize and --min-interval draw the simplified track lines; bad values are named",
          "[e2e][render][trajectory]")
{
    QTemporaryDir dir;
    auto render = [&](const QString &name, const QStringList &extra) {
        const QString out = dir.filePath(name);
        const Run r = runSightline(QStringList{QStringLiteral("render"), QStringLiteral("--project"),
                                               trajectoryProject(), QStringLiteral("--size"),
                                               QStringLiteral("800x500"), QStringLiteral("-o"), out} +
                                   extra);
        INFO(extra.join(QLatin1Char(' ')).toStdString() << "\n" << r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        const QImage image(out);
        REQUIRE(image.size() == QSize(800, 500));
        return image;
    };
    const QImage every = render(QStringLiteral("every.png"), {});
    CHECK(render(QStringLiteral("simplified.png"), {QStringLiteral("--generalize"), QStringLiteral("2km")}) !=
          every);
    CHECK(render(QStringLiteral("hourly.png"), {QStringLiteral("--min-interval"), QStringLiteral("1h")}) !=
          every);
    // 0 is off: every position, as without the option.
    CHECK(render(QStringLiteral("off.png"), {QStringLiteral("--generalize"), QStringLiteral("0m")}) == every);

    for (const auto &[option, value] : {std::pair{QStringLiteral("--generalize"), QStringLiteral("abc")},
                                        std::pair{QStringLiteral("--generalize"), QStringLiteral("-5m")},
                                        std::pair{QStringLiteral("--min-interval"), QStringLiteral("soon")}}) {
        const Run bad = runSightline({QStringLiteral("render"), QStringLiteral("--project"), trajectoryProject(),
                                      option, value, QStringLiteral("-o"), dir.filePath(QStringLiteral("bad.png"))});
        INFO(bad.err.toStdString());
        CHECK(bad.exitCode == 2);
        CHECK(bad.err.contains(option + QStringLiteral(": '") + value + QLatin1Char('\'')));
        CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("bad.png"))));
    }
}
