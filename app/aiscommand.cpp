#include "aiscommand.h"

#include "commandlineparsing.h"

#include "ais/aislog.h"
#include "ais/aisstreamwriter.h"
#include "ais/aistype24merge.h"
#include "project/project.h"
#include "project/trackimport.h"
#include "tracks/trackgeopackage.h"

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
    cl.addPositionalArgument(QStringLiteral("FILE"),
                             QStringLiteral("An AIS log (NMEA, with or without tag blocks)."),
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
    ais::AisStreamWriter writer(stdout, format == QLatin1String("csv")
                                            ? ais::AisStreamWriter::Format::Csv
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
        const bool ok = ais::readAisLog(
            file,
            [&writer, &heard, &type24, &merged](const ais::AisMessage &m, const ais::RawMessage &raw) {
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
    CommandLine cl(
        QStringLiteral("ais import"),
        QStringLiteral("ais import FILE... --project P.gpkg [--create] [--time-fallback base-station]"),
        QStringLiteral("Reads NMEA logs, CSV exports (DMA, NOAA, MarineTraffic, GFW) and GPX into the "
                       "project's ais_positions and vessels tables, one transaction per file; an AIS "
                       "log's base stations (receivers), aids to navigation and safety messages go into "
                       "ais_base_stations, ais_aids_to_navigation and ais_safety_messages. The "
                       "project is created if missing."));
    cl.addPositionalArgument(QStringLiteral("FILE"),
                             QStringLiteral("An AIS log, a track table or a GPX file."),
                             CommandLine::Count::Many);
    cl.addOptions({
        projectOption(QStringLiteral("The project the positions go into (created if missing).")),
        QCommandLineOption(QStringLiteral("create"),
                           QStringLiteral("Make an existing GeoPackage that is not a project into one.")),
        QCommandLineOption(QStringLiteral("time-fallback"),
                           QStringLiteral("base-station: time positions of a log without receive times from "
                                          "its type 4 reports."),
                           QStringLiteral("base-station")),
    });
    if (const auto done = cl.parse(args))
        return *done;
    QTextStream err(stderr), out(stdout);
    const QString projectPath = cl.value(QStringLiteral("project"));
    const QStringList files = cl.positionalArguments();
    const bool create = cl.isSet(QStringLiteral("create"));
    TrackImportOptions options;
    if (cl.isSet(QStringLiteral("time-fallback"))) {
        if (cl.value(QStringLiteral("time-fallback")) != QLatin1String("base-station"))
            return cl.valueError(QStringLiteral("--time-fallback takes 'base-station'"));
        options.ais.baseStationTimeFallback = true;
    }
    if (projectPath.isEmpty() || files.isEmpty())
        return cl.usageError(projectPath.isEmpty() ? QStringLiteral("no --project")
                                                   : QStringLiteral("no input files"));
    // An existing file is written only as a project, through its lock; a GeoPackage that is not one
    // becomes one only when asked. A missing one is made when the first file gives positions.
    std::unique_ptr<Project> project;
    const bool exists = QFileInfo::exists(projectPath);
    if (exists) {
        QString error;
        Project::OpenError reason = Project::OpenError::None;
        project = Project::open(projectPath, Project::Mode::ReadWrite, &error, &reason);
        if (!project && !(reason == Project::OpenError::NotAProject && create)) {
            err << "sightline ais import: " << error
                << (reason == Project::OpenError::NotAProject
                        ? QStringLiteral("; add --create to make it a Sightline project")
                        : QString())
                << "; nothing was imported\n";
            return 1;
        }
        // Damaged or made by a newer Sightline: Project opened it read-only, and said why.
        if (project && project->isReadOnly()) {
            err << "sightline ais import: " << project->readOnlyReason() << "\n";
            return 1;
        }
    }
    auto makeProject = [&]() -> bool {
        QString error;
        if (exists) {
            if (Project::ensureSchema(projectPath, &error))
                project = Project::open(projectPath, Project::Mode::ReadWrite, &error);
        } else {
            project = Project::create(projectPath, &error);
        }
        if (!project)
            err << "sightline ais import: " << error << "\n";
        return bool(project);
    };

    int status = 0;
    for (const QString &file : std::as_const(files)) {
        const QString sha = fileSha256(file);
        if (project && !sha.isEmpty() && TrackGeoPackage::wasImported(project->path(), sha)) {
            out << projectPath << ": " << file << " was imported before (same SHA-256); nothing added\n";
            out.flush();
            continue;
        }
        const TrackFileContents contents = readTrackFile(file, options);
        if (!contents.error.isEmpty()) {
            err << "sightline ais import: " << contents.error << "\n";
            status = 2;
            continue;
        }
        err << contents.report << "\n";
        err.flush();
        if (keepsNothing(contents)) {
            err << "sightline ais import: '" << file << "': " << nothingKeptReason(contents)
                << "; nothing was added\n";
            status = std::max(status, 1);
            continue;
        }
        if (!project && !makeProject())
            return 1;
        const TrackImportResult written = writeTrackImport(project->path(), file, sha, contents);
        if (written.outcome == TrackImportResult::Outcome::Failed) {
            err << "sightline ais import: " << written.error << "\n";
            status = 2;
            continue;
        }
        // Each committed file is printed at once: a run killed later has said what it kept.
        if (written.outcome == TrackImportResult::Outcome::ImportedBefore)
            out << projectPath << ": " << file << " was imported before (same SHA-256); nothing added\n";
        else
            out << projectPath << ": +" << written.positionsWritten << " positions, " << written.vesselsWritten
                << " vessels, " << written.baseStationsKept << " receivers (base stations), "
                << written.aidsToNavigationKept << " aids to navigation, " << written.safetyMessagesKept
                << " safety messages from " << file << "\n";
        out.flush();
    }
    return status;
}

int runAisCommand(const QStringList &args)
{
    const SubcommandGroup group{
        QStringLiteral("ais"),
        QStringLiteral("subcommand"),
        QStringLiteral("subcommands"),
        {{QStringLiteral("decode"), QStringLiteral("decoded messages, gpsd's field names"), decodeCommand},
         {QStringLiteral("import"), QStringLiteral("positions and vessels into a project"), importCommand}},
        {}};
    return group.run(args);
}

} // namespace sightline
