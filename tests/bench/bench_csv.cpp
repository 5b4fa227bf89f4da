// CSV parse rate alone: a track CSV read into the track store (no project written), and the
// time parser over the file's time column, best of N runs. Run by tests/bench/bench_csv_import.sh.
#include "tracks/csvimport.h"
#include "tracks/csvrecord.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

using namespace sightline;

namespace {
// CPU time of this thread: what "rows a second on one core" means on a machine others share.
qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        out << "usage: sightline_bench_csv FILE.csv [RUNS]\n";
        return 2;
    }
    const QString path = args[1];
    const int runs = std::max(1, args.value(2, QStringLiteral("5")).toInt());
    QString error;
    const CsvPreview preview = readCsvPreview(path, 200, &error);
    const CsvColumnMapping mapping = detectCsvMapping(preview);
    if (!mapping.isComplete()) {
        out << "columns not recognised: " << error << "\n";
        return 2;
    }
    qint64 best = -1, bestCpu = -1;
    CsvImportReport report;
    for (int r = 0; r < runs; ++r) {
        TrackStore store;
        VesselRegistry registry;
        report = CsvImportReport();
        QElapsedTimer timer;
        timer.start();
        const qint64 cpu = threadCpuNs();
        if (!importCsvTracks(path, mapping, store, registry, report, {}, &error)) {
            out << error << "\n";
            return 1;
        }
        const qint64 cpuNs = threadCpuNs() - cpu;
        const qint64 ns = timer.nsecsElapsed();
        best = best < 0 ? ns : std::min(best, ns);
        bestCpu = bestCpu < 0 ? cpuNs : std::min(bestCpu, cpuNs);
    }
    out << report.describe().section(QLatin1Char('\n'), 0, 0) << "\n";
    out << "parse into the track store, best of " << runs << ": "
        << QString::number(double(best) / 1e6, 'f', 1) << " ms wall, "
        << qint64(double(report.rows) / (double(best) / 1e9)) << " rows/s; "
        << QString::number(double(bestCpu) / 1e6, 'f', 1) << " ms CPU, "
        << qint64(double(report.rows) / (double(bestCpu) / 1e9)) << " rows/s of one core\n";

    // The time parser alone, over the time column kept in memory.
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    const QByteArray all = file.readAll();
    CsvRecordReader reader(all.constData(), all.constData() + all.size());
    const char delimiter = CsvRecordReader::sniffDelimiter(reader.firstLine());
    std::vector<std::string_view> fields;
    reader.next(delimiter, fields);
    std::vector<std::string> times;
    const int column = mapping.column[CsvColumnMapping::Time];
    while (reader.next(delimiter, fields))
        if (column < int(fields.size()))
            times.emplace_back(fields[std::size_t(column)]);
    const CsvTimeFormat format = mapping.timeFormat.value_or(CsvTimeFormat());
    qint64 bestTimes = -1;
    std::int64_t sum = 0;
    for (int r = 0; r < runs; ++r) {
        const qint64 cpu = threadCpuNs();
        for (const std::string &t : times) {
            std::int64_t ms = 0;
            parseCsvTime(t, format, ms);
            sum += ms;
        }
        const qint64 ns = threadCpuNs() - cpu;
        bestTimes = bestTimes < 0 ? ns : std::min(bestTimes, ns);
    }
    out << "time parser alone (" << format.describe()
        << "): " << qint64(double(times.size()) / (double(bestTimes) / 1e9))
        << " times/s of one core (checksum " << sum % 1000 << ")\n";
    return 0;
}
