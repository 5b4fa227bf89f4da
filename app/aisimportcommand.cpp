#include "aisimportcommand.h"

#include "commandlineparsing.h"

#include "project/project.h"
#include "project/trackimport.h"
#include "tracks/csvimport.h"
#include "tracks/trackgeopackage.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace sightline {

namespace {

// A quick import says nothing until its report; a long one says every few seconds how far it is.
// SIGHTLINE_PROGRESS_MS sets both delays (0: at every step the reader reports).
constexpr qint64 kFirstProgressMs = 2000;
constexpr qint64 kProgressEveryMs = 3000;

/// Prints "NAME: 1310720 rows, 42% read, 912000 rows/s, 1 s" (a CSV) or "NAME: 42% read, 3 s"
/// (a log) on stderr now and then.
class ProgressLine
{
public:
    ProgressLine(QTextStream &err, QString name, bool csv, bool quiet)
        : mErr(err)
        , mName(std::move(name))
        , mCsv(csv)
        , mQuiet(quiet)
    {
        bool set = false;
        const qint64 ms = qEnvironmentVariableIntValue("SIGHTLINE_PROGRESS_MS", &set);
        if (set && ms >= 0)
            mFirstMs = mEveryMs = ms;
        mTimer.start();
    }
    bool operator()(double fraction)
    {
        ++mCalls;
        const qint64 now = mTimer.elapsed();
        if (mQuiet || now < mFirstMs || (mPrinted && now - mLastMs < mEveryMs))
            return true;
        mPrinted = true;
        mLastMs = now;
        mErr << "sightline ais import: " << mName << ": ";
        if (mCsv) {
            // The CSV reader reports once every kCsvRowsPerProgress rows.
            const std::int64_t rows = mCalls * kCsvRowsPerProgress;
            mErr << rows << " rows, " << int(fraction * 100) << "% read, "
                 << qint64(double(rows) / std::max(0.001, double(now) / 1000.0)) << " rows/s, ";
        } else {
            mErr << int(fraction * 100) << "% read, ";
        }
        mErr << now / 1000 << " s\n";
        mErr.flush();
        return true;
    }

private:
    QTextStream &mErr;
    QString mName;
    bool mCsv;
    bool mQuiet;
    qint64 mFirstMs = kFirstProgressMs;
    qint64 mEveryMs = kProgressEveryMs;
    QElapsedTimer mTimer;
    std::int64_t mCalls = 0;
    qint64 mLastMs = 0;
    bool mPrinted = false;
};

// What standard input holds, by its first bytes: an NMEA log, GPX or a CSV.
QString suffixForContent(const QByteArray &head)
{
    const QByteArray start = head.trimmed().left(512);
    if (start.startsWith('!') || start.startsWith('$') || start.startsWith('\\') ||
        start.contains("!AIVDM") || start.contains("!AIVDO"))
        return QStringLiteral("nmea");
    if (start.startsWith("<?xml") || start.startsWith("<gpx"))
        return QStringLiteral("gpx");
    return QStringLiteral("csv");
}

// Standard input copied to a file in `folder`, so that it reads as any file does.
QString saveStandardInput(const QString &folder, QString *error)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        *error = QStringLiteral("standard input cannot be read");
        return {};
    }
    QByteArray first = in.read(4096);
    const QString path = QDir(folder).filePath(QStringLiteral("stdin.") + suffixForContent(first));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot keep standard input in '%1': %2").arg(path, out.errorString());
        return {};
    }
    out.write(first);
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        if (chunk.isEmpty())
            break;
        out.write(chunk);
    }
    return path;
}

} // namespace

