#include "tracks/aisbroadcasttables.h"

#include "util/gdalutil.h"
#include "util/ogrfields.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDateTime>

#include <algorithm>

namespace sightline {

namespace {

using aistable::kAidsToNavigation;
using aistable::kBaseStations;
using aistable::kSafetyMessages;

const OgrFieldSpec kBaseStationFields[] = {{"mmsi", OFTInteger64},      {"heard", OFTString},
                                           {"first_heard", OFTDateTime}, {"last_heard", OFTDateTime},
                                           {"reports", OFTInteger64},    {"sources", OFTString}};
const OgrFieldSpec kAidFields[] = {{"mmsi", OFTInteger64},       {"name", OFTString},
                                   {"aid_type", OFTInteger},     {"aid_type_text", OFTString},
                                   {"virtual", OFTInteger},      {"off_position", OFTInteger},
                                   {"heard", OFTString},         {"first_heard", OFTDateTime},
                                   {"last_heard", OFTDateTime},
                                   {"reports", OFTInteger64},    {"sources", OFTString}};
const OgrFieldSpec kSafetyFields[] = {{"type", OFTInteger},   {"mmsi", OFTInteger64}, {"dest_mmsi", OFTInteger64},
                                      {"text", OFTString},    {"time", OFTDateTime},  {"source", OFTString},
                                      {"channel", OFTString}};

void setTime(OGRFeature &f, const char *name, std::int64_t ms)
{
    if (ms >= 0)
        setOgrUtcTime(f, f.GetFieldIndex(name), ms);
}

std::int64_t readTime(const OGRFeature &f, const char *name)
{
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? ogrUtcTime(f, i) : -1;
}

void setPoint(OGRFeature &f, double lon, double lat)
{
    if (!std::isnan(lon) && !std::isnan(lat))
        f.SetGeometryDirectly(new OGRPoint(lon, lat));
}

bool readPoint(const OGRFeature &f, double &lon, double &lat)
{
    const OGRGeometry *g = f.GetGeometryRef();
    if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint || g->IsEmpty())
        return false;
    lon = g->toPoint()->getX();
    lat = g->toPoint()->getY();
    return true;
}

QStringList splitSources(const OGRFeature &f)
{
    return ogrText(f, "sources").split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

// The row of `mmsi` in a table keyed by MMSI, or a new one.
OGRFeatureUniquePtr rowFor(OGRLayer *table, std::uint32_t mmsi, bool &existing)
{
    table->SetAttributeFilter(QStringLiteral("mmsi = %1").arg(mmsi).toUtf8().constData());
    table->ResetReading();
    OGRFeatureUniquePtr row{table->GetNextFeature()};
    table->SetAttributeFilter(nullptr);
    existing = bool(row);
    if (!row)
        row.reset(new OGRFeature(table->GetLayerDefn()));
    return row;
}

// First and last heard, merged with what the row held.
void mergeSpan(OGRFeature &row, bool existing, std::int64_t firstMs, std::int64_t lastMs)
{
    std::int64_t first = existing ? readTime(row, "first_heard") : -1;
    std::int64_t last = existing ? readTime(row, "last_heard") : -1;
    if (firstMs >= 0 && (first < 0 || firstMs < first))
        first = firstMs;
    if (lastMs > last)
        last = lastMs;
    setTime(row, "first_heard", first);
    setTime(row, "last_heard", last);
    // The span as a person reads it, for Identify and the attribute table.
    const auto utc = [](std::int64_t ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    if (first >= 0)
        row.SetField("heard", QStringLiteral("%1 – %2 UTC").arg(utc(first), utc(last)).toUtf8().constData());
}

void mergeSources(OGRFeature &row, bool existing, const QStringList &sources)
{
    QStringList all = existing ? splitSources(row) : QStringList();
    for (const QString &s : sources)
        if (!all.contains(s))
            all << s;
    row.SetField("sources", all.join(QLatin1Char('|')).toUtf8().constData());
}

bool store(OGRLayer *table, OGRFeature &row, bool existing)
{
    return (existing ? table->SetFeature(&row) : table->CreateFeature(&row)) == OGRERR_NONE;
}

} // namespace

bool writeAisBroadcasts(GDALDataset *ds, const AisBroadcasts &broadcasts)
{
    if (!broadcasts.baseStations().empty()) {
        OGRLayer *table = ensureOgrTable(ds, kBaseStations, kBaseStationFields, wkbPoint);
        if (!table)
            return false;
        for (const auto &[mmsi, b] : broadcasts.baseStations()) {
            bool existing = false;
            OGRFeatureUniquePtr row = rowFor(table, mmsi, existing);
            row->SetField("mmsi", GIntBig(mmsi));
            mergeSpan(*row, existing, b.firstHeardMs, b.lastHeardMs);
            row->SetField("reports", GIntBig(b.reports + (existing ? row->GetFieldAsInteger64("reports") : 0)));
            mergeSources(*row, existing, b.sources);
            setPoint(*row, b.lon, b.lat);
            if (!store(table, *row, existing))
                return false;
        }
    }
    if (!broadcasts.aidsToNavigation().empty()) {
        OGRLayer *table = ensureOgrTable(ds, kAidsToNavigation, kAidFields, wkbPoint);
        if (!table)
            return false;
        for (const auto &[mmsi, a] : broadcasts.aidsToNavigation()) {
            bool existing = false;
            OGRFeatureUniquePtr row = rowFor(table, mmsi, existing);
            // What the aid says of itself comes from its latest report, whichever import that was in.
            const bool newer = !existing || a.lastHeardMs >= readTime(*row, "last_heard");
            row->SetField("mmsi", GIntBig(mmsi));
            if (newer) {
                row->SetField("name", a.name.toUtf8().constData());
                row->SetField("aid_type", a.aidType);
                row->SetField("aid_type_text", a.aidTypeText().toUtf8().constData());
                row->SetField("virtual", a.virtualAid ? 1 : 0);
                row->SetField("off_position", a.offPosition ? 1 : 0);
                setPoint(*row, a.lon, a.lat);
            }
            mergeSpan(*row, existing, a.firstHeardMs, a.lastHeardMs);
            row->SetField("reports", GIntBig(a.reports + (existing ? row->GetFieldAsInteger64("reports") : 0)));
            mergeSources(*row, existing, a.sources);
            if (!store(table, *row, existing))
                return false;
        }
    }
    if (!broadcasts.safetyMessages().empty()) {
        OGRLayer *table = ensureOgrTable(ds, kSafetyMessages, kSafetyFields, wkbPoint);
        if (!table)
            return false;
        for (const SafetyMessage &s : broadcasts.safetyMessages()) {
            OGRFeature row(table->GetLayerDefn());
            row.SetField("type", s.type);
            row.SetField("mmsi", GIntBig(s.mmsi));
            if (s.destMmsi)
                row.SetField("dest_mmsi", GIntBig(s.destMmsi));
            row.SetField("text", s.text.toUtf8().constData());
            setTime(row, "time", s.timeMs);
            if (!s.source.isEmpty())
                row.SetField("source", s.source.toUtf8().constData());
            if (s.channel == 'A' || s.channel == 'B')
                row.SetField("channel", QString(QLatin1Char(s.channel)).toLatin1().constData());
            setPoint(row, s.lon, s.lat);
            if (table->CreateFeature(&row) != OGRERR_NONE)
                return false;
        }
    }
    return true;
}

std::vector<BaseStation> readBaseStations(GDALDataset *ds)
{
    std::vector<BaseStation> out;
    GdalErrorCapture quiet;
    OGRLayer *table = ds ? ds->GetLayerByName(kBaseStations) : nullptr;
    if (!table)
        return out;
    table->ResetReading();
    for (auto &f : *table) {
        BaseStation b;
        b.mmsi = std::uint32_t(f->GetFieldAsInteger64("mmsi"));
        readPoint(*f, b.lon, b.lat);
        b.firstHeardMs = readTime(*f, "first_heard");
        b.lastHeardMs = readTime(*f, "last_heard");
        b.reports = f->GetFieldAsInteger64("reports");
        b.sources = splitSources(*f);
        out.push_back(std::move(b));
    }
    return out;
}

std::vector<AidToNavigation> readAidsToNavigation(GDALDataset *ds)
{
    std::vector<AidToNavigation> out;
    GdalErrorCapture quiet;
    OGRLayer *table = ds ? ds->GetLayerByName(kAidsToNavigation) : nullptr;
    if (!table)
        return out;
    table->ResetReading();
    for (auto &f : *table) {
        AidToNavigation a;
        a.mmsi = std::uint32_t(f->GetFieldAsInteger64("mmsi"));
        a.name = ogrText(*f, "name");
        a.aidType = f->GetFieldAsInteger("aid_type");
        a.virtualAid = f->GetFieldAsInteger("virtual") != 0;
        a.offPosition = f->GetFieldAsInteger("off_position") != 0;
        readPoint(*f, a.lon, a.lat);
        a.firstHeardMs = readTime(*f, "first_heard");
        a.lastHeardMs = readTime(*f, "last_heard");
        a.reports = f->GetFieldAsInteger64("reports");
        a.sources = splitSources(*f);
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<SafetyMessage> readSafetyMessages(GDALDataset *ds)
{
    std::vector<SafetyMessage> out;
    GdalErrorCapture quiet;
    OGRLayer *table = ds ? ds->GetLayerByName(kSafetyMessages) : nullptr;
    if (!table)
        return out;
    table->ResetReading();
    for (auto &f : *table) {
        SafetyMessage s;
        s.id = f->GetFID();
        s.type = f->GetFieldAsInteger("type");
        s.mmsi = std::uint32_t(f->GetFieldAsInteger64("mmsi"));
        s.destMmsi = std::uint32_t(f->GetFieldAsInteger64("dest_mmsi"));
        s.text = ogrText(*f, "text");
        s.timeMs = readTime(*f, "time");
        s.source = ogrText(*f, "source");
        const QString channel = ogrText(*f, "channel");
        s.channel = channel.isEmpty() ? 0 : channel.at(0).toLatin1();
        readPoint(*f, s.lon, s.lat);
        out.push_back(std::move(s));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const SafetyMessage &a, const SafetyMessage &b) { return a.timeMs < b.timeMs; });
    return out;
}

namespace {
GDALDatasetUniquePtr openForReading(const QString &path)
{
    ensureGdalInitialised();
    GdalErrorCapture quiet;
    const char *drivers[] = {"GPKG", nullptr};
    return GDALDatasetUniquePtr(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
}
} // namespace

std::vector<SafetyMessage> readSafetyMessages(const QString &path)
{
    const GDALDatasetUniquePtr ds = openForReading(path);
    return readSafetyMessages(ds.get());
}

std::vector<BaseStation> readBaseStations(const QString &path)
{
    const GDALDatasetUniquePtr ds = openForReading(path);
    return readBaseStations(ds.get());
}

std::vector<AidToNavigation> readAidsToNavigation(const QString &path)
{
    const GDALDatasetUniquePtr ds = openForReading(path);
    return readAidsToNavigation(ds.get());
}

AisBroadcastCounts countAisBroadcasts(const QString &path)
{
    AisBroadcastCounts counts;
    const GDALDatasetUniquePtr ds = openForReading(path);
    if (!ds)
        return counts;
    auto count = [&](const char *name) -> std::int64_t {
        OGRLayer *l = ds->GetLayerByName(name);
        return l ? std::int64_t(l->GetFeatureCount()) : 0;
    };
    counts.baseStations = count(kBaseStations);
    counts.aidsToNavigation = count(kAidsToNavigation);
    counts.safetyMessages = count(kSafetyMessages);
    return counts;
}

} // namespace sightline
