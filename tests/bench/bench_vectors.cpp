// Vector benchmark: open, full-extent and zoomed renders (first and warm median)
// and identify latency, for one GeoPackage's layers drawn together.
//   sightline_bench_vectors FILE.gpkg [--layers rails,areas] [--runs 7]
#include "layers/vectorlayer.h"
#include "render/maprenderer.h"
#include "util/gdalutil.h"
#include "util/runtimeenvironment.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QTextStream>

#include <algorithm>
#include <random>

using namespace sightline;

namespace {
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
} // namespace

int main(int argc, char **argv)
{
    ensureRuntimeDirectory();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        out << "usage: sightline_bench_vectors FILE.gpkg [--layers a,b] [--runs N]\n";
        return 2;
    }
    const QString file = args[1];
    QStringList layerNames{QStringLiteral("rails"), QStringLiteral("areas")};
    int runs = 7;
    QString clicksFile;
    for (int i = 2; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--clicks"))
            clicksFile = args[i + 1];
        if (args[i] == QLatin1String("--layers"))
            layerNames = args[i + 1].split(QLatin1Char(','));
        if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
    }
    ensureGdalInitialised();
    QElapsedTimer t;
    t.start();
    QList<std::shared_ptr<Layer>> layers;
    std::vector<std::shared_ptr<VectorLayer>> vectors;
    for (const QString &name : layerNames) {
        QString error;
        auto layer = VectorLayer::open(file, name, &error);
        if (!layer) {
            out << error << "\n";
            return 1;
        }
        // Plain symbols, as the QGIS side uses: thin lines, a light fill.
        VectorStyle style;
        style.symbol.stroke = QColor(0x30, 0x30, 0x30);
        style.symbol.fill = QColor(0x1f, 0x5f, 0xa8, 60);
        layer->setStyle(style);
        layers.prepend(layer);
        vectors.push_back(layer);
        out << QStringLiteral("%1: %2 features, %3 vertices\n")
                   .arg(name)
                   .arg(layer->data().features().size())
                   .arg(layer->data().vertexCount());
    }
    out << QStringLiteral("open (read into memory, index): %1 ms\n").arg(t.nsecsElapsed() / 1e6, 0, 'f', 0);

    const QRectF full(QPointF(130.0, 41.4), QPointF(133.0, 43.6));
    // The peers' zoomed window: 25 km wide in Web Mercator around 131.5E 42.5N.
    MapSettings zoom;
    zoom.setOutputSize(QSize(1920, 1080));
    {
        const double x = 131.5 * 20037508.342789244 / 180.0;
        const double y = std::log(std::tan((90.0 + 42.5) * M_PI / 360.0)) * 6378137.0;
        zoom.setExtent(QRectF(x - 12500, y - 7031.25, 25000, 14062.5));
    }
    zoom.setLayers(layers);
    MapSettings fullSettings = MapSettings::fromWgs84Extent(full, QSize(1920, 1080));
    fullSettings.setLayers(layers);
    for (const auto &[name, settings] : {std::pair<const char *, MapSettings>{"full extent", fullSettings},
                                         std::pair<const char *, MapSettings>{"25 km window", zoom}}) {
        t.restart();
        renderMapImage(settings, nullptr, Qt::white);
        const double first = t.nsecsElapsed() / 1e6;
        std::vector<double> ms;
        for (int r = 0; r < runs; ++r) {
            t.restart();
            renderMapImage(settings, nullptr, Qt::white);
            ms.push_back(t.nsecsElapsed() / 1e6);
        }
        out << QStringLiteral("render %1 at 1920x1080: first %2 ms, warm median %3 ms\n")
                   .arg(QString::fromLatin1(name))
                   .arg(first, 0, 'f', 1)
                   .arg(median(ms), 0, 'f', 1);
    }
    // Identify: the feature under each click (a file of "lon lat" lines shared with the QGIS
    // side, or 200 random ones), 8 px tolerance at the 25 km window's 13 m/px.
    std::vector<QPointF> clicks;
    if (QFile f(clicksFile); !clicksFile.isEmpty() && f.open(QIODevice::ReadOnly)) {
        while (!f.atEnd()) {
            const QList<QByteArray> xy = f.readLine().trimmed().split(' ');
            if (xy.size() == 2)
                clicks.emplace_back(xy[0].toDouble(), xy[1].toDouble());
        }
    } else {
        std::mt19937 rng(3);
        std::uniform_real_distribution<double> lon(130.1, 132.9), lat(41.5, 43.5);
        for (int i = 0; i < 200; ++i)
            clicks.emplace_back(lon(rng), lat(rng));
    }
    const double tolerance = 8 * 13.0 / 111320.0; // 8 px at 13 m/px, in degrees
    std::vector<double> us;
    int hits = 0;
    for (const QPointF &p : clicks) {
        t.restart();
        for (const auto &v : vectors)
            if (v->pick(p, tolerance) >= 0) {
                ++hits;
                break;
            }
        us.push_back(t.nsecsElapsed() / 1e3);
    }
    out << QStringLiteral("identify: median %1 µs per click (%2 of %3 clicks hit a feature)\n")
               .arg(median(us), 0, 'f', 1)
               .arg(hits)
               .arg(clicks.size());
    return 0;
}
