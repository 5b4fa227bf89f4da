#include "tracks/gpximport.h"

#include "ais/aismessage.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"
#include "util/gdalutil.h"

#include <QDateTime>
#include <QFileInfo>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace sightline {

bool importGpxTracks(const QString &path, TrackStore &store, VesselRegistry &registry,
                     CsvImportReport &report, QString *error)
{
    report.file = path;
    report.preset = QStringLiteral("GPX");
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = QStringLiteral("'%1': no such file").arg(path);
        return false;
    }
    ensureGdalInitialised();
    GdalErrorCapture capture;
    const char *drivers[] = {"GPX", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!ds) {
        if (error)
            *error = QStringLiteral("'%1': %2").arg(path, capture.message(QStringLiteral("not a GPX file")));
        return false;
    }
    OGRLayer *points = ds->GetLayerByName("track_points");
    const char *idField = "track_fid";
    if (!points || points->GetFeatureCount() == 0) {
        points = ds->GetLayerByName("route_points");
        idField = "route_fid";
    }
    if (!points) {
        if (error)
            *error = QStringLiteral("'%1': the GPX file has no track or route points").arg(path);
        return false;
    }
    // Track names, by track number.
    std::vector<QString> trackNames;
    if (OGRLayer *tracks = ds->GetLayerByName(idField == std::string("track_fid") ? "tracks" : "routes")) {
        tracks->ResetReading();
        for (auto &f : *tracks)
            trackNames.push_back(QString::fromUtf8(f->GetFieldAsString("name")));
    }
    const int idIndex = points->GetLayerDefn()->GetFieldIndex(idField);
    const int timeIndex = points->GetLayerDefn()->GetFieldIndex("time");
    const int courseIndex = points->GetLayerDefn()->GetFieldIndex("course");
    const int speedIndex = points->GetLayerDefn()->GetFieldIndex("speed");
    std::int64_t row = 0;
    points->ResetReading();
    for (auto &f : *points) {
        ++row;
        ++report.rows;
        const int track = idIndex >= 0 ? f->GetFieldAsInteger(idIndex) : 0;
        const auto id = std::uint32_t(1 + std::clamp(track, 0, 998));
        const OGRGeometry *g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) {
            ++report.rejected[CsvImportReport::BadValue];
            continue;
        }
        const auto *pt = g->toPoint();
        int y, mo, d, h, mi, tz;
        float s;
        if (timeIndex < 0 || !f->IsFieldSetAndNotNull(timeIndex) ||
            !f->GetFieldAsDateTime(timeIndex, &y, &mo, &d, &h, &mi, &s, &tz)) {
            ++report.rejected[CsvImportReport::NoTime];
            if (report.examples[CsvImportReport::NoTime].size() < 3)
                report.examples[CsvImportReport::NoTime].emplace_back(
                    row, QStringLiteral("point %1 has no time").arg(row));
            continue;
        }
        QDateTime dt(QDate(y, mo, d), QTime(h, mi, int(s), int((s - int(s)) * 1000)), Qt::UTC);
        // OGR time zones: 100 is UTC, 100 ± 4 per hour; 0 and 1 (unknown, local) are taken as UTC.
        if (tz > 1)
            dt = dt.addSecs(-qint64(tz - 100) * 15 * 60);
        TrackStore::Position p{id, dt.toMSecsSinceEpoch(), pt->getX(), pt->getY()};
        if (std::abs(p.lat) > 90 || std::abs(p.lon) > 180) {
            ++report.rejected[CsvImportReport::PositionOutOfRange];
            continue;
        }
        // GPX speed is in metres per second.
        if (speedIndex >= 0 && f->IsFieldSetAndNotNull(speedIndex))
            p.sog = f->GetFieldAsDouble(speedIndex) * 3600.0 / 1852.0;
        if (courseIndex >= 0 && f->IsFieldSetAndNotNull(courseIndex))
            p.cog = f->GetFieldAsDouble(courseIndex);
        store.append(p);
        registry.notePosition(id, false);
        ++report.positionsKept;
    }
    for (std::size_t t = 0; t < trackNames.size(); ++t) {
        if (trackNames[t].isEmpty() || !store.track(std::uint32_t(1 + t)))
            continue;
        ais::AisMessage named;
        named.type = 5;
        named.mmsi = std::uint32_t(1 + t);
        named.shipname = trackNames[t].toStdString();
        registry.noteStatic(named, 0);
    }
    report.duplicatesRemoved = std::int64_t(store.finalize());
    report.positionsKept -= report.duplicatesRemoved;
    return true;
}

} // namespace sightline
