#include "../catchstringmakers.h"

#include "tracks/rtreepacking.h"
#include "tracks/trackgeopackage.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"
#include "util/gdalutil.h"

#include <QFile>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <random>
#include <set>

using namespace sightline;

namespace {

/// `count` positions of 50 vessels scattered over the Sea of Japan, from a fixed seed.
TrackStore scatteredPositions(std::size_t count, unsigned seed, std::int64_t firstTimeMs)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> lon(128.0, 142.0), lat(34.0, 48.0);
    TrackStore store;
    for (std::size_t i = 0; i < count; ++i)
        store.append({std::uint32_t(273000000 + i % 50), firstTimeMs + std::int64_t(i) * 1000, lon(random),
                      lat(random)});
    store.finalize();
    return store;
}

QString sqlText(GDALDataset *ds, const char *sql)
{
    OGRLayer *result = ds->ExecuteSQL(sql, nullptr, nullptr);
    REQUIRE(result);
    OGRFeatureUniquePtr row{result->GetNextFeature()};
    const QString text = row ? QString::fromUtf8(row->GetFieldAsString(0)) : QString();
    ds->ReleaseResultSet(result);
    return text;
}

/// Whether the project's position index is sound and answers a window query exactly as a
/// scan of every position does.
void checkPositionIndex(const QString &path, std::size_t expectedRows)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    CHECK(sqlText(ds.get(), "SELECT rtreecheck('rtree_ais_positions_geom')") == QStringLiteral("ok"));
    CHECK(sqlText(ds.get(), "SELECT count(*) FROM rtree_ais_positions_geom").toULongLong() == expectedRows);
    CHECK(sqlText(ds.get(), "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                            "name = 'rtree_ais_positions_geom_insert'") == QStringLiteral("1"));

    OGRLayer *positions = ds->GetLayerByName("ais_positions");
    REQUIRE(positions);
    const double minX = 131.2, maxX = 133.9, minY = 40.1, maxY = 41.7;
    std::set<GIntBig> scanned;
    positions->SetSpatialFilter(nullptr);
    positions->ResetReading();
    while (OGRFeatureUniquePtr f{positions->GetNextFeature()}) {
        const auto *p = f->GetGeometryRef()->toPoint();
        if (p->getX() >= minX && p->getX() <= maxX && p->getY() >= minY && p->getY() <= maxY)
            scanned.insert(f->GetFID());
    }
    // The filter asks the R-tree first, then tests each candidate's geometry.
    std::set<GIntBig> indexed;
    positions->SetSpatialFilterRect(minX, minY, maxX, maxY);
    positions->ResetReading();
    while (OGRFeatureUniquePtr f{positions->GetNextFeature()})
        indexed.insert(f->GetFID());
    CHECK(scanned.size() > 100);
    CHECK(indexed == scanned);
}

TrackGeoPackage::WriteResult appendTo(const QString &path, const QString &name, const TrackStore &store)
{
    const QString source = QFileInfo(path).absolutePath() + QLatin1Char('/') + name;
    QFile f(source);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(name.toUtf8()); // its SHA-256 tells the imports apart
    f.close();
    return TrackGeoPackage::append(path, source, store, VesselRegistry{}, QStringLiteral("test"));
}

} // namespace

TEST_CASE("Packed R-tree: every entry in exactly one full leaf, each parent box holding its children",
          "[tracks][rtree]")
{
    std::vector<RTreeEntry> entries;
    std::mt19937 random(7);
    std::uniform_real_distribution<double> coordinate(-180.0, 180.0);
    for (std::int64_t id = 1; id <= 1000; ++id)
        entries.push_back(rtreeEntryForPoint(id, coordinate(random), coordinate(random) / 2));
    const PackedRTree tree = packRTree(entries, 7);

    REQUIRE(tree.levels.size() == 4); // 1000 → 143 leaves → 21 → 3 → the root
    CHECK(tree.levels.back().size() == 1);
    std::set<std::int64_t> ids;
    std::size_t partialLeaves = 0;
    for (const auto &leaf : tree.levels[0]) {
        CHECK(leaf.size() <= 7);
        partialLeaves += leaf.size() < 7 ? 1 : 0;
        for (const RTreeEntry &e : leaf)
            CHECK(ids.insert(e.id).second);
    }
    CHECK(ids.size() == 1000);
    CHECK(partialLeaves <= 12); // one a slice at most: the leaves are packed full
    for (std::size_t level = 1; level < tree.levels.size(); ++level)
        for (const auto &node : tree.levels[level])
            for (const RTreeEntry &cell : node)
                for (const RTreeEntry &child : tree.levels[level - 1][std::size_t(cell.id)]) {
                    CHECK(child.minX >= cell.minX);
                    CHECK(child.maxX <= cell.maxX);
                    CHECK(child.minY >= cell.minY);
                    CHECK(child.maxY <= cell.maxY);
                }
}

TEST_CASE("A point's R-tree box holds the point though single precision cannot", "[tracks][rtree]")
{
    const double x = 130.12345678901, y = -42.98765432109;
    const RTreeEntry e = rtreeEntryForPoint(1, x, y);
    CHECK(double(e.minX) <= x);
    CHECK(double(e.maxX) >= x);
    CHECK(double(e.minY) <= y);
    CHECK(double(e.maxY) >= y);
    CHECK(e.maxX - e.minX < 1e-4f);
}

TEST_CASE("A large import indexes its positions in one pass, and the index is sound and exact",
          "[tracks][rtree]")
{
    ensureGdalInitialised();
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));

    // Large enough to be packed: the insert trigger is set aside, then put back.
    const TrackStore first = scatteredPositions(30000, 1, 1700000000000);
    REQUIRE(appendTo(project, QStringLiteral("day1.csv"), first).positionsWritten == 30000);
    checkPositionIndex(project, 30000);

    // A second large day: the tree is packed anew over both.
    const TrackStore second = scatteredPositions(25000, 2, 1700100000000);
    REQUIRE(appendTo(project, QStringLiteral("day2.csv"), second).positionsWritten == 25000);
    checkPositionIndex(project, 55000);

    // A small one goes through the trigger, into the packed tree.
    const TrackStore third = scatteredPositions(300, 3, 1700200000000);
    REQUIRE(appendTo(project, QStringLiteral("day3.csv"), third).positionsWritten == 300);
    checkPositionIndex(project, 55300);
}
