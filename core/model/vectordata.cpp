#include "model/vectordata.h"

#include "util/gdalutil.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>

namespace sightline {

namespace {

// Sets each feature's bounds from its vertices and grows the layer's extent with them.
struct FeatureExtent
{
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;

    void add(VectorFeature &f)
    {
        double fx0 = 1e300, fy0 = 1e300, fx1 = -1e300, fy1 = -1e300;
        for (const QPointF &p : f.points) {
            fx0 = std::min(fx0, p.x());
            fx1 = std::max(fx1, p.x());
            fy0 = std::min(fy0, p.y());
            fy1 = std::max(fy1, p.y());
        }
        f.bounds = QRectF(QPointF(fx0, fy0), QPointF(fx1, fy1));
        minX = std::min(minX, fx0);
        maxX = std::max(maxX, fx1);
        minY = std::min(minY, fy0);
        maxY = std::max(maxY, fy1);
    }
    QRectF box() const { return QRectF(QPointF(minX, minY), QPointF(maxX, maxY)); }
};

void appendPoints(const OGRLineString *ls, VectorFeature &f)
{
    f.partStarts.push_back(std::uint32_t(f.points.size()));
    for (int i = 0; i < ls->getNumPoints(); ++i)
        f.points.emplace_back(ls->getX(i), ls->getY(i));
}

void appendPolygon(const OGRPolygon *poly, VectorFeature &f)
{
    f.polygonStarts.push_back(std::uint32_t(f.partStarts.size()));
    if (const OGRLinearRing *outer = poly->getExteriorRing())
        appendPoints(outer, f);
    for (int r = 0; r < poly->getNumInteriorRings(); ++r)
        appendPoints(poly->getInteriorRing(r), f);
}

// Flattens any OGR geometry into the feature; false for what cannot be drawn.
bool appendGeometry(const OGRGeometry *g, VectorFeature &f, bool &mixed)
{
    if (!g || g->IsEmpty())
        return false;
    auto setKind = [&](VectorFeature::Kind k) {
        if (!f.points.empty() && f.kind != k)
            mixed = true;
        f.kind = k;
    };
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint:
        setKind(VectorFeature::Kind::Point);
        f.partStarts.push_back(std::uint32_t(f.points.size()));
        f.points.emplace_back(g->toPoint()->getX(), g->toPoint()->getY());
        return true;
    case wkbLineString:
        setKind(VectorFeature::Kind::Line);
        appendPoints(g->toLineString(), f);
        return true;
    case wkbPolygon:
        setKind(VectorFeature::Kind::Polygon);
        appendPolygon(g->toPolygon(), f);
        return true;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        bool any = false;
        for (const OGRGeometry *part : *g->toGeometryCollection())
            any = appendGeometry(part, f, mixed) || any;
        return any;
    }
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbCurvePolygon:
    case wkbMultiCurve:
    case wkbMultiSurface: {
        std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
        return appendGeometry(linear.get(), f, mixed);
    }
    default:
        return false;
    }
}

} // namespace

