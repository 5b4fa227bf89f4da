#include "project/project.h"

#include "project/annotationogr.h"
#include "project/projectschema.h"
#include "project/projectupgrade.h"
#include "project/sightinggeometryogr.h"
#include "project/sightingviews.h"
#include "util/credentials.h"
#include "util/gdalutil.h"
#include "util/secretstore.h"
#include "util/ogrfields.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>

#include <functional>

namespace sightline {

using namespace projecttable;

namespace {

// Rewriting a list (layers, views) empties its table first.
bool clearTable(OGRLayer *table)
{
    if (!table)
        return false;
    std::vector<GIntBig> fids;
    table->ResetReading();
    for (auto &f : *table)
        fids.push_back(f->GetFID());
    for (GIntBig fid : fids)
        if (table->DeleteFeature(fid) != OGRERR_NONE)
            return false;
    return true;
}

// A number of a column a damaged table may lack: 0, as for a null.
double ogrNumber(const OGRFeature &f, const char *name)
{
    const int i = f.GetFieldIndex(name);
    return i < 0 ? 0 : f.GetFieldAsDouble(i);
}

std::int64_t ogrWhole(const OGRFeature &f, const char *name)
{
    const int i = f.GetFieldIndex(name);
    return i < 0 ? 0 : f.GetFieldAsInteger64(i);
}

/// The sighting a row holds, or nullopt (with the reason in `why`) when its geometry cannot be read.
std::optional<Sighting> readSighting(const OGRFeature &f, QString *why = nullptr)
{
    Sighting s;
    s.id = f.GetFID();
    std::optional<SightingGeometry> geometry = sightingGeometryFromOgr(f.GetGeometryRef(), why);
    if (!geometry)
        return std::nullopt;
    s.geometry = *geometry;
    s.kind = ogrText(f, "kind");
    s.observedAtMs = ogrUtcTime(f, f.GetFieldIndex("observed_at"));
    s.imagerySource = ogrText(f, "imagery_source");
    s.imageryProvider = ogrText(f, "imagery_provider");
    s.imageryAcquiredMs = ogrUtcTime(f, f.GetFieldIndex("imagery_acquired"));
    s.imageryResolutionM = ogrNumber(f, "imagery_resolution_m");
    s.count = int(ogrWhole(f, "count"));
    s.vesselMmsi = std::uint32_t(ogrWhole(f, "vessel_mmsi"));
    s.vesselName = ogrText(f, "vessel_name");
    const QString grade = ogrText(f, "source_reliability");
    s.sourceReliability = grade.isEmpty() ? QLatin1Char('F') : grade.at(0);
    s.informationCredibility = int(ogrWhole(f, "information_credibility"));
    s.analyst = ogrText(f, "analyst");
    s.notes = ogrText(f, "notes");
    s.tags = splitTags(ogrText(f, "tags"));
    s.createdMs = ogrUtcTime(f, f.GetFieldIndex("created_at"));
    s.updatedMs = ogrUtcTime(f, f.GetFieldIndex("updated_at"));
    s.version = int(ogrWhole(f, "version"));
    return s;
}

void fillSighting(OGRFeature &f, const Sighting &s)
{
    f.SetGeometryDirectly(sightingGeometryToOgr(s.geometry).release());
    f.SetField("geometry_type", sightingGeometryTypeValue(s.geometry.type));
    f.SetField("kind", s.kind.toUtf8().constData());
    auto time = [&f](const char *name, std::int64_t ms) {
        const int i = f.GetFieldIndex(name);
        if (ms)
            setOgrUtcTime(f, i, ms);
        else
            f.SetFieldNull(i);
    };
    auto text = [&f](const char *name, const QString &value) {
        if (value.isEmpty())
            f.SetFieldNull(f.GetFieldIndex(name));
        else
            f.SetField(name, value.toUtf8().constData());
    };
    time("observed_at", s.observedAtMs);
    text("imagery_source", s.imagerySource);
    text("imagery_provider", s.imageryProvider);
    time("imagery_acquired", s.imageryAcquiredMs);
    f.SetField("imagery_resolution_m", s.imageryResolutionM);
    f.SetField("count", s.count);
    f.SetField("vessel_mmsi", GIntBig(s.vesselMmsi));
    text("vessel_name", s.vesselName);
    text("source_reliability", QString(s.sourceReliability));
    f.SetField("information_credibility", s.informationCredibility);
    text("analyst", s.analyst);
    text("notes", s.notes);
    text("tags", s.tags.join(QStringLiteral(", ")));
    time("created_at", s.createdMs);
    time("updated_at", s.updatedMs);
    f.SetField("version", s.version);
}

QString defaultAnalyst()
{
    for (const char *var : {"SIGHTLINE_ANALYST", "USER", "LOGNAME"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            return v;
    }
    return QStringLiteral("analyst");
}

GDALDataset *openGpkg(const QString &path, bool update)
{
    const char *drivers[] = {"GPKG", nullptr};
    return GDALDataset::FromHandle(GDALOpenEx(path.toUtf8().constData(),
                                              GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY),
                                              drivers, nullptr, nullptr));
}

// A program killed inside a transaction leaves SQLite's rollback journal beside the
// file. The next connection that may write rolls it back, restoring the last commit;
// a read-only one fails on it ("attempt to write a readonly database"), so every
// open, read-only ones included, first lets a writable connection do that.
void rollBackInterruptedWrite(const QString &path)
{
    if (!QFileInfo::exists(path + QStringLiteral("-journal")) || !QFileInfo(path).isWritable())
        return;
    GdalErrorCapture quiet;
    std::unique_ptr<GDALDataset> recover(openGpkg(path, true));
}

} // namespace

Project::~Project() = default;

std::unique_ptr<Project> Project::create(const QString &path, QString *error)
{
    ensureGdalInitialised();
    GdalErrorCapture capture;
    if (QFileInfo::exists(path)) {
        if (error)
            *error = QStringLiteral("'%1': already exists").arg(path);
        return nullptr;
    }
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    std::unique_ptr<GDALDataset> ds(
        driver ? driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    QString why;
    if (!ds || ds->StartTransaction() != OGRERR_NONE || !createProjectTables(ds.get()) ||
        !completeProject(ds.get(), &why)) {
        if (error)
            *error = QStringLiteral("'%1': %2")
                         .arg(path, why.isEmpty() ? capture.message(QStringLiteral("cannot create")) : why);
        ds.reset();
        QFile::remove(path);
        return nullptr;
    }
    std::unique_ptr<Project> p(new Project());
    p->mPath = QFileInfo(path).absoluteFilePath();
    p->mAnalyst = defaultAnalyst();
    p->mDs = std::move(ds);
    p->writeProperty("schema_version", QString::number(kProjectSchemaVersion));
    p->writeProperty("created_at", utcIsoString(QDateTime::currentMSecsSinceEpoch()));
    if (p->mDs->CommitTransaction() != OGRERR_NONE) {
        if (error)
            *error = QStringLiteral("'%1': %2").arg(path, capture.message(QStringLiteral("cannot create")));
        return nullptr;
    }
    p->mLock = std::make_unique<QLockFile>(p->mPath + QStringLiteral(".lock"));
    p->mLock->setStaleLockTime(0);
    p->mLock->tryLock(0);
    return p;
}

bool Project::isProject(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return false;
    ensureGdalInitialised();
    rollBackInterruptedWrite(path);
    GdalErrorCapture quiet;
    std::unique_ptr<GDALDataset> ds(openGpkg(path, false));
    return ds && checkProjectSchema(ds.get()).isProject;
}

bool Project::ensureSchema(const QString &path, QString *error)
{
    ensureGdalInitialised();
    GdalErrorCapture capture;
    auto failed = [&](const QString &message) {
        if (error)
            *error = QStringLiteral("'%1': %2").arg(path, message);
        return false;
    };
    {
        // A damaged or newer project is only read: its tables are not "completed" behind the user's back.
        std::unique_ptr<GDALDataset> probe(openGpkg(path, false));
        if (!probe)
            return failed(capture.message(QStringLiteral("not a GeoPackage (corrupt, or another format)")));
        const ProjectSchemaCheck check = checkProjectSchema(probe.get());
        if (check.isProject && !check.problems.isEmpty())
            return failed(check.problems.join(QStringLiteral("; ")) +
                          QStringLiteral("; nothing was written"));
    }
    std::unique_ptr<GDALDataset> ds(openGpkg(path, true));
    const bool fresh = ds && !ds->GetLayerByName(kProperties);
    if (!ds || ds->StartTransaction() != OGRERR_NONE || !createProjectTables(ds.get()))
        return failed(capture.message(QStringLiteral("cannot add project tables")));
    if (QString why; fresh && !completeProject(ds.get(), &why)) {
        ds->RollbackTransaction();
        return failed(why);
    }
    if (fresh) {
        OGRLayer *props = ds->GetLayerByName(kProperties);
        OGRFeature f(props->GetLayerDefn());
        f.SetField("key", "schema_version");
        f.SetField("value", QByteArray::number(kProjectSchemaVersion).constData());
        if (props->CreateFeature(&f) != OGRERR_NONE)
            return failed(capture.message(QStringLiteral("cannot add project tables")));
    }
    if (ds->CommitTransaction() != OGRERR_NONE)
        return failed(capture.message(QStringLiteral("cannot add project tables")));
    return true;
}

std::unique_ptr<Project> Project::open(const QString &path, Mode mode, QString *error, OpenError *reason)
{
    ensureGdalInitialised();
    GdalErrorCapture capture;
    auto fail = [&](OpenError why, const QString &message) -> std::unique_ptr<Project> {
        if (reason)
            *reason = why;
        if (error)
            *error = QStringLiteral("'%1': %2").arg(path, message);
        return nullptr;
    };
    const QFileInfo info(path);
    if (!info.isFile())
        return fail(OpenError::NotFound, QStringLiteral("no such file"));
    rollBackInterruptedWrite(path);
    std::unique_ptr<GDALDataset> probe(openGpkg(path, false));
    if (!probe)
        return fail(OpenError::NotAGeoPackage,
                    capture.message(QStringLiteral("not a GeoPackage (corrupt, or another format)")));
    const ProjectSchemaCheck check = checkProjectSchema(probe.get());
    const bool hasTracks = probe->GetLayerByName("ais_positions") != nullptr;
    probe.reset();
    if (!check.isProject && !(hasTracks && mode == Mode::ReadWrite))
        return fail(OpenError::NotAProject,
                    hasTracks ? QStringLiteral("holds AIS tracks but no project tables yet")
                              : QStringLiteral("a GeoPackage without Sightline's project tables"));
    std::unique_ptr<Project> p(new Project());
    p->mPath = info.absoluteFilePath();
    p->mAnalyst = defaultAnalyst();
    // Damaged or newer: read, never written (not even the lock), whatever the caller asked for.
    p->mDamage = check.problems;
    p->mReadOnly = mode == Mode::ReadOnly || !check.problems.isEmpty();
    if (!p->mReadOnly) {
        if (!info.isWritable())
            return fail(OpenError::ReadOnlyFile, QStringLiteral("the file is read-only"));
        p->mLock = std::make_unique<QLockFile>(p->mPath + QStringLiteral(".lock"));
        p->mLock->setStaleLockTime(0); // only a dead owner's lock is stale
        if (!p->mLock->tryLock(0)) {
            qint64 pid = 0;
            QString host, app;
            p->mLock->getLockInfo(&pid, &host, &app);
            return fail(
                p->mLock->error() == QLockFile::LockFailedError ? OpenError::InUse : OpenError::ReadOnlyFile,
                p->mLock->error() == QLockFile::LockFailedError
                    ? QStringLiteral("in use by another Sightline (process %1 on %2)").arg(pid).arg(host)
                    : QStringLiteral("cannot write the lock file beside it"));
        }
        // A project of an earlier schema is brought up to this one, all or nothing; one that
        // cannot be is only read, and the user is told why.
        if (check.isProject && check.version > 0 && check.version < kProjectSchemaVersion) {
            QString why;
            if (!upgradeProject(path, check.version, &why)) {
                p->mReadOnly = true;
                p->mLock.reset();
                p->mDamage << why;
            }
        }
    }
    if (!p->mReadOnly) {
        // Tracks from `ais import`, or a project from before a table was added: add what is missing.
        if ((!check.isProject || !check.missingLater.isEmpty()) && !ensureSchema(path, error)) {
            if (reason)
                *reason = OpenError::Failed;
            return nullptr;
        }
    }
    p->mDs.reset(openGpkg(path, !p->mReadOnly));
    if (!p->mDs)
        return fail(OpenError::Failed, capture.message(QStringLiteral("cannot open")));
    p->moveStoredSecrets();
    if (reason)
        *reason = OpenError::None;
    return p;
}

void Project::moveStoredSecrets()
{
    OGRLayer *table = mDs->GetLayerByName(kLayers);
    if (!table || table->GetLayerDefn()->GetFieldIndex("source") < 0)
        return;
    QList<std::pair<GIntBig, QString>> found; // fid, source with its secrets
    table->ResetReading();
    for (auto &f : *table)
        if (const QString source = ogrText(*f, "source"); hasSecrets(source))
            found.append({f->GetFID(), source});
    if (found.isEmpty())
        return;
    for (const auto &[fid, source] : found) {
        QString problem;
        keepSecretsAside(source, &problem);
        const QString name = redactSecrets(describeSource(stripSecrets(source)));
        if (mReadOnly)
            mNotices << QStringLiteral("the project file holds credentials for %1: they are not shown or used "
                                       "from the file, and are removed from it when it is next opened for writing")
                            .arg(name);
        else
            mNotices << QStringLiteral("the project file held credentials for %1: removed from the file; %2")
                            .arg(name, problem.isEmpty() ? QStringLiteral("kept in the desktop's keyring") : problem);
    }
    if (mReadOnly)
        return;
    const bool stripped = inTransaction(QStringLiteral("cannot remove credentials from the layer list"), [&] {
        for (const auto &[fid, source] : found) {
            OGRFeatureUniquePtr f{table->GetFeature(fid)};
            if (!f)
                return false;
            f->SetField("source", stripSecrets(source).toUtf8().constData());
            if (table->SetFeature(f.get()) != OGRERR_NONE)
                return false;
        }
        return audit(QStringLiteral("edit"), QString::fromLatin1(kLayers), 0,
                     QStringLiteral("{\"credentials removed\":%1}").arg(found.size()));
    });
    // The old values would otherwise linger in SQLite's free pages, readable with `strings`.
    if (stripped)
        mDs->ExecuteSQL("VACUUM", nullptr, nullptr);
}

QStringList Project::takeNotices()
{
    return std::exchange(mNotices, {});
}

QStringList Project::problems() const
{
    return mDamage + mReadProblems;
}

void Project::noteReadProblem(const QString &problem) const
{
    // Every read meets the same bad rows again: each is said once, and a flood is cut short.
    constexpr qsizetype kMost = 100;
    if (mReadProblems.size() < kMost && !mReadProblems.contains(problem))
        mReadProblems << problem;
}

QString Project::title() const
{
    return QFileInfo(mPath).completeBaseName();
}

bool Project::fail(const QString &message)
{
    mError = QStringLiteral("'%1': %2").arg(mPath, message);
    return false;
}

QString Project::readOnlyReason() const
{
    if (!mReadOnly)
        return {};
    if (mDamage.isEmpty())
        return QStringLiteral("'%1': opened read-only").arg(mPath);
    return QStringLiteral("'%1': %2: opened read-only, nothing is written")
        .arg(mPath, mDamage.join(QStringLiteral("; ")));
}

bool Project::inTransaction(const QString &failure, const std::function<bool()> &work)
{
    if (mReadOnly) {
        mError = readOnlyReason();
        return false;
    }
    if (mDs->StartTransaction() != OGRERR_NONE)
        return fail(QStringLiteral("cannot start a transaction"));
    if (!work()) {
        mDs->RollbackTransaction();
        return fail(failure);
    }
    GdalErrorCapture capture;
    if (mDs->CommitTransaction() != OGRERR_NONE)
        return fail(capture.message(QStringLiteral("cannot commit")));
    return true;
}

bool Project::audit(const QString &action, const QString &table, std::int64_t id, const QString &details)
{
    OGRLayer *log = mDs->GetLayerByName(kAudit);
    if (!log)
        return false;
    OGRFeature f(log->GetLayerDefn());
    setOgrUtcTime(f, f.GetFieldIndex("time"), QDateTime::currentMSecsSinceEpoch());
    f.SetField("user", mAnalyst.toUtf8().constData());
    f.SetField("action", action.toUtf8().constData());
    f.SetField("table_name", table.toUtf8().constData());
    f.SetField("feature_id", GIntBig(id));
    f.SetField("details", details.toUtf8().constData());
    return log->CreateFeature(&f) == OGRERR_NONE;
}

QString Project::property(const char *key) const
{
    GdalErrorCapture quiet;
    return readProjectProperty(mDs.get(), key);
}

bool Project::writeProperty(const char *key, const QString &value)
{
    OGRLayer *props = mDs->GetLayerByName(kProperties);
    if (!props)
        return false;
    props->SetAttributeFilter(
        QStringLiteral("key = '%1'").arg(QString::fromLatin1(key)).toUtf8().constData());
    props->ResetReading();
    OGRFeatureUniquePtr f{props->GetNextFeature()};
    props->SetAttributeFilter(nullptr);
    if (!f) {
        f.reset(new OGRFeature(props->GetLayerDefn()));
        f->SetField("key", key);
        f->SetField("value", value.toUtf8().constData());
        return props->CreateFeature(f.get()) == OGRERR_NONE;
    }
    f->SetField("value", value.toUtf8().constData());
    return props->SetFeature(f.get()) == OGRERR_NONE;
}

namespace {
// How a layer read from the project file itself is stored: not by the file's name, so a
// case file renamed or received under another name still finds its own tables (and not
// those of a file of the old name beside it).
const QString kThisProject = QStringLiteral("<this project>");
} // namespace

QString Project::resolveSource(const QString &stored) const
{
    if (stored == kThisProject)
        return mPath;
    if (!isLocalPath(stored) || QFileInfo(stored).isAbsolute())
        return stored;
    return QDir::cleanPath(QFileInfo(mPath).dir().absoluteFilePath(stored));
}

QString Project::storeSource(const QString &source) const
{
    if (!isLocalPath(source))
        return source;
    const QString absolute = QFileInfo(source).absoluteFilePath();
    if (absolute == mPath)
        return kThisProject;
    return QFileInfo(mPath).dir().relativeFilePath(absolute);
}

QList<ProjectLayer> Project::layers() const
{
    QList<QPair<int, ProjectLayer>> ordered;
    GdalErrorCapture quiet; // a damaged table's missing columns read as empty
    OGRLayer *table = mDs->GetLayerByName(kLayers);
    if (!table)
        return {};
    table->ResetReading();
    for (auto &f : *table) {
        ProjectLayer l;
        // A file from before credentials were kept out of projects may still hold some.
        l.source = resolveSource(stripSecrets(ogrText(*f, "source")));
        l.layerName = ogrText(*f, "layer_name");
        l.name = ogrText(*f, "name");
        l.visible = f->GetFieldAsInteger("visible") != 0;
        l.opacity = f->GetFieldAsDouble("opacity");
        l.style = QJsonDocument::fromJson(ogrText(*f, "style").toUtf8()).object();
        ordered.append({f->GetFieldAsInteger("position"), l});
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<ProjectLayer> out;
    for (const auto &[position, l] : ordered)
        out << l;
    return out;
}

bool Project::setLayers(const QList<ProjectLayer> &given)
{
    // Credentials never reach the file: stripped here and kept in the desktop's keyring.
    QList<ProjectLayer> layers = given;
    for (ProjectLayer &l : layers)
        l.source = stripSecrets(l.source);
    if (layers == this->layers())
        return true;
    for (const ProjectLayer &l : given)
        if (QString problem; hasSecrets(l.source) && (keepSecretsAside(l.source, &problem), !problem.isEmpty()))
            mNotices << QStringLiteral("the credentials of %1 are not written to the project; %2")
                            .arg(redactSecrets(describeSource(stripSecrets(l.source))), problem);
    return inTransaction(QStringLiteral("cannot write the layer list"), [&] {
        OGRLayer *table = mDs->GetLayerByName(kLayers);
        bool ok = clearTable(table);
        QJsonArray summary;
        for (int i = 0; ok && i < layers.size(); ++i) {
            const ProjectLayer &l = layers[i];
            OGRFeature f(table->GetLayerDefn());
            f.SetField("position", i);
            f.SetField("source", storeSource(l.source).toUtf8().constData());
            f.SetField("layer_name", l.layerName.toUtf8().constData());
            f.SetField("name", l.name.toUtf8().constData());
            f.SetField("visible", l.visible ? 1 : 0);
            f.SetField("opacity", l.opacity);
            f.SetField("style", QJsonDocument(l.style).toJson(QJsonDocument::Compact).constData());
            ok = table->CreateFeature(&f) == OGRERR_NONE;
            summary.append(l.name);
        }
        return ok && audit(QStringLiteral("edit"), QString::fromLatin1(kLayers), 0,
                           QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    });
}

std::optional<QRectF> Project::currentView() const
{
    const QStringList parts = property("current_view").split(QLatin1Char(','));
    if (parts.size() != 4)
        return std::nullopt;
    double v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].toDouble(&ok);
        if (!ok || !std::isfinite(v[i]))
            return std::nullopt;
    }
    return QRectF(QPointF(v[0], v[1]), QPointF(v[2], v[3]));
}

bool Project::setCurrentView(const QRectF &e)
{
    const QString value = QStringLiteral("%1,%2,%3,%4")
                              .arg(e.left(), 0, 'f', 7)
                              .arg(e.top(), 0, 'f', 7)
                              .arg(e.right(), 0, 'f', 7)
                              .arg(e.bottom(), 0, 'f', 7);
    if (value == property("current_view"))
        return true;
    return inTransaction(QStringLiteral("cannot save the view"),
                         [&] { return writeProperty("current_view", value); });
}

QList<SavedView> Project::views() const
{
    QList<SavedView> out;
    GdalErrorCapture quiet;
    OGRLayer *table = mDs->GetLayerByName(kViews);
    if (!table)
        return out;
    table->ResetReading();
    for (auto &f : *table) {
        SavedView v;
        v.name = ogrText(*f, "name");
        v.extentWgs84 = QRectF(QPointF(f->GetFieldAsDouble("west"), f->GetFieldAsDouble("south")),
                               QPointF(f->GetFieldAsDouble("east"), f->GetFieldAsDouble("north")));
        v.crs = ogrText(*f, "crs");
        out << v;
    }
    return out;
}

bool Project::setViews(const QList<SavedView> &views)
{
    return inTransaction(QStringLiteral("cannot write the saved views"), [&] {
        OGRLayer *table = mDs->GetLayerByName(kViews);
        if (!clearTable(table))
            return false;
        bool ok = true;
        QJsonArray names;
        for (const SavedView &v : views) {
            OGRFeature f(table->GetLayerDefn());
            f.SetField("name", v.name.toUtf8().constData());
            f.SetField("west", v.extentWgs84.left());
            f.SetField("south", v.extentWgs84.top());
            f.SetField("east", v.extentWgs84.right());
            f.SetField("north", v.extentWgs84.bottom());
            f.SetField("crs", v.crs.toUtf8().constData());
            ok = ok && table->CreateFeature(&f) == OGRERR_NONE;
            names.append(v.name);
        }
        return ok && audit(QStringLiteral("edit"), QString::fromLatin1(kViews), 0,
                           QString::fromUtf8(QJsonDocument(names).toJson(QJsonDocument::Compact)));
    });
}

QList<Sighting> Project::sightings() const
{
    QList<Sighting> out;
    GdalErrorCapture quiet; // a garbage geometry is reported below, not on stderr
    OGRLayer *table = mDs->GetLayerByName(kSightings);
    if (!table)
        return out;
    table->ResetReading();
    for (auto &f : *table) {
        QString why;
        if (std::optional<Sighting> s = readSighting(*f, &why))
            out << *s;
        else
            noteReadProblem(QStringLiteral("table '%1' row %2: the geometry cannot be read (%3); left out")
                                .arg(QLatin1String(kSightings))
                                .arg(f->GetFID())
                                .arg(why));
    }
    return out;
}

std::optional<Sighting> Project::sighting(std::int64_t id) const
{
    GdalErrorCapture quiet;
    OGRLayer *table = mDs->GetLayerByName(kSightings);
    OGRFeatureUniquePtr f{table ? table->GetFeature(id) : nullptr};
    if (!f)
        return std::nullopt;
    return readSighting(*f);
}

bool Project::writeSighting(Sighting &s, bool create)
{
    OGRLayer *table = mDs->GetLayerByName(kSightings);
    if (!table)
        return false;
    OGRFeature f(table->GetLayerDefn());
    fillSighting(f, s);
    if (s.id)
        f.SetFID(s.id);
    if ((create ? table->CreateFeature(&f) : table->SetFeature(&f)) != OGRERR_NONE)
        return false;
    s.id = f.GetFID(); // a new sighting's id is the row SQLite gave it
    return true;
}

std::int64_t Project::addSighting(Sighting s)
{
    if (const QString problem = s.validate(); !problem.isEmpty())
        return fail(problem), 0;
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    s.id = 0;
    s.createdMs = s.updatedMs = now;
    s.version = 1;
    if (s.analyst.isEmpty())
        s.analyst = mAnalyst;
    const bool ok = inTransaction(QStringLiteral("cannot store the sighting"), [&] {
        return writeSighting(s, true) && auditSighting(QStringLiteral("add"), s);
    });
    return ok ? s.id : 0;
}

bool Project::updateSighting(Sighting s)
{
    if (const QString problem = s.validate(); !problem.isEmpty())
        return fail(problem);
    const std::optional<Sighting> old = sighting(s.id);
    if (!old)
        return fail(QStringLiteral("sighting %1 is not in the project").arg(s.id));
    s.createdMs = old->createdMs;
    s.updatedMs = QDateTime::currentMSecsSinceEpoch();
    s.version = old->version + 1;
    return inTransaction(QStringLiteral("cannot store sighting %1").arg(s.id),
                         [&] { return writeSighting(s, false) && auditSighting(QStringLiteral("edit"), s); });
}

bool Project::removeSighting(std::int64_t id)
{
    const std::optional<Sighting> old = sighting(id);
    if (!old)
        return fail(QStringLiteral("sighting %1 is not in the project").arg(id));
    return inTransaction(QStringLiteral("cannot delete sighting %1").arg(id), [&] {
        return mDs->GetLayerByName(kSightings)->DeleteFeature(id) == OGRERR_NONE &&
               auditSighting(QStringLiteral("delete"), *old);
    });
}

bool Project::restoreSighting(Sighting s)
{
    if (!s.id || sighting(s.id))
        return fail(QStringLiteral("sighting %1 cannot be restored over another").arg(s.id));
    return inTransaction(QStringLiteral("cannot restore sighting %1").arg(s.id), [&] {
        return writeSighting(s, true) && auditSighting(QStringLiteral("restore"), s);
    });
}

bool Project::auditSighting(const QString &action, const Sighting &s)
{
    return audit(action, QString::fromLatin1(kSightings), s.id,
                 QString::fromUtf8(QJsonDocument(sightingToJson(s)).toJson(QJsonDocument::Compact)));
}

QList<AuditEntry> Project::auditLog(std::int64_t featureId, const QString &table) const
{
    QList<AuditEntry> out;
    GdalErrorCapture quiet;
    OGRLayer *log = mDs->GetLayerByName(kAudit);
    if (!log)
        return out;
    QStringList filter;
    if (featureId >= 0)
        filter << QStringLiteral("feature_id = %1").arg(featureId);
    if (!table.isEmpty())
        filter << QStringLiteral("table_name = '%1'")
                      .arg(QString(table).replace(QLatin1Char('\''), QStringLiteral("''")));
    // A damaged log that cannot be filtered gives nothing rather than every line.
    if (!filter.isEmpty() &&
        log->SetAttributeFilter(filter.join(QStringLiteral(" AND ")).toUtf8().constData()) != OGRERR_NONE)
        return out;
    log->ResetReading();
    for (auto &f : *log) {
        AuditEntry e;
        e.timeMs = ogrUtcTime(*f, f->GetFieldIndex("time"));
        e.user = ogrText(*f, "user");
        e.action = ogrText(*f, "action");
        e.table = ogrText(*f, "table_name");
        e.featureId = ogrWhole(*f, "feature_id");
        e.details = ogrText(*f, "details");
        out << e;
    }
    log->SetAttributeFilter(nullptr);
    return out;
}

QList<Annotation> Project::annotations() const
{
    QList<Annotation> out;
    GdalErrorCapture quiet;
    OGRLayer *table = mDs->GetLayerByName(kAnnotations);
    if (!table) // a read-only project from before annotations
        return out;
    table->ResetReading();
    for (auto &f : *table) {
        if (auto a = readAnnotationFeature(*f))
            out << *a;
        else
            noteReadProblem(QStringLiteral("table '%1' row %2: not an annotation (unknown type or a geometry "
                                           "that cannot be read); left out")
                                .arg(QLatin1String(kAnnotations))
                                .arg(f->GetFID()));
    }
    return out;
}

std::optional<Annotation> Project::annotation(std::int64_t id) const
{
    GdalErrorCapture quiet;
    OGRLayer *table = mDs->GetLayerByName(kAnnotations);
    OGRFeatureUniquePtr f{table ? table->GetFeature(id) : nullptr};
    return f ? readAnnotationFeature(*f) : std::nullopt;
}

bool Project::writeAnnotation(Annotation &a, bool create)
{
    OGRLayer *table = mDs->GetLayerByName(kAnnotations);
    if (!table)
        return false;
    OGRFeature f(table->GetLayerDefn());
    fillAnnotationFeature(f, a);
    if (a.id)
        f.SetFID(a.id);
    if ((create ? table->CreateFeature(&f) : table->SetFeature(&f)) != OGRERR_NONE)
        return false;
    a.id = f.GetFID();
    return true;
}

bool Project::auditAnnotation(const QString &action, const Annotation &a)
{
    return audit(action, QString::fromLatin1(kAnnotations), a.id,
                 QString::fromUtf8(QJsonDocument(annotationToJson(a)).toJson(QJsonDocument::Compact)));
}

std::int64_t Project::addAnnotation(Annotation a)
{
    if (!a.isValid())
        return fail(QStringLiteral("the annotation has too few points or no text")), 0;
    a.id = 0;
    a.createdMs = a.updatedMs = QDateTime::currentMSecsSinceEpoch();
    const bool ok = inTransaction(QStringLiteral("cannot store the annotation"), [&] {
        return writeAnnotation(a, true) && auditAnnotation(QStringLiteral("add"), a);
    });
    return ok ? a.id : 0;
}

bool Project::updateAnnotation(Annotation a)
{
    if (!a.isValid())
        return fail(QStringLiteral("the annotation has too few points or no text"));
    const std::optional<Annotation> old = annotation(a.id);
    if (!old)
        return fail(QStringLiteral("annotation %1 is not in the project").arg(a.id));
    a.createdMs = old->createdMs;
    a.updatedMs = QDateTime::currentMSecsSinceEpoch();
    return inTransaction(QStringLiteral("cannot store annotation %1").arg(a.id), [&] {
        return writeAnnotation(a, false) && auditAnnotation(QStringLiteral("edit"), a);
    });
}

bool Project::removeAnnotation(std::int64_t id)
{
    const std::optional<Annotation> old = annotation(id);
    if (!old)
        return fail(QStringLiteral("annotation %1 is not in the project").arg(id));
    return inTransaction(QStringLiteral("cannot delete annotation %1").arg(id), [&] {
        return mDs->GetLayerByName(kAnnotations)->DeleteFeature(id) == OGRERR_NONE &&
               auditAnnotation(QStringLiteral("delete"), *old);
    });
}

bool Project::restoreAnnotation(Annotation a)
{
    if (!a.id || annotation(a.id))
        return fail(QStringLiteral("annotation %1 cannot be restored over another").arg(a.id));
    return inTransaction(QStringLiteral("cannot restore annotation %1").arg(a.id), [&] {
        return writeAnnotation(a, true) && auditAnnotation(QStringLiteral("restore"), a);
    });
}

} // namespace sightline
