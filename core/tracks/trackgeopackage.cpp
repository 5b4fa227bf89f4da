#include "tracks/trackgeopackage.h"

#include "ais/aismessage.h"
#include "tracks/aisbroadcasttables.h"
#include "tracks/mid.h"
#include "tracks/rtreepacking.h"
#include "tracks/tracklines.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"
#include "util/gdalutil.h"
#include "util/ogrfields.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>

namespace sightline {

namespace {

constexpr const char *kPositions = "ais_positions";
constexpr const char *kVessels = "vessels";
constexpr const char *kImports = "sightline_imports";

OGRLayer *ensurePositions(GDALDataset *ds)
{
    if (OGRLayer *l = ds->GetLayerByName(kPositions))
        return l;
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const char *options[] = {"FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", nullptr};
    OGRLayer *l = ds->CreateLayer(kPositions, &wgs84, wkbPoint, const_cast<char **>(options));
    if (!l)
        return nullptr;
    addOgrField(l, "mmsi", OFTInteger64);
    addOgrField(l, "time", OFTDateTime);
    addOgrField(l, "sog", OFTReal);
    addOgrField(l, "cog", OFTReal);
    addOgrField(l, "heading", OFTInteger);
    addOgrField(l, "status", OFTInteger);
    addOgrField(l, "flags", OFTInteger);
    addOgrField(l, "source", OFTString);
    addOgrField(l, "channel", OFTString);
    return l;
}

// A project written before positions kept their receiver gains the columns on its next import.
bool ensureProvenanceColumns(OGRLayer *positions)
{
    for (const char *name : {"source", "channel"})
        if (positions->GetLayerDefn()->GetFieldIndex(name) < 0) {
            OGRFieldDefn field(name, OFTString);
            if (positions->CreateField(&field) != OGRERR_NONE)
                return false;
        }
    return true;
}

OGRLayer *ensureTable(GDALDataset *ds, const char *name,
                      const std::vector<std::pair<const char *, OGRFieldType>> &fields)
{
    if (OGRLayer *l = ds->GetLayerByName(name))
        return l;
    const char *options[] = {"FID=fid", nullptr};
    OGRLayer *l = ds->CreateLayer(name, nullptr, wkbNone, const_cast<char **>(options));
    if (!l)
        return nullptr;
    for (const auto &[n, t] : fields)
        addOgrField(l, n, t);
    return l;
}

/// Large imports index their positions in one pass at the end rather than row by row (see
/// repackPointRTree): the R-tree's insert trigger is dropped while the rows go in, then the
/// tree is packed from the whole table and the trigger put back, all in the import's transaction.
class PositionsIndexPacking
{
public:
    /// Below this many new rows the trigger's row-by-row indexing is cheap enough.
    static constexpr std::size_t kMinimumRows = 20000;

    /// Starts packing when the new rows are many, and not few beside those already there (the
    /// packing rereads them all); otherwise leaves the trigger to index each row.
    bool begin(GDALDataset *ds, OGRLayer *positions, std::size_t newRows, QString *error)
    {
        const GIntBig existing = positions->GetFeatureCount(TRUE);
        if (newRows < kMinimumRows || existing < 0 || GIntBig(newRows) < existing / 4)
            return true;
        // A table made in this transaction gets its (empty) index now rather than at close,
        // when GDAL would fill it row by row.
        positions->SyncToDisk();
        auto *db = static_cast<sqlite3 *>(ds->GetInternalHandle("SQLITE_HANDLE"));
        if (!db)
            return true;
        mTable = positions->GetName();
        mFidColumn = positions->GetFIDColumn();
        mGeometryColumn = positions->GetGeometryColumn();
        const std::string trigger = "rtree_" + mTable + "_" + mGeometryColumn + "_insert";
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", -1,
                               &statement, nullptr) == SQLITE_OK) {
            sqlite3_bind_text(statement, 1, trigger.c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(statement) == SQLITE_ROW)
                mTriggerSql = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
        }
        sqlite3_finalize(statement);
        if (mTriggerSql.empty())
            return true; // no spatial index, or not one made the usual way: leave it be
        mDb = db;
        return exec("DROP TRIGGER \"" + trigger + "\"", error);
    }