QStringList VectorData::layerNames(const QString &source, QString *error)
{
    ensureGdalInitialised();
    GdalErrorCapture capture;
    if (isLocalPath(source) && !QFileInfo::exists(source)) {
        if (error)
            *error = QStringLiteral("'%1': no such file").arg(source);
        return {};
    }
    GDALDatasetUniquePtr ds(GDALDataset::FromHandle(GDALOpenEx(
        source.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) {
        if (error)
            *error = QStringLiteral("'%1': %2")
                         .arg(describeSource(source),
                              capture.message(QStringLiteral("not a vector source GDAL can read")));
        return {};
    }
    QStringList names;
    for (OGRLayer *layer : ds->GetLayers())
        names << QString::fromUtf8(layer->GetName());
    if (names.isEmpty() && error)
        *error = QStringLiteral("'%1': has no vector layers").arg(describeSource(source));
    return names;
}

std::shared_ptr<VectorData> VectorData::load(const QString &source, const QString &layerName, QString *error)
{
    ensureGdalInitialised();
    GdalErrorCapture capture;
    if (isLocalPath(source) && !QFileInfo::exists(source)) {
        if (error)
            *error = QStringLiteral("'%1': no such file").arg(source);
        return nullptr;
    }
    // CSV: recognise lon/lat or WKT columns, as analysts name them.
    const char *csvOptions[] = {"X_POSSIBLE_NAMES=lon*,long*,x,easting", "Y_POSSIBLE_NAMES=lat*,y,northing",
                                "GEOM_POSSIBLE_NAMES=wkt*,geom*", "KEEP_GEOM_COLUMNS=NO", nullptr};
    const bool csv = QFileInfo(source).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
    GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
        GDALOpenEx(source.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                   nullptr, csv ? csvOptions : nullptr, nullptr)));
    if (!ds) {
        if (error)
            *error = QStringLiteral("'%1': %2")
                         .arg(describeSource(source),
                              capture.message(QStringLiteral("not a vector source GDAL can read")));
        return nullptr;
    }
    OGRLayer *layer =
        layerName.isEmpty() ? ds->GetLayer(0) : ds->GetLayerByName(layerName.toUtf8().constData());
    if (!layer) {
        if (error)
            *error = layerName.isEmpty()
                         ? QStringLiteral("'%1': has no vector layers").arg(describeSource(source))
                         : QStringLiteral("'%1': no layer named '%2'").arg(describeSource(source), layerName);
        return nullptr;
    }
    auto data = std::make_shared<VectorData>();
    data->mSource = source;
    data->mLayerName = QString::fromUtf8(layer->GetName());
    const OGRSpatialReference *srs = layer->GetSpatialRef();
    if (srs) {
        char *wkt = nullptr;
        const char *options[] = {"FORMAT=WKT2_2019", nullptr};
        srs->exportToWkt(&wkt, options);
        data->mCrs = Crs::fromUserInput(QString::fromUtf8(wkt));
        CPLFree(wkt);
    }
    if (!data->mCrs.isValid())
        data->mCrs = Crs::wgs84(); // GeoJSON, KML, GPX and CSV without a CRS are lon/lat by definition
    OGRFeatureDefn *defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        data->mFields << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
    data->mOtherTags = data->mFields.indexOf(QStringLiteral("other_tags"));

    // Coordinates are kept as the layer's CRS axis order says east first.
    const bool swapAxes = srs && srs->EPSGTreatsAsLatLong() && data->mCrs.isGeographic() &&
                          srs->GetDataAxisToSRSAxisMapping() == std::vector<int>{1, 2};
    std::int64_t skippedNoGeometry = 0, skippedMixed = 0;
    layer->ResetReading();
    FeatureExtent extent;
    for (auto &ogr : *layer) {
        VectorFeature f;
        f.fid = ogr->GetFID();
        bool mixed = false;
        if (!appendGeometry(ogr->GetGeometryRef(), f, mixed)) {
            ++skippedNoGeometry;
            continue;
        }
        if (mixed)
            ++skippedMixed; // drawn by its last kind; counted so the user knows
        if (swapAxes)
            for (QPointF &p : f.points)
                p = QPointF(p.y(), p.x());
        extent.add(f);
        f.attributes.reserve(defn->GetFieldCount());
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            if (!ogr->IsFieldSetAndNotNull(i)) {
                f.attributes << QVariant();
                continue;
            }
            switch (defn->GetFieldDefn(i)->GetType()) {
            case OFTInteger:
                f.attributes << ogr->GetFieldAsInteger(i);
                break;
            case OFTInteger64:
                f.attributes << qlonglong(ogr->GetFieldAsInteger64(i));
                break;
            case OFTReal:
                f.attributes << ogr->GetFieldAsDouble(i);
                break;
            default:
                f.attributes << QString::fromUtf8(ogr->GetFieldAsString(i));
                break;
            }
        }
        data->mKinds |= 1u << int(f.kind);
        data->mVertices += f.points.size();
        data->mFeatures.push_back(std::move(f));
    }
    if (data->mFeatures.empty()) {
        if (error)
            *error =
                QStringLiteral("'%1' layer '%2': no features with a geometry to draw%3")
                    .arg(describeSource(source), data->mLayerName,
                         capture.hasErrors() ? QStringLiteral(" (%1)").arg(capture.message()) : QString());
        return nullptr;
    }
    if (skippedNoGeometry)
        data->mWarnings
            << QStringLiteral("%1 features without a drawable geometry were skipped").arg(skippedNoGeometry);
    if (skippedMixed)
        data->mWarnings << QStringLiteral("%1 features mix points, lines and polygons").arg(skippedMixed);
    data->mExtent = extent.box();
    data->buildIndex();
    return data;
}

