#include "aiscommand.h"

#include "ais/aislog.h"
#include "ais/aisstreamwriter.h"

#include <QTextStream>

#include <cmath>

namespace sightline {

namespace {

constexpr auto kUsage = "usage: sightline ais decode FILE... [--format jsonl|csv]\n";

int decodeCommand(const QStringList &args)
{
    QTextStream err(stderr);
    QString format = QStringLiteral("jsonl");
    QStringList files;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--format") && i + 1 < args.size())
            format = args[++i];
        else if (args[i].startsWith(QLatin1String("--"))) {
            err << "sightline ais decode: unknown option " << args[i] << "\n" << kUsage;
            return 2;
        } else
            files << args[i];
    }
    if (format != QLatin1String("jsonl") && format != QLatin1String("csv")) {
        err << "sightline ais decode: --format must be jsonl or csv, not '" << format << "'\n";
        return 2;
    }
    if (files.isEmpty()) {
        err << "sightline ais decode: no input files\n" << kUsage;
        return 2;
    }
    ais::AisStreamWriter writer(stdout, format == QLatin1String("csv")
                                            ? ais::AisStreamWriter::Format::Csv
                                            : ais::AisStreamWriter::Format::JsonLines);
    int status = 0;
    for (const QString &file : std::as_const(files)) {
        ais::AisLogSummary summary;
        QString error;
        const bool ok = ais::readAisLog(
            file,
            [&writer](const ais::AisMessage &m, const ais::RawMessage &raw) {
                writer.add(m, raw.timeSource == ais::TimeSource::None ? std::nan("") : raw.time);
            },
            summary, &error);
        if (!ok) {
            err << "sightline ais decode: cannot read " << error << "\n";
            status = 2;
            continue;
        }
        err << summary.describe() << "\n";
        err.flush();
    }
    writer.finish();
    return status;
}

} // namespace

int runAisCommand(const QStringList &args)
{
    if (args.value(0) == QLatin1String("decode"))
        return decodeCommand(args.mid(1));
    QTextStream(stderr) << "sightline ais: unknown subcommand '" << args.value(0) << "'\n" << kUsage;
    return 2;
}

} // namespace sightline
