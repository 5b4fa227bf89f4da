#include "project/trackimport.h"

#include "layers/trackfilelayers.h"
#include "project/qgisstyles.h"
#include "tracks/gpximport.h"
#include "tracks/trackgeopackage.h"

#include <QFileInfo>
#include <QTemporaryDir>

namespace sightline {

namespace {
// Reading is most of the work; the rest of the bar is the write.
constexpr double kReadShare = 0.8;
// Rows whose times tell the time format.
constexpr int kTimeSampleRows = 200;
} // namespace

TrackFileContents readTrackFile(const QString &file, const TrackImportOptions &options,
                                const std::function<bool(double)> &progress)
{
    TrackFileContents c;
    if (!isTrackTablePath(file)) {
        AisImportReport r;
        if (!importAisLog(file, c.store, c.registry, c.broadcasts, r, options.ais, progress, &c.error))
            return c;
        c.positionsKept = r.positionsKept;
        c.positionsWithoutTime = r.rejected[AisImportReport::NoTime];
        c.cancelled = r.cancelled;
        c.report = r.describe();
        return c;
    }
    CsvImportReport r;
    bool ok = false;
    if (QFileInfo(file).suffix().compare(QLatin1String("gpx"), Qt::CaseInsensitive) == 0) {
        ok = importGpxTracks(file, c.store, c.registry, r, &c.error);
    } else {
        const CsvPreview preview = readCsvPreview(file, kTimeSampleRows, &c.error);
        if (!c.error.isEmpty())
            return c;
        CsvColumnMapping mapping = options.csvMapping ? *options.csvMapping : detectCsvMapping(preview);
        if (!options.csvColumns.isEmpty() &&
            !applyCsvColumnSpec(mapping, preview.header, options.csvColumns, &c.error)) {
            c.error = QStringLiteral("'%1': %2").arg(file, c.error);
            return c;
        }
        if (options.csvTimeFormat)
            mapping.timeFormat = options.csvTimeFormat;
        if (!mapping.isComplete()) {
            // The workbench asks for the columns of a CSV it is given itself, not of one inside
            // an archive or a folder: said so, for either way in.
            c.error = QStringLiteral("'%1': %2; on the command line name them with --columns "
                                     "lat=COL,lon=COL,time=COL,mmsi=COL; the workbench asks for them when "
                                     "the CSV is imported on its own, not inside an archive or a folder")
                          .arg(file, describeMissingCsvColumns(mapping, preview.header));
            return c;
        }
        ok = importCsvTracks(file, mapping, c.store, c.registry, r, progress, &c.error);
    }
    if (!ok)
        return c;
    c.positionsKept = r.positionsKept;
    c.cancelled = r.cancelled;
    c.report = r.describe();
    return c;
}

bool keepsNothing(const TrackFileContents &contents)
{
    // Once recorded, a file's SHA-256 refuses it again: a log whose positions all lacked a time
    // is not recorded for the base stations or aids it held, or the fallback could never be taken.
    return contents.store.positionCount() == 0 &&
           (contents.broadcasts.empty() || contents.positionsWithoutTime > 0);
}

QString nothingKeptReason(const TrackFileContents &contents)
{
    QString why = QStringLiteral("no position was kept (see the report)");
    if (contents.positionsWithoutTime > 0)
        why += QStringLiteral(": %1 position reports have no receive time in the log; import it again timed "
                              "from its base stations (ais import --time-fallback base-station)")
                   .arg(contents.positionsWithoutTime);
    return why;
}

TrackImportResult writeTrackImport(const QString &projectPath, const QString &file, const QString &sha256,
                                   const TrackFileContents &contents,
                                   const std::function<bool(double)> &progress)
{
    TrackImportResult result;
    result.sha256 = sha256;
    result.report = contents.report;
    if (!contents.error.isEmpty()) {
        result.error = contents.error;
        return result;
    }
    if (contents.cancelled) {
        result.outcome = TrackImportResult::Outcome::Cancelled;
        return result;
    }
    if (keepsNothing(contents)) {
        result.outcome = TrackImportResult::Outcome::NothingKept;
        result.error = QStringLiteral("'%1': %2; nothing was added to '%3'")
                           .arg(file, nothingKeptReason(contents), projectPath);
        return result;
    }
    const TrackGeoPackage::WriteResult written =
        TrackGeoPackage::append(projectPath, file, contents.store, contents.registry, contents.report, sha256,
                                progress, &contents.broadcasts);
    if (written.cancelled) {
        result.outcome = TrackImportResult::Outcome::Cancelled;
        return result;
    }
    if (!written.ok) {
        result.error = written.error + QStringLiteral(" (the project is unchanged)");
        return result;
    }
    result.outcome = written.alreadyImported ? TrackImportResult::Outcome::ImportedBefore
                                             : TrackImportResult::Outcome::Imported;
    result.positionsWritten = written.positionsWritten;
    result.vesselsWritten = written.vesselsWritten;
    if (!written.alreadyImported) {
        // New vessels get their colour in the styles QGIS opens the tracks with. Derived, so a
        // failure here leaves the import standing; the next import or upgrade writes them again.
        refreshQgisStyles(projectPath);
        result.baseStationsKept = std::int64_t(contents.broadcasts.baseStations().size());
        result.aidsToNavigationKept = std::int64_t(contents.broadcasts.aidsToNavigation().size());
        result.safetyMessagesKept = std::int64_t(contents.broadcasts.safetyMessages().size());
    }
    return result;
}

TrackImportResult importTrackFile(const QString &projectPath, const QString &file,
                                  const TrackImportOptions &options,
                                  const std::function<bool(double)> &progress)
{
    TrackImportResult result;
    result.sha256 = fileSha256(file);
    if (result.sha256.isEmpty()) {
        result.error = QStringLiteral("'%1': cannot be read").arg(file);
        return result;
    }
    // The same log twice would double every position; known by its bytes, it is not even read.
    if (TrackGeoPackage::wasImported(projectPath, result.sha256)) {
        result.outcome = TrackImportResult::Outcome::ImportedBefore;
        return result;
    }
    const TrackFileContents contents =
        readTrackFile(file, options, [&](double f) { return !progress || progress(f * kReadShare); });
    return writeTrackImport(projectPath, file, result.sha256, contents, [&](double f) {
        return !progress || progress(kReadShare + f * (1.0 - kReadShare));
    });
}

TrackFileContents readTrackInput(const TrackInput &input, const TrackImportOptions &options,
                                 const std::function<bool(double)> &progress, QString *sha256)
{
    TrackFileContents c;
    // A file inside an archive is unpacked next to nothing else, read as a file, and forgotten.
    QTemporaryDir folder;
    if (!input.vsiPath.isEmpty() && !folder.isValid()) {
        c.error = QStringLiteral("'%1': no temporary folder to unpack it into: %2")
                      .arg(input.name, folder.errorString());
        return c;
    }
    const QString path = materialiseTrackInput(input, folder.path(), &c.error);
    if (path.isEmpty())
        return c;
    if (sha256)
        *sha256 = fileSha256(path);
    c = readTrackFile(path, options, progress);
    if (path != input.name) {
        c.report.replace(path, input.name);
        c.error.replace(path, input.name);
    }
    return c;
}

TrackImportResult importTrackInput(const QString &projectPath, const TrackInput &input,
                                   const TrackImportOptions &options,
                                   const std::function<bool(double)> &progress)
{
    if (input.vsiPath.isEmpty())
        return importTrackFile(projectPath, input.localPath, options, progress);
    TrackImportResult result;
    QString sha;
    const TrackFileContents contents = readTrackInput(
        input, options, [&](double f) { return !progress || progress(f * kReadShare); }, &sha);
    if (!contents.error.isEmpty()) {
        result.error = contents.error;
        return result;
    }
    if (TrackGeoPackage::wasImported(projectPath, sha)) {
        result.sha256 = sha;
        result.outcome = TrackImportResult::Outcome::ImportedBefore;
        return result;
    }
    return writeTrackImport(projectPath, input.name, sha, contents, [&](double f) {
        return !progress || progress(kReadShare + f * (1.0 - kReadShare));
    });
}

} // namespace sightline