    /// Packs the tree and puts the trigger back; a table holding anything but points gets
    /// its tree filled the general way instead.
    bool finish(QString *error)
    {
        if (!mDb)
            return true;
        QString why;
        if (!repackPointRTree(mDb, mTable, mFidColumn, mGeometryColumn, &why)) {
            const std::string rtree = "\"rtree_" + mTable + "_" + mGeometryColumn + "\"";
            const std::string g = "\"" + mGeometryColumn + "\"";
            if (!exec("DELETE FROM " + rtree, error) ||
                !exec("INSERT INTO " + rtree + " SELECT \"" + mFidColumn + "\", ST_MinX(" + g + "), ST_MaxX(" + g +
                          "), ST_MinY(" + g + "), ST_MaxY(" + g + ") FROM \"" + mTable + "\" WHERE " + g +
                          " NOT NULL AND NOT ST_IsEmpty(" + g + ")",
                      error))
                return false;
        }
        return exec(mTriggerSql, error);
    }

private:
    bool exec(const std::string &sql, QString *error)
    {
        if (sqlite3_exec(mDb, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK)
            return true;
        *error = QString::fromUtf8(sqlite3_errmsg(mDb));
        return false;
    }

    sqlite3 *mDb = nullptr;
    std::string mTable, mFidColumn, mGeometryColumn, mTriggerSql;
};

} // namespace

QString fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

