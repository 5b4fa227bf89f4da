#include "layers/vectoredit.h"

#include "util/gdalutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>

namespace sightline::vectoredit {

QStringList drawnLayerFields()
{
    return {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("notes")};
}

std::shared_ptr<VectorData> emptyDrawingLayer(const QString &path, const QString &layerName)
{
    return VectorData::fromFeatures(path, layerName, drawnLayerFields(), {});
}

namespace {
std::shared_ptr<VectorData> rebuilt(const VectorData &data, std::vector<VectorFeature> features)
{
    return VectorData::fromFeatures(data.source(), data.layerName(), data.fieldNames(), std::move(features));
}
} // namespace

std::shared_ptr<VectorData> withFeature(const VectorData &data, VectorFeature feature)
{
    std::vector<VectorFeature> features = data.features();
    std::int64_t fid = 0;
    for (const VectorFeature &f : features)
        fid = std::max(fid, f.fid + 1);
    feature.fid = fid;
    features.push_back(std::move(feature));
    return rebuilt(data, std::move(features));
}

std::shared_ptr<VectorData> withVertexMoved(const VectorData &data, std::size_t feature, std::size_t vertex,
                                            QPointF to)
{
    std::vector<VectorFeature> features = data.features();
    VectorFeature &f = features.at(feature);
    f.points.at(vertex) = to;
    // A ring's first and last vertex are one corner: move both.
    if (f.kind == VectorFeature::Kind::Polygon) {
        for (std::size_t part = 0; part < f.partCount(); ++part) {
            const auto [a, b] = f.part(part);
            if (b - a >= 4 && vertex == a)
                f.points[b - 1] = to;
            else if (b - a >= 4 && vertex == b - 1)
                f.points[a] = to;
        }
    }
    return rebuilt(data, std::move(features));
}

std::shared_ptr<VectorData> withoutFeature(const VectorData &data, std::size_t feature)
{
    std::vector<VectorFeature> features = data.features();
    features.erase(features.begin() + std::ptrdiff_t(feature));
    return rebuilt(data, std::move(features));
}

VectorFeature makeFeature(VectorFeature::Kind kind, const std::vector<QPointF> &lonLat,
                          const QVariantList &attributes)
{
    VectorFeature f;
    f.kind = kind;
    f.points = lonLat;
    if (kind == VectorFeature::Kind::Polygon && !lonLat.empty() && lonLat.front() != lonLat.back())
        f.points.push_back(lonLat.front());
    f.partStarts = {0};
    if (kind == VectorFeature::Kind::Polygon)
        f.polygonStarts = {0};
    f.attributes = attributes;
    return f;
}

bool save(const VectorData &data, const QString &path, QString *error)
{
    ensureGdalInitialised();
    GdalErrorCapture capture;
    const bool gpkg = QFileInfo(path).suffix().compare(QLatin1String("gpkg"), Qt::CaseInsensitive) == 0;
    const QString temp = QFileInfo(path).dir().filePath(
        QStringLiteral(".%1.saving.%2").arg(QFileInfo(path).completeBaseName(), QFileInfo(path).suffix()));
    QFile::remove(temp);
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(gpkg ? "GPKG" : "GeoJSON");
    GDALDatasetUniquePtr ds(driver->Create(temp.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) {
        if (error)
            *error =
                QStringLiteral("'%1': %2").arg(path, capture.message(QStringLiteral("cannot be written")));
        return false;
    }
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const bool polygons =
        data.hasKind(VectorFeature::Kind::Polygon) && !data.hasKind(VectorFeature::Kind::Line);
    const bool lines = data.hasKind(VectorFeature::Kind::Line) && !data.hasKind(VectorFeature::Kind::Polygon);
    OGRLayer *layer = ds->CreateLayer(data.layerName().toUtf8().constData(), &wgs84,
                                      polygons ? wkbPolygon
                                      : lines  ? wkbLineString
                                               : wkbUnknown,
                                      nullptr);
    if (!layer) {
        if (error)
            *error = QStringLiteral("'%1': %2")
                         .arg(path, capture.message(QStringLiteral("cannot create the layer")));
        return false;
    }
    for (const QString &name : data.fieldNames()) {
        OGRFieldDefn field(name.toUtf8().constData(), OFTString);
        layer->CreateField(&field);
    }
    for (const VectorFeature &f : data.features()) {
        OGRFeature feature(layer->GetLayerDefn());
        for (int i = 0; i < data.fieldNames().size(); ++i)
            if (f.attributes.value(i).isValid())
                feature.SetField(i, f.attributes.value(i).toString().toUtf8().constData());
        if (f.kind == VectorFeature::Kind::Polygon) {
            auto *poly = new OGRPolygon();
            for (std::size_t part = 0; part < f.partCount(); ++part) {
                const auto [a, b] = f.part(part);
                auto *ring = new OGRLinearRing();
                for (std::uint32_t k = a; k < b; ++k)
                    ring->addPoint(f.points[k].x(), f.points[k].y());
                ring->closeRings();
                poly->addRingDirectly(ring);
            }
            feature.SetGeometryDirectly(poly);
        } else if (f.kind == VectorFeature::Kind::Line) {
            auto *ls = new OGRLineString();
            for (const QPointF &p : f.points)
                ls->addPoint(p.x(), p.y());
            feature.SetGeometryDirectly(ls);
        } else {
            feature.SetGeometryDirectly(new OGRPoint(f.points.front().x(), f.points.front().y()));
        }
        if (layer->CreateFeature(&feature) != OGRERR_NONE) {
            if (error)
                *error = QStringLiteral("'%1': %2")
                             .arg(path, capture.message(QStringLiteral("a feature could not be written")));
            ds.reset();
            QFile::remove(temp);
            return false;
        }
    }
    ds.reset(); // closes and flushes the temporary file
    // Atomic on POSIX: the old file stays whole until the new one is complete.
    if (std::rename(temp.toUtf8().constData(), path.toUtf8().constData()) != 0) {
        if (error)
            *error = QStringLiteral("'%1': cannot replace the file").arg(path);
        QFile::remove(temp);
        return false;
    }
    return true;
}

} // namespace sightline::vectoredit
