#include "../catchstringmakers.h"

#include "project/sightinginterchange.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace sightline;

namespace {

Sighting vessel()
{
    Sighting s;
    s.id = 11;
    s.kind = QStringLiteral("vessel");
    s.geometry.lonLat = {QPointF(130.30000000000001, 42.245)};
    s.vesselMmsi = 273145020;
    s.vesselName = QStringLiteral("ANGARA");
    s.observedAtMs = parseUtcIso(QStringLiteral("2023-08-20T01:30:00.125Z"));
    s.sourceReliability = QLatin1Char('A');
    s.informationCredibility = 1;
    s.analyst = QStringLiteral("Анна Petrova");
    s.notes =
        QStringLiteral("moored at the coal quay, \"bow north\"\nsecond line: 日本語 ünïcode ]]> <b>&amp;");
    s.tags = {QStringLiteral("Rajin"), QStringLiteral("Раджин"), QStringLiteral("coal")};
    s.createdMs = parseUtcIso(QStringLiteral("2023-08-21T09:00:00.001Z"));
    s.updatedMs = parseUtcIso(QStringLiteral("2023-08-22T10:00:00Z"));
    s.version = 3;
    return s;
}

Sighting railCars()
{
    Sighting s;
    s.id = 12;
    s.kind = QStringLiteral("rail cars");
    s.geometry.type = SightingGeometry::Type::MultiPoint;
    for (int i = 0; i < 3; ++i) // 42.432 - 0.00006 is 42.431940000000004: no rounding may lose that
        s.geometry.lonLat << QPointF(130.47 + i * 0.0001, 42.432 - i * 0.00003);
    s.count = 3;
    s.imagerySource = QStringLiteral("LC08_L1TP_114031_20231005");
    s.imageryProvider = QStringLiteral("USGS Landsat 8");
    s.imageryAcquiredMs = parseUtcIso(QStringLiteral("2023-10-05T02:13:07.5Z"));
    s.imageryResolutionM = 0.3;
    s.sourceReliability = QLatin1Char('B');
    s.informationCredibility = 2;
    s.analyst = QStringLiteral("analyst one");
    s.createdMs = parseUtcIso(QStringLiteral("2023-10-06T00:00:00Z"));
    s.updatedMs = s.createdMs;
    s.version = 1;
    return s; // no observation time: written as empty, read back as unknown
}

Sighting construction()
{
    Sighting s;
    s.id = 13;
    s.kind = QStringLiteral("construction");
    s.geometry.type = SightingGeometry::Type::Line;
    s.geometry.lonLat = {QPointF(-0.5, 51.25), QPointF(-0.49999, 51.2501), QPointF(-0.4998, 51.2499)};
    s.observedAtMs = parseUtcIso(QStringLiteral("2024-02-29T23:59:59Z"));
    s.tags = {QStringLiteral("road")};
    s.version = 1;
    return s;
}

Sighting pits()
{
    Sighting s;
    s.id = 14;
    s.kind = QStringLiteral("pits");
    s.geometry.type = SightingGeometry::Type::Polygon; // stored open
    s.geometry.lonLat = {QPointF(132.35, 42.85), QPointF(132.36, 42.85), QPointF(132.36, 42.86),
                         QPointF(132.35, 42.86)};
    s.observedAtMs = parseUtcIso(QStringLiteral("2023-09-01T12:00:00Z"));
    s.notes = QStringLiteral("a, b; c\td");
    s.sourceReliability = QLatin1Char('C');
    s.informationCredibility = 3;
    s.version = 2;
    return s;
}

QList<Sighting> sample()
{
    return {vessel(), railCars(), construction(), pits()};
}

std::string describe(const Sighting &s)
{
    QStringList points;
    for (const QPointF &p : s.geometry.lonLat)
        points << QString::number(p.x(), 'g', 17) + QLatin1Char(' ') + QString::number(p.y(), 'g', 17);
    return QStringLiteral("%1 [%2] %3")
        .arg(int(s.geometry.type))
        .arg(points.join(QStringLiteral(", ")),
             QString::fromUtf8(QJsonDocument(sightingToJson(s)).toJson(QJsonDocument::Compact)))
        .toStdString();
}

QString write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text);
    return path;
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

struct Case
{
    SightingFormat format;
    const char *file;
};

} // namespace