TrackGeoPackage::WriteResult TrackGeoPackage::append(const QString &path, const QString &sourceFile,
                                                     const TrackStore &store, const VesselRegistry &registry,
                                                     const QString &report, const QString &sha256,
                                                     const std::function<bool(double)> &progress,
                                                     const AisBroadcasts *broadcasts)
{
    WriteResult result;
    ensureGdalInitialised();
    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds;
    if (QFileInfo::exists(path)) {
        const char *drivers[] = {"GPKG", nullptr};
        ds.reset(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers));
        if (!ds) {
            result.error =
                QStringLiteral("'%1': %2")
                    .arg(path, capture.message(QStringLiteral("not a GeoPackage that can be written")));
            return result;
        }
    } else {
        GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
        ds.reset(gpkg->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) {
            result.error =
                QStringLiteral("'%1': %2").arg(path, capture.message(QStringLiteral("cannot be created")));
            return result;
        }
    }
    // The workbench keeps its own connection to the project open: wait for it rather than fail.
    if (OGRLayer *r = ds->ExecuteSQL("PRAGMA busy_timeout = 15000", nullptr, nullptr))
        ds->ReleaseResultSet(r);
    // The tables too are made in the transaction: a failed or cancelled first import leaves none.
    if (ds->StartTransaction() != OGRERR_NONE) {
        result.error = QStringLiteral("'%1': %2")
                           .arg(path, capture.message(QStringLiteral("cannot start a transaction")));
        return result;
    }
    auto fail = [&](const QString &what) {
        ds->RollbackTransaction();
        result.error =
            QStringLiteral("'%1': %2: %3").arg(path, what, capture.message(QStringLiteral("write failed")));
        result.positionsWritten = 0;
        result.vesselsWritten = 0;
        return result;
    };
    OGRLayer *imports = ensureTable(ds.get(), kImports,
                                    {{"imported_at", OFTDateTime},
                                     {"source_file", OFTString},
                                     {"sha256", OFTString},
                                     {"positions", OFTInteger64},
                                     {"report", OFTString}});
    OGRLayer *positions = ensurePositions(ds.get());
    OGRLayer *vessels = ensureTable(ds.get(), kVessels,
                                    {{"mmsi", OFTInteger64},
                                     {"imo", OFTInteger64},
                                     {"name", OFTString},
                                     {"names_seen", OFTString},
                                     {"callsign", OFTString},
                                     {"ship_type", OFTInteger},
                                     {"length_m", OFTInteger},
                                     {"beam_m", OFTInteger},
                                     {"flag", OFTString},
                                     {"class_b", OFTInteger}});
    if (!imports || !positions || !vessels || !ensureProvenanceColumns(positions))
        return fail(QStringLiteral("cannot create the tables"));

    // The same file twice would double every position: recognise it by its bytes.
    const QString sha = sha256.isEmpty() ? fileSha256(sourceFile) : sha256;
    imports->SetAttributeFilter(QStringLiteral("sha256 = '%1'").arg(sha).toUtf8().constData());
    imports->ResetReading();
    if (OGRFeatureUniquePtr seen{imports->GetNextFeature()}) {
        ds->RollbackTransaction();
        result.ok = true;
        result.alreadyImported = true;
        return result;
    }
    imports->SetAttributeFilter(nullptr);

    OGRFeatureDefn *pdef = positions->GetLayerDefn();
    const int fMmsi = pdef->GetFieldIndex("mmsi"), fTime = pdef->GetFieldIndex("time"),
              fSog = pdef->GetFieldIndex("sog"), fCog = pdef->GetFieldIndex("cog"),
              fHeading = pdef->GetFieldIndex("heading"), fStatus = pdef->GetFieldIndex("status"),
              fFlags = pdef->GetFieldIndex("flags"), fSource = pdef->GetFieldIndex("source"),
              fChannel = pdef->GetFieldIndex("channel");
    PositionsIndexPacking packing;
    if (QString why; !packing.begin(ds.get(), positions, store.positionCount(), &why))
        return fail(QStringLiteral("spatial index of the positions: %1").arg(why));
    OGRFeature feature(pdef);
    const double total = double(std::max<std::size_t>(store.positionCount(), 1));
    for (const VesselTrack &t : store.tracks()) {
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (progress && result.positionsWritten % 4096 == 0 &&
                !progress(double(result.positionsWritten) / total)) {
                fail(QStringLiteral("cancelled"));
                result.error.clear();
                result.cancelled = true;
                return result;
            }
            feature.SetFID(OGRNullFID);
            feature.SetField(fMmsi, GIntBig(t.mmsi()));
            setOgrUtcTime(feature, fTime, t.timeMs(i));
            if (std::isnan(t.sog(i)))
                feature.SetFieldNull(fSog);
            else
                feature.SetField(fSog, t.sog(i));
            if (std::isnan(t.cog(i)))
                feature.SetFieldNull(fCog);
            else
                feature.SetField(fCog, t.cog(i));
            if (t.heading(i) < 0)
                feature.SetFieldNull(fHeading);
            else
                feature.SetField(fHeading, t.heading(i));
            if (t.status(i) < 0)
                feature.SetFieldNull(fStatus);
            else
                feature.SetField(fStatus, t.status(i));
            feature.SetField(fFlags, int(t.flags(i)));
            if (const std::string &source = store.sourceName(t.sourceId(i)); source.empty())
                feature.SetFieldNull(fSource);
            else
                feature.SetField(fSource, source.c_str());
            if (const char channel[2] = {t.channel(i), 0}; channel[0])
                feature.SetField(fChannel, channel);
            else
                feature.SetFieldNull(fChannel);
            feature.SetGeometryDirectly(new OGRPoint(t.lon(i), t.lat(i)));
            if (positions->CreateFeature(&feature) != OGRERR_NONE)
                return fail(QStringLiteral("position of %1").arg(t.mmsi()));
            ++result.positionsWritten;
        }
    }
    if (progress && !progress(1.0)) {
        fail(QStringLiteral("cancelled"));
        result.error.clear();
        result.cancelled = true;
        return result;
    }
    if (QString why; !packing.finish(&why))
        return fail(QStringLiteral("spatial index of the positions: %1").arg(why));
    // Vessels: new ones added, known ones updated with what this import adds.
    OGRFeatureDefn *vdef = vessels->GetLayerDefn();
    for (const VesselInfo &v : registry.vessels()) {
        vessels->SetAttributeFilter(QStringLiteral("mmsi = %1").arg(v.mmsi).toUtf8().constData());
        vessels->ResetReading();
        OGRFeatureUniquePtr row{vessels->GetNextFeature()};
        const bool existing = bool(row);
        if (!row)
            row.reset(new OGRFeature(vdef));
        QStringList seen = QString::fromUtf8(row->GetFieldAsString("names_seen"))
                               .split(QLatin1Char('|'), Qt::SkipEmptyParts);
        for (const auto &n : v.names)
            if (!seen.contains(n.name))
                seen << n.name;
        row->SetField("mmsi", GIntBig(v.mmsi));
        if (v.imo)
            row->SetField("imo", GIntBig(v.imo));
        if (!v.currentName().isEmpty())
            row->SetField("name", v.currentName().toUtf8().constData());
        row->SetField("names_seen", seen.join(QLatin1Char('|')).toUtf8().constData());
        if (!v.callsign.isEmpty())
            row->SetField("callsign", v.callsign.toUtf8().constData());
        if (v.shipType)
            row->SetField("ship_type", v.shipType);
        if (v.length())
            row->SetField("length_m", v.length());
        if (v.beam())
            row->SetField("beam_m", v.beam());
        const FlagState flag = flagForMmsi(v.mmsi);
        if (flag.isValid())
            row->SetField("flag", flag.name);
        row->SetField("class_b", v.classB ? 1 : 0);
        if ((existing ? vessels->SetFeature(row.get()) : vessels->CreateFeature(row.get())) != OGRERR_NONE)
            return fail(QStringLiteral("vessel %1").arg(v.mmsi));
        ++result.vesselsWritten;
    }
    vessels->SetAttributeFilter(nullptr);
    if (broadcasts && !writeAisBroadcasts(ds.get(), *broadcasts))
        return fail(QStringLiteral("base stations, aids to navigation and safety messages"));
    // The lines of the vessels this import touched follow their positions, in the same transaction.
    std::vector<std::uint32_t> touched;
    for (const VesselTrack &t : store.tracks())
        if (!t.empty())
            touched.push_back(t.mmsi());
    if (!touched.empty()) {
        QString why;
        if (!rebuildTrackLines(ds.get(), touched, &why))
            return fail(QStringLiteral("track lines: %1").arg(why));
    }
    OGRFeature record(imports->GetLayerDefn());
    setOgrUtcTime(record, record.GetFieldIndex("imported_at"), QDateTime::currentMSecsSinceEpoch());
    record.SetField("source_file", QFileInfo(sourceFile).absoluteFilePath().toUtf8().constData());
    record.SetField("sha256", sha.toLatin1().constData());
    record.SetField("positions", GIntBig(result.positionsWritten));
    record.SetField("report", report.toUtf8().constData());
    if (imports->CreateFeature(&record) != OGRERR_NONE)
        return fail(QStringLiteral("import record"));
    if (ds->CommitTransaction() != OGRERR_NONE)
        return fail(QStringLiteral("commit"));
    result.ok = true;
    return result;
}

