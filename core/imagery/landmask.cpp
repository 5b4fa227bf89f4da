#include "imagery/landmask.h"

#include "imagery/sarscene.h"
#include "util/gdalutil.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace sightline {

namespace {

struct TransformDeleter
{
    void operator()(OGRCoordinateTransformation *ct) const { OGRCoordinateTransformation::DestroyCT(ct); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

bool isPolygonal(OGRwkbGeometryType type)
{
    type = wkbFlatten(type);
    return type == wkbPolygon || type == wkbMultiPolygon || type == wkbCurvePolygon ||
           type == wkbMultiSurface;
}

// The rings to fill, one path a polygon (holes inside it by the odd–even rule), in pixels.
class PolygonBurner
{
public:
    // `border` pixels of the image lie around the scene on every side.
    PolygonBurner(const SarScene &scene, QImage &image, int border)
        : mScene(scene)
        , mPainter(&image)
    {
        mPainter.translate(border, border);
        mPainter.setRenderHint(QPainter::Antialiasing, false);
        mPainter.setPen(Qt::NoPen);
        mPainter.setBrush(QColor(255, 255, 255));
    }

    int burned() const { return mBurned; }

    // False when a vertex cannot be placed on the image.
    bool burn(const OGRGeometry *geometry)
    {
        switch (wkbFlatten(geometry->getGeometryType())) {
        case wkbPolygon:
            return burnPolygon(geometry->toPolygon());
        case wkbLineString:
        case wkbLinearRing: {
            const OGRLineString *line = geometry->toLineString();
            if (!line->get_IsClosed() || line->getNumPoints() < 4)
                return true; // an open line bounds nothing
            QPainterPath path;
            if (!addRing(path, line))
                return false;
            fill(path);
            return true;
        }
        case wkbMultiPolygon:
        case wkbMultiLineString:
        case wkbGeometryCollection:
            for (const OGRGeometry *part : *geometry->toGeometryCollection())
                if (!burn(part))
                    return false;
            return true;
        default:
            if (OGR_GT_IsCurve(geometry->getGeometryType()) ||
                OGR_GT_IsSurface(geometry->getGeometryType()) ||
                OGR_GT_IsSubClassOf(geometry->getGeometryType(), wkbGeometryCollection)) {
                std::unique_ptr<OGRGeometry> linear(geometry->getLinearGeometry());
                return !linear || burn(linear.get());
            }
            return true; // points bound nothing
        }
    }

private:
    bool burnPolygon(const OGRPolygon *polygon)
    {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const OGRLinearRing *ring : *polygon)
            if (!addRing(path, ring))
                return false;
        fill(path);
        return true;
    }

    bool addRing(QPainterPath &path, const OGRLineString *ring)
    {
        QPolygonF pixels;
        pixels.reserve(ring->getNumPoints());
        for (int i = 0; i < ring->getNumPoints(); ++i) {
            const QPointF p = mScene.geolocation.pixel(QPointF(ring->getX(i), ring->getY(i)));
            if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
                return false;
            pixels << p;
        }
        path.addPolygon(pixels);
        path.closeSubpath();
        return true;
    }

    void fill(const QPainterPath &path)
    {
        mPainter.drawPath(path);
        ++mBurned;
    }

    const SarScene &mScene;
    QPainter mPainter;
    int mBurned = 0;
};

// Squared distance transform along one line (Felzenszwalb & Huttenlocher's lower envelope of
// parabolas), with `scale` the squared metres of one step: linear in the line's length.
void distanceAlong(const float *f, float *d, int n, double scale, std::vector<int> &v, std::vector<double> &z)
{
    const double inf = std::numeric_limits<double>::infinity();
    v.assign(std::size_t(n), 0);
    z.assign(std::size_t(n) + 1, 0);
    int k = -1;
    for (int q = 0; q < n; ++q) {
        if (!std::isfinite(f[q]))
            continue;
        while (k >= 0) {
            const int p = v[std::size_t(k)];
            const double s = ((f[q] + scale * q * q) - (f[p] + scale * p * p)) / (2.0 * scale * (q - p));
            if (s > z[std::size_t(k)])
                break;
            --k;
        }
        ++k;
        v[std::size_t(k)] = q;
        z[std::size_t(k)] =
            k == 0 ? -inf
                   : ((f[q] + scale * q * q) -
                      (f[v[std::size_t(k - 1)]] + scale * v[std::size_t(k - 1)] * v[std::size_t(k - 1)])) /
                         (2.0 * scale * (q - v[std::size_t(k - 1)]));
        z[std::size_t(k) + 1] = inf;
    }
    if (k < 0) {
        std::fill(d, d + n, std::numeric_limits<float>::infinity());
        return;
    }
    int j = 0;
    for (int q = 0; q < n; ++q) {
        while (z[std::size_t(j) + 1] < q)
            ++j;
        const int p = v[std::size_t(j)];
        d[q] = float(scale * (q - p) * (q - p) + f[p]);
    }
}

// Grows land by `bufferM` on the ground: every pixel within that Euclidean distance of land
// becomes land. Down the columns first (the rows to the nearest land, capped just past the
// buffer, so two bytes a pixel), then along each row through the exact transform.
void growLand(LandMask &mask, QPointF spacingM, double bufferM)
{
    if (bufferM <= 0)
        return;
    const int w = mask.width, h = mask.height;
    const int capRows = int(std::min(65534.0, std::ceil(bufferM / spacingM.y()) + 1));
    std::vector<std::uint16_t> rowsToLand(std::size_t(w) * std::size_t(h), std::uint16_t(capRows + 1));
    std::vector<int> last(std::size_t(w), -1);
    for (int r = 0; r < h; ++r) // from above
        for (int c = 0; c < w; ++c) {
            const std::size_t i = std::size_t(r) * std::size_t(w) + std::size_t(c);
            if (mask.land[i])
                last[std::size_t(c)] = r;
            if (last[std::size_t(c)] >= 0)
                rowsToLand[i] = std::uint16_t(std::min(capRows + 1, r - last[std::size_t(c)]));
        }
    std::fill(last.begin(), last.end(), -1);
    for (int r = h - 1; r >= 0; --r) // from below
        for (int c = 0; c < w; ++c) {
            const std::size_t i = std::size_t(r) * std::size_t(w) + std::size_t(c);
            if (mask.land[i])
                last[std::size_t(c)] = r;
            if (last[std::size_t(c)] >= 0)
                rowsToLand[i] =
                    std::min(rowsToLand[i], std::uint16_t(std::min(capRows + 1, last[std::size_t(c)] - r)));
        }
    std::vector<float> f(static_cast<std::size_t>(w)), d(static_cast<std::size_t>(w));
    std::vector<int> v;
    std::vector<double> z;
    const double limit = bufferM * bufferM;
    for (int r = 0; r < h; ++r) {
        const std::size_t row = std::size_t(r) * std::size_t(w);
        for (int c = 0; c < w; ++c) {
            const int rows = rowsToLand[row + std::size_t(c)];
            const double metres = rows * spacingM.y();
            f[std::size_t(c)] =
                rows > capRows ? std::numeric_limits<float>::infinity() : float(metres * metres);
        }
        distanceAlong(f.data(), d.data(), w, spacingM.x() * spacingM.x(), v, z);
        for (int c = 0; c < w; ++c)
            if (d[std::size_t(c)] <= limit)
                mask.land[row + std::size_t(c)] = 1;
    }
}

} // namespace

std::optional<LandMask> landMaskFromLayer(const SarScene &scene, const QString &source,
                                          const QString &layerName, double shoreBufferM, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    // A land layer is a file the analyst has: never a URL, a /vsi… stream or an inline VRT.
    if (!isLocalPath(source))
        return fail(
            QStringLiteral("'%1': a land mask is read from a local file only").arg(describeSource(source)));
    if (!QFileInfo::exists(source))
        return fail(QStringLiteral("'%1': no such file").arg(source));
    if (scene.width <= 0 || scene.height <= 0 || !scene.geolocation.isValid())
        return fail(QStringLiteral("'%1': the scene has no pixels placed on the ground to mask").arg(source));

    ensureGdalInitialised();
    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(GDALDataset::FromHandle(GDALOpenEx(
        source.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds)
        return fail(QStringLiteral("'%1': %2")
                        .arg(source, capture.message(QStringLiteral("not a vector file GDAL can read"))));
    OGRLayer *layer =
        layerName.isEmpty() ? ds->GetLayer(0) : ds->GetLayerByName(layerName.toUtf8().constData());
    if (!layer)
        return fail(layerName.isEmpty() ? QStringLiteral("'%1': has no vector layers").arg(source)
                                        : QStringLiteral("'%1': no layer named '%2'").arg(source, layerName));
    const QString layerLabel = QString::fromUtf8(layer->GetName());
    const OGRwkbGeometryType declared = wkbFlatten(layer->GetGeomType());
    if (declared != wkbUnknown && declared != wkbGeometryCollection && !isPolygonal(declared) &&
        !OGR_GT_IsCurve(declared) && declared != wkbMultiLineString && declared != wkbMultiCurve)
        return fail(QStringLiteral("'%1': layer '%2' holds %3, not polygons of land")
                        .arg(source, layerLabel, QString::fromUtf8(OGRGeometryTypeToName(declared))));

    // Everything in lon/lat, east first, as the scene's geolocation takes it.
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    TransformPtr toWgs84;
    if (const OGRSpatialReference *srs = layer->GetSpatialRef()) {
        std::unique_ptr<OGRSpatialReference> layerSrs(srs->Clone());
        layerSrs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (!layerSrs->IsSame(&wgs84)) {
            toWgs84.reset(OGRCreateCoordinateTransformation(layerSrs.get(), &wgs84));
            if (!toWgs84)
                return fail(QStringLiteral(
                                "'%1': layer '%2' is in a coordinate system that cannot be turned into WGS84")
                                .arg(source, layerLabel));
        }
    }
    // Land just outside the scene still grows into it: the mask is drawn with a border as wide as
    // the shore buffer around the scene, grown, then cut to the scene.
    const QPointF spacing = scene.geolocation.pixelSpacingM(QPointF(scene.width / 2.0, scene.height / 2.0));
    const bool spaced = std::isfinite(spacing.x()) && std::isfinite(spacing.y()) && spacing.x() > 0 && spacing.y() > 0;
    const int border = spaced && shoreBufferM > 0
                           ? int(std::min(4096.0, std::ceil(shoreBufferM / std::min(spacing.x(), spacing.y())) + 1))
                           : 0;
    // Only the features near the scene: its footprint's box, a tenth wider (and the border), in lon/lat.
    const QRectF box = scene.footprint().boundingRect();
    const double borderDeg =
        border * std::max(spacing.x(), spacing.y()) / (111320.0 * std::max(0.01, std::cos(box.center().y() * M_PI / 180)));
    const double margin = std::max(0.1 * std::max(box.width(), box.height()), 1.2 * borderDeg);
    OGRPolygon clip;
    {
        auto ring = std::make_unique<OGRLinearRing>();
        const QRectF wide = box.adjusted(-margin, -margin, margin, margin);
        ring->addPoint(wide.left(), wide.top());
        ring->addPoint(wide.right(), wide.top());
        ring->addPoint(wide.right(), wide.bottom());
        ring->addPoint(wide.left(), wide.bottom());
        ring->closeRings();
        clip.addRingDirectly(ring.release());
    }
    if (!toWgs84)
        layer->SetSpatialFilter(&clip);

    QImage image(scene.width + 2 * border, scene.height + 2 * border, QImage::Format_Grayscale8);
    if (image.isNull())
        return fail(QStringLiteral("'%1': no memory for a %2 × %3 mask")
                        .arg(source)
                        .arg(scene.width)
                        .arg(scene.height));
    image.fill(0);
    {
        PolygonBurner burner(scene, image, border);
        // Vertices a few pixels apart at most: a long straight edge in lon/lat bends in the image.
        const double spacingDeg = std::max(box.width(), box.height()) / 200.0;
        layer->ResetReading();
        for (auto &feature : *layer) {
            const OGRGeometry *geometry = feature->GetGeometryRef();
            if (!geometry || geometry->IsEmpty())
                continue;
            const QString featureLabel = QStringLiteral("feature %1").arg(feature->GetFID());
            std::unique_ptr<OGRGeometry> g(geometry->clone());
            if (toWgs84 && g->transform(toWgs84.get()) != OGRERR_NONE)
                return fail(QStringLiteral("'%1': %2 of layer '%3' cannot be placed in WGS84")
                                .arg(source, featureLabel, layerLabel));
            OGREnvelope env;
            g->getEnvelope(&env);
            if (!std::isfinite(env.MinX) || !std::isfinite(env.MaxY))
                return fail(QStringLiteral("'%1': %2 of layer '%3' has coordinates that are not numbers")
                                .arg(source, featureLabel, layerLabel));
            OGREnvelope clipEnv;
            clip.getEnvelope(&clipEnv);
            if (!env.Intersects(clipEnv))
                continue;
            if (isPolygonal(g->getGeometryType()) && !g->IsValid())
                return fail(QStringLiteral("'%1': %2 of layer '%3' is not a valid polygon (%4)")
                                .arg(source, featureLabel, layerLabel,
                                     capture.message(QStringLiteral("its rings cross or do not close"))));
            // Only the part near the scene is drawn: a continent's outline is not needed whole.
            if (env.MinX < clipEnv.MinX || env.MaxX > clipEnv.MaxX || env.MinY < clipEnv.MinY ||
                env.MaxY > clipEnv.MaxY) {
                if (isPolygonal(g->getGeometryType()) && OGRGeometryFactory::haveGEOS()) {
                    std::unique_ptr<OGRGeometry> part(g->Intersection(&clip));
                    if (!part)
                        return fail(QStringLiteral("'%1': %2 of layer '%3' cannot be cut to the scene (%4)")
                                        .arg(source, featureLabel, layerLabel, capture.message()));
                    g = std::move(part);
                }
            }
            g->segmentize(spacingDeg);
            if (!burner.burn(g.get()))
                return fail(QStringLiteral("'%1': %2 of layer '%3' cannot be placed on the image")
                                .arg(source, featureLabel, layerLabel));
        }
    }

    LandMask grown;
    grown.width = image.width();
    grown.height = image.height();
    grown.land.resize(std::size_t(grown.width) * std::size_t(grown.height));
    for (int r = 0; r < grown.height; ++r) {
        const uchar *line = image.constScanLine(r);
        std::copy(line, line + grown.width, grown.land.begin() + std::ptrdiff_t(r) * grown.width);
    }
    image = QImage();
    if (spaced)
        growLand(grown, spacing, shoreBufferM);
    LandMask mask;
    mask.width = scene.width;
    mask.height = scene.height;
    mask.land.resize(std::size_t(scene.width) * std::size_t(scene.height));
    for (int r = 0; r < scene.height; ++r) {
        const auto from = grown.land.begin() + std::ptrdiff_t(r + border) * grown.width + border;
        std::copy(from, from + scene.width, mask.land.begin() + std::ptrdiff_t(r) * scene.width);
    }
    return mask;
}

} // namespace sightline
