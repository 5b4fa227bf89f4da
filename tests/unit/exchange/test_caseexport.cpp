#include "../catchstringmakers.h"

#include "exchange/caseexport.h"
#include "exchange/caseicons.h"
#include "exchange/casekml.h"
#include "exchange/exchangetables.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <map>

using namespace sightline;

namespace {

constexpr std::uint32_t kMoving = 273145020;
constexpr std::uint32_t kMoored = 273350130;

std::int64_t at(const char *iso)
{
    return parseUtcIso(QString::fromLatin1(iso));
}

struct Case
{
    TrackStore store;
    VesselRegistry registry;
    std::vector<MovementEvent> events;
    QList<Sighting> sightings;
    QList<Annotation> annotations;

    CaseContent select(const CaseSelection &selection = {}) const
    {
        return selectCaseContent(QStringLiteral("Rajin case"), store, registry, events, sightings,
                                 annotations, selection);
    }
};

Case makeCase()
{
    Case c;
    // A vessel under way, a fix an hour from 01:00 to 05:00, heading east from 130.0 E.
    for (int h = 1; h <= 5; ++h)
        c.store.append(
            {kMoving, at("2023-08-20T00:00:00Z") + h * 3'600'000, 130.0 + 0.1 * h, 42.0 + 0.01 * h});
    // A vessel at its berth: three fixes, one place.
    for (int h = 1; h <= 3; ++h)
        c.store.append({kMoored, at("2023-08-20T00:00:00Z") + h * 3'600'000, 130.3, 42.25});
    c.store.finalize();
    c.registry.notePosition(kMoving, false);
    c.registry.notePosition(kMoored, false);

    MovementEvent gap;
    gap.id = 1;
    gap.type = EventType::Gap;
    gap.mmsi = kMoving;
    gap.startMs = at("2023-08-20T02:00:00Z");
    gap.endMs = at("2023-08-20T04:00:00Z");
    gap.from = QPointF(130.2, 42.02);
    gap.to = QPointF(130.4, 42.04);
    MovementEvent call;
    call.id = 2;
    call.type = EventType::PortCall;
    call.mmsi = kMoored;
    call.startMs = at("2023-08-20T01:00:00Z");
    call.endMs = at("2023-08-20T03:00:00Z");
    call.from = call.to = QPointF(130.3, 42.25);
    call.place = QStringLiteral("Rajin");
    call.confidence = 4;
    MovementEvent later = gap;
    later.id = 3;
    later.startMs = at("2023-08-22T00:00:00Z");
    later.endMs = at("2023-08-22T06:00:00Z");
    c.events = {gap, call, later};

    Sighting ship;
    ship.id = 11;
    ship.kind = QStringLiteral("vessel");
    ship.geometry.lonLat = {QPointF(130.3, 42.25)};
    ship.observedAtMs = at("2023-08-20T02:30:00Z");
    Sighting pits; // drawn clockwise
    pits.id = 12;
    pits.kind = QStringLiteral("pits");
    pits.geometry.type = SightingGeometry::Type::Polygon;
    pits.geometry.lonLat = {QPointF(132.35, 42.85), QPointF(132.35, 42.86), QPointF(132.36, 42.86),
                            QPointF(132.36, 42.85)};
    pits.observedAtMs = at("2023-08-20T03:00:00Z");
    Sighting undated;
    undated.id = 13;
    undated.kind = QStringLiteral("rail cars");
    undated.geometry.lonLat = {QPointF(130.5, 42.3)};
    c.sightings = {ship, pits, undated};

    Annotation arrow;
    arrow.id = 21;
    arrow.type = Annotation::Type::Arrow;
    arrow.lonLat = {QPointF(130.1, 42.1), QPointF(130.3, 42.25)};
    Annotation ring;
    ring.id = 22;
    ring.type = Annotation::Type::Ellipse;
    ring.lonLat = {QPointF(133.0, 43.0), QPointF(133.2, 43.1)}; // far from the others
    ring.colour = QColor(0x1f, 0x77, 0xb4);
    c.annotations = {arrow, ring};
    return c;
}

/// Twice the signed area of a closed GeoJSON ring: positive when it runs counter-clockwise.
double twiceSignedArea(const QJsonArray &ring)
{
    double sum = 0;
    for (int i = 0; i + 1 < ring.size(); ++i)
        sum += ring[i][0].toDouble() * ring[i + 1][1].toDouble() -
               ring[i + 1][0].toDouble() * ring[i][1].toDouble();
    return sum;
}

struct KmlPlacemark
{
    QString name;
    QString folder;
    QString styleUrl;
    int whens = 0;      ///< <when> in a gx:Track
    int coords = 0;     ///< <gx:coord>
    QString stamp;      ///< TimeStamp/when
    QString begin, end; ///< TimeSpan
};

struct KmlRead
{
    QList<KmlPlacemark> placemarks;
    QStringList styleIds;
    QStringList iconHrefs;
    bool hasGxNamespace = false;
    QString error;
};

KmlRead readKml(const QByteArray &kml)
{
    KmlRead out;
    QXmlStreamReader xml(kml);
    QStringList folders;
    std::optional<KmlPlacemark> current;
    QString parent;
    const QString gx = QStringLiteral("http://www.google.com/kml/ext/2.2");
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QString name = xml.name().toString();
            if (name == QLatin1String("kml"))
                for (const auto &ns : xml.namespaceDeclarations())
                    out.hasGxNamespace |= ns.prefix() == QLatin1String("gx") && ns.namespaceUri() == gx;
            if (name == QLatin1String("Folder")) {
                xml.readNextStartElement(); // <name>
                folders << xml.readElementText();
            } else if (name == QLatin1String("Style") &&
                       xml.attributes().hasAttribute(QStringLiteral("id"))) {
                out.styleIds << xml.attributes().value(QStringLiteral("id")).toString();
            } else if (name == QLatin1String("href")) {
                out.iconHrefs << xml.readElementText();
            } else if (name == QLatin1String("Placemark")) {
                current = KmlPlacemark{};
                current->folder = folders.join(QLatin1Char('/'));
            } else if (current) {
                if (name == QLatin1String("name") && current->name.isEmpty())
                    current->name = xml.readElementText();
                else if (name == QLatin1String("styleUrl"))
                    current->styleUrl = xml.readElementText();
                else if (name == QLatin1String("coord") && xml.namespaceUri() == gx)
                    ++current->coords;
                else if (name == QLatin1String("TimeStamp") || name == QLatin1String("TimeSpan") ||
                         name == QLatin1String("Track"))
                    parent = name;
                else if (name == QLatin1String("when")) {
                    if (parent == QLatin1String("Track"))
                        ++current->whens;
                    else
                        current->stamp = xml.readElementText();
                } else if (name == QLatin1String("begin"))
                    current->begin = xml.readElementText();
                else if (name == QLatin1String("end"))
                    current->end = xml.readElementText();
            }
        } else if (xml.isEndElement()) {
            const QString name = xml.name().toString();
            if (name == QLatin1String("Folder"))
                folders.removeLast();
            else if (name == QLatin1String("Placemark") && current) {
                out.placemarks << *current;
                current.reset();
                parent.clear();
            }
        }
    }
    if (xml.hasError())
        out.error = xml.errorString();
    return out;
}