TEST_CASE("sightings go out in each format as other tools read them, and come back field for field",
          "[interchange]")
{
    const Case c =
        GENERATE(Case{SightingFormat::GeoJson, "sightings.geojson"},
                 Case{SightingFormat::Kml, "sightings.kml"}, Case{SightingFormat::Csv, "sightings.csv"});
    QTemporaryDir dir;
    const QString path = dir.filePath(QString::fromLatin1(c.file));
    INFO(c.file);
    REQUIRE(sightingFormatForPath(path) == c.format);
    const QList<Sighting> sightings = sample();
    QString error;
    REQUIRE(exportSightings(sightings, path, c.format, &error));
    CHECK(error.isEmpty());

    // As GDAL (and so QGIS) reads the file: one feature per sighting, the geometry and the key fields.
    {
        GDALDatasetUniquePtr ds(GDALDataset::FromHandle(GDALOpenEx(
            path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
        REQUIRE(ds);
        REQUIRE(ds->GetLayerCount() == 1);
        if (c.format == SightingFormat::Kml)
            CHECK(QString::fromUtf8(ds->GetDriverName()) == QStringLiteral("LIBKML"));
        OGRLayer *layer = ds->GetLayer(0);
        REQUIRE(layer->GetFeatureCount() == 4);
        const OGRwkbGeometryType types[] = {wkbPoint, wkbMultiPoint, wkbLineString, wkbPolygon};
        int i = 0;
        for (auto &f : *layer) {
            const Sighting &s = sightings[i];
            INFO("feature " << i);
            const OGRGeometry *g = f->GetGeometryRef();
            REQUIRE(g);
            CHECK(wkbFlatten(g->getGeometryType()) == types[i]);
            CHECK(QString::fromUtf8(f->GetFieldAsString("kind")) == s.kind);
            CHECK(f->GetFieldAsInteger("count") == s.count);
            CHECK(QString::fromUtf8(f->GetFieldAsString("notes")) == s.notes);
            if (c.format == SightingFormat::Kml)
                CHECK(QString::fromUtf8(f->GetFieldAsString("Name")) == s.title());
            else
                CHECK(f->GetFieldAsInteger64("id") == s.id);
            if (types[i] == wkbPoint) {
                CHECK(g->toPoint()->getX() == s.geometry.lonLat[0].x());
                CHECK(g->toPoint()->getY() == s.geometry.lonLat[0].y());
            } else if (types[i] == wkbMultiPoint) {
                const OGRMultiPoint *mp = g->toMultiPoint();
                REQUIRE(mp->getNumGeometries() == 3);
                CHECK(mp->getGeometryRef(2)->getX() == s.geometry.lonLat[2].x());
            } else if (types[i] == wkbLineString) {
                REQUIRE(g->toLineString()->getNumPoints() == 3);
                CHECK(g->toLineString()->getY(1) == s.geometry.lonLat[1].y());
            } else {
                // In the file the ring is closed, as every reader expects.
                const OGRLinearRing *ring = g->toPolygon()->getExteriorRing();
                REQUIRE(ring->getNumPoints() == 5);
                CHECK(ring->getX(0) == ring->getX(4));
                CHECK(ring->getY(0) == ring->getY(4));
                CHECK(ring->getX(2) == s.geometry.lonLat[2].x());
            }
            ++i;
        }
        CHECK(i == 4);
    }

    // Back through readSightings: everything but the id, exactly.
    QStringList problems;
    const std::optional<QList<Sighting>> back = readSightings(path, &error, &problems);
    INFO(error.toStdString());
    REQUIRE(back);
    CHECK(problems.isEmpty());
    REQUIRE(back->size() == sightings.size());
    for (int i = 0; i < sightings.size(); ++i) {
        Sighting want = sightings[i];
        want.id = 0;
        CHECK(describe((*back)[i]) == describe(want));
        CHECK((*back)[i] == want);
    }
}

TEST_CASE("a KML export is what Google Earth expects", "[interchange]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.kml"));
    REQUIRE(exportSightings(sample(), path, SightingFormat::Kml, nullptr));
    const QString kml = readText(path);
    CHECK(kml.startsWith(QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")));
    CHECK(kml.contains(QStringLiteral("<kml xmlns=\"http://www.opengis.net/kml/2.2\">")));
    CHECK(kml.contains(QStringLiteral("<name>case</name>")));
    CHECK(kml.contains(QStringLiteral("<Placemark id=\"sighting-11\">")));
    CHECK(kml.contains(QStringLiteral("<name>Vessel: ANGARA</name>")));
    CHECK(kml.contains(QStringLiteral("<name>3 rail cars</name>")));
    CHECK(kml.contains(QStringLiteral("<TimeStamp>")));
    CHECK(kml.contains(QStringLiteral("<when>2023-08-20T01:30:00.125Z</when>")));
    CHECK(kml.count(QStringLiteral("<when>")) == 3); // the rail cars have no observation time
    CHECK(kml.contains(QStringLiteral("<Data name=\"observed_at\">")));
    CHECK(kml.count(QStringLiteral("<Point>")) == 4); // the vessel and the three marks
    CHECK(kml.contains(QStringLiteral("<MultiGeometry>")));
    CHECK(kml.contains(QStringLiteral("132.35,42.85 132.36,42.85 132.36,42.86 132.35,42.86 132.35,42.85")));
    // The balloon: the fields as a table, the notes escaped.
    CHECK(kml.contains(QStringLiteral("<th align=\"left\">Vessel</th><td>ANGARA, MMSI 273145020</td>")));
    CHECK(kml.contains(QStringLiteral("]]&gt; &lt;b&gt;&amp;amp;")));

    // What GDAL reads as the Placemark's time.
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRFeatureUniquePtr first{ds->GetLayer(0)->GetNextFeature()};
    REQUIRE(first);
    CHECK(QString::fromUtf8(first->GetFieldAsString("timestamp")) ==
          QStringLiteral("2023/08/20 01:30:00.125+00"));
}

TEST_CASE("GeoJSON and CSV exports write the properties the way other tools expect", "[interchange]")
{
    QTemporaryDir dir;
    const QString geojson = dir.filePath(QStringLiteral("s.geojson"));
    REQUIRE(exportSightings(sample(), geojson, SightingFormat::GeoJson, nullptr));
    const QJsonObject collection = QJsonDocument::fromJson(readText(geojson).toUtf8()).object();
    CHECK(collection.value(QStringLiteral("type")) == QStringLiteral("FeatureCollection"));
    const QJsonObject first = collection.value(QStringLiteral("features")).toArray().at(0).toObject();
    CHECK(first.value(QStringLiteral("id")).toInteger() == 11);
    CHECK(first.value(QStringLiteral("properties")).toObject() == sightingToJson(vessel()));
    CHECK(readText(geojson).contains(QStringLiteral("[130.4702,42.431940000000004]")));

    const QString csv = dir.filePath(QStringLiteral("s.csv"));
    REQUIRE(exportSightings(sample(), csv, SightingFormat::Csv, nullptr));
    const QStringList lines = readText(csv).split(QStringLiteral("\r\n"));
    CHECK(lines.value(0).startsWith(QStringLiteral("WKT,id,kind,observed_at,count,")));
    CHECK(lines.value(1).startsWith(
        QStringLiteral("POINT (130.3 42.245),11,vessel,2023-08-20T01:30:00.125Z,0,")));
    CHECK(lines.value(1).contains(QStringLiteral("\"Rajin, Раджин, coal\"")));
    CHECK(lines.value(2).startsWith(QStringLiteral(
        "\"MULTIPOINT ((130.47 42.432), (130.4701 42.43197), (130.4702 42.431940000000004))\"")));
    CHECK(lines.value(4).startsWith(QStringLiteral(
        "\"POLYGON ((132.35 42.85, 132.36 42.85, 132.36 42.86, 132.35 42.86, 132.35 42.85))\",14,pits")));
}

TEST_CASE("files from other tools: foreign KML, longitude/latitude CSV, multipoints without a count",
          "[interchange]")
{
    QTemporaryDir dir;
    QStringList problems;
    QString error;

    // Google Earth's own Placemark: name, description, time and nothing of ours.
    const QString kml =
        write(dir.filePath(QStringLiteral("earth.kml")), R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>Pins</name>
<Placemark><name>Crane</name><description>tall</description>
<TimeStamp><when>2023-10-05T11:13:00+09:00</when></TimeStamp>
<Point><coordinates>130.1,42.2,0</coordinates></Point></Placemark>
</Folder></Document></kml>
)");
    std::optional<QList<Sighting>> read = readSightings(kml, &error, &problems);
    INFO(error.toStdString());
    REQUIRE(read);
    REQUIRE(read->size() == 1);
    CHECK(read->at(0).kind == QStringLiteral("other"));
    CHECK(read->at(0).notes == QStringLiteral("Crane\ntall"));
    CHECK(read->at(0).observedAtMs == parseUtcIso(QStringLiteral("2023-10-05T02:13:00Z")));
    CHECK(read->at(0).geometry.lonLat == QList<QPointF>{QPointF(130.1, 42.2)});

    const QString csv =
        write(dir.filePath(QStringLiteral("points.csv")),
              "Latitude,Longitude,kind,notes,tags\n42.5,130.25,Vessel,\"at anchor, east\",\"a, b\"\n");
    read = readSightings(csv, &error, &problems);
    REQUIRE(read);
    REQUIRE(read->size() == 1);
    CHECK(read->at(0).kind == QStringLiteral("vessel"));
    CHECK(read->at(0).geometry.lonLat == QList<QPointF>{QPointF(130.25, 42.5)});
    CHECK(read->at(0).tags == QStringList{QStringLiteral("a"), QStringLiteral("b")});
    CHECK(read->at(0).notes == QStringLiteral("at anchor, east"));

    const QString json = write(dir.filePath(QStringLiteral("marks.json")),
                               R"({"type":"Feature","properties":{"kind":"vehicles","tags":["x","y"]},
                                  "geometry":{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}})");
    read = readSightings(json, &error, &problems);
    REQUIRE(read);
    REQUIRE(read->size() == 1);
    CHECK(read->at(0).count == 2);
    CHECK(read->at(0).tags == QStringList{QStringLiteral("x"), QStringLiteral("y")});
    CHECK(problems.isEmpty());
}

TEST_CASE("unreadable files are refused, unreadable features skipped with where and why",
          "[interchange][bad-input]")
{
    QTemporaryDir dir;
    QString error;
    QStringList problems;

    const QString missing = dir.filePath(QStringLiteral("missing.geojson"));
    CHECK(!readSightings(missing, &error, &problems));
    CHECK(error == QStringLiteral("'%1': no such file").arg(missing));
    QDir(dir.path()).mkdir(QStringLiteral("folder.kml"));
    CHECK(!readSightings(dir.filePath(QStringLiteral("folder.kml")), &error, &problems));
    CHECK(error.contains(QStringLiteral("not a file")));
    const QString text = write(dir.filePath(QStringLiteral("notes.txt")), "hello");
    CHECK(!readSightings(text, &error, &problems));
    CHECK(error.contains(text));
    CHECK(error.contains(QStringLiteral("unknown format")));
    CHECK(!sightingFormatForPath(text));

    const QString broken = write(dir.filePath(QStringLiteral("broken.geojson")),
                                 "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",,\n");
    CHECK(!readSightings(broken, &error, &problems));
    CHECK(error.startsWith(QStringLiteral("'%1': not valid JSON: ").arg(broken)));
    CHECK(error.contains(QStringLiteral("line 2")));
    const QString array = write(dir.filePath(QStringLiteral("array.json")), "[1, 2]");
    CHECK(!readSightings(array, &error, &problems));
    CHECK(error.contains(QStringLiteral("not GeoJSON")));
    const QString garbageKml =
        write(dir.filePath(QStringLiteral("garbage.kml")), "PK\x03\x04 not xml at all");
    CHECK(!readSightings(garbageKml, &error, &problems));
    CHECK(error.startsWith(QStringLiteral("'%1': not a KML file").arg(garbageKml)));
    const QString noGeometryColumns =
        write(dir.filePath(QStringLiteral("plain.csv")), "name,kind\nA,vessel\n");
    CHECK(!readSightings(noGeometryColumns, &error, &problems));
    CHECK(error.contains(QStringLiteral("no WKT column and no longitude/latitude columns")));
    CHECK(error.contains(QStringLiteral("name, kind")));
    CHECK(!exportSightings(sample(), dir.filePath(QStringLiteral("no/such/dir/out.csv")), SightingFormat::Csv,
                           &error));
    CHECK(error.contains(QStringLiteral("no/such/dir/out.csv")));
    CHECK(error.contains(QStringLiteral("cannot write")));

    // GeoJSON: one good feature among the bad.
    const QString features =
        write(dir.filePath(QStringLiteral("mixed.geojson")), R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"kind":"pits"},"geometry":{"type":"Point","coordinates":[1,2]}},
{"type":"Feature","properties":{"kind":"pits"},"geometry":null},
{"type":"Feature","properties":{"kind":"pits"},"geometry":{"type":"GeometryCollection","geometries":[]}},
{"type":"Feature","properties":{"kind":"pits"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}},
{"type":"Feature","properties":{"kind":"pits","observed_at":"yesterday"},"geometry":{"type":"Point","coordinates":[1,2]}},
{"type":"Feature","properties":{"kind":"pits"},"geometry":{"type":"Point","coordinates":"x"}},
{"type":"Feature","properties":{"kind":"aircraft"},"geometry":{"type":"Point","coordinates":[1,2]}},
{"type":"Feature","properties":{"kind":"pits","count":"many"},"geometry":{"type":"Point","coordinates":[1,2]}},
{"type":"Feature","properties":{"kind":"pits"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[9,0],[9,9],[0,0]],[[1,1],[2,1],[2,2],[1,1]]]}},
{"type":"Feature","properties":{"kind":"rail cars","count":4},"geometry":{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}}
]})");
    problems.clear();
    std::optional<QList<Sighting>> read = readSightings(features, &error, &problems);
    REQUIRE(read);
    CHECK(read->size() == 1);
    REQUIRE(problems.size() == 9);
    const QString at = QStringLiteral("'%1' feature ").arg(features);
    CHECK(problems[0] == at + QStringLiteral("2: no geometry; skipped"));
    CHECK(problems[1].startsWith(at + QStringLiteral("3: ")));
    CHECK(problems[2] ==
          at + QStringLiteral("4: a Multi Polygon of 2 parts; a sighting is one line or one area; skipped"));
    CHECK(problems[3] == at + QStringLiteral("5: observed_at 'yesterday' is not a time (ISO 8601, like "
                                             "2023-10-05T02:13:00Z); skipped"));
    CHECK(problems[4].startsWith(at + QStringLiteral("6: the geometry cannot be read")));
    CHECK(problems[5] ==
          at + QStringLiteral("7: unknown kind 'aircraft' (one of: vessel, containers, rail cars, "
                              "vehicles, pits, construction, other); skipped"));
    CHECK(problems[6] == at + QStringLiteral("8: count 'many' is not a number; skipped"));
    CHECK(problems[7] ==
          at + QStringLiteral("9: a polygon with a hole; a sighting's area is one outline; skipped"));
    CHECK(problems[8] == at + QStringLiteral("10: a count of 4 has 2 marks; skipped"));

    // KML: Placemarks by number and name.
    const QString kml =
        write(dir.filePath(QStringLiteral("mixed.kml")), R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Good</name><ExtendedData><Data name="kind"><value>pits</value></Data></ExtendedData>
<Point><coordinates>1,2</coordinates></Point></Placemark>
<Placemark><name>Nowhere</name><ExtendedData><Data name="kind"><value>pits</value></Data></ExtendedData></Placemark>
<Placemark><name>Late</name><ExtendedData><Data name="kind"><value>pits</value></Data>
<Data name="observed_at"><value>2023-13-45</value></Data></ExtendedData>
<Point><coordinates>1,2</coordinates></Point></Placemark>
<Placemark><name>Mixed</name><ExtendedData><Data name="kind"><value>pits</value></Data></ExtendedData>
<MultiGeometry><Point><coordinates>1,2</coordinates></Point><LineString><coordinates>1,2 3,4</coordinates></LineString></MultiGeometry></Placemark>
</Document></kml>
)");
    problems.clear();
    read = readSightings(kml, &error, &problems);
    INFO(error.toStdString());
    REQUIRE(read);
    CHECK(read->size() == 1);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0] == QStringLiteral("'%1' Placemark 2 (\"Nowhere\"): no geometry; skipped").arg(kml));
    CHECK(problems[1].startsWith(
        QStringLiteral("'%1' Placemark 3 (\"Late\"): observed_at '2023-13-45' is not a time").arg(kml)));
    CHECK(problems[2].startsWith(
        QStringLiteral("'%1' Placemark 4 (\"Mixed\"): a Geometry Collection").arg(kml)));

    // CSV: rows as a spreadsheet numbers them, the header being row 1.
    const QString csv = write(dir.filePath(QStringLiteral("mixed.csv")),
                              "WKT,kind,observed_at,count,notes\n"
                              "POINT (1 2),pits,2023-10-05T02:13:00Z,,\"two\nlines\"\n"
                              ",pits,,,\n"
                              "POINT (1 2,pits,,,\n"
                              "POINT (1 2),pits,soon,,\n"
                              "POINT (1 2),pits,,2.5,\n");
    problems.clear();
    read = readSightings(csv, &error, &problems);
    REQUIRE(read);
    REQUIRE(read->size() == 1);
    CHECK(read->at(0).notes == QStringLiteral("two\nlines"));
    REQUIRE(problems.size() == 4);
    CHECK(problems[0] == QStringLiteral("'%1' row 3: no geometry (the WKT cell is empty); skipped").arg(csv));
    CHECK(problems[1] == QStringLiteral("'%1' row 4: the WKT 'POINT (1 2' cannot be read; skipped").arg(csv));
    CHECK(problems[2].startsWith(QStringLiteral("'%1' row 5: observed_at 'soon' is not a time").arg(csv)));
    CHECK(problems[3] == QStringLiteral("'%1' row 6: count 2.5 is not a whole number; skipped").arg(csv));
}

