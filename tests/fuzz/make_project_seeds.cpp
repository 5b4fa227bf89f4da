// Writes the seed corpus of fuzz_project: small real project files, sound, older, damaged and
// newer, made through Project like any other, then packed into 512-byte SQLite pages so that the
// fuzzer's mutations land in what matters. Usage: sightline_fuzz_project_seeds OUT_DIR
#include "project/project.h"
#include "util/gdalutil.h"

#include <gdal_priv.h>

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTextStream>

using namespace sightline;

namespace {

bool runSql(const QString &path, const QStringList &sql)
{
    GdalErrorCapture capture;
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                              drivers, nullptr, nullptr));
    if (!ds)
        return false;
    for (const QString &statement : sql)
        if (OGRLayer *result = ds->ExecuteSQL(statement.toUtf8().constData(), nullptr, nullptr))
            ds->ReleaseResultSet(result);
    if (capture.hasErrors())
        QTextStream(stderr) << path << ": " << capture.message() << "\n";
    return !capture.hasErrors();
}

bool makeProject(const QString &path)
{
    QFile::remove(path);
    auto p = Project::create(path, nullptr);
    if (!p)
        return false;
    Sighting s;
    s.kind = QStringLiteral("rail cars");
    s.geometry.type = SightingGeometry::Type::MultiPoint;
    s.geometry.lonLat = {QPointF(130.47, 42.43), QPointF(130.471, 42.43)};
    s.count = 2;
    s.notes = QStringLiteral("flat cars");
    Sighting pits;
    pits.kind = QStringLiteral("pits");
    pits.geometry.type = SightingGeometry::Type::Polygon;
    pits.geometry.lonLat = {QPointF(40.0, 45.8), QPointF(40.1, 45.8), QPointF(40.1, 45.9)};
    Annotation a;
    a.type = Annotation::Type::Arrow;
    a.lonLat = {QPointF(130.3, 42.2), QPointF(131.8, 43.1)};
    MovementEvent e;
    e.type = EventType::Gap;
    e.mmsi = 273145020;
    e.startMs = 1692489600000;
    e.endMs = e.startMs + 108000000;
    e.from = QPointF(130.3, 42.2);
    e.to = QPointF(131.8, 43.1);
    return p->addSighting(s) && p->addSighting(pits) && p->addAnnotation(a) &&
           p->replaceEvents(QStringLiteral("gaps"), {EventType::Gap}, {e}, {}) &&
           p->setBriefDefinition(QJsonObject{{QStringLiteral("title"), QStringLiteral("Case")}}) &&
           p->setLayers(
               {ProjectLayer{QStringLiteral("ports.geojson"), {}, QStringLiteral("Ports"), true, 1.0, {}}}) &&
           p->setViews({SavedView{QStringLiteral("Rajin"), QRectF(130.2, 42.1, 0.3, 0.3)}}) &&
           p->setCurrentView(QRectF(129, 41, 4, 3));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        QTextStream(stderr) << "usage: sightline_fuzz_project_seeds OUT_DIR\n";
        return 2;
    }
    ensureGdalInitialised();
    const QDir out(QString::fromLocal8Bit(argv[1]));
    if (!out.mkpath(QStringLiteral(".")))
        return 1;
    const QString sound = out.filePath(QStringLiteral("sound.gpkg"));
    if (!makeProject(sound))
        return 1;
    const struct
    {
        const char *name;
        QStringList sql;
    } variants[] = {
        {"older.gpkg",
         {QStringLiteral("DROP TABLE annotations"), QStringLiteral("DROP TABLE sightline_briefs")}},
        {"damaged.gpkg",
         {QStringLiteral("DROP TABLE sightline_audit"),
          QStringLiteral("ALTER TABLE sightings RENAME COLUMN kind TO what")}},
        {"newer.gpkg",
         {QStringLiteral("UPDATE sightline_project SET value = '2' WHERE key = 'schema_version'")}},
    };
    QStringList all{sound};
    for (const auto &v : variants) {
        const QString path = out.filePath(QLatin1String(v.name));
        QFile::remove(path);
        if (!QFile::copy(sound, path) || !runSql(path, v.sql))
            return 1;
        all << path;
    }
    for (const QString &path : std::as_const(all))
        if (!runSql(path, {QStringLiteral("PRAGMA page_size = 512"), QStringLiteral("VACUUM")}))
            return 1;
    return 0;
}