QList<TrackGeoPackage::Import> TrackGeoPackage::imports(const QString &path)
{
    QList<Import> out;
    ensureGdalInitialised();
    GdalErrorCapture capture;
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    OGRLayer *table = ds ? ds->GetLayerByName(kImports) : nullptr;
    if (!table)
        return out;
    for (auto &f : *table) {
        Import i;
        i.importedMs = ogrUtcTime(*f, f->GetFieldIndex("imported_at"));
        i.sourceFile = ogrText(*f, "source_file");
        i.sha256 = ogrText(*f, "sha256");
        i.positions = f->GetFieldAsInteger64("positions");
        out << i;
    }
    return out;
}

bool TrackGeoPackage::wasImported(const QString &path, const QString &sha256)
{
    const auto recorded = imports(path);
    return std::any_of(recorded.begin(), recorded.end(),
                       [&](const Import &i) { return i.sha256 == sha256; });
}

bool TrackGeoPackage::hasTracks(const QString &path)
{
    const bool gpkg = QFileInfo(path).suffix().compare(QLatin1String("gpkg"), Qt::CaseInsensitive) == 0;
    if (!gpkg || !QFileInfo::exists(path))
        return false;
    ensureGdalInitialised();
    GdalErrorCapture capture;
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    return ds && ds->GetLayerByName(kPositions);
}

