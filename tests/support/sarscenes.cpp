#include "sarscenes.h"

#include "geo/geodesic.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace sightline::test {

namespace {

// Uniform in (0, 1]: never 0, so a logarithm of it is finite.
double uniform(std::mt19937_64 &rng)
{
    return (double(rng() >> 11) + 1.0) * (1.0 / 9007199254740992.0);
}

// Gamma with mean 1 and `looks` as its shape: speckle. Whole looks as a sum of exponentials
// (one logarithm of a product), which is what a multi-look image is, and fast.
double speckle(std::mt19937_64 &rng, double looks)
{
    const int whole = int(std::lround(looks));
    if (std::abs(looks - whole) < 1e-9 && whole >= 1 && whole <= 16) {
        double product = 1;
        for (int i = 0; i < whole; ++i)
            product *= uniform(rng);
        return -std::log(product) / whole;
    }
    std::gamma_distribution<double> gamma(looks, 1.0 / looks);
    return gamma(rng);
}

// The coast, in pixels: land is left of this column on each row.
double coastColumn(const SarSceneSpec &spec, double row)
{
    const double w = spec.width, h = spec.height;
    return 0.18 * w + 0.05 * w * std::sin(2 * M_PI * row / h * 1.5) + 0.02 * w * std::sin(2 * M_PI * row / h * 7.0);
}

// (east, north) metres a step along a column and along a row, at `pixel`.
std::array<QPointF, 2> groundSteps(const SarGeolocation &geo, QPointF pixel)
{
    std::array<QPointF, 2> steps;
    const QPointF offsets[] = {{1, 0}, {0, 1}};
    for (int i = 0; i < 2; ++i) {
        const GeodesicInverse g = Geodesic::inverse(geo.lonLat(pixel), geo.lonLat(pixel + offsets[i]));
        const double az = g.azimuth1Deg * M_PI / 180.0;
        steps[std::size_t(i)] = QPointF(g.distanceMetres * std::sin(az), g.distanceMetres * std::cos(az));
    }
    return steps;
}

// Fills the pixels whose centres the polygon holds (even–odd), row by row.
void fillPolygon(const QPolygonF &polygon, int width, int height, std::vector<std::uint8_t> &out)
{
    std::vector<double> crossings;
    for (int r = 0; r < height; ++r) {
        const double y = r + 0.5;
        crossings.clear();
        for (int i = 0; i + 1 < polygon.size(); ++i) {
            const QPointF a = polygon[i], b = polygon[i + 1];
            if ((a.y() <= y) != (b.y() <= y))
                crossings.push_back(a.x() + (y - a.y()) / (b.y() - a.y()) * (b.x() - a.x()));
        }
        std::sort(crossings.begin(), crossings.end());
        for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
            const int c0 = std::max(0, int(std::ceil(crossings[i] - 0.5)));
            const int c1 = std::min(width - 1, int(std::floor(crossings[i + 1] - 0.5)));
            for (int c = c0; c <= c1; ++c)
                out[std::size_t(r) * std::size_t(width) + std::size_t(c)] = 1;
        }
    }
}