int aisImportCommand(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("ais import"),
        QStringLiteral(
            "ais import FILE|FOLDER|ARCHIVE|-... --project P.gpkg [--create] [--columns lat=COL,...] "
            "[--time-format FORMAT] [--time-fallback base-station] [--quiet]"),
        QStringLiteral(
            "Reads NMEA logs, CSV exports and GPX into the project's ais_positions and vessels tables, one "
            "transaction per file; an AIS log's base stations (receivers), aids to navigation and safety "
            "messages go into ais_base_stations, ais_aids_to_navigation and ais_safety_messages. The project "
            "is created if missing.\n\n"
            "Each file inside a .zip, .tar, .tar.gz or .tgz, what a .gz holds and the track files of a "
            "folder "
            "(.csv, .gpx, .nmea, .txt, .log and archives) are imported one by one, each named in the report "
            "and "
            "recorded as ARCHIVE/INNER. '-' reads standard input.\n\n"
            "A CSV's columns are recognised by the header of the Danish Maritime Authority, NOAA "
            "MarineCadastre, MarineTraffic and Global Fishing Watch exports, or by generic names in any "
            "case, "
            "with or without units (lat, latitude, y, 'Latitude (deg)'; lon, long, longitude, x; mmsi, "
            "ssvid; "
            "time, timestamp, BaseDateTime, '# Timestamp'; sog, speed; cog, course; heading; status; name, "
            "vesselname; imo; callsign; type). Times are read as ISO 8601 (UTC unless a zone is given), "
            "day/month/year, Unix seconds or Unix milliseconds, whichever reads the first rows."));
    cl.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("An AIS log, a CSV or GPX track file, an archive of them, a folder of "
                       "them, or '-' for standard input."),
        CommandLine::Count::Many);
    cl.addOptions({
        projectOption(QStringLiteral("The project the positions go into (created if missing).")),
        QCommandLineOption(QStringLiteral("create"),
                           QStringLiteral("Make an existing GeoPackage that is not a project into one.")),
        QCommandLineOption(
            QStringLiteral("columns"),
            QStringLiteral("A CSV's columns where the header does not say: FIELD=COLUMN,... with "
                           "FIELD one of mmsi, time, lat, lon, sog, cog, heading, status, name, "
                           "imo, callsign, type and COLUMN a header name (any case) or a 1-based "
                           "number, e.g. lat=Y,lon=X,time=ts,mmsi=3."),
            QStringLiteral("SPEC")),
        QCommandLineOption(QStringLiteral("time-format"),
                           QStringLiteral("How a CSV gives its times: iso, dmy (31/01/2024 12:00:00), unix "
                                          "(seconds), unix-ms, or a pattern of %Y %y %m %b %d %H %M %S %f %z "
                                          "and literal characters, e.g. '%d.%m.%Y %H:%M:%S'."),
                           QStringLiteral("FORMAT")),
        QCommandLineOption(QStringLiteral("time-fallback"),
                           QStringLiteral("base-station: time positions of a log without receive times from "
                                          "its type 4 reports."),
                           QStringLiteral("base-station")),
        QCommandLineOption({QStringLiteral("q"), QStringLiteral("quiet")},
                           QStringLiteral("No progress lines on stderr while a long file is read.")),
    });
    if (const auto done = cl.parse(args))
        return *done;
    QTextStream err(stderr), out(stdout);
    const QString projectPath = cl.value(QStringLiteral("project"));
    const QStringList files = cl.positionalArguments();
    const bool create = cl.isSet(QStringLiteral("create"));
    const bool quiet = cl.isSet(QStringLiteral("quiet"));
    TrackImportOptions options;
    if (cl.isSet(QStringLiteral("time-fallback"))) {
        if (cl.value(QStringLiteral("time-fallback")) != QLatin1String("base-station"))
            return cl.valueError(QStringLiteral("--time-fallback takes 'base-station'"));
        options.ais.baseStationTimeFallback = true;
    }
    if (cl.isSet(QStringLiteral("time-format"))) {
        QString why;
        options.csvTimeFormat = CsvTimeFormat::fromText(cl.value(QStringLiteral("time-format")), &why);
        if (!options.csvTimeFormat)
            return cl.valueError(QStringLiteral("--time-format: %1").arg(why));
    }
    options.csvColumns = cl.value(QStringLiteral("columns"));
    if (cl.isSet(QStringLiteral("columns"))) {
        // Its form and field names are checked before any file, even one imported before; its
        // columns only against each file's header.
        QString why;
        if (!parseCsvColumnSpec(options.csvColumns, &why))
            return cl.valueError(QStringLiteral("--columns: ") + why);
    }
    if (projectPath.isEmpty() || files.isEmpty())
        return cl.usageError(projectPath.isEmpty() ? QStringLiteral("no --project")
                                                   : QStringLiteral("no input files"));
    if (files.count(QStringLiteral("-")) > 1)
        return cl.valueError(QStringLiteral("'-' (standard input) can be given once"));
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

    // The files each argument stands for, in order; standard input is kept in a file first.
    QTemporaryDir stdinFolder;
    std::vector<TrackInput> inputs;
    int status = 0;
    bool anyDone = false; ///< some file was written, or found imported before
    for (const QString &file : files) {
        if (file == QLatin1String("-")) {
            QString why;
            const QString path =
                stdinFolder.isValid() ? saveStandardInput(stdinFolder.path(), &why) : QString();
            if (path.isEmpty()) {
                err << "sightline ais import: " << (why.isEmpty() ? stdinFolder.errorString() : why) << "\n";
                status = 2;
                continue;
            }
            inputs.push_back(TrackInput{QStringLiteral("stdin"), path, {}, 0});
            continue;
        }
        QString why;
        const std::vector<TrackInput> expanded = expandTrackInputs(file, &why);
        if (expanded.empty()) {
            err << "sightline ais import: " << why << "\n";
            status = 2;
        }
        inputs.insert(inputs.end(), expanded.begin(), expanded.end());
    }

    for (const TrackInput &input : inputs) {
        const bool plain = input.vsiPath.isEmpty();
        QString sha = plain ? fileSha256(input.localPath) : QString();
        // A plain file is known by its bytes before it is read; a packed one once it is unpacked.
        if (project && !sha.isEmpty() && TrackGeoPackage::wasImported(project->path(), sha)) {
            out << projectPath << ": " << input.name
                << " was imported before (same SHA-256); nothing added\n";
            out.flush();
            anyDone = true;
            continue;
        }
        const QString suffix = QFileInfo(input.name).suffix().toLower();
        ProgressLine progress(err, input.name,
                              suffix == QLatin1String("csv") || suffix == QLatin1String("tsv"), quiet);
        TrackFileContents contents;
        if (plain) {
            contents = readTrackFile(input.localPath, options, std::ref(progress));
            if (input.name != input.localPath) {
                contents.report.replace(input.localPath, input.name);
                contents.error.replace(input.localPath, input.name);
            }
        } else {
            contents = readTrackInput(input, options, std::ref(progress), &sha);
        }
        if (!contents.error.isEmpty()) {
            err << "sightline ais import: " << contents.error << "\n";
            status = 2;
            continue;
        }
        err << contents.report << "\n";
        err.flush();
        if (keepsNothing(contents)) {
            err << "sightline ais import: '" << input.name << "': " << nothingKeptReason(contents)
                << "; nothing was added\n";
            status = std::max(status, 1);
            continue;
        }
        if (!project && !makeProject())
            return std::max(status, 2);
        if (!plain && TrackGeoPackage::wasImported(project->path(), sha)) {
            out << projectPath << ": " << input.name
                << " was imported before (same SHA-256); nothing added\n";
            out.flush();
            anyDone = true;
            continue;
        }
        const TrackImportResult written = writeTrackImport(project->path(), input.name, sha, contents);
        if (written.outcome == TrackImportResult::Outcome::Failed) {
            err << "sightline ais import: " << written.error << "\n";
            status = 2;
            continue;
        }
        // Each committed file is printed at once: a run killed later has said what it kept.
        if (written.outcome == TrackImportResult::Outcome::ImportedBefore)
            out << projectPath << ": " << input.name
                << " was imported before (same SHA-256); nothing added\n";
        else
            out << projectPath << ": +" << written.positionsWritten << " positions, "
                << written.vesselsWritten << " vessels, " << written.baseStationsKept
                << " receivers (base stations), " << written.aidsToNavigationKept << " aids to navigation, "
                << written.safetyMessagesKept << " safety messages from " << input.name << "\n";
        out.flush();
        anyDone = true;
    }
    // Some files in, others refused: done in part, as for a file that kept nothing.
    return status == 2 && anyDone ? 1 : status;
}

} // namespace sightline
