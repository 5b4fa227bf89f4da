// Times Sightline's raster render of one view: the first render after opening
// (cold when the caller has dropped the page cache) and warm re-renders.
//   sightline_bench_render FILE --window MINX,MINY,MAXX,MAXY [--crs EPSG:3857]
//                          [--size 1920x1080] [--runs 9] [-o OUT.png]
// Prints one line of key=value figures in milliseconds.
#include "layers/rasterlayer.h"
#include "render/maprenderer.h"
#include "util/gdalutil.h"
#include "util/runtimeenvironment.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace sightline;

int main(int argc, char **argv)
{
    ensureRuntimeDirectory();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout), err(stderr);
    const QStringList args = app.arguments();
    QString file, window, crsText = QStringLiteral("EPSG:3857"), sizeText = QStringLiteral("1920x1080"),
                          output;
    int runs = 9;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--window") && i + 1 < args.size())
            window = args[++i];
        else if (args[i] == QLatin1String("--crs") && i + 1 < args.size())
            crsText = args[++i];
        else if (args[i] == QLatin1String("--size") && i + 1 < args.size())
            sizeText = args[++i];
        else if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == QLatin1String("-o") && i + 1 < args.size())
            output = args[++i];
        else
            file = args[i];
    }
    const QStringList w = window.split(QLatin1Char(','));
    const QStringList sz = sizeText.split(QLatin1Char('x'));
    if (file.isEmpty() || w.size() != 4 || sz.size() != 2 || runs < 1) {
        err << "usage: sightline_bench_render FILE --window MINX,MINY,MAXX,MAXY [--crs C] [--size WxH] "
               "[--runs N] [-o OUT.png]\n";
        return 2;
    }

    QElapsedTimer total;
    total.start();
    ensureGdalInitialised();
    QString error;
    auto layer = RasterLayer::open(file, &error);
    if (!layer) {
        err << error << "\n";
        return 1;
    }
    const double openMs = total.nsecsElapsed() / 1e6;
    MapSettings settings;
    settings.setDestinationCrs(Crs::fromUserInput(crsText));
    settings.setOutputSize(QSize(sz[0].toInt(), sz[1].toInt()));
    settings.setExtent(
        QRectF(QPointF(w[0].toDouble(), w[1].toDouble()), QPointF(w[2].toDouble(), w[3].toDouble())));
    settings.setLayers({layer});

    QList<RenderError> errors;
    QElapsedTimer t;
    t.start();
    QImage image = renderMapImage(settings, &errors, Qt::white);
    const double firstMs = t.nsecsElapsed() / 1e6;
    const double coldMs = total.nsecsElapsed() / 1e6;
    if (!errors.isEmpty()) {
        err << errors.first().message << "\n";
        return 1;
    }
    std::vector<double> warm;
    for (int i = 0; i < runs; ++i) {
        t.restart();
        image = renderMapImage(settings, &errors, Qt::white);
        warm.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(warm.begin(), warm.end());
    if (!output.isEmpty())
        image.save(output);
    out << QStringLiteral("open_ms=%1 first_render_ms=%2 cold_total_ms=%3 warm_median_ms=%4 warm_min_ms=%5 "
                          "warm_max_ms=%6\n")
               .arg(openMs, 0, 'f', 1)
               .arg(firstMs, 0, 'f', 1)
               .arg(coldMs, 0, 'f', 1)
               .arg(warm[warm.size() / 2], 0, 'f', 1)
               .arg(warm.front(), 0, 'f', 1)
               .arg(warm.back(), 0, 'f', 1);
    return 0;
}