TEST_CASE("a CSV row with a 10 MB cell is skipped with its row, and the rows after it are read",
          "[interchange][bad-input]")
{
    QTemporaryDir dir;
    // Past OGR's 10 MB line limit, where its reader stops as if the file ended.
    const QByteArray huge(10 * 1024 * 1024, 'x');
    const QString path =
        write(dir.filePath(QStringLiteral("big.csv")),
              "WKT,kind,notes\r\n\"POINT (1 2)\",pits,first\r\n\"POINT (1 2)\",pits,\"" + huge +
                  "\"\r\n\"POINT (3 4)\",pits,third\r\n\"POINT (5 6)\",vessel,fourth\r\n");
    QString error;
    QStringList problems;
    const auto sightings = readSightings(path, &error, &problems);
    REQUIRE(sightings);
    REQUIRE(sightings->size() == 3);
    CHECK(sightings->at(0).notes == QStringLiteral("first"));
    CHECK(sightings->at(1).notes == QStringLiteral("third"));
    CHECK(sightings->at(2).kind == QStringLiteral("vessel"));
    CHECK(problems ==
          QStringList{QStringLiteral("'%1' row 3: field 'notes' is 10485760 characters long, more "
                                     "than the 1048576 a field may hold; skipped")
                          .arg(path)});

    // The same limit whatever the format.
    const QString json = write(dir.filePath(QStringLiteral("big.geojson")),
                               R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
                               R"({"kind":"pits","notes":")" +
                                   huge + R"("},"geometry":{"type":"Point","coordinates":[1,2]}}]})");
    problems.clear();
    const auto fromJson = readSightings(json, &error, &problems);
    REQUIRE(fromJson);
    CHECK(fromJson->isEmpty());
    REQUIRE(problems.size() == 1);
    CHECK(problems.first().startsWith(QStringLiteral("'%1' feature 1: field 'notes' is 10485760").arg(json)));
}