void drawShip(SyntheticSarScene &out, const SarSceneSpec &spec, SyntheticShip &ship, double seaMean,
              std::mt19937_64 &rng)
{
    SarScene &scene = out.scene;
    const auto steps = groundSteps(scene.geolocation, ship.pixel);
    // Ground offset → pixel offset: the inverse of [alongCol alongRow].
    const double a = steps[0].x(), b = steps[1].x(), c = steps[0].y(), d = steps[1].y();
    const double h = ship.headingDeg * M_PI / 180.0;
    const QPointF along(std::sin(h), std::cos(h)), across(std::cos(h), -std::sin(h));
    const double reach = 0.5 * std::hypot(ship.lengthM, ship.widthM) / spec.pixelM + 3;
    const int c0 = int(std::floor(ship.pixel.x() - reach)), c1 = int(std::ceil(ship.pixel.x() + reach));
    const int r0 = int(std::floor(ship.pixel.y() - reach)), r1 = int(std::ceil(ship.pixel.y() + reach));
    const int pw = c1 - c0 + 1, ph = r1 - r0 + 1;
    std::vector<double> cover(std::size_t(pw) * std::size_t(ph), 0.0);
    constexpr int kSub = 4;
    for (int r = r0; r <= r1; ++r)
        for (int col = c0; col <= c1; ++col) {
            int inside = 0;
            for (int i = 0; i < kSub; ++i)
                for (int j = 0; j < kSub; ++j) {
                    const double dc = col + (j + 0.5) / kSub - ship.pixel.x();
                    const double dr = r + (i + 0.5) / kSub - ship.pixel.y();
                    const double e = a * dc + b * dr, n = c * dc + d * dr;
                    if (std::abs(e * along.x() + n * along.y()) <= ship.lengthM / 2 &&
                        std::abs(e * across.x() + n * across.y()) <= ship.widthM / 2)
                        ++inside;
                }
            cover[std::size_t(r - r0) * std::size_t(pw) + std::size_t(col - c0)] = double(inside) / (kSub * kSub);
        }
    // The radar's blur (about two pixels wide, as a 10 m GRD's 20 m resolution), rows then columns.
    auto blur = [&](bool alongRows) {
        std::vector<double> next(cover.size(), 0.0);
        for (int r = 0; r < ph; ++r)
            for (int col = 0; col < pw; ++col) {
                double v = 0.6 * cover[std::size_t(r) * std::size_t(pw) + std::size_t(col)];
                for (int s : {-1, 1}) {
                    const int rr = alongRows ? r : r + s, cc = alongRows ? col + s : col;
                    if (rr >= 0 && rr < ph && cc >= 0 && cc < pw)
                        v += 0.2 * cover[std::size_t(rr) * std::size_t(pw) + std::size_t(cc)];
                }
                next[std::size_t(r) * std::size_t(pw) + std::size_t(col)] = v;
            }
        cover.swap(next);
    };
    blur(true);
    blur(false);
    const double power = seaMean * std::pow(10.0, ship.contrastDb / 10.0);
    for (int r = std::max(0, r0); r <= std::min(scene.height - 1, r1); ++r)
        for (int col = std::max(0, c0); col <= std::min(scene.width - 1, c1); ++col) {
            const double k = cover[std::size_t(r - r0) * std::size_t(pw) + std::size_t(col - c0)];
            if (k > 0)
                scene.power[std::size_t(r) * std::size_t(scene.width) + std::size_t(col)] +=
                    float(k * power * speckle(rng, spec.looks));
        }
    // Faint sidelobes, a cross through the hull's centre along the image axes.
    const int cc = int(ship.pixel.x()), cr = int(ship.pixel.y());
    for (int s = -8; s <= 8; ++s) {
        const double lobe = power * std::pow(10.0, -2.4) / (1 + std::abs(s));
        if (cc + s >= 0 && cc + s < scene.width)
            scene.power[std::size_t(cr) * std::size_t(scene.width) + std::size_t(cc + s)] += float(lobe);
        if (cr + s >= 0 && cr + s < scene.height)
            scene.power[std::size_t(cr + s) * std::size_t(scene.width) + std::size_t(cc)] += float(lobe);
    }
}

} // namespace

