#include <catch2/catch.hpp>

#include "sightlineprocess.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QFile>
#include <QSet>
#include <QTemporaryDir>

using namespace sightline::test;

namespace {

const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);

void must(const QStringList &args)
{
    const Run r = runSightline(args, QProcessEnvironment::systemEnvironment(), 300000);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.err.toStdString());
    REQUIRE(r.exitCode == 0);
}

QString sql(GDALDataset *ds, const QString &query)
{
    OGRLayer *r = ds->ExecuteSQL(query.toUtf8().constData(), nullptr, nullptr);
    REQUIRE(r);
    OGRFeatureUniquePtr f{r->GetNextFeature()};
    const QString value = f ? QString::fromUtf8(f->GetFieldAsString(0)) : QString();
    ds->ReleaseResultSet(r);
    return value;
}

GDALDatasetUniquePtr openProject(const QString &path)
{
    GDALAllRegister();
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    REQUIRE(ds);
    return ds;
}

QSet<QString> column(GDALDataset *ds, const QString &query)
{
    QSet<QString> values;
    OGRLayer *r = ds->ExecuteSQL(query.toUtf8().constData(), nullptr, nullptr);
    REQUIRE(r);
    for (auto &f : *r)
        values << QString::fromUtf8(f->GetFieldAsString(0));
    ds->ReleaseResultSet(r);
    return values;
}

} // namespace

