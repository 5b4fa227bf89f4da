#include "imagery/sarscene.h"

#include "imagery/sarreading.h"
#include "util/datetimetext.h"
#include "util/gdalutil.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace sightline {

namespace sarreading {

DatasetPtr openWithDrivers(const QString &path, const char *const *drivers, QString *gdalError)
{
    GdalErrorCapture capture;
    DatasetPtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                                    drivers, nullptr, nullptr));
    if (!ds && gdalError)
        *gdalError = capture.message(QStringLiteral("not a file GDAL can read as %1").arg(QString::fromLatin1(drivers[0])));
    return ds;
}

bool sizeAllowed(const QString &shownName, int width, int height, QString *error)
{
    const std::int64_t pixels = std::int64_t(width) * std::int64_t(height);
    if (width > 0 && height > 0 && pixels <= kMaxPixels)
        return true;
    if (error)
        *error = width <= 0 || height <= 0
                     ? QStringLiteral("'%1' has no pixels (%2 × %3)").arg(shownName).arg(width).arg(height)
                     : QStringLiteral("'%1' is %2 × %3 pixels (%4 million); Sightline reads SAR scenes of up to "
                                      "%5 million pixels whole. Cut the area of interest out first (gdal_translate -srcwin)")
                           .arg(shownName)
                           .arg(width)
                           .arg(height)
                           .arg(pixels / 1000000)
                           .arg(kMaxPixels / 1000000);
    return false;
}

std::optional<std::int64_t> parseMetadataTime(const QString &raw)
{
    QString text = raw.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    // TIFF's DateTime tag: "2024:03:01 06:00:10".
    static const QRegularExpression tiff(QStringLiteral("^(\\d{4}):(\\d{2}):(\\d{2})[ T](\\d{2}:\\d{2}:\\d{2})$"));
    if (const auto m = tiff.match(text); m.hasMatch())
        text = QStringLiteral("%1-%2-%3T%4").arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4));
    // Microseconds and beyond ("06:00:00.123456"): milliseconds are all a match to AIS needs.
    static const QRegularExpression longFraction(QStringLiteral("(\\.\\d{3})\\d+"));
    text.replace(longFraction, QStringLiteral("\\1"));
    const auto parsed = parseIsoDateTime(text);
    if (!parsed || parsed->dateOnly)
        return std::nullopt;
    return parsed->ms;
}

std::int64_t midpoint(std::optional<std::int64_t> start, std::optional<std::int64_t> stop)
{
    if (start && stop && *stop >= *start)
        return *start + (*stop - *start) / 2;
    return start ? *start : stop ? *stop : 0;
}

} // namespace sarreading

namespace {
// The refusals a source the user opened gets elsewhere (project/sourcepolicy.h): the core's
// imagery folder sits below project/, so the same rules are applied here from util's test.
QString refusal(const QString &path)
{
    const QString s = path.trimmed();
    if (s.isEmpty())
        return QStringLiteral("no file named");
    if (s.startsWith(QLatin1Char('<')))
        return QStringLiteral("inline XML descriptions are not opened as SAR scenes");
    if (s.startsWith(QLatin1String("/vsi")))
        return QStringLiteral("'%1': GDAL virtual file systems (%2) are not opened; name a local file")
            .arg(describeSource(s), s.section(QLatin1Char('/'), 1, 1).prepend(QLatin1Char('/')) + QLatin1Char('/'));
    if (!isLocalPath(s) || s.contains(QLatin1String("://")))
        return QStringLiteral("'%1' is not a local file: SAR scenes are read from files on this machine")
            .arg(describeSource(s));
    return {};
}

bool isSafe(const QFileInfo &info)
{
    if (info.isDir())
        return QFileInfo::exists(QDir(info.filePath()).filePath(QStringLiteral("manifest.safe")));
    const QString suffix = info.suffix().toLower();
    return info.fileName().compare(QLatin1String("manifest.safe"), Qt::CaseInsensitive) == 0 || suffix == QLatin1String("zip");
}
} // namespace

std::optional<SarScene> readSarScene(const QString &path, const SarReadOptions &options, QString *error)
{
    ensureGdalInitialised();
    auto fail = [&](const QString &why) -> std::optional<SarScene> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (const QString why = refusal(path); !why.isEmpty())
        return fail(why);
    const QFileInfo info(path);
    if (!info.exists())
        return fail(QStringLiteral("'%1' does not exist").arg(path));
    if (info.isDir() && !isSafe(info))
        return fail(QStringLiteral("'%1' is a folder without a manifest.safe: not a Sentinel-1 SAFE product").arg(path));
    auto scene = isSafe(info) ? sarreading::readSafe(info.absoluteFilePath(), options, error)
                              : sarreading::readGeoTiff(info.absoluteFilePath(), options, error);
    if (scene && options.acquiredMs != 0)
        scene->acquiredMs = options.acquiredMs;
    return scene;
}

} // namespace sightline
