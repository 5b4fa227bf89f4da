#pragma once

#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace sightline {

/// One file to import: a file given as it is, or a file inside an archive or a folder.
struct TrackInput
{
    /// As the report and the project's import record name it: "day.zip/aisdk-2024-01-01.csv".
    QString name;
    /// A plain file's path; empty for a file inside an archive.
    QString localPath;
    /// Where GDAL's virtual file system reads a file inside an archive
    /// ("/vsizip/{/abs/day.zip}/aisdk.csv"); empty for a plain file.
    QString vsiPath;
    /// The archive's size on disk, against which what it unpacks to is weighed.
    std::int64_t archiveBytes = 0;
};

/// Whether `path` names a .zip, .gz, .tar, .tar.gz or .tgz by its suffix.
bool isTrackArchivePath(const QString &path);

/// The files `path` stands for: itself; each file inside a .zip, .tar, .tar.gz or .tgz (in name
/// order, folders inside walked); what a .gz holds; or the files of a folder (in name order, its
/// archives opened in turn, hidden files and sub-folders left out). Only local files are read
/// through GDAL's archive readers: a path that is itself a "/vsi" path is refused. Empty with
/// `error` (naming the archive) when nothing can be listed.
std::vector<TrackInput> expandTrackInputs(const QString &path, QString *error);

/// A track input as a local file: a plain file is itself; a file inside an archive is unpacked
/// into `folder` under its own name, refusing one that unpacks to more than 200 times its
/// archive's size (and over 256 MiB), as a zip bomb would. Empty with `error` naming the archive
/// and the inner file when it is damaged.
QString materialiseTrackInput(const TrackInput &input, const QString &folder, QString *error,
                              const std::function<bool(double)> &progress = {});

} // namespace sightline