// The case made on the command line as tools/run-demo.sh makes it, then read as QGIS reads it.
TEST_CASE(
    "the demo project reads right in other GIS tools: valid geometries, declared types, styles, track lines",
    "[e2e][project][qgis]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    must({QStringLiteral("project"), QStringLiteral("create"), project,
          kDemo + QStringLiteral("/vector/ports_APPROXIMATE.geojson"),
          kDemo + QStringLiteral("/vector/ne_10m_ports_case_areas.geojson")});
    must({QStringLiteral("ais"), QStringLiteral("import"),
          kDemo + QStringLiteral("/ais/case_rajin_dunai_2023_SIMULATED.nmea"), QStringLiteral("--project"),
          project});
    must({QStringLiteral("sightings"), QStringLiteral("import"),
          kDemo + QStringLiteral("/sightings/case_sightings_ILLUSTRATIVE.geojson"),
          QStringLiteral("--project"), project});
    for (const QString &kind : {QStringLiteral("gaps"), QStringLiteral("port-calls")})
        must({QStringLiteral("analyze"), kind, QStringLiteral("--project"), project,
              QStringLiteral("--save")});
    must({QStringLiteral("analyze"), QStringLiteral("voyages"), QStringLiteral("--project"), project,
          QStringLiteral("--between"), QStringLiteral("Rajin,Dunai"), QStringLiteral("--save")});

    std::int64_t linesBefore = 0;
    qsizetype vesselsBefore = 0;
    {
        auto ds = openProject(project);
        // Every map table of the project: one declared type, every geometry valid (GEOS).
        const std::vector<std::pair<const char *, const char *>> tables{{"events", "POINT"},
                                                                        {"event_paths", "LINESTRING"},
                                                                        {"track_lines", "LINESTRING"},
                                                                        {"ais_positions", "POINT"},
                                                                        {"sightings_points", "POINT"},
                                                                        {"sightings_counts", "MULTIPOINT"},
                                                                        {"sightings_lines", "LINESTRING"},
                                                                        {"sightings_areas", "POLYGON"}};
        for (const auto &[table, type] : tables) {
            INFO(table);
            CHECK(sql(ds.get(),
                      QStringLiteral(
                          "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = '%1'")
                          .arg(QLatin1String(table))) == QLatin1String(type));
            CHECK(sql(ds.get(),
                      QStringLiteral("SELECT count(*) FROM \"%1\" WHERE geom IS NULL OR NOT ST_IsValid(geom)")
                          .arg(QLatin1String(table))) == QStringLiteral("0"));
        }
        // The case's analyses are all there (the 20 dark periods, the port calls, the voyages); the
        // events that moved have their path, each naming its event and that event's type.
        CHECK(sql(ds.get(), QStringLiteral("SELECT count(*) FROM events WHERE type = 'gap'")) ==
              QStringLiteral("20"));
        CHECK(sql(ds.get(), QStringLiteral("SELECT count(*) FROM events WHERE type = 'port-call'")).toInt() >
              0);
        CHECK(
            sql(ds.get(), QStringLiteral("SELECT count(*) FROM event_paths WHERE type = 'voyage'")).toInt() >
            0);
        CHECK(sql(ds.get(),
                  QStringLiteral("SELECT count(*) FROM event_paths p LEFT JOIN events e ON e.id = p.event_id "
                                 "WHERE e.id IS NULL OR e.type != p.type")) == QStringLiteral("0"));
        // Every sighting of the case is in exactly one view.
        CHECK(sql(ds.get(),
                  QStringLiteral("SELECT (SELECT count(*) FROM sightings_points) + (SELECT count(*) FROM "
                                 "sightings_counts) + (SELECT count(*) FROM sightings_lines) + (SELECT "
                                 "count(*) FROM sightings_areas) - (SELECT count(*) FROM sightings)")) ==
              QStringLiteral("0"));
        // A track line for each vessel that moved, and a style for each layer, the default.
        const QSet<QString> styled =
            column(ds.get(), QStringLiteral("SELECT f_table_name FROM layer_styles WHERE "
                                            "styleName = 'Sightline' AND useAsDefault = 1"));
        for (const char *table : {"events", "event_paths", "track_lines", "ais_positions", "sightings_points",
                                  "sightings_counts", "sightings_lines", "sightings_areas"})
            CHECK(styled.contains(QLatin1String(table)));
        CHECK(column(ds.get(), QStringLiteral("SELECT DISTINCT mmsi FROM track_lines"))
                  .contains(QStringLiteral("273145020")));
        linesBefore = sql(ds.get(), QStringLiteral("SELECT count(*) FROM track_lines")).toLongLong();
        vesselsBefore = column(ds.get(), QStringLiteral("SELECT DISTINCT mmsi FROM track_lines")).size();
        CHECK(linesBefore > 0);
    }

    // A second file, in the Danish Maritime Authority's layout: two vessels an hour under way each.
    // They get lines and colours; the first log's lines stay.
    QFile csv(dir.filePath(QStringLiteral("aisdk_second.csv")));
    REQUIRE(csv.open(QIODevice::WriteOnly));
    csv.write(
        ",# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,IMO,"
        "Callsign,Name,Ship type,Cargo type,Width,Length,Type of position fixing device,Draught,Destination,"
        "ETA,Data source type\n");
    for (int v = 0; v < 2; ++v)
        for (int i = 0; i < 7; ++i)
            csv.write(QStringLiteral(
                          "%1,08/02/2018 %2:%3:00,Class A,%4,%5,%6,Under way using engine,0.0,10.0,90.0,90.0,"
                          "Unknown,,,Undefined,,,,Undefined,,,,AIS\n")
                          .arg(v * 7 + i)
                          .arg(i / 6, 2, 10, QLatin1Char('0'))
                          .arg(i % 6 * 10, 2, 10, QLatin1Char('0'))
                          .arg(v ? QStringLiteral("219000002") : QStringLiteral("219000001"))
                          .arg(55.5 + v * 0.1, 0, 'f', 4)
                          .arg(11.0 + i * 0.02, 0, 'f', 4)
                          .toUtf8());
    csv.close();
    must({QStringLiteral("ais"), QStringLiteral("import"), csv.fileName(), QStringLiteral("--project"),
          project});
    auto ds = openProject(project);
    const QSet<QString> withLines = column(ds.get(), QStringLiteral("SELECT DISTINCT mmsi FROM track_lines"));
    CHECK(sql(ds.get(), QStringLiteral("SELECT count(*) FROM track_lines")).toLongLong() >= linesBefore);
    CHECK(sql(ds.get(), QStringLiteral(
                            "SELECT count(*) FROM track_lines WHERE geom IS NULL OR NOT ST_IsValid(geom)")) ==
          QStringLiteral("0"));
    // Every vessel of the project is a category of the track lines' style.
    const QString qml =
        sql(ds.get(), QStringLiteral("SELECT styleQML FROM layer_styles WHERE styleName = 'Sightline' "
                                     "AND f_table_name = 'track_lines'"));
    for (const QString &mmsi : column(ds.get(), QStringLiteral("SELECT mmsi FROM vessels")))
        CHECK(qml.contains(QStringLiteral("value=\"%1\"").arg(mmsi)));
    // Lines for a vessel come only from its positions: none without them.
    CHECK(sql(ds.get(),
              QStringLiteral(
                  "SELECT count(*) FROM track_lines WHERE mmsi NOT IN (SELECT mmsi FROM ais_positions)")) ==
          QStringLiteral("0"));
    CHECK(withLines.size() == vesselsBefore + 2);
    CHECK(withLines.contains(QStringLiteral("219000001")));
    CHECK(sql(ds.get(), QStringLiteral("SELECT point_count FROM track_lines WHERE mmsi = 219000002")) ==
          QStringLiteral("7"));
}