const KmlPlacemark *placemarkNamed(const KmlRead &kml, const QString &name)
{
    for (const KmlPlacemark &p : kml.placemarks)
        if (p.name == name)
            return &p;
    return nullptr;
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST_CASE("case KML: a gx:Track a vessel with a when a fix, styled events with TimeSpan, sightings with "
          "TimeStamp, folders a layer",
          "[exchange]")
{
    const Case c = makeCase();
    const CaseContent content = c.select();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QStringList icons;
    writeCaseKml(buffer, content, true, &icons);

    const KmlRead kml = readKml(bytes);
    INFO(bytes.left(4000).toStdString());
    REQUIRE(kml.error.isEmpty());
    CHECK(kml.hasGxNamespace);

    const KmlPlacemark *moving = placemarkNamed(kml, QStringLiteral("MMSI %1").arg(kMoving));
    REQUIRE(moving);
    CHECK(moving->folder == QStringLiteral("Tracks"));
    CHECK(moving->whens == int(c.store.track(kMoving)->size()));
    CHECK(moving->coords == moving->whens);
    CHECK(moving->begin == QStringLiteral("2023-08-20T01:00:00Z"));
    CHECK(moving->end == QStringLiteral("2023-08-20T05:00:00Z"));
    const KmlPlacemark *moored = placemarkNamed(kml, QStringLiteral("MMSI %1").arg(kMoored));
    REQUIRE(moored);
    CHECK(moored->whens == 3);

    // Every event: in its type's folder, in its type's style, from its start to its end.
    int events = 0;
    for (const KmlPlacemark &p : kml.placemarks) {
        if (!p.folder.startsWith(QLatin1String("Events/")))
            continue;
        ++events;
        INFO(p.name.toStdString());
        CHECK(!p.begin.isEmpty());
        CHECK(!p.end.isEmpty());
        if (p.folder == QStringLiteral("Events/Gap"))
            CHECK(p.styleUrl == QStringLiteral("#event-gap"));
        else
            CHECK(p.styleUrl == QStringLiteral("#event-port-call"));
    }
    CHECK(events == 3);
    const KmlPlacemark *call = placemarkNamed(kml, QStringLiteral("Port call: MMSI %1").arg(kMoored));
    REQUIRE(call);
    CHECK(call->begin == QStringLiteral("2023-08-20T01:00:00Z"));
    CHECK(call->end == QStringLiteral("2023-08-20T03:00:00Z"));

    // Sightings by kind, each at its observation time (the undated one without).
    int sightings = 0, stamped = 0;
    for (const KmlPlacemark &p : kml.placemarks)
        if (p.folder.startsWith(QLatin1String("Sightings/"))) {
            ++sightings;
            stamped += !p.stamp.isEmpty();
            CHECK(p.styleUrl.startsWith(QLatin1String("#sighting-")));
        }
    CHECK(sightings == 3);
    CHECK(stamped == 2);
    CHECK(kml.placemarks.size() == 2 + 3 + 3 + 2);

    // A shared style a vessel colour, event type and sighting kind, each naming its icon in the KMZ.
    for (const QString &id :
         {QStringLiteral("event-gap"), QStringLiteral("event-port-call"), QStringLiteral("sighting-vessel"),
          QStringLiteral("sighting-pits"), QStringLiteral("sighting-rail-cars")}) {
        INFO(id.toStdString());
        CHECK(kml.styleIds.contains(id));
        CHECK(icons.contains(id));
        CHECK(kml.iconHrefs.contains(QStringLiteral("files/%1.png").arg(id)));
    }
    CHECK(icons.contains(vesselIconName()));
    // Each icon is a picture with something drawn on it.
    for (const QString &icon : icons) {
        INFO(icon.toStdString());
        const QImage image = QImage::fromData(renderCaseIcon(icon), "PNG");
        REQUIRE(!image.isNull());
        int opaque = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                opaque += qAlpha(image.pixel(x, y)) > 128;
        CHECK(opaque > 40);
    }
}

TEST_CASE("case selection: positions, events and sightings in the time window, everything in the box",
          "[exchange]")
{
    const Case c = makeCase();
    CaseSelection selection;
    selection.window = {at("2023-08-20T02:00:00Z"), at("2023-08-20T03:30:00Z")};
    CaseContent content = c.select(selection);
    REQUIRE(content.vessels.size() == 2);
    CHECK(content.vessels[0].timesMs.size() + content.vessels[1].timesMs.size() == 2 + 2);
    REQUIRE(content.events.size() == 2); // the gap and the call meet the window; the later gap does not
    CHECK(content.events[0].id == 1);
    CHECK(content.events[1].id == 2);
    REQUIRE(content.sightings.size() == 2); // the undated one is not known to be in it
    CHECK(content.annotations.size() == 2); // figures have no time

    selection = {};
    selection.extentWgs84 = QRectF(QPointF(130.25, 42.0), QPointF(130.45, 42.3));
    content = c.select(selection);
    // The moving vessel's fixes at 130.3 and 130.4 E and the moored one's; the gaps cross the box.
    qsizetype fixes = 0;
    for (const VesselPath &v : content.vessels)
        fixes += v.lonLat.size();
    CHECK(fixes == 2 + 3);
    CHECK(content.events.size() == 3);
    REQUIRE(content.sightings.size() == 1);
    CHECK(content.sightings[0].id == 11);
    REQUIRE(content.annotations.size() == 1);
    CHECK(content.annotations[0].id == 21);

    selection = {};
    selection.layers = {CaseLayer::Sightings};
    content = c.select(selection);
    CHECK(content.vessels.empty());
    CHECK(content.events.empty());
    CHECK(content.annotations.empty());
    CHECK(content.sightings.size() == 3);

    // Positions alone: points, and no track lines.
    selection = {};
    selection.layers = {CaseLayer::Positions};
    const std::vector<ExchangeTable> pointsOnly = caseTables(c.select(selection), true);
    REQUIRE(pointsOnly.size() == 1);
    CHECK(pointsOnly.front().name == QStringLiteral("positions"));
    CHECK(pointsOnly.front().features.size() == 5 + 3);

    selection = {};
    selection.window = {at("2030-01-01T00:00:00Z"), at("2030-01-02T00:00:00Z")};
    selection.layers = {CaseLayer::Tracks, CaseLayer::Events, CaseLayer::Sightings};
    CHECK(c.select(selection).isEmpty());
    QString error;
    QTemporaryDir dir;
    CHECK_FALSE(exportCase(c.select(selection), dir.filePath(QStringLiteral("x.kmz")), CaseFormat::Kmz, false,
                           &error));
    CHECK(error.contains(QStringLiteral("nothing to export")));
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("x.kmz"))));

    CHECK(caseLayerFromKey(QStringLiteral("Events")) == CaseLayer::Events);
    CHECK_FALSE(caseLayerFromKey(QStringLiteral("ships")));
    CHECK(caseFormatForPath(QStringLiteral("a/b.KMZ")) == CaseFormat::Kmz);
    CHECK(caseFormatForPath(QStringLiteral("b.fgb")) == CaseFormat::FlatGeobuf);
    CHECK_FALSE(caseFormatForPath(QStringLiteral("b.shp")));
}

