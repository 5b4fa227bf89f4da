#include "layers/trackfilelayers.h"

#include "tracks/gpximport.h"

#include <QFileInfo>

namespace sightline {

bool isAisLogPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("nmea") || suffix == QLatin1String("ais") ||
           suffix == QLatin1String("aivdm");
}

std::shared_ptr<TrackLayer> loadAisTrackLayer(const QString &path, AisImportReport &report,
                                              const AisImportOptions &options,
                                              const std::function<bool(double)> &progress, QString *error)
{
    auto store = std::make_shared<TrackStore>();
    auto registry = std::make_shared<VesselRegistry>();
    if (!importAisLog(path, *store, *registry, report, options, progress, error))
        return nullptr;
    if (store->positionCount() == 0) {
        if (error)
            *error = QStringLiteral("'%1': no vessel positions with a time were found (%2 lines read)")
                         .arg(path)
                         .arg(report.log.reader.lines);
        return nullptr;
    }
    return std::make_shared<TrackLayer>(QFileInfo(path).completeBaseName(), path, std::move(store),
                                        std::move(registry));
}

bool isTrackTablePath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("gpx");
}

bool isAisCsv(const QString &path)
{
    if (QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) != 0 ||
        !QFileInfo::exists(path))
        return false;
    return detectCsvMapping(readCsvHeader(path, nullptr)).isComplete();
}

std::shared_ptr<TrackLayer> loadTrackTableLayer(const QString &path, const CsvColumnMapping &mapping,
                                                CsvImportReport &report,
                                                const std::function<bool(double)> &progress, QString *error)
{
    auto store = std::make_shared<TrackStore>();
    auto registry = std::make_shared<VesselRegistry>();
    const bool gpx = QFileInfo(path).suffix().compare(QLatin1String("gpx"), Qt::CaseInsensitive) == 0;
    const bool ok = gpx ? importGpxTracks(path, *store, *registry, report, error)
                        : importCsvTracks(path, mapping, *store, *registry, report, progress, error);
    if (!ok)
        return nullptr;
    if (store->positionCount() == 0) {
        if (error)
            *error = QStringLiteral("'%1': no positions with a time were found (%2 rows read)")
                         .arg(path)
                         .arg(report.rows);
        return nullptr;
    }
    return std::make_shared<TrackLayer>(QFileInfo(path).completeBaseName(), path, std::move(store),
                                        std::move(registry));
}

} // namespace sightline
