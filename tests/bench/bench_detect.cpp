// Vessel detection benchmark: a synthetic SAR scene (sea clutter, a coast, ships; the same
// generator as the tests) detected with SNAP's windows, timed wall clock and CPU.
//   sightline_bench_detect [--size 10000] [--runs 3] [--ships 400] [--write-npy FILE]
// Then the same scene with the windows halved and doubled: the cost should not move.
// --write-npy saves the scene (float32, .npy) for cfar_numpy.py to time the same windows.
#include "imagery/detectionparameters.h"
#include "imagery/landmask.h"
#include "imagery/vesseldetector.h"
#include "sarscenes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>

using namespace sightline;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec) + usage.ru_utime.tv_usec / 1e6 + double(usage.ru_stime.tv_sec) +
           usage.ru_stime.tv_usec / 1e6;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2)
                                          : QStringLiteral("?");
}

struct Timing
{
    double firstWall = 0, bestWall = 1e300, bestCpu = 0;
    std::size_t detections = 0;
};

Timing timeDetection(const SarScene &scene, const LandMask *mask, const DetectionParameters &parameters, int runs)
{
    Timing timing;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer wall;
        const double cpu0 = cpuSeconds();
        wall.start();
        const auto detections = detectVessels(scene, mask, parameters);
        const double seconds = wall.nsecsElapsed() / 1e9, cpu = cpuSeconds() - cpu0;
        if (r == 0)
            timing.firstWall = seconds;
        if (seconds < timing.bestWall)
            timing.bestWall = seconds, timing.bestCpu = cpu;
        timing.detections = detections.size();
    }
    return timing;
}

// NumPy's .npy, version 1: a header naming the dtype and shape, then the floats.
bool writeNpy(const SarScene &scene, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + QByteArray::number(scene.height) +
                        ", " + QByteArray::number(scene.width) + "), }";
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    const quint16 length = quint16(header.size());
    file.write("\x93NUMPY\x01\x00", 8);
    file.write(reinterpret_cast<const char *>(&length), 2);
    file.write(header);
    file.write(reinterpret_cast<const char *>(scene.power.data()), qint64(scene.power.size() * sizeof(float)));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, int fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
    };
    const int size = option(QStringLiteral("--size"), 10000);
    const int runs = std::max(1, option(QStringLiteral("--runs"), 3));
    const int npyAt = int(args.indexOf(QStringLiteral("--write-npy")));

    test::SarSceneSpec spec;
    spec.width = spec.height = size;
    spec.ships = option(QStringLiteral("--ships"), size * size / 250000); // one per 25 km²
    spec.seed = 7;
    QElapsedTimer t;
    t.start();
    const test::SyntheticSarScene s = test::makeSarScene(spec);
    out << QStringLiteral("scene: %1 × %2 at 10 m (%3 km²), %4 ships, made in %5 s; %6 threads, load %7\n")
               .arg(size)
               .arg(size)
               .arg(size * size / 1e4, 0, 'f', 0)
               .arg(s.ships.size())
               .arg(t.nsecsElapsed() / 1e9, 0, 'f', 1)
               .arg(QThread::idealThreadCount())
               .arg(loadAverage());
    out.flush();
    if (npyAt >= 0 && npyAt + 1 < args.size()) {
        if (!writeNpy(s.scene, args[npyAt + 1])) {
            out << "cannot write " << args[npyAt + 1] << "\n";
            return 1;
        }
        out << "wrote " << args[npyAt + 1] << "\n";
    }

    QTemporaryDir dir;
    const QString land = test::writeLandGeoJson(s, dir.filePath(QStringLiteral("land.geojson")));
    QString error;
    t.restart();
    double cpu0 = cpuSeconds();
    const auto mask = landMaskFromLayer(s.scene, land, {}, 500, &error);
    if (!mask) {
        out << "land mask: " << error << "\n";
        return 1;
    }
    out << QStringLiteral("land mask (polygon burnt, 500 m buffer): %1 s wall, %2 s CPU\n")
               .arg(t.nsecsElapsed() / 1e9, 0, 'f', 2)
               .arg(cpuSeconds() - cpu0, 0, 'f', 2);

    const DetectionParameters snap;
    for (double scale : {1.0, 0.5, 2.0}) {
        DetectionParameters p = snap;
        p.targetWindowM *= scale, p.guardWindowM *= scale, p.backgroundWindowM *= scale;
        const Timing timing = timeDetection(s.scene, &*mask, p, runs);
        out << QStringLiteral("detect, windows %1/%2/%3 m: first %4 s, best %5 s wall (%6 s CPU) of %7; "
                              "%8 detections of %9 ships\n")
                   .arg(p.targetWindowM)
                   .arg(p.guardWindowM)
                   .arg(p.backgroundWindowM)
                   .arg(timing.firstWall, 0, 'f', 2)
                   .arg(timing.bestWall, 0, 'f', 2)
                   .arg(timing.bestCpu, 0, 'f', 2)
                   .arg(runs)
                   .arg(timing.detections)
                   .arg(s.ships.size());
        out.flush();
    }
    return 0;
}