SyntheticSarScene makeSarScene(const SarSceneSpec &spec)
{
    SyntheticSarScene out;
    std::mt19937_64 rng(spec.seed);
    const double rho = spec.rotationDeg * M_PI / 180.0, s = spec.pixelM;
    out.geoTransform = {600000.0, s * std::cos(rho), s * std::sin(rho), 4700000.0, s * std::sin(rho), -s * std::cos(rho)};
    SarScene &scene = out.scene;
    scene.path = QStringLiteral("synthetic");
    scene.sceneId = QStringLiteral("synthetic-%1").arg(spec.seed);
    scene.width = spec.width;
    scene.height = spec.height;
    scene.polarisation = QStringLiteral("VV");
    scene.geolocation =
        SarGeolocation::fromGeoTransform(out.geoTransform, Crs::fromUserInput(QStringLiteral("EPSG:%1").arg(out.epsg)));
    const std::size_t pixels = std::size_t(spec.width) * std::size_t(spec.height);
    scene.power.assign(pixels, 0.0f);

    // Land: left of a wavy coast, the polygon running well outside the image.
    out.landTruth.assign(pixels, 0);
    QPolygonF landPixels;
    if (spec.land) {
        const double w = spec.width, h = spec.height;
        landPixels << QPointF(-0.1 * w, -0.1 * h);
        for (int i = 0; i <= 60; ++i) {
            const double row = -0.1 * h + 1.2 * h * i / 60.0;
            landPixels << QPointF(coastColumn(spec, row), row);
        }
        landPixels << QPointF(-0.1 * w, 1.1 * h) << landPixels.front();
        fillPolygon(landPixels, spec.width, spec.height, out.landTruth);
        for (const QPointF &p : std::as_const(landPixels))
            out.landLonLat << scene.geolocation.lonLat(p);
    }

    // Texture on a coarse grid, interpolated: the swell and wind patches that make sea K-distributed.
    const int cell = std::max(1, spec.textureCellPx);
    const int gw = spec.width / cell + 2, gh = spec.height / cell + 2;
    std::vector<double> texture(std::size_t(gw) * std::size_t(gh));
    std::gamma_distribution<double> textureGamma(spec.textureShape, 1.0 / spec.textureShape);
    for (double &t : texture)
        t = textureGamma(rng);
    // Land: each cell 6–14 dB over the sea, some cells with a bright point (a crane, a roof).
    std::vector<double> landGain(texture.size());
    for (double &g : landGain)
        g = std::pow(10.0, (6 + 8 * uniform(rng)) / 10.0) * (uniform(rng) < 0.05 ? 300.0 : 1.0);

    for (int r = 0; r < spec.height; ++r) {
        const double gy = (r + 0.5) / cell;
        const int y0 = std::min(gh - 2, int(gy));
        const double fy = std::min(1.0, gy - y0);
        for (int c = 0; c < spec.width; ++c) {
            const double seaMean =
                std::pow(10.0, (spec.nearRangeDb + (spec.farRangeDb - spec.nearRangeDb) * c / spec.width) / 10.0);
            const std::size_t i = std::size_t(r) * std::size_t(spec.width) + std::size_t(c);
            const double gx = (c + 0.5) / cell;
            const int x0 = std::min(gw - 2, int(gx));
            double value;
            if (out.landTruth[i]) {
                value = seaMean * landGain[std::size_t(y0) * std::size_t(gw) + std::size_t(x0)];
            } else {
                const double fx = std::min(1.0, gx - x0);
                auto at = [&](int x, int y) { return texture[std::size_t(y) * std::size_t(gw) + std::size_t(x)]; };
                value = seaMean * ((1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
                                   fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1)));
            }
            scene.power[i] = float(value * speckle(rng, spec.looks));
        }
    }

    // Ships: away from the edges, from land and from each other; random sizes and headings.
    const double spacingPx = spec.minShipSpacingM / spec.pixelM;
    const double margin = 0.5 * spec.maxShipLengthM / spec.pixelM + 5;
    for (int attempt = 0; int(out.ships.size()) < spec.ships && attempt < spec.ships * 200; ++attempt) {
        const QPointF p(margin + uniform(rng) * (spec.width - 2 * margin),
                        margin + uniform(rng) * (spec.height - 2 * margin));
        if (spec.land) {
            double coast = -1e9;
            for (double dr = -spacingPx; dr <= spacingPx; dr += 5)
                coast = std::max(coast, coastColumn(spec, p.y() + dr));
            if (p.x() - coast < spacingPx)
                continue;
        }
        if (std::any_of(out.ships.begin(), out.ships.end(), [&](const SyntheticShip &o) {
                return std::hypot(o.pixel.x() - p.x(), o.pixel.y() - p.y()) < spacingPx;
            }))
            continue;
        SyntheticShip ship;
        ship.pixel = p;
        ship.lonLat = scene.geolocation.lonLat(p);
        ship.lengthM = spec.minShipLengthM + uniform(rng) * (spec.maxShipLengthM - spec.minShipLengthM);
        ship.widthM = std::max(6.0, ship.lengthM / (5.5 + 2.5 * uniform(rng)));
        ship.headingDeg = 180.0 * uniform(rng);
        ship.contrastDb = spec.minShipContrastDb + uniform(rng) * (spec.maxShipContrastDb - spec.minShipContrastDb);
        const double seaMean =
            std::pow(10.0, (spec.nearRangeDb + (spec.farRangeDb - spec.nearRangeDb) * p.x() / spec.width) / 10.0);
        drawShip(out, spec, ship, seaMean, rng);
        out.ships.push_back(ship);
    }
    return out;
}

QString writeSarGeoTiff(const SyntheticSarScene &scene, const QString &path)
{
    GDALAllRegister();
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver)
        return {};
    const SarScene &s = scene.scene;
    GDALDatasetUniquePtr ds(driver->Create(path.toUtf8().constData(), s.width, s.height, 1, GDT_Float32, nullptr));
    if (!ds)
        return {};
    std::array<double, 6> gt = scene.geoTransform;
    ds->SetGeoTransform(gt.data());
    OGRSpatialReference srs;
    srs.importFromEPSG(scene.epsg);
    ds->SetSpatialRef(&srs);
    GDALRasterBand *band = ds->GetRasterBand(1);
    band->SetNoDataValue(std::numeric_limits<double>::quiet_NaN());
    if (band->RasterIO(GF_Write, 0, 0, s.width, s.height, const_cast<float *>(s.power.data()), s.width, s.height,
                       GDT_Float32, 0, 0) != CE_None)
        return {};
    return path;
}

QString writeLandGeoJson(const SyntheticSarScene &scene, const QString &path)
{
    QJsonArray ring;
    for (const QPointF &p : scene.landLonLat)
        ring.append(QJsonArray{p.x(), p.y()});
    const QJsonObject feature{{QStringLiteral("type"), QStringLiteral("Feature")},
                              {QStringLiteral("properties"), QJsonObject{{QStringLiteral("name"), QStringLiteral("land")}}},
                              {QStringLiteral("geometry"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Polygon")},
                                                                       {QStringLiteral("coordinates"), QJsonArray{ring}}}}};
    const QJsonObject collection{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                                 {QStringLiteral("features"), QJsonArray{feature}}};
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QJsonDocument(collection).toJson());
    return path;
}

} // namespace sightline::test