TEST_CASE("a sighting area drawn clockwise goes out to GeoJSON counter-clockwise (RFC 7946 right-hand rule)",
          "[interchange]")
{
    Sighting area = pits();
    const QList<QPointF> drawn = GENERATE(
        // clockwise, as an analyst may click round the pits
        QList<QPointF>{QPointF(132.35, 42.85), QPointF(132.35, 42.86), QPointF(132.36, 42.86),
                       QPointF(132.36, 42.85)},
        // already counter-clockwise: left as it is
        QList<QPointF>{QPointF(132.35, 42.85), QPointF(132.36, 42.85), QPointF(132.36, 42.86),
                       QPointF(132.35, 42.86)});
    area.geometry.lonLat = drawn;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("areas.geojson"));
    QString error;
    REQUIRE(exportSightings({area}, path, SightingFormat::GeoJson, &error));

    const QJsonArray ring = QJsonDocument::fromJson(readText(path).toUtf8())
                                .object()[QStringLiteral("features")][0][QStringLiteral("geometry")]
                                         [QStringLiteral("coordinates")][0]
                                .toArray();
    REQUIRE(ring.size() == 5);
    CHECK(ring.first() == ring.last());
    // The shoelace sum over the closed ring: positive when it runs counter-clockwise.
    double twiceArea = 0;
    for (int i = 0; i + 1 < ring.size(); ++i)
        twiceArea += ring[i][0].toDouble() * ring[i + 1][1].toDouble() -
                     ring[i + 1][0].toDouble() * ring[i][1].toDouble();
    CHECK(twiceArea > 0);
    // The same vertices, starting where the analyst started.
    CHECK(ring[0][0].toDouble() == drawn[0].x());
    CHECK(ring[0][1].toDouble() == drawn[0].y());
    QList<QPointF> written;
    for (int i = 0; i + 1 < ring.size(); ++i)
        written << QPointF(ring[i][0].toDouble(), ring[i][1].toDouble());
    for (const QPointF &p : drawn)
        CHECK(written.contains(p));
}