TEST_CASE("case GeoJSON: one FeatureCollection, each feature naming its layer, areas counter-clockwise",
          "[exchange]")
{
    const Case c = makeCase();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.geojson"));
    QString error;
    REQUIRE(exportCase(c.select(), path, CaseFormat::GeoJson, false, &error));
    const QJsonObject collection = QJsonDocument::fromJson(readBytes(path)).object();
    CHECK(collection[QStringLiteral("type")] == QStringLiteral("FeatureCollection"));
    std::map<QString, int> layers;
    int areas = 0;
    for (const QJsonValue &f : collection[QStringLiteral("features")].toArray()) {
        const QJsonObject geometry = f[QStringLiteral("geometry")].toObject();
        ++layers[f[QStringLiteral("properties")][QStringLiteral("layer")].toString()];
        if (geometry[QStringLiteral("type")] == QStringLiteral("Polygon")) {
            ++areas;
            const QJsonArray ring = geometry[QStringLiteral("coordinates")][0].toArray();
            CHECK(ring.first() == ring.last());
            CHECK(twiceSignedArea(ring) > 0);
        }
    }
    CHECK(areas == 2); // the pits, drawn clockwise, and the ellipse
    // The moored vessel is one place: no line; it is in the positions when they are asked for.
    CHECK(layers[QStringLiteral("tracks")] == 1);
    CHECK(layers[QStringLiteral("events")] == 3);
    CHECK(layers[QStringLiteral("event_paths")] == 2);
    CHECK(layers[QStringLiteral("sightings")] == 2);
    CHECK(layers[QStringLiteral("sightings_areas")] == 1);
    CHECK(layers[QStringLiteral("annotations_lines")] == 1);
    CHECK(layers[QStringLiteral("annotations_areas")] == 1);
    CHECK(layers.count(QStringLiteral("positions")) == 0);

    // Read the tables straight: the track's times are ISO 8601 UTC.
    const std::vector<ExchangeTable> tables = caseTables(c.select(), true);
    REQUIRE(tables.front().name == QStringLiteral("tracks"));
    REQUIRE(tables[1].name == QStringLiteral("positions"));
    CHECK(tables[1].features.size() == 5 + 3);
}

