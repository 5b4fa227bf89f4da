#include "aiscommand.h"

#include "aisimportcommand.h"
#include "commandlineparsing.h"

#include "ais/aislog.h"
#include "ais/aisstreamwriter.h"
#include "ais/aistype24merge.h"
#include "project/project.h"
#include "project/trackimport.h"
#include "tracks/trackgeopackage.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <memory>

#include <cmath>

namespace sightline {

namespace {

int decodeCommand(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("ais decode"), QStringLiteral("ais decode FILE... [--format jsonl|csv] [--unscaled]"),
        QStringLiteral("Prints one decoded message per line as gpsdecode -j prints it (every type 1-27, "
                       "a type 24's two parts as one record), with rxtime, source and channel when the log "
                       "gives them; a report per file on stderr."));
    cl.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("An AIS log (NMEA, with or without tag blocks), or '-' for standard input."),
        CommandLine::Count::Many);
    cl.addOption(QCommandLineOption(QStringLiteral("format"), QStringLiteral("jsonl (default) or csv."),
                                    QStringLiteral("FORMAT"), QStringLiteral("jsonl")));
    cl.addOption(QCommandLineOption(
        {QStringLiteral("u"), QStringLiteral("unscaled")},
        QStringLiteral("JSON with the protocol's integers (1/10000 minute, 1/10 knot), as gpsdecode -u.")));
    if (const auto done = cl.parse(args))
        return *done;
    QTextStream err(stderr);
    const QString format = cl.value(QStringLiteral("format"));
    const QStringList files = cl.positionalArguments();
    if (format != QLatin1String("jsonl") && format != QLatin1String("csv"))
        return cl.valueError(QStringLiteral("--format must be jsonl or csv, not '%1'").arg(format));
    if (files.isEmpty())
        return cl.usageError(QStringLiteral("no input files"));
    ais::AisStreamWriter writer(stdout,
                                format == QLatin1String("csv") ? ais::AisStreamWriter::Format::Csv
                                                               : ais::AisStreamWriter::Format::JsonLines,
                                !cl.isSet(QStringLiteral("unscaled")));
    int status = 0;
    ais::Heard heard;
    // One record per vessel for the two parts of a type 24, as gpsdecode prints them.
    ais::Type24Merger type24;
    ais::AisMessage merged;
    for (const QString &file : std::as_const(files)) {
        ais::AisLogSummary summary;
        QString error;
        const ais::AisMessageSink sink = [&writer, &heard, &type24, &merged](const ais::AisMessage &m,
                                                                             const ais::RawMessage &raw) {
            if (m.type == 24) {
                merged = m;
                if (!type24.take(merged))
                    return;
            }
            const ais::AisMessage &out = m.type == 24 ? merged : m;
            heard.rxTime = raw.timeSource == ais::TimeSource::None ? std::nan("") : raw.time;
            heard.source.assign(raw.station);
            heard.channel = raw.channel;
            writer.add(out, heard, *raw.bits);
        };
        bool ok = true;
        if (file == QLatin1String("-")) {
            // Standard input: a live feed piped in (nc, rtl_ais) or a log from another tool.
            QFile in;
            ok = in.open(stdin, QIODevice::ReadOnly);
            const QByteArray all = ok ? in.readAll() : QByteArray();
            summary.file = QStringLiteral("stdin");
            ais::readAisLogData(all.constData(), std::size_t(all.size()), sink, summary);
            if (!ok)
                error = QStringLiteral("standard input");
        } else {
            ok = ais::readAisLog(file, sink, summary, &error);
        }
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
    const SubcommandGroup group{
        QStringLiteral("ais"),
        QStringLiteral("subcommand"),
        QStringLiteral("subcommands"),
        {{QStringLiteral("decode"), QStringLiteral("decoded messages, gpsd's field names"), decodeCommand},
         {QStringLiteral("import"), QStringLiteral("positions and vessels into a project"),
          aisImportCommand}},
        {}};
    return group.run(args);
}

} // namespace sightline