std::shared_ptr<VectorData> VectorData::fromFeatures(const QString &source, const QString &layerName,
                                                     const QStringList &fields,
                                                     std::vector<VectorFeature> features)
{
    auto data = std::make_shared<VectorData>();
    data->mSource = source;
    data->mLayerName = layerName;
    data->mCrs = Crs::wgs84();
    data->mFields = fields;
    FeatureExtent extent;
    for (VectorFeature &f : features) {
        extent.add(f);
        data->mKinds |= 1u << int(f.kind);
        data->mVertices += f.points.size();
    }
    data->mFeatures = std::move(features);
    data->mExtent = data->mFeatures.empty() ? QRectF() : extent.box();
    data->buildIndex();
    return data;
}

void VectorData::buildIndex()
{
    const double n = double(mFeatures.size());
    const double aspect =
        mExtent.height() > 0 && mExtent.width() > 0 ? mExtent.width() / mExtent.height() : 1.0;
    mGridW = std::clamp(int(std::sqrt(n * aspect)), 1, 1024);
    mGridH = std::clamp(int(std::sqrt(n / aspect)), 1, 1024);
    mCells.assign(std::size_t(mGridW) * mGridH, {});
    const double cw = std::max(mExtent.width(), 1e-12) / mGridW,
                 ch = std::max(mExtent.height(), 1e-12) / mGridH;
    for (std::uint32_t i = 0; i < mFeatures.size(); ++i) {
        const QRectF &b = mFeatures[i].bounds;
        const int x0 = std::clamp(int((b.left() - mExtent.left()) / cw), 0, mGridW - 1);
        const int x1 = std::clamp(int((b.right() - mExtent.left()) / cw), 0, mGridW - 1);
        const int y0 = std::clamp(int((b.top() - mExtent.top()) / ch), 0, mGridH - 1);
        const int y1 = std::clamp(int((b.bottom() - mExtent.top()) / ch), 0, mGridH - 1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                mCells[std::size_t(y) * mGridW + x].push_back(i);
    }
}

std::vector<std::uint32_t> VectorData::query(const QRectF &box) const
{
    std::vector<std::uint32_t> out;
    if (mFeatures.empty() || box.right() < mExtent.left() || box.left() > mExtent.right() ||
        box.bottom() < mExtent.top() || box.top() > mExtent.bottom())
        return out;
    const double cw = std::max(mExtent.width(), 1e-12) / mGridW,
                 ch = std::max(mExtent.height(), 1e-12) / mGridH;
    const int x0 = std::clamp(int((box.left() - mExtent.left()) / cw), 0, mGridW - 1);
    const int x1 = std::clamp(int((box.right() - mExtent.left()) / cw), 0, mGridW - 1);
    const int y0 = std::clamp(int((box.top() - mExtent.top()) / ch), 0, mGridH - 1);
    const int y1 = std::clamp(int((box.bottom() - mExtent.top()) / ch), 0, mGridH - 1);
    // A feature spanning several cells is listed once: mark what was taken.
    std::vector<bool> taken;
    const bool many = (x1 - x0 + 1) * (y1 - y0 + 1) > 1;
    if (many)
        taken.assign(mFeatures.size(), false);
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            for (std::uint32_t i : mCells[std::size_t(y) * mGridW + x]) {
                if (many) {
                    if (taken[i])
                        continue;
                    taken[i] = true;
                }
                const QRectF &b = mFeatures[i].bounds;
                if (b.right() >= box.left() && b.left() <= box.right() && b.bottom() >= box.top() &&
                    b.top() <= box.bottom())
                    out.push_back(i);
            }
        }
    }
    return out;
}

QString VectorData::value(const VectorFeature &f, const QString &key) const
{
    const int i = fieldIndex(key);
    if (i >= 0)
        return f.attributes.value(i).toString();
    if (mOtherTags < 0)
        return {};
    // OSM's hstore text: "key"=>"value","key2"=>"value2"
    const QString tags = f.attributes.value(mOtherTags).toString();
    const QString needle = QStringLiteral("\"%1\"=>\"").arg(key);
    const int at = int(tags.indexOf(needle));
    if (at < 0)
        return {};
    const int start = at + int(needle.size());
    const int end = int(tags.indexOf(QLatin1Char('"'), start));
    return end > start ? tags.mid(start, end - start) : QString();
}

} // namespace sightline
