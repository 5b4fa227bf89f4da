#include "project/sightinginterchange.h"

#include "model/ringorientation.h"
#include "project/sightinggeometryogr.h"
#include "util/csvtext.h"
#include "util/gdalutil.h"
#include "util/ogrfields.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QXmlStreamWriter>

#include <cmath>
#include <functional>

// Writing is done by hand rather than through OGR: OGR's GeoJSON and CSV writers
// round coordinates to 15 significant digits (or print 17 with noise), so a
// sighting would not come back as it went out, and neither KML driver writes a
// Placemark with a TimeStamp and untyped ExtendedData, which is what Google Earth
// shows. Reading goes through OGR where other tools' files vary (KML, CSV).

namespace sightline {

namespace {

// The property names in the order a person reads them (CSV columns, KML data).
const QStringList &fieldOrder()
{
    static const QStringList order = [] {
        static const char *known[] = {"id",
                                      "kind",
                                      "observed_at",
                                      "count",
                                      "vessel_name",
                                      "vessel_mmsi",
                                      "source_reliability",
                                      "information_credibility",
                                      "imagery_source",
                                      "imagery_provider",
                                      "imagery_acquired",
                                      "imagery_resolution_m",
                                      "analyst",
                                      "notes",
                                      "tags",
                                      "created_at",
                                      "updated_at",
                                      "version"};
        Sighting probe;
        probe.id = 1;
        const QStringList all = sightingToJson(probe).keys();
        QStringList out;
        for (const char *name : known)
            if (all.contains(QLatin1String(name)))
                out << QString::fromLatin1(name);
        // A field added to sightingToJson later still travels, after the known ones.
        for (const QString &name : all)
            if (!out.contains(name))
                out << name;
        return out;
    }();
    return order;
}

QString numberText(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString valueText(const QJsonValue &v)
{
    if (v.isDouble())
        return numberText(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

std::nullopt_t failed(QString *error, const QString &message)
{
    fail(error, message);
    return std::nullopt;
}

bool writeAtomically(const QString &path, const std::function<void(QIODevice &)> &write, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QStringLiteral("'%1': cannot write (%2)").arg(path, file.errorString()));
    write(file);
    if (!file.commit())
        return fail(error, QStringLiteral("'%1': cannot write (%2)").arg(path, file.errorString()));
    return true;
}

// --- GeoJSON (RFC 7946: lon/lat, closed rings, the right-hand rule: exterior rings counter-clockwise)

QJsonArray position(const QPointF &p)
{
    return QJsonArray{p.x(), p.y()};
}

QJsonObject geoJsonGeometry(const SightingGeometry &g)
{
    QJsonArray points;
    for (const QPointF &p : g.lonLat)
        points.append(position(p));
    switch (g.type) {
    case SightingGeometry::Type::Point:
        return {{QStringLiteral("type"), QStringLiteral("Point")},
                {QStringLiteral("coordinates"), position(g.lonLat.value(0))}};
    case SightingGeometry::Type::MultiPoint:
        return {{QStringLiteral("type"), QStringLiteral("MultiPoint")},
                {QStringLiteral("coordinates"), points}};
    case SightingGeometry::Type::Line:
        return {{QStringLiteral("type"), QStringLiteral("LineString")},
                {QStringLiteral("coordinates"), points}};
    case SightingGeometry::Type::Polygon: {
        // Analysts draw either way round; RFC 7946 §3.1.6 wants the exterior counter-clockwise.
        points = {};
        const QList<QPointF> ring = orientedRing(g.lonLat, true);
        for (const QPointF &p : ring)
            points.append(position(p));
        if (!ring.isEmpty())
            points.append(position(ring.first()));
        QJsonArray rings;
        rings.append(points);
        return {{QStringLiteral("type"), QStringLiteral("Polygon")}, {QStringLiteral("coordinates"), rings}};
    }
    }
    return {};
}

void writeGeoJson(QIODevice &out, const QList<Sighting> &sightings)
{
    // One feature per line: readable, diffable, and a JSON error's line number finds its feature.
    out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (qsizetype i = 0; i < sightings.size(); ++i) {
        const Sighting &s = sightings[i];
        // Assembled by hand so that "type" comes first, as people expect to read it.
        out.write("{\"type\":\"Feature\",");
        if (s.id)
            out.write("\"id\":" + QByteArray::number(qint64(s.id)) + ',');
        out.write(
            "\"geometry\":" + QJsonDocument(geoJsonGeometry(s.geometry)).toJson(QJsonDocument::Compact) +
            ",\"properties\":" + QJsonDocument(sightingToJson(s)).toJson(QJsonDocument::Compact) + '}');
        out.write(i + 1 < sightings.size() ? ",\n" : "\n");
    }
    out.write("]}\n");
}

// --- KML (Google Earth: name, HTML description, TimeStamp, ExtendedData, geometry)

QString kmlCoordinates(const QList<QPointF> &points)
{
    QStringList out;
    for (const QPointF &p : points)
        out << numberText(p.x()) + QLatin1Char(',') + numberText(p.y());
    return out.join(QLatin1Char(' '));
}

void writeKmlGeometry(QXmlStreamWriter &xml, const SightingGeometry &g)
{
    auto point = [&xml](const QPointF &p) {
        xml.writeStartElement(QStringLiteral("Point"));
        xml.writeTextElement(QStringLiteral("coordinates"), kmlCoordinates({p}));
        xml.writeEndElement();
    };
    switch (g.type) {
    case SightingGeometry::Type::Point:
        point(g.lonLat.value(0));
        break;
    case SightingGeometry::Type::MultiPoint:
        xml.writeStartElement(QStringLiteral("MultiGeometry"));
        for (const QPointF &p : g.lonLat)
            point(p);
        xml.writeEndElement();
        break;
    case SightingGeometry::Type::Line:
        xml.writeStartElement(QStringLiteral("LineString"));
        xml.writeTextElement(QStringLiteral("tessellate"), QStringLiteral("1"));
        xml.writeTextElement(QStringLiteral("coordinates"), kmlCoordinates(g.lonLat));
        xml.writeEndElement();
        break;
    case SightingGeometry::Type::Polygon: {
        QList<QPointF> ring = g.lonLat;
        if (!ring.isEmpty())
            ring << ring.first();
        xml.writeStartElement(QStringLiteral("Polygon"));
        xml.writeTextElement(QStringLiteral("tessellate"), QStringLiteral("1"));
        xml.writeStartElement(QStringLiteral("outerBoundaryIs"));
        xml.writeStartElement(QStringLiteral("LinearRing"));
        xml.writeTextElement(QStringLiteral("coordinates"), kmlCoordinates(ring));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        break;
    }
    }
}

// What Google Earth shows in the balloon; ExtendedData carries the same values for reading back.
QString kmlDescription(const Sighting &s)
{
    QList<QPair<QString, QString>> rows;
    rows.append({QStringLiteral("Kind"), sightingKindLabel(s.kind)});
    if (s.observedAtMs)
        rows.append({QStringLiteral("Observed (UTC)"), utcIsoString(s.observedAtMs)});
    if (s.count)
        rows.append({QStringLiteral("Count"), QString::number(s.count)});
    if (!s.vesselName.isEmpty() || s.vesselMmsi) {
        QString vessel = s.vesselName;
        if (s.vesselMmsi)
            vessel += QStringLiteral("%1MMSI %2")
                          .arg(vessel.isEmpty() ? QString() : QStringLiteral(", "))
                          .arg(s.vesselMmsi);
        rows.append({QStringLiteral("Vessel"), vessel});
    }
    rows.append(
        {QStringLiteral("Grading"), QStringLiteral("%1 (%2; %3)")
                                        .arg(s.grading(), sourceReliabilityMeaning(s.sourceReliability),
                                             informationCredibilityMeaning(s.informationCredibility))});
    if (!s.imagerySource.isEmpty())
        rows.append({QStringLiteral("Imagery"), s.imagerySource});
    if (!s.imageryProvider.isEmpty())
        rows.append({QStringLiteral("Provider"), s.imageryProvider});
    if (s.imageryAcquiredMs)
        rows.append({QStringLiteral("Acquired (UTC)"), utcIsoString(s.imageryAcquiredMs)});
    if (s.imageryResolutionM > 0)
        rows.append(
            {QStringLiteral("Resolution"), QStringLiteral("%1 m").arg(numberText(s.imageryResolutionM))});
    if (!s.analyst.isEmpty())
        rows.append({QStringLiteral("Analyst"), s.analyst});
    if (!s.tags.isEmpty())
        rows.append({QStringLiteral("Tags"), s.tags.join(QStringLiteral(", "))});
    if (!s.notes.isEmpty())
        rows.append({QStringLiteral("Notes"), s.notes});
    QString html = QStringLiteral("<table>");
    for (const auto &[label, value] : std::as_const(rows))
        html += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>")
                    .arg(label, value.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    return html + QStringLiteral("</table>");
}

void writePlacemark(QXmlStreamWriter &xml, const Sighting &s, const QString &styleUrl)
{
    // Elements in the order the KML 2.2 schema gives them.
    xml.writeStartElement(QStringLiteral("Placemark"));
    if (s.id)
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("sighting-%1").arg(s.id));
    xml.writeTextElement(QStringLiteral("name"), s.title());
    xml.writeStartElement(QStringLiteral("description"));
    xml.writeCDATA(kmlDescription(s));
    xml.writeEndElement();
    if (s.observedAtMs) {
        xml.writeStartElement(QStringLiteral("TimeStamp"));
        xml.writeTextElement(QStringLiteral("when"), utcIsoString(s.observedAtMs));
        xml.writeEndElement();
    }
    if (!styleUrl.isEmpty())
        xml.writeTextElement(QStringLiteral("styleUrl"), styleUrl);
    xml.writeStartElement(QStringLiteral("ExtendedData"));
    const QJsonObject fields = sightingToJson(s);
    for (const QString &name : fieldOrder()) {
        if (!fields.contains(name))
            continue;
        xml.writeStartElement(QStringLiteral("Data"));
        xml.writeAttribute(QStringLiteral("name"), name);
        xml.writeTextElement(QStringLiteral("value"), valueText(fields.value(name)));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    writeKmlGeometry(xml, s.geometry);
    xml.writeEndElement();
}

void writeKml(QIODevice &out, const QList<Sighting> &sightings, const QString &documentName)
{
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(QStringLiteral("http://www.opengis.net/kml/2.2"));
    xml.writeStartElement(QStringLiteral("kml"));
    xml.writeStartElement(QStringLiteral("Document"));
    xml.writeTextElement(QStringLiteral("name"), documentName);
    for (const Sighting &s : sightings)
        writePlacemark(xml, s, {});
    xml.writeEndDocument();
}

// --- CSV (RFC 4180, UTF-8; WKT first, then every field)

QString wkt(const SightingGeometry &g)
{
    QStringList points;
    for (const QPointF &p : g.lonLat)
        points << numberText(p.x()) + QLatin1Char(' ') + numberText(p.y());
    switch (g.type) {
    case SightingGeometry::Type::Point:
        return QStringLiteral("POINT (%1)").arg(points.value(0));
    case SightingGeometry::Type::MultiPoint:
        return QStringLiteral("MULTIPOINT ((%1))").arg(points.join(QStringLiteral("), (")));
    case SightingGeometry::Type::Line:
        return QStringLiteral("LINESTRING (%1)").arg(points.join(QStringLiteral(", ")));
    case SightingGeometry::Type::Polygon:
        if (!points.isEmpty())
            points << points.first();
        return QStringLiteral("POLYGON ((%1))").arg(points.join(QStringLiteral(", ")));
    }
    return {};
}

void writeCsv(QIODevice &out, const QList<Sighting> &sightings)
{
    QStringList header{QStringLiteral("WKT")};
    header << fieldOrder();
    out.write(header.join(QLatin1Char(',')).toUtf8() + "\r\n");
    for (const Sighting &s : sightings) {
        const QJsonObject fields = sightingToJson(s);
        QStringList row{csvField(wkt(s.geometry))};
        for (const QString &name : fieldOrder())
            row << csvField(valueText(fields.value(name)));
        out.write(row.join(QLatin1Char(',')).toUtf8() + "\r\n");
    }
}

// --- Reading

const QStringList &propertyNames()
{
    static const QStringList names = [] {
        Sighting probe;
        probe.id = 1;
        return sightingToJson(probe).keys();
    }();
    return names;
}

// Longer than any note an analyst writes: a bigger value is a broken or hostile file.
constexpr qsizetype kMaxFieldChars = 1 << 20;

/// The sighting a feature's properties and geometry describe, or why there is none.
std::optional<Sighting> sightingFrom(QJsonObject props, const OGRGeometry *ogrGeometry, QString *why)
{
    // Empty cells and nulls mean "not given", as in a spreadsheet.
    for (const QString &key : props.keys()) {
        const QJsonValue v = props.value(key);
        if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().trimmed().isEmpty()))
            props.remove(key);
        else if (v.isString() && v.toString().size() > kMaxFieldChars) {
            *why = QStringLiteral("field '%1' is %2 characters long, more than the %3 a field may hold")
                       .arg(key)
                       .arg(v.toString().size())
                       .arg(kMaxFieldChars);
            return std::nullopt;
        }
    }
    const std::optional<SightingGeometry> geometry = sightingGeometryFromOgr(ogrGeometry, why);
    if (!geometry)
        return std::nullopt;
    auto isTime = [](const QJsonValue &v) { return v.isString() && parseUtcIso(v.toString()) != 0; };
    for (const char *key : {"observed_at", "imagery_acquired"}) {
        const QJsonValue v = props.value(QLatin1String(key));
        if (!v.isUndefined() && !isTime(v)) {
            *why = QStringLiteral("%1 '%2' is not a time (ISO 8601, like 2023-10-05T02:13:00Z)")
                       .arg(QLatin1String(key), valueText(v));
            return std::nullopt;
        }
    }
    // The record's own times are replaced when it is stored; a bad one costs nothing.
    for (const char *key : {"created_at", "updated_at"})
        if (props.contains(QLatin1String(key)) && !isTime(props.value(QLatin1String(key))))
            props.remove(QLatin1String(key));
    struct NumberField
    {
        const char *key;
        bool whole;
        double max;
    };
    for (const NumberField &f :
         {NumberField{"imagery_resolution_m", false, 1e9}, NumberField{"count", true, 1e9},
          NumberField{"vessel_mmsi", true, 999999999}, NumberField{"information_credibility", true, 1e9},
          NumberField{"version", true, 1e9}}) {
        const QString key = QLatin1String(f.key);
        if (!props.contains(key))
            continue;
        const QJsonValue v = props.value(key);
        bool ok = v.isDouble();
        double d = v.toDouble();
        if (v.isString())
            d = v.toString().trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(d)) {
            *why = QStringLiteral("%1 '%2' is not a number").arg(key, valueText(v));
            return std::nullopt;
        }
        if (f.whole && d != std::floor(d)) {
            *why = QStringLiteral("%1 %2 is not a whole number").arg(key, numberText(d));
            return std::nullopt;
        }
        if (key == QLatin1String("vessel_mmsi") && (d < 0 || d > f.max)) {
            *why = QStringLiteral("vessel_mmsi %1 is not an MMSI (9 digits)").arg(numberText(d));
            return std::nullopt;
        }
        if (std::abs(d) > f.max) {
            *why = QStringLiteral("%1 %2 is out of range").arg(key, numberText(d));
            return std::nullopt;
        }
        props.insert(key, d);
    }
    Sighting s = sightingFromJson(props);
    s.id = 0;
    s.geometry = *geometry;
    // People write "Rail cars"; the kinds are lower case.
    if (const QString kind = s.kind.trimmed().toLower();
        !sightingKinds().contains(s.kind) && sightingKinds().contains(kind))
        s.kind = kind;
    // Another tool's marks carry no count (or 0, "not a count"): they are the count.
    if (s.geometry.type == SightingGeometry::Type::MultiPoint && s.count == 0)
        s.count = int(s.geometry.lonLat.size());
    if (const QString problem = s.validate(); !problem.isEmpty()) {
        *why = problem;
        return std::nullopt;
    }
    return s;
}

std::optional<QList<Sighting>> readGeoJson(const QString &path, QString *error, QStringList &problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(error, QStringLiteral("'%1': cannot read (%2)").arg(path, file.errorString()));
    QByteArray data = file.readAll();
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parse);
    if (parse.error != QJsonParseError::NoError) {
        int line = 1, column = 1;
        for (qsizetype i = 0; i < parse.offset && i < data.size(); ++i) {
            if (data[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return failed(error, QStringLiteral("'%1': not valid JSON: %2 at line %3, column %4")
                                 .arg(path, parse.errorString())
                                 .arg(line)
                                 .arg(column));
    }
    const QJsonObject root = doc.object();
    const QString type = root.value(QStringLiteral("type")).toString();
    QJsonArray features;
    if (type == QLatin1String("FeatureCollection") && root.value(QStringLiteral("features")).isArray())
        features = root.value(QStringLiteral("features")).toArray();
    else if (type == QLatin1String("Feature"))
        features.append(root);
    else
        return failed(error, QStringLiteral("'%1': not GeoJSON (no FeatureCollection or Feature)").arg(path));

    QList<Sighting> out;
    for (qsizetype i = 0; i < features.size(); ++i) {
        const QString where = QStringLiteral("'%1' feature %2").arg(path).arg(i + 1);
        const QJsonObject feature = features[i].toObject();
        const QJsonValue geometry = feature.value(QStringLiteral("geometry"));
        QString why;
        std::optional<Sighting> s;
        if (!features[i].isObject() || feature.value(QStringLiteral("type")) != QLatin1String("Feature")) {
            why = QStringLiteral("not a GeoJSON Feature");
        } else if (geometry.isNull() || geometry.isUndefined()) {
            why = QStringLiteral("no geometry");
        } else {
            GdalErrorCapture capture;
            const QByteArray json = QJsonDocument(geometry.toObject()).toJson(QJsonDocument::Compact);
            std::unique_ptr<OGRGeometry> g(
                geometry.isObject() ? OGRGeometry::FromHandle(OGR_G_CreateGeometryFromJson(json.constData()))
                                    : nullptr);
            if (!g)
                why = QStringLiteral("the geometry cannot be read (%1)")
                          .arg(capture.message(QString::fromUtf8(json.left(80))));
            else
                s = sightingFrom(feature.value(QStringLiteral("properties")).toObject(), g.get(), &why);
        }
        if (s)
            out << *s;
        else
            problems << QStringLiteral("%1: %2; skipped").arg(where, why);
    }
    return out;
}

GDALDatasetUniquePtr openVector(const QString &path, std::initializer_list<const char *> drivers,
                                const char *const *options = nullptr)
{
    std::vector<const char *> allowed(drivers);
    allowed.push_back(nullptr);
    return GDALDatasetUniquePtr(GDALDataset::Open(
        path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, allowed.data(), options, nullptr));
}

// OGR keeps a time's zone as a flag: 100 is UTC, each step 15 minutes; 0 and 1 say nothing (taken as UTC).
std::int64_t dateTimeFieldMs(OGRFeature &f, int field)
{
    int y, mo, d, h, mi, tz;
    float s;
    if (field < 0 || !f.IsFieldSetAndNotNull(field) ||
        !f.GetFieldAsDateTime(field, &y, &mo, &d, &h, &mi, &s, &tz))
        return 0;
    const QDateTime t(QDate(y, mo, d), QTime(h, mi, int(s), int(std::lround((s - int(s)) * 1000))), Qt::UTC);
    if (!t.isValid())
        return 0;
    const int offsetMinutes = tz > 1 ? (tz - 100) * 15 : 0;
    return t.toMSecsSinceEpoch() - std::int64_t(offsetMinutes) * 60000;
}

std::optional<QList<Sighting>> readKml(const QString &path, QString *error, QStringList &problems)
{
    GdalErrorCapture capture;
    // LIBKML reads ExtendedData and TimeStamp; the plain KML driver (a build without libkml) only geometry
    // and name.
    GDALDatasetUniquePtr ds = openVector(path, {"LIBKML", "KML"});
    if (!ds)
        return failed(error, QStringLiteral("'%1': not a KML file that can be read (%2)")
                                 .arg(path, capture.message(QStringLiteral("GDAL does not recognise it"))));
    QList<Sighting> out;
    int number = 0;
    for (OGRLayer *layer : ds->GetLayers()) {
        OGRFeatureDefn *defn = layer->GetLayerDefn();
        // Placemarks Sightline did not write: their name and description become the notes.
        const bool ours = defn->GetFieldIndex("kind") >= 0;
        const int nameField = defn->GetFieldIndex("Name");
        const int descriptionField = defn->GetFieldIndex("description");
        const int timeField = defn->GetFieldIndex("timestamp");
        const int beginField = defn->GetFieldIndex("begin");
        layer->ResetReading();
        for (auto &f : *layer) {
            ++number;
            QJsonObject props;
            for (int i = 0; i < defn->GetFieldCount(); ++i) {
                const QString name = QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
                if (propertyNames().contains(name) && f->IsFieldSetAndNotNull(i))
                    props.insert(name, QString::fromUtf8(f->GetFieldAsString(i)));
            }
            const QString placemarkName = ogrText(*f, nameField);
            if (!ours) {
                QStringList notes{placemarkName, ogrText(*f, descriptionField)};
                notes.removeAll(QString());
                props.insert(QStringLiteral("notes"), notes.join(QLatin1Char('\n')));
            }
            if (!props.contains(QStringLiteral("observed_at"))) {
                const std::int64_t when = dateTimeFieldMs(*f, timeField) ? dateTimeFieldMs(*f, timeField)
                                                                         : dateTimeFieldMs(*f, beginField);
                if (when)
                    props.insert(QStringLiteral("observed_at"), utcIsoString(when));
            }
            QString why;
            if (std::optional<Sighting> s = sightingFrom(props, f->GetGeometryRef(), &why)) {
                out << *s;
            } else {
                const QString label =
                    placemarkName.isEmpty() ? QString() : QStringLiteral(" (\"%1\")").arg(placemarkName);
                problems << QStringLiteral("'%1' Placemark %2%3: %4; skipped")
                                .arg(path)
                                .arg(number)
                                .arg(label, why);
            }
        }
    }
    return out;
}

std::optional<QList<Sighting>> readCsv(const QString &path, QString *error, QStringList &problems)
{
    GdalErrorCapture capture;
    // OGR stops at a line over 10 MB as if the file ended there; unlimited, such a row is read
    // and refused by sightingFrom like any other bad row, and the rows after it still come.
    const char *options[] = {"MAX_LINE_SIZE=0", nullptr};
    GDALDatasetUniquePtr ds = openVector(path, {"CSV"}, options);
    OGRLayer *layer = ds ? ds->GetLayer(0) : nullptr;
    if (!layer)
        return failed(error, QStringLiteral("'%1': not a CSV file that can be read (%2)")
                                 .arg(path, capture.message(QStringLiteral("GDAL does not recognise it"))));
    OGRFeatureDefn *defn = layer->GetLayerDefn();
    auto column = [defn](std::initializer_list<const char *> names) {
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            for (const char *name : names)
                if (QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef())
                        .compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
                    return i;
        return -1;
    };
    const int wktColumn = column({"WKT", "wkt_geom", "geometry", "geom", "the_geom"});
    const int lonColumn = column({"longitude", "lon", "lng", "long", "x"});
    const int latColumn = column({"latitude", "lat", "y"});
    if (wktColumn < 0 && (lonColumn < 0 || latColumn < 0)) {
        QStringList header;
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            header << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
        return failed(error,
                      QStringLiteral("'%1': no WKT column and no longitude/latitude columns (the columns "
                                     "are: %2)")
                          .arg(path, header.join(QStringLiteral(", "))));
    }
    QList<Sighting> out;
    int row = 1; // the header, as a spreadsheet numbers rows
    layer->ResetReading();
    qsizetype errorsSeen = capture.errors().size();
    for (auto &f : *layer) {
        ++row;
        QJsonObject props;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const QString name = QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
            if (propertyNames().contains(name) && f->IsFieldSetAndNotNull(i))
                props.insert(name, QString::fromUtf8(f->GetFieldAsString(i)));
        }
        QString why;
        std::unique_ptr<OGRGeometry> geometry;
        if (wktColumn >= 0) {
            const QByteArray text = ogrText(*f, wktColumn).trimmed().toUtf8();
            OGRGeometry *g = nullptr;
            if (text.isEmpty())
                why = QStringLiteral("no geometry (the WKT cell is empty)");
            else if (OGRGeometryFactory::createFromWkt(text.constData(), nullptr, &g) != OGRERR_NONE || !g)
                why = QStringLiteral("the WKT '%1' cannot be read").arg(QString::fromUtf8(text.left(60)));
            geometry.reset(g);
        } else {
            const QString lonText = ogrText(*f, lonColumn).trimmed(),
                          latText = ogrText(*f, latColumn).trimmed();
            bool lonOk = false, latOk = false;
            const double lon = lonText.toDouble(&lonOk), lat = latText.toDouble(&latOk);
            if (lonText.isEmpty() || latText.isEmpty())
                why = QStringLiteral("no geometry (longitude or latitude is empty)");
            else if (!lonOk || !latOk)
                why = QStringLiteral("'%1' is not a number").arg(lonOk ? latText : lonText);
            else
                geometry = std::make_unique<OGRPoint>(lon, lat);
        }
        std::optional<Sighting> s;
        if (why.isEmpty())
            s = sightingFrom(props, geometry.get(), &why);
        if (s)
            out << *s;
        else
            problems << QStringLiteral("'%1' row %2: %3; skipped").arg(path).arg(row).arg(why);
        errorsSeen = capture.errors().size();
    }
    // OGR ends a read it cannot go on with as if the file ended: an error raised by the last
    // fetch says the rows after it were not read, which is said rather than dropped.
    if (capture.errors().size() > errorsSeen)
        problems << QStringLiteral("'%1' after row %2: %3; the rows after it could not be read")
                        .arg(path)
                        .arg(row)
                        .arg(capture.errors().mid(errorsSeen).join(QStringLiteral("; ")));
    return out;
}

} // namespace

std::optional<SightingFormat> sightingFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("geojson") || suffix == QLatin1String("json"))
        return SightingFormat::GeoJson;
    if (suffix == QLatin1String("kml"))
        return SightingFormat::Kml;
    if (suffix == QLatin1String("csv"))
        return SightingFormat::Csv;
    return std::nullopt;
}

