#include "exchange/tablewriters.h"

#include "model/ringorientation.h"
#include "model/sighting.h"
#include "project/sightinggeometryogr.h"
#include "util/gdalutil.h"
#include "util/ogrfields.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

namespace sightline {

namespace {

OGRwkbGeometryType ogrType(ExchangeGeometry::Type type)
{
    switch (type) {
    case ExchangeGeometry::Type::Point:
        return wkbPoint;
    case ExchangeGeometry::Type::MultiPoint:
        return wkbMultiPoint;
    case ExchangeGeometry::Type::LineString:
        return wkbLineString;
    case ExchangeGeometry::Type::Polygon:
        return wkbPolygon;
    }
    return wkbUnknown;
}

OGRFieldType ogrFieldType(ExchangeField::Type type)
{
    switch (type) {
    case ExchangeField::Type::Text:
        return OFTString;
    case ExchangeField::Type::Integer:
        return OFTInteger64;
    case ExchangeField::Type::Real:
        return OFTReal;
    case ExchangeField::Type::DateTime:
        return OFTDateTime;
    }
    return OFTString;
}

/// A closed ring, counter-clockwise (GeoPackage and FlatGeobuf prescribe no order; one order
/// everywhere keeps the formats alike).
QList<QPointF> closedExteriorRing(const QList<QPointF> &ring)
{
    QList<QPointF> out = orientedRing(ring, true);
    if (!out.isEmpty() && out.front() != out.back())
        out.append(out.front());
    return out;
}

// An exported shape is one of a sighting's: written as a sighting's is, areas turned
// counter-clockwise first (RFC 7946; OGR keeps a ring's order as given).
std::unique_ptr<OGRGeometry> ogrGeometry(const ExchangeGeometry &g)
{
    SightingGeometry shape;
    shape.lonLat = g.lonLat;
    switch (g.type) {
    case ExchangeGeometry::Type::Point:
        shape.type = SightingGeometry::Type::Point;
        break;
    case ExchangeGeometry::Type::MultiPoint:
        shape.type = SightingGeometry::Type::MultiPoint;
        break;
    case ExchangeGeometry::Type::LineString:
        shape.type = SightingGeometry::Type::Line;
        break;
    case ExchangeGeometry::Type::Polygon:
        shape.type = SightingGeometry::Type::Polygon;
        shape.lonLat = closedExteriorRing(g.lonLat);
        break;
    }
    return sightingGeometryToOgr(shape);
}

void setValue(OGRFeature &f, int index, const ExchangeField &field, const QVariant &value)
{
    if (!value.isValid()) {
        f.SetFieldNull(index);
        return;
    }
    switch (field.type) {
    case ExchangeField::Type::Text:
        f.SetField(index, value.toString().toUtf8().constData());
        break;
    case ExchangeField::Type::Integer:
        f.SetField(index, GIntBig(value.toLongLong()));
        break;
    case ExchangeField::Type::Real:
        f.SetField(index, value.toDouble());
        break;
    case ExchangeField::Type::DateTime:
        setOgrUtcTime(f, index, value.toLongLong());
        break;
    }
}

QString lastGdalError(const QString &path, const QString &what)
{
    const QString detail = QString::fromUtf8(CPLGetLastErrorMsg());
    return QStringLiteral("'%1': cannot %2%3")
        .arg(path, what, detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
}

bool writeTable(GDALDataset &ds, const ExchangeTable &table, const QString &path, QString *error,
                const std::function<bool()> &tick)
{
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const QByteArray name = table.name.toUtf8();
    OGRLayer *layer = ds.CreateLayer(name.constData(), &wgs84, ogrType(table.geometryType), nullptr);
    if (!layer) {
        *error = lastGdalError(path, QStringLiteral("create the layer '%1'").arg(table.name));
        return false;
    }
    for (const ExchangeField &field : table.fields)
        addOgrField(layer, field.name.toUtf8().constData(), ogrFieldType(field.type));
    // One transaction a table: a GeoPackage written feature by feature would commit each one.
    const bool transaction = layer->StartTransaction() == OGRERR_NONE;
    for (const ExchangeFeature &feature : table.features) {
        OGRFeature f(layer->GetLayerDefn());
        for (int i = 0; i < table.fields.size(); ++i)
            setValue(f, i, table.fields[i], feature.values.value(i));
        f.SetGeometryDirectly(ogrGeometry(feature.geometry).release());
        if (layer->CreateFeature(&f) != OGRERR_NONE) {
            *error = lastGdalError(path, QStringLiteral("write to '%1'").arg(table.name));
            return false;
        }
        if (!tick())
            return false;
    }
    if (transaction && layer->CommitTransaction() != OGRERR_NONE) {
        *error = lastGdalError(path, QStringLiteral("write to '%1'").arg(table.name));
        return false;
    }
    return true;
}

/// Closes a dataset, which for some drivers is when the file is written: an error then is a failure.
bool closeDataset(std::unique_ptr<GDALDataset> ds, const QString &path, QString *error)
{
    CPLErrorReset();
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure) {
        *error = lastGdalError(path, QStringLiteral("finish the file"));
        return false;
    }
    return true;
}

QJsonArray position(const QPointF &p)
{
    return QJsonArray{p.x(), p.y()};
}

/// One JSON value as text ("12", "\"Rajin\"", "null").
QByteArray jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

/// The geometry with "type" before "coordinates", as people read GeoJSON (QJsonObject sorts its keys).
QByteArray geoJsonGeometry(const ExchangeGeometry &g)
{
    QJsonArray points;
    const QList<QPointF> lonLat =
        g.type == ExchangeGeometry::Type::Polygon ? closedExteriorRing(g.lonLat) : g.lonLat;
    for (const QPointF &p : lonLat)
        points.append(position(p));
    const auto geometry = [](const char *type, const QJsonArray &coordinates) {
        return QByteArray("{\"type\":\"") + type +
               "\",\"coordinates\":" + QJsonDocument(coordinates).toJson(QJsonDocument::Compact) + '}';
    };
    switch (g.type) {
    case ExchangeGeometry::Type::Point:
        return geometry("Point", position(g.lonLat.value(0)));
    case ExchangeGeometry::Type::MultiPoint:
        return geometry("MultiPoint", points);
    case ExchangeGeometry::Type::LineString:
        return geometry("LineString", points);
    case ExchangeGeometry::Type::Polygon:
        return geometry("Polygon", QJsonArray{points});
    }
    return "null";
}

} // namespace

bool writeTablesWithOgr(const std::vector<ExchangeTable> &tables, const QString &driverName,
                        const std::function<QString(const ExchangeTable &)> &pathForTable, QString *error,
                        const std::function<bool(double)> &progress)
{
    ensureGdalInitialised();
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(driverName.toUtf8().constData());
    if (!driver) {
        *error = QStringLiteral("GDAL has no %1 driver").arg(driverName);
        return false;
    }
    std::size_t total = 0, done = 0;
    for (const ExchangeTable &t : tables)
        total += t.features.size();
    const auto tick = [&] { return !progress || (++done % 500 != 0) || progress(double(done) / total); };

    std::unique_ptr<GDALDataset> shared;
    for (const ExchangeTable &table : tables) {
        const QString path = pathForTable(table);
        GDALDataset *ds = shared.get();
        std::unique_ptr<GDALDataset> own;
        if (!ds) {
            CPLErrorReset();
            own.reset(driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!own) {
                *error = lastGdalError(path, QStringLiteral("create the file"));
                return false;
            }
            ds = own.get();
        }
        if (!writeTable(*ds, table, path, error, tick))
            return false;
        // A GeoPackage holds every table; a FlatGeobuf file holds one, written out when closed.
        if (driverName == QLatin1String("GPKG")) {
            if (!shared)
                shared = std::move(own);
        } else if (!closeDataset(std::move(own), path, error)) {
            return false;
        }
    }
    if (shared && !closeDataset(std::move(shared), pathForTable(tables.front()), error))
        return false;
    return true;
}

void writeTablesAsGeoJson(const std::vector<ExchangeTable> &tables, QIODevice &out)
{
    out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
    bool first = true;
    for (const ExchangeTable &table : tables) {
        for (const ExchangeFeature &feature : table.features) {
            // "layer" first, then the fields in the table's order.
            QByteArray properties = "{\"layer\":" + jsonText(table.name);
            for (int i = 0; i < table.fields.size(); ++i) {
                const QVariant &v = feature.values.value(i);
                const ExchangeField &field = table.fields[i];
                QJsonValue value;
                if (!v.isValid())
                    value = QJsonValue::Null;
                else if (field.type == ExchangeField::Type::DateTime)
                    value = utcIsoString(v.toLongLong());
                else if (field.type == ExchangeField::Type::Integer)
                    value = v.toLongLong();
                else if (field.type == ExchangeField::Type::Real)
                    value = v.toDouble();
                else
                    value = v.toString();
                properties += ',' + jsonText(field.name) + ':' + jsonText(value);
            }
            properties += '}';
            // "type" first, as people expect to read it; one feature a line.
            if (!first)
                out.write(",\n");
            first = false;
            out.write("{\"type\":\"Feature\",\"geometry\":" + geoJsonGeometry(feature.geometry) +
                      ",\"properties\":" + properties + '}');
        }
    }
    out.write("\n]}\n");
}

} // namespace sightline
