// Track benchmarks: import of an NMEA log into the track store (sentences per
// second, bytes per position), and rendering of N synthetic positions at full
// extent and zoomed, first (with projection) and warm (median of runs).
//   sightline_bench_tracks import FILE.nmea [--runs 5]
//   sightline_bench_tracks render [--positions 10000000] [--vessels 10000] [--runs 7] [--generalize METRES]
// With --generalize the lines are simplified (a track layer's Simplify lines): the first render
// also thins every track once; the warm ones reuse it.
#include "layers/tracklayer.h"
#include "render/maprenderer.h"
#include "tracks/aisimport.h"
#include "util/runtimeenvironment.h"

#include <QElapsedTimer>
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

int benchImport(const QString &file, int runs, QTextStream &out)
{
    std::vector<double> seconds;
    std::int64_t sentences = 0, positions = 0;
    double bytes = 0;
    for (int r = 0; r < runs; ++r) {
        TrackStore store;
        VesselRegistry registry;
        AisImportReport report;
        QString error;
        QElapsedTimer t;
        t.start();
        if (!importAisLog(file, store, registry, report, {}, {}, &error)) {
            out << error << "\n";
            return 1;
        }
        seconds.push_back(t.nsecsElapsed() / 1e9);
        sentences = report.log.reader.sentences;
        positions = std::int64_t(store.positionCount());
        bytes = store.bytesPerPosition();
    }
    const double m = median(seconds);
    out << QStringLiteral("import: %1 sentences, %2 positions kept; median %3 s over %4 runs: %5 sentences/s "
                          "(one thread), %6 bytes/position in memory\n")
               .arg(sentences)
               .arg(positions)
               .arg(m, 0, 'f', 3)
               .arg(runs)
               .arg(double(sentences) / m, 0, 'f', 0)
               .arg(bytes, 0, 'f', 1);
    return 0;
}

int benchRender(std::int64_t positions, int vessels, int runs, double generalizeM, QTextStream &out)
{
    // Vessels wander across the peers' area (130–133E, 41.4–43.6N), as gen_vectors.py lays it out.
    auto store = std::make_shared<TrackStore>();
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> startLon(130.0, 133.0), startLat(41.4, 43.6), step(-0.002, 0.002);
    const std::int64_t perVessel = positions / vessels;
    for (int v = 0; v < vessels; ++v) {
        double lon = startLon(rng), lat = startLat(rng);
        for (std::int64_t i = 0; i < perVessel; ++i) {
            lon = std::clamp(lon + step(rng), 130.0, 133.0);
            lat = std::clamp(lat + step(rng), 41.4, 43.6);
            TrackStore::Position p{std::uint32_t(200000000 + v), i * 60000, lon, lat};
            p.sog = 10;
            store->append(p);
        }
    }
    store->finalize();
    auto layer = std::make_shared<TrackLayer>(QStringLiteral("bench"), QStringLiteral("synthetic"), store,
                                              std::make_shared<VesselRegistry>());
    out << QStringLiteral("render: %1 positions of %2 vessels, %3 bytes/position\n")
               .arg(store->positionCount())
               .arg(vessels)
               .arg(store->bytesPerPosition(), 0, 'f', 1);
    if (generalizeM > 0) {
        TrackLayer::Style style = layer->style();
        style.generalize.toleranceM = generalizeM;
        layer->setStyle(style);
        QElapsedTimer t;
        t.start();
        const auto kept = layer->generalized();
        out << QStringLiteral("  simplified within %1 m: %2 positions kept, thinned in %3 ms (once; renders reuse it)\n")
                   .arg(generalizeM)
                   .arg(kept->positionCount())
                   .arg(t.nsecsElapsed() / 1e6, 0, 'f', 1);
    }
    struct View
    {
        const char *name;
        QRectF box;
    };
    const View views[] = {{"full extent", QRectF(QPointF(130.0, 41.4), QPointF(133.0, 43.6))},
                          {"25 km window", QRectF(QPointF(131.35, 42.45), QPointF(131.65, 42.55))}};
    bool first = true;
    for (const View &view : views) {
        MapSettings s = MapSettings::fromWgs84Extent(view.box, QSize(1920, 1080));
        s.setLayers({layer});
        std::vector<double> ms;
        QElapsedTimer t;
        t.start();
        renderMapImage(s, nullptr, Qt::white);
        const double firstMs = t.nsecsElapsed() / 1e6;
        for (int r = 0; r < runs; ++r) {
            t.restart();
            renderMapImage(s, nullptr, Qt::white);
            ms.push_back(t.nsecsElapsed() / 1e6);
        }
        out << QStringLiteral("  %1 at 1920x1080: first %2 ms%3, warm median %4 ms (%5–%6)\n")
                   .arg(QString::fromLatin1(view.name))
                   .arg(firstMs, 0, 'f', 1)
                   .arg(first ? QStringLiteral(" (includes projecting every position once)") : QString())
                   .arg(median(ms), 0, 'f', 1)
                   .arg(*std::min_element(ms.begin(), ms.end()), 0, 'f', 1)
                   .arg(*std::max_element(ms.begin(), ms.end()), 0, 'f', 1);
        first = false;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    ensureRuntimeDirectory();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    auto value = [&args](const QString &name, qint64 fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args[i + 1].toLongLong() : fallback;
    };
    if (args.value(1) == QLatin1String("import") && args.size() > 2)
        return benchImport(args[2], int(value(QStringLiteral("--runs"), 5)), out);
    if (args.value(1) == QLatin1String("render"))
        return benchRender(value(QStringLiteral("--positions"), 10000000),
                           int(value(QStringLiteral("--vessels"), 10000)),
                           int(value(QStringLiteral("--runs"), 7)),
                           double(value(QStringLiteral("--generalize"), 0)), out);
    out << "usage: sightline_bench_tracks import FILE.nmea [--runs N] | render [--positions N] [--vessels N] "
           "[--runs N] [--generalize METRES]\n";
    return 2;
}
