#include "project/trackarchive.h"

#include "util/gdalutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cpl_vsi.h>

#include <algorithm>
#include <memory>

namespace sightline {

namespace {

// Real AIS exports pack 5 to 20 times; a zip bomb packs thousands of times.
constexpr std::int64_t kMaxUnpackRatio = 200;
constexpr std::int64_t kUnpackFloorBytes = std::int64_t(256) << 20;
constexpr std::int64_t kChunkBytes = 1 << 20;

enum class ArchiveKind
{
    None,
    Zip,
    Tar,
    Gzip
};

ArchiveKind archiveKind(const QString &path)
{
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".zip")))
        return ArchiveKind::Zip;
    if (lower.endsWith(QLatin1String(".tar")) || lower.endsWith(QLatin1String(".tar.gz")) ||
        lower.endsWith(QLatin1String(".tgz")))
        return ArchiveKind::Tar;
    if (lower.endsWith(QLatin1String(".gz")))
        return ArchiveKind::Gzip;
    return ArchiveKind::None;
}

// What a folder of daily files may hold besides archives; anything else (a README, a
// checksum list) is not a track.
bool isTrackFileSuffix(const QString &path)
{
    static const QStringList suffixes = {QStringLiteral("csv"), QStringLiteral("tsv"),  QStringLiteral("txt"),
                                         QStringLiteral("gpx"), QStringLiteral("nmea"), QStringLiteral("log"),
                                         QStringLiteral("ais"), QStringLiteral("aivdm")};
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

struct VsiFileCloser
{
    void operator()(VSILFILE *f) const { VSIFCloseL(f); }
};

bool isHiddenEntry(const QString &relative)
{
    const QStringList parts = relative.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return std::any_of(parts.begin(), parts.end(), [](const QString &p) {
        return p.startsWith(QLatin1Char('.')) || p == QLatin1String("__MACOSX");
    });
}

std::vector<TrackInput> expandArchive(const QString &given, ArchiveKind kind, QString *error)
{
    ensureGdalInitialised();
    const QFileInfo info(given);
    const QString absolute = info.absoluteFilePath();
    // GDAL's {…} quoting ends at the first '}'.
    if (absolute.contains(QLatin1Char('}'))) {
        if (error)
            *error = QStringLiteral("'%1': an archive whose path holds '}' cannot be opened; rename it")
                         .arg(given);
        return {};
    }
    std::vector<TrackInput> out;
    if (kind == ArchiveKind::Gzip) {
        TrackInput input;
        const QString inner = info.fileName().chopped(3);
        input.name = given + QLatin1Char('/') + inner;
        input.vsiPath = QStringLiteral("/vsigzip/") + absolute;
        input.archiveBytes = info.size();
        out.push_back(input);
        return out;
    }
    const QString root = QStringLiteral("%1{%2}").arg(
        kind == ArchiveKind::Zip ? QLatin1String("/vsizip/") : QLatin1String("/vsitar/"), absolute);
    GdalErrorCapture capture;
    char **entries = VSIReadDirRecursive(root.toUtf8().constData());
    QStringList names;
    for (char **e = entries; e && *e; ++e)
        names << QString::fromUtf8(*e);
    CSLDestroy(entries);
    names.sort();
    for (const QString &relative : std::as_const(names)) {
        if (isHiddenEntry(relative))
            continue;
        const QString vsi = root + QLatin1Char('/') + relative;
        VSIStatBufL stat;
        if (VSIStatL(vsi.toUtf8().constData(), &stat) != 0 || !VSI_ISREG(stat.st_mode))
            continue;
        TrackInput input;
        input.name = given + QLatin1Char('/') + relative;
        input.vsiPath = vsi;
        input.archiveBytes = info.size();
        out.push_back(input);
    }
    if (out.empty() && error)
        *error =
            QStringLiteral("'%1': %2")
                .arg(given, capture.message(names.isEmpty()
                                                ? QStringLiteral("not a readable archive, or an empty one")
                                                : QStringLiteral("the archive holds no file")));
    return out;
}

} // namespace

bool isTrackArchivePath(const QString &path)
{
    return archiveKind(path) != ArchiveKind::None;
}

