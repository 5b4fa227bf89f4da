#include "aiscommand.h"

#include "ais/aislog.h"
#include "ais/aisstreamwriter.h"
#include "layers/aistracklayer.h"
#include "project/project.h"
#include "tracks/gpximport.h"
#include "tracks/trackgeopackage.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QTextStream>

#include <cmath>

namespace sightline {

namespace {

constexpr auto kUsage =
    "usage: sightline ais decode FILE... [--format jsonl|csv]\n"
    "       sightline ais import FILE... --project P.gpkg [--time-fallback base-station]\n"
    "  import reads NMEA logs, CSV exports (DMA, NOAA, MarineTraffic, GFW) and GPX into\n"
    "  the project's ais_positions and vessels tables (the project is created if missing)\n";

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

int importCommand(const QStringList &args)
{
    QTextStream err(stderr), out(stdout);
    QString project;
    QStringList files;
    AisImportOptions options;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--project") && i + 1 < args.size()) {
            project = args[++i];
        } else if (args[i] == QLatin1String("--time-fallback") && i + 1 < args.size()) {
            if (args[++i] != QLatin1String("base-station")) {
                err << "sightline ais import: --time-fallback takes 'base-station'\n";
                return 2;
            }
            options.baseStationTimeFallback = true;
        } else if (args[i].startsWith(QLatin1String("--"))) {
            err << "sightline ais import: unknown option " << args[i] << "\n" << kUsage;
            return 2;
        } else {
            files << args[i];
        }
    }
    if (project.isEmpty() || files.isEmpty()) {
        err << "sightline ais import: " << (project.isEmpty() ? "no --project" : "no input files") << "\n"
            << kUsage;
        return 2;
    }
    int status = 0;
    for (const QString &file : std::as_const(files)) {
        TrackStore store;
        VesselRegistry registry;
        QString report, error;
        bool ok = false;
        if (isTrackTablePath(file)) {
            CsvColumnMapping mapping;
            if (!file.endsWith(QLatin1String(".gpx"), Qt::CaseInsensitive)) {
                mapping = detectCsvMapping(readCsvHeader(file, &error));
                if (!mapping.isComplete() && error.isEmpty())
                    error =
                        QStringLiteral("'%1': the columns match no known export (DMA, NOAA MarineCadastre, "
                                       "MarineTraffic, Global Fishing Watch); import it in the workbench, "
                                       "which asks for them")
                            .arg(file);
            }
            CsvImportReport r;
            ok = error.isEmpty() && (file.endsWith(QLatin1String(".gpx"), Qt::CaseInsensitive)
                                         ? importGpxTracks(file, store, registry, r, &error)
                                         : importCsvTracks(file, mapping, store, registry, r, {}, &error));
            report = r.describe();
        } else {
            AisImportReport r;
            ok = importAisLog(file, store, registry, r, options, {}, &error);
            report = r.describe();
        }
        if (!ok) {
            err << "sightline ais import: " << error << "\n";
            status = 2;
            continue;
        }
        err << report << "\n";
        const TrackGeoPackage::WriteResult written =
            TrackGeoPackage::append(project, file, store, registry, report);
        if (!written.ok) {
            err << "sightline ais import: " << written.error << " (the project is unchanged)\n";
            status = 2;
            continue;
        }
        // The file is a project from its first import on, so the workbench opens it as one.
        if (QString schemaError;
            !Project::isProject(project) && !Project::ensureSchema(project, &schemaError))
            err << "sightline ais import: " << schemaError << "\n";
        if (written.alreadyImported)
            out << project << ": " << file << " was imported before (same SHA-256); nothing added\n";
        else
            out << project << ": +" << written.positionsWritten << " positions, " << written.vesselsWritten
                << " vessels from " << file << "\n";
    }
    return status;
}

int runAisCommand(const QStringList &args)
{
    if (args.value(0) == QLatin1String("decode"))
        return decodeCommand(args.mid(1));
    if (args.value(0) == QLatin1String("import"))
        return importCommand(args.mid(1));
    QTextStream(stderr) << "sightline ais: unknown subcommand '" << args.value(0) << "'\n" << kUsage;
    return 2;
}

} // namespace sightline
