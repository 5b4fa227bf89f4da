#include "project/sightinginterchange.h"

#include "project/sightinggeometryogr.h"
#include "project/sightingvaluetext.h"
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

#include <cmath>

// Reading goes through OGR where other tools' files vary (KML, CSV); GeoJSON is read as JSON so that
// every coordinate comes back with the digits it was written with.

namespace sightline {

namespace {

using sightingvaluetext::numberText;
using sightingvaluetext::valueText;

std::nullopt_t failed(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}


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
} // namespace sightline
