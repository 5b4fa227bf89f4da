#include "../catchstringmakers.h"

#include "layers/vectoredit.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace sightline;

TEST_CASE("drawn features save to GeoJSON and GeoPackage and read back the same", "[vector][edit]")
{
    QTemporaryDir dir;
    for (const char *name : {"drawn.geojson", "drawn.gpkg"}) {
        CAPTURE(name);
        const QString path = dir.filePath(QString::fromLatin1(name));
        auto data = vectoredit::emptyDrawingLayer(path, QStringLiteral("drawn"));
        data = vectoredit::withFeature(
            *data,
            vectoredit::makeFeature(
                VectorFeature::Kind::Polygon,
                {QPointF(130.28, 42.23), QPointF(130.31, 42.23), QPointF(130.31, 42.25)},
                {QStringLiteral("Quay 3"), QStringLiteral("port"), QStringLiteral("seen 2023-09-01")}));
        data = vectoredit::withFeature(
            *data, vectoredit::makeFeature(VectorFeature::Kind::Line,
                                           {QPointF(130.30, 42.24), QPointF(130.62, 42.40)},
                                           {QStringLiteral("spur"), QStringLiteral("rail"), QString()}));
        QString error;
        REQUIRE(vectoredit::save(*data, path, &error));
        auto back = VectorData::load(path, QString(), &error);
        INFO(error.toStdString());
        REQUIRE(back);
        REQUIRE(back->features().size() == 2);
        CHECK(back->features()[0].points.size() == 4); // the ring was closed
        CHECK(back->value(back->features()[0], QStringLiteral("notes")) == QStringLiteral("seen 2023-09-01"));
        CHECK(back->features()[1].kind == VectorFeature::Kind::Line);
        // No temporary file is left beside it.
        CHECK(QDir(dir.path())
                  .entryList(QStringList{QStringLiteral(".*saving*")}, QDir::Files | QDir::Hidden)
                  .isEmpty());
    }
}

TEST_CASE("moving a ring's first corner moves its closing one too, and snapshots are independent",
          "[vector][edit]")
{
    auto data = vectoredit::emptyDrawingLayer(QStringLiteral("x.geojson"), QStringLiteral("x"));
    data = vectoredit::withFeature(
        *data, vectoredit::makeFeature(VectorFeature::Kind::Polygon,
                                       {QPointF(0, 0), QPointF(1, 0), QPointF(1, 1)}, {}));
    const auto moved = vectoredit::withVertexMoved(*data, 0, 0, QPointF(-1, -1));
    CHECK(moved->features()[0].points.front() == QPointF(-1, -1));
    CHECK(moved->features()[0].points.back() == QPointF(-1, -1));
    CHECK(data->features()[0].points.front() == QPointF(0, 0)); // the earlier snapshot is untouched
    CHECK(moved->extent().left() == -1);
    CHECK(vectoredit::withoutFeature(*moved, 0)->features().empty());
}

TEST_CASE("a save that cannot be written leaves the old file whole", "[vector][edit][bad-input]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("keep.geojson"));
    auto data = vectoredit::emptyDrawingLayer(path, QStringLiteral("keep"));
    data = vectoredit::withFeature(
        *data, vectoredit::makeFeature(VectorFeature::Kind::Line, {QPointF(0, 0), QPointF(1, 1)},
                                       {QStringLiteral("a"), QStringLiteral("rail"), QString()}));
    QString error;
    REQUIRE(vectoredit::save(*data, path, &error));
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    // Something stands where the temporary file would go: the save fails, the file stays.
    REQUIRE(QDir(dir.path()).mkdir(QStringLiteral(".keep.saving.geojson")));
    QDir(dir.filePath(QStringLiteral(".keep.saving.geojson"))).mkdir(QStringLiteral("inside"));
    CHECK_FALSE(vectoredit::save(*vectoredit::withoutFeature(*data, 0), path, &error));
    CHECK(error.contains(path));
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == before);
}
