#include "../catchstringmakers.h"

#include "fixtures.h"
#include "layers/sightinglayer.h"
#include "project/projectsession.h"
#include "render/maprenderer.h"
#include "util/gdalutil.h"

#include <QTemporaryDir>
#include <QUndoStack>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace sightline;

namespace {

Annotation make(Annotation::Type type, QList<QPointF> points, const QString &text = {})
{
    Annotation a;
    a.type = type;
    a.lonLat = std::move(points);
    a.text = text;
    return a;
}

QList<Annotation> everyType()
{
    Annotation callout = make(Annotation::Type::Callout, {QPointF(130.30, 42.245), QPointF(130.36, 42.30)},
                              QStringLiteral("ANGARA, loading — north quay"));
    callout.colour = QColor(0x1e, 0x88, 0xe5);
    callout.widthPx = 2.5;
    callout.fontPx = 20;
    return {
        make(Annotation::Type::Arrow, {QPointF(130.22, 42.20), QPointF(130.29, 42.24)}),
        make(Annotation::Type::Text, {QPointF(130.40, 42.30)}, QStringLiteral("Rajin")),
        callout,
        make(Annotation::Type::Rectangle, {QPointF(130.25, 42.17), QPointF(130.28, 42.19)}),
        make(Annotation::Type::Ellipse, {QPointF(130.31, 42.17), QPointF(130.35, 42.20)},
             QStringLiteral("pits")),
        make(Annotation::Type::Polygon, {QPointF(130.1, 42.1), QPointF(130.2, 42.1), QPointF(130.15, 42.2)})};
}

bool samePoints(const QList<QPointF> &a, const QList<QPointF> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (std::abs(a[i].x() - b[i].x()) > 1e-9 || std::abs(a[i].y() - b[i].y()) > 1e-9)
            return false;
    return true;
}

} // namespace

TEST_CASE("annotations of every type are stored, read back and seen by OGR as what they look like",
          "[project][annotation]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.gpkg"));
    const QList<Annotation> all = everyType();
    QList<std::int64_t> ids;
    {
        auto project = Project::create(path, nullptr);
        REQUIRE(project);
        for (const Annotation &a : all) {
            ids << project->addAnnotation(a);
            REQUIRE(ids.last() != 0);
        }
        // Not drawable: refused with a reason, nothing written.
        CHECK(project->addAnnotation(make(Annotation::Type::Text, {QPointF(130, 42)})) == 0);
        CHECK(project->lastError().contains(QStringLiteral("no text")));
        CHECK(project->addAnnotation(make(Annotation::Type::Arrow, {QPointF(130, 42)})) == 0);
    }
    const auto project = Project::open(path, Project::Mode::ReadOnly, nullptr);
    REQUIRE(project);
    const QList<Annotation> read = project->annotations();
    REQUIRE(read.size() == all.size());
    for (int i = 0; i < all.size(); ++i) {
        INFO(annotationTypeName(all[i].type).toStdString());
        CHECK(read[i].id == ids[i]);
        CHECK(read[i].type == all[i].type);
        CHECK(read[i].text == all[i].text);
        CHECK(read[i].colour == all[i].colour);
        CHECK(read[i].widthPx == all[i].widthPx);
        CHECK(read[i].fontPx == all[i].fontPx);
        CHECK(read[i].createdMs > 0);
        // A box comes back as its corners, south-west then north-east.
        CHECK(samePoints(read[i].lonLat, all[i].lonLat));
    }

    // QGIS and ogrinfo see real geometries.
    ensureGdalInitialised();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer *table = ds->GetLayerByName("annotations");
    REQUIRE(table);
    QStringList types;
    for (auto &f : *table)
        types << QString::fromLatin1(OGRGeometryTypeToName(f->GetGeometryRef()->getGeometryType()));
    CHECK(types == QStringList{QStringLiteral("Line String"), QStringLiteral("Point"),
                               QStringLiteral("Line String"), QStringLiteral("Polygon"),
                               QStringLiteral("Polygon"), QStringLiteral("Polygon")});
}