bool exportSightings(const QList<Sighting> &sightings, const QString &path, SightingFormat format,
                     QString *error)
{
    switch (format) {
    case SightingFormat::GeoJson:
        return writeAtomically(
            path, [&](QIODevice &out) { writeGeoJson(out, sightings); }, error);
    case SightingFormat::Kml:
        return writeAtomically(
            path, [&](QIODevice &out) { writeKml(out, sightings, QFileInfo(path).completeBaseName()); },
            error);
    case SightingFormat::Csv:
        return writeAtomically(
            path, [&](QIODevice &out) { writeCsv(out, sightings); }, error);
    }
    return fail(error, QStringLiteral("'%1': unknown format").arg(path));
}

std::optional<QList<Sighting>> readSightings(const QString &path, QString *error, QStringList *problems)
{
    const QFileInfo info(path);
    if (!info.exists())
        return failed(error, QStringLiteral("'%1': no such file").arg(path));
    if (!info.isFile())
        return failed(error, QStringLiteral("'%1': not a file").arg(path));
    const std::optional<SightingFormat> format = sightingFormatForPath(path);
    if (!format)
        return failed(error,
                      QStringLiteral("'%1': unknown format (sightings are read from .geojson, .json, .kml "
                                     "and .csv)")
                          .arg(path));
    ensureGdalInitialised();
    QStringList ignored;
    QStringList &skipped = problems ? *problems : ignored;
    switch (*format) {
    case SightingFormat::GeoJson:
        return readGeoJson(path, error, skipped);
    case SightingFormat::Kml:
        return readKml(path, error, skipped);
    case SightingFormat::Csv:
        return readCsv(path, error, skipped);
    }
    return std::nullopt;
}

void writeSightingPlacemark(QXmlStreamWriter &xml, const Sighting &sighting, const QString &styleUrl)
{
    writePlacemark(xml, sighting, styleUrl);
}

} // namespace sightline
