#include "aiscommand.h"

#include "ais/aislog.h"
#include "ais/aisstreamwriter.h"
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

constexpr auto kUsage =
    "usage: sightline ais decode FILE... [--format jsonl|csv]\n"
    "       sightline ais import FILE... --project P.gpkg [--create] [--time-fallback base-station]\n"
    "  import reads NMEA logs, CSV exports (DMA, NOAA, MarineTraffic, GFW) and GPX into\n"
    "  the project's ais_positions and vessels tables (the project is created if missing;\n"
    "  --create makes an existing GeoPackage that is not a project into one)\n";

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
    QString projectPath;
    QStringList files;
    TrackImportOptions options;
    bool create = false;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--project") && i + 1 < args.size()) {
            projectPath = args[++i];
        } else if (args[i] == QLatin1String("--create")) {
            create = true;
        } else if (args[i] == QLatin1String("--time-fallback") && i + 1 < args.size()) {
            if (args[++i] != QLatin1String("base-station")) {
                err << "sightline ais import: --time-fallback takes 'base-station'\n";
                return 2;
            }
            options.ais.baseStationTimeFallback = true;
        } else if (args[i].startsWith(QLatin1String("--"))) {
            err << "sightline ais import: unknown option " << args[i] << "\n" << kUsage;
            return 2;
        } else {
            files << args[i];
        }
    }
    if (projectPath.isEmpty() || files.isEmpty()) {
        err << "sightline ais import: " << (projectPath.isEmpty() ? "no --project" : "no input files") << "\n"
            << kUsage;
        return 2;
    }
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
        if (contents.store.positionCount() == 0) {
            err << "sightline ais import: '" << file << "': no position was kept; nothing was added\n";
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
                << " vessels from " << file << "\n";
        out.flush();
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