TEST_CASE("annotation edits undo and redo as stored, with an audit line each", "[project][annotation][undo]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("u.gpkg"));
    QUndoStack undo;
    std::int64_t id = 0;
    {
        ProjectSession session(Project::create(path, nullptr), &undo);
        int changed = 0;
        QObject::connect(&session, &ProjectSession::annotationsChanged, [&changed] { ++changed; });
        REQUIRE(session.addAnnotation(everyType().first()));
        id = session.lastAddedAnnotationId();
        Annotation moved = *session.project().annotation(id);
        moved.lonLat[1] = QPointF(130.30, 42.25);
        REQUIRE(session.editAnnotation(moved));
        REQUIRE(session.removeAnnotation(id));
        CHECK_FALSE(session.project().annotation(id));
        undo.undo(); // back, same id
        REQUIRE(session.project().annotation(id));
        CHECK(session.project().annotation(id)->lonLat[1] == QPointF(130.30, 42.25));
        undo.undo(); // the move undone
        CHECK(session.project().annotation(id)->lonLat[1] == QPointF(130.29, 42.24));
        undo.undo(); // gone
        CHECK(session.project().annotations().isEmpty());
        undo.redo(); // the same one again
        CHECK(session.project().annotation(id));
        CHECK(changed == 7);
        // Editing one that is not there is refused, and nothing is pushed.
        Annotation ghost = moved;
        ghost.id = 999;
        CHECK_FALSE(session.editAnnotation(ghost));
    }
    const auto reopened = Project::open(path, Project::Mode::ReadOnly, nullptr);
    REQUIRE(reopened);
    REQUIRE(reopened->annotations().size() == 1);
    QStringList actions;
    for (const AuditEntry &e : reopened->auditLog(id, QStringLiteral("annotations")))
        actions << e.action;
    CHECK(actions == QStringList{QStringLiteral("add"), QStringLiteral("edit"), QStringLiteral("delete"),
                                 QStringLiteral("restore"), QStringLiteral("edit"), QStringLiteral("delete"),
                                 QStringLiteral("restore")});
    // The sightings' history does not pick up annotation lines that share an id.
    CHECK(reopened->auditLog(id, QStringLiteral("sightings")).isEmpty());
}

TEST_CASE("a project from before annotations gets the table when opened for writing", "[project][annotation]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.gpkg"));
    REQUIRE(Project::create(path, nullptr));
    {
        ensureGdalInitialised();
        std::unique_ptr<GDALDataset> ds(
            GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        for (int i = 0; i < ds->GetLayerCount(); ++i)
            if (QLatin1String(ds->GetLayer(i)->GetName()) == QLatin1String("annotations"))
                REQUIRE(ds->DeleteLayer(i) == OGRERR_NONE);
    }
    {
        const auto readOnly = Project::open(path, Project::Mode::ReadOnly, nullptr);
        REQUIRE(readOnly);
        CHECK(readOnly->annotations().isEmpty()); // no table, no crash
    }
    const auto project = Project::open(path, Project::Mode::ReadWrite, nullptr);
    REQUIRE(project);
    CHECK(project->addAnnotation(everyType().first()) != 0);
}

TEST_CASE("annotations draw over the sightings and can be picked", "[annotation][render]")
{
    auto layer = std::make_shared<SightingLayer>(QStringLiteral("/p.gpkg"), QList<Sighting>{});
    QList<Annotation> all = everyType();
    for (int i = 0; i < all.size(); ++i)
        all[i].id = i + 1;
    layer->setAnnotations(all);
    CHECK(layer->extentWgs84().left() == Approx(130.1));
    CHECK(layer->extentWgs84().right() == Approx(130.40));

    MapSettings s =
        MapSettings::fromWgs84Extent(QRectF(QPointF(130.05, 42.05), QPointF(130.45, 42.35)), QSize(800, 600));
    s.setLayers({layer});
    const QImage image = renderMapImage(s, nullptr, Qt::white);
    // The arrow's shaft, half way along, is in its colour.
    const QPointF mid = test::expectedPixel(s, QPointF(130.255, 42.22));
    const QColor ink = image.pixelColor(mid.toPoint());
    CHECK(ink.red() > 180);
    CHECK(ink.green() < 120);
    // The rectangle is outlined, not filled solid: its middle is a light tint.
    const QColor inside = image.pixelColor(test::expectedPixel(s, QPointF(130.265, 42.18)).toPoint());
    CHECK(inside.red() > 230);
    CHECK(inside.green() > 190);

    CHECK(layer->pickAnnotation(QPointF(130.255, 42.22), s) == 1);
    CHECK(layer->pickAnnotation(QPointF(130.265, 42.18), s) == 4); // inside a highlight
    CHECK(layer->pickAnnotation(QPointF(130.12, 42.30), s) == 0);
}
