#include "tracks/tracklines.h"

#include "util/ogrfields.h"

#include <ogrsf_frmts.h>

#include <QStringList>

#include <algorithm>
#include <map>

namespace sightline {

namespace {

struct Fix
{
    std::int64_t timeMs;
    double lon, lat;
};

OGRLayer *ensureTrackLines(GDALDataset *ds)
{
    return ensureOgrTable(ds, tracklines::kTable,
                          {{"mmsi", OFTInteger64},
                           {"name", OFTString},
                           {"segment", OFTInteger},
                           {"start_time", OFTDateTime},
                           {"end_time", OFTDateTime},
                           {"point_count", OFTInteger}},
                          wkbLineString);
}

QString mmsiList(const std::vector<std::uint32_t> &mmsis)
{
    QStringList list;
    for (std::uint32_t m : mmsis)
        list << QString::number(m);
    return list.join(QLatin1Char(','));
}

} // namespace

bool rebuildTrackLines(GDALDataset *ds, const std::vector<std::uint32_t> &mmsis, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    OGRLayer *positions = ds->GetLayerByName("ais_positions");
    if (!positions)
        return true; // nothing to draw yet
    OGRLayer *lines = ensureTrackLines(ds);
    if (!lines)
        return fail(QStringLiteral("cannot make table '%1'").arg(QLatin1String(tracklines::kTable)));
    const QByteArray filter =
        mmsis.empty() ? QByteArray() : QStringLiteral("mmsi IN (%1)").arg(mmsiList(mmsis)).toUtf8();

    // The vessels' old lines go first: this import may have filled a silence or extended a stretch.
    std::vector<GIntBig> old;
    lines->SetAttributeFilter(filter.isEmpty() ? nullptr : filter.constData());
    lines->ResetReading();
    for (auto &f : *lines)
        old.push_back(f->GetFID());
    lines->SetAttributeFilter(nullptr);
    for (GIntBig fid : old)
        if (lines->DeleteFeature(fid) != OGRERR_NONE)
            return fail(QStringLiteral("cannot replace the old track lines"));

    std::map<std::uint32_t, std::vector<Fix>> fixes;
    const int fMmsi = positions->GetLayerDefn()->GetFieldIndex("mmsi");
    const int fTime = positions->GetLayerDefn()->GetFieldIndex("time");
    if (fMmsi < 0 || fTime < 0)
        return fail(QStringLiteral("table 'ais_positions' has no mmsi or time column"));
    positions->SetAttributeFilter(filter.isEmpty() ? nullptr : filter.constData());
    positions->ResetReading();
    for (auto &f : *positions) {
        const OGRGeometry *g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint || g->IsEmpty())
            continue;
        fixes[std::uint32_t(f->GetFieldAsInteger64(fMmsi))].push_back(
            {ogrUtcTime(*f, fTime), g->toPoint()->getX(), g->toPoint()->getY()});
    }
    positions->SetAttributeFilter(nullptr);

    std::map<std::uint32_t, QString> names;
    if (OGRLayer *vessels = ds->GetLayerByName("vessels")) {
        vessels->ResetReading();
        for (auto &v : *vessels)
            names[std::uint32_t(v->GetFieldAsInteger64("mmsi"))] = ogrText(*v, "name");
    }

    OGRFeatureDefn *defn = lines->GetLayerDefn();
    for (auto &[mmsi, track] : fixes) {
        std::stable_sort(track.begin(), track.end(),
                         [](const Fix &a, const Fix &b) { return a.timeMs < b.timeMs; });
        int segment = 0;
        std::size_t first = 0;
        while (first < track.size()) {
            std::size_t end = first + 1;
            while (end < track.size() &&
                   track[end].timeMs - track[end - 1].timeMs <= tracklines::kTrackLineBreakMs)
                ++end;
            OGRLineString line;
            for (std::size_t i = first; i < end; ++i) {
                const int n = line.getNumPoints();
                // A repeated place adds nothing to the line (a vessel at its berth).
                if (n > 0 && line.getX(n - 1) == track[i].lon && line.getY(n - 1) == track[i].lat)
                    continue;
                line.addPoint(track[i].lon, track[i].lat);
            }
            if (line.getNumPoints() >= 2) {
                OGRFeature f(defn);
                f.SetField("mmsi", GIntBig(mmsi));
                if (const QString &name = names[mmsi]; !name.isEmpty())
                    f.SetField("name", name.toUtf8().constData());
                f.SetField("segment", segment++);
                setOgrUtcTime(f, f.GetFieldIndex("start_time"), track[first].timeMs);
                setOgrUtcTime(f, f.GetFieldIndex("end_time"), track[end - 1].timeMs);
                f.SetField("point_count", int(end - first));
                f.SetGeometry(&line);
                if (lines->CreateFeature(&f) != OGRERR_NONE)
                    return fail(QStringLiteral("cannot write the track line of %1").arg(mmsi));
            }
            first = end;
        }
    }
    return true;
}

} // namespace sightline