TEST_CASE("case GeoPackage and FlatGeobuf: a table a layer, valid geometries, times as DateTime",
          "[exchange]")
{
    const Case c = makeCase();
    QTemporaryDir dir;
    QString error;
    const QString gpkg = dir.filePath(QStringLiteral("case.gpkg"));
    REQUIRE(exportCase(c.select(), gpkg, CaseFormat::GeoPackage, false, &error));
    {
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(ds);
        QStringList names;
        for (OGRLayer *layer : ds->GetLayers())
            names << QString::fromUtf8(layer->GetName());
        names.sort();
        CHECK(names == QStringList{QStringLiteral("annotations_areas"), QStringLiteral("annotations_lines"),
                                   QStringLiteral("event_paths"), QStringLiteral("events"),
                                   QStringLiteral("sightings"), QStringLiteral("sightings_areas"),
                                   QStringLiteral("tracks")});
        OGRLayer *tracks = ds->GetLayerByName("tracks");
        REQUIRE(tracks);
        CHECK(wkbFlatten(tracks->GetGeomType()) == wkbLineString);
        const int start = tracks->GetLayerDefn()->GetFieldIndex("start_time");
        REQUIRE(start >= 0);
        CHECK(tracks->GetLayerDefn()->GetFieldDefn(start)->GetType() == OFTDateTime);
        OGRFeatureUniquePtr f(tracks->GetNextFeature());
        REQUIRE(f);
        CHECK(f->GetFieldAsInteger64("mmsi") == kMoving);
        CHECK(QString::fromUtf8(f->GetFieldAsString("end_time"))
                  .startsWith(QLatin1String("2023/08/20 05:00:00")));
        CHECK(f->GetGeometryRef()->toLineString()->getNumPoints() == 5);
        // Every geometry is valid (GEOS through the SQLite dialect, as QGIS would check it).
        OGRLayer *invalid = ds->ExecuteSQL(
            "SELECT 'tracks' AS t, ST_IsValid(geom) AS v FROM tracks UNION ALL SELECT 'events', "
            "ST_IsValid(geom) "
            "FROM events UNION ALL SELECT 'event_paths', ST_IsValid(geom) FROM event_paths UNION ALL "
            "SELECT 'areas', ST_IsValid(geom) FROM sightings_areas UNION ALL SELECT 'ann', ST_IsValid(geom) "
            "FROM "
            "annotations_areas",
            nullptr, "SQLite");
        REQUIRE(invalid);
        int rows = 0;
        for (auto &row : *invalid) {
            ++rows;
            INFO(row->GetFieldAsString(0));
            CHECK(row->GetFieldAsInteger(1) == 1);
        }
        ds->ReleaseResultSet(invalid);
        CHECK(rows == 1 + 3 + 2 + 1 + 1);
    }

    // A second export to the same name replaces the file whole.
    REQUIRE(exportCase(c.select(), gpkg, CaseFormat::GeoPackage, true, &error));
    {
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(ds);
        REQUIRE(ds->GetLayerByName("positions"));
        CHECK(ds->GetLayerByName("positions")->GetFeatureCount() == 8);
        CHECK(ds->GetLayerByName("tracks")->GetFeatureCount() == 1);
    }
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size() == 1); // no partial file left

    const QString fgb = dir.filePath(QStringLiteral("case.fgb"));
    const QStringList files = caseExportFiles(c.select(), fgb, CaseFormat::FlatGeobuf, false);
    CHECK(files.contains(dir.filePath(QStringLiteral("case-tracks.fgb"))));
    CHECK(files.contains(dir.filePath(QStringLiteral("case-sightings_areas.fgb"))));
    REQUIRE(exportCase(c.select(), fgb, CaseFormat::FlatGeobuf, false, &error));
    for (const QString &file : files) {
        INFO(file.toStdString());
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(file.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(ds);
        CHECK(QString::fromUtf8(ds->GetDriverName()) == QStringLiteral("FlatGeobuf"));
        CHECK(ds->GetLayer(0)->GetFeatureCount() > 0);
    }
}