bool TrackGeoPackage::read(const QString &path, TrackStore &store, VesselRegistry &registry, QString *error)
{
    ensureGdalInitialised();
    GdalErrorCapture capture;
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    OGRLayer *positions = ds ? ds->GetLayerByName(kPositions) : nullptr;
    if (!positions) {
        if (error)
            *error = QStringLiteral("'%1': %2")
                         .arg(path, capture.message(QStringLiteral("no ais_positions table")));
        return false;
    }
    OGRFeatureDefn *def = positions->GetLayerDefn();
    const int fMmsi = def->GetFieldIndex("mmsi"), fTime = def->GetFieldIndex("time"),
              fSog = def->GetFieldIndex("sog"), fCog = def->GetFieldIndex("cog"),
              fHeading = def->GetFieldIndex("heading"), fStatus = def->GetFieldIndex("status"),
              fFlags = def->GetFieldIndex("flags"), fSource = def->GetFieldIndex("source"),
              fChannel = def->GetFieldIndex("channel");
    positions->ResetReading();
    for (auto &f : *positions) {
        const OGRGeometry *g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint)
            continue;
        TrackStore::Position p{std::uint32_t(f->GetFieldAsInteger64(fMmsi)), ogrUtcTime(*f, fTime),
                               g->toPoint()->getX(), g->toPoint()->getY()};
        if (f->IsFieldSetAndNotNull(fSog))
            p.sog = f->GetFieldAsDouble(fSog);
        if (f->IsFieldSetAndNotNull(fCog))
            p.cog = f->GetFieldAsDouble(fCog);
        if (f->IsFieldSetAndNotNull(fHeading))
            p.heading = f->GetFieldAsInteger(fHeading);
        if (f->IsFieldSetAndNotNull(fStatus))
            p.status = f->GetFieldAsInteger(fStatus);
        p.flags = std::uint8_t(f->GetFieldAsInteger(fFlags));
        // Projects written before positions kept their receiver have neither column.
        if (fSource >= 0 && f->IsFieldSetAndNotNull(fSource))
            p.source = f->GetFieldAsString(fSource);
        if (fChannel >= 0 && f->IsFieldSetAndNotNull(fChannel))
            p.channel = f->GetFieldAsString(fChannel)[0];
        store.append(p);
        registry.notePosition(p.mmsi, p.flags & VesselTrack::ClassB);
    }
    if (OGRLayer *vessels = ds->GetLayerByName(kVessels)) {
        vessels->ResetReading();
        for (auto &v : *vessels) {
            ais::AisMessage m;
            m.type = 5;
            m.mmsi = std::uint32_t(v->GetFieldAsInteger64("mmsi"));
            m.imo = std::uint32_t(v->GetFieldAsInteger64("imo"));
            m.callsign = v->GetFieldAsString("callsign");
            m.shiptype = v->GetFieldAsInteger("ship_type");
            // Earlier names first, so the current one ends up current.
            const QStringList seen = QString::fromUtf8(v->GetFieldAsString("names_seen"))
                                         .split(QLatin1Char('|'), Qt::SkipEmptyParts);
            const QString current = QString::fromUtf8(v->GetFieldAsString("name"));
            for (const QString &n : seen)
                if (n != current) {
                    m.shipname = n.toStdString();
                    registry.noteStatic(m, 0);
                }
            m.shipname = current.toStdString();
            registry.noteStatic(m, 0);
        }
    }
    store.finalize();
    return true;
}

} // namespace sightline