std::vector<TrackInput> expandTrackInputs(const QString &path, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::vector<TrackInput>();
    };
    // Only files on this machine go through the archive readers (see the security model).
    if (path.startsWith(QLatin1String("/vsi")) || !isLocalPath(path))
        return fail(QStringLiteral("'%1': not a local file; give the archive or folder itself").arg(path));
    const QFileInfo info(path);
    if (!info.exists())
        return fail(QStringLiteral("'%1': no such file").arg(path));
    if (info.isDir()) {
        const QFileInfoList files =
            QDir(path).entryInfoList(QDir::Files | QDir::Readable, QDir::Name | QDir::IgnoreCase);
        std::vector<TrackInput> out;
        QStringList problems;
        for (const QFileInfo &f : files) {
            const QString child = QDir(path).filePath(f.fileName());
            if (isTrackArchivePath(child)) {
                QString why;
                const std::vector<TrackInput> inner = expandArchive(child, archiveKind(child), &why);
                if (inner.empty())
                    problems << why;
                out.insert(out.end(), inner.begin(), inner.end());
            } else if (isTrackFileSuffix(child)) {
                out.push_back(TrackInput{child, child, {}, 0});
            }
        }
        if (out.empty())
            return fail(problems.isEmpty()
                            ? QStringLiteral("'%1': the folder holds no track file (.csv, .gpx, .nmea, .txt, "
                                             ".log, .zip, .gz, .tar.gz)")
                                  .arg(path)
                            : problems.join(QLatin1String("; ")));
        return out;
    }
    const ArchiveKind kind = archiveKind(path);
    if (kind == ArchiveKind::None)
        return {TrackInput{path, path, {}, 0}};
    return expandArchive(path, kind, error);
}

QString materialiseTrackInput(const TrackInput &input, const QString &folder, QString *error,
                              const std::function<bool(double)> &progress)
{
    if (input.vsiPath.isEmpty())
        return input.localPath;
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("'%1': %2").arg(input.name, why);
        return QString();
    };
    GdalErrorCapture capture;
    std::unique_ptr<VSILFILE, VsiFileCloser> in(VSIFOpenL(input.vsiPath.toUtf8().constData(), "rb"));
    if (!in)
        return fail(capture.message(QStringLiteral("cannot be opened inside the archive")));
    // A zip or tar says how large each file is; a .gz would have to be unpacked to know.
    VSIStatBufL stat;
    const bool gzip = input.vsiPath.startsWith(QLatin1String("/vsigzip/"));
    const std::int64_t declared =
        !gzip && VSIStatL(input.vsiPath.toUtf8().constData(), &stat) == 0 ? std::int64_t(stat.st_size) : 0;
    const std::int64_t limit = std::max(kUnpackFloorBytes, kMaxUnpackRatio * input.archiveBytes);
    auto tooLarge = [&](std::int64_t bytes) {
        return fail(QStringLiteral("unpacks to more than %1 MiB (%2 MiB packed): refused as a possible "
                                   "zip bomb; unpack it yourself if it is genuine")
                        .arg(std::max(bytes, limit) >> 20)
                        .arg(input.archiveBytes >> 20));
    };
    if (declared > limit)
        return tooLarge(declared);
    // The inner file keeps its own name (its suffix says how to read it) in a folder of its own.
    const QString path = QDir(folder).filePath(QFileInfo(input.name).fileName());
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(QStringLiteral("cannot unpack into '%1': %2").arg(folder, out.errorString()));
    std::vector<char> buffer(static_cast<std::size_t>(kChunkBytes));
    std::int64_t total = 0;
    for (;;) {
        const std::size_t n = VSIFReadL(buffer.data(), 1, buffer.size(), in.get());
        if (n > 0 && out.write(buffer.data(), qint64(n)) != qint64(n)) {
            out.remove();
            return fail(QStringLiteral("cannot unpack into '%1': %2").arg(folder, out.errorString()));
        }
        total += std::int64_t(n);
        if (total > limit) {
            out.remove();
            return tooLarge(total);
        }
        if (capture.hasErrors()) {
            out.remove();
            return fail(QStringLiteral("the archive is damaged: %1").arg(capture.message()));
        }
        // A short read is not the end for every reader; a read of nothing is.
        if (n == 0)
            break;
        if (progress && declared > 0 && !progress(double(total) / double(declared))) {
            out.remove();
            return fail(QStringLiteral("unpacking cancelled"));
        }
    }
    // A damaged member can end early without an error of its own: the zip's size says so.
    if (declared > 0 && total != declared) {
        out.remove();
        return fail(
            QStringLiteral("the archive is damaged (%1 of %2 bytes could be read)").arg(total).arg(declared));
    }
    return path;
}

} // namespace sightline