TEST_CASE("case KMZ: doc.kml first, the icons inside, read back by GDAL's LIBKML with every time",
          "[exchange]")
{
    const Case c = makeCase();
    QTemporaryDir dir;
    const QString kmz = dir.filePath(QStringLiteral("case.kmz"));
    QString error;
    REQUIRE(exportCase(c.select(), kmz, CaseFormat::Kmz, false, &error));

    char **entries = VSIReadDir((QStringLiteral("/vsizip/") + kmz).toUtf8().constData());
    QStringList names;
    for (char **e = entries; e && *e; ++e)
        names << QString::fromUtf8(*e);
    CSLDestroy(entries);
    REQUIRE(!names.isEmpty());
    CHECK(names.front() == QStringLiteral("doc.kml"));
    char **files =
        VSIReadDir((QStringLiteral("/vsizip/") + kmz + QStringLiteral("/files")).toUtf8().constData());
    QStringList icons;
    for (char **e = files; e && *e; ++e)
        icons << QString::fromUtf8(*e);
    CSLDestroy(files);
    CHECK(icons.contains(QStringLiteral("event-gap.png")));
    CHECK(icons.contains(QStringLiteral("sighting-pits.png")));
    CHECK(icons.contains(QStringLiteral("vessel.png")));

    const char *drivers[] = {"LIBKML", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
        GDALOpenEx(kmz.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr)));
    REQUIRE(ds);
    int placemarks = 0, timed = 0;
    for (OGRLayer *layer : ds->GetLayers()) {
        for (auto &f : *layer) {
            ++placemarks;
            const QString name = QString::fromUtf8(f->GetFieldAsString("Name"));
            const bool hasTime = f->IsFieldSetAndNotNull(f->GetFieldIndex("timestamp")) ||
                                 f->IsFieldSetAndNotNull(f->GetFieldIndex("begin"));
            timed += hasTime;
            INFO(layer->GetName() << ": " << name.toStdString());
            CHECK(f->GetGeometryRef());
        }
    }
    CHECK(placemarks == 2 + 3 + 3 + 2);
    CHECK(timed == 2 + 3 + 2); // all but the undated sighting and the two annotations
}
