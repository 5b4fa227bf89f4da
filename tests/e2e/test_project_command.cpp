#include <catch2/catch.hpp>

#include "project/project.h"
#include "sightlineprocess.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>

using namespace sightline;
using namespace sightline::test;

namespace {
const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);
} // namespace

TEST_CASE("the demo project is made with the command line and renders its sightings", "[e2e][project]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    Run r = runSightline({QStringLiteral("project"), QStringLiteral("create"), project,
                          kDemo + QStringLiteral("/basemap_fareast_landsea.tif"),
                          kDemo + QStringLiteral("/vector/ports_APPROXIMATE.geojson"),
                          kDemo + QStringLiteral("/vector/rail_facilities_APPROXIMATE.geojson"),
                          QStringLiteral("--extent"), QStringLiteral("130.25,42.15,130.75,42.45")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("3 layer(s)")));
    r = runSightline({QStringLiteral("sightings"), QStringLiteral("import"),
                      kDemo + QStringLiteral("/sightings/case_sightings_ILLUSTRATIVE.geojson"),
                      QStringLiteral("--project"), project});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);

    r = runSightline({QStringLiteral("project"), QStringLiteral("info"), project});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("layer\tports_APPROXIMATE")));
    CHECK(r.out.contains(QStringLiteral("view\t130.25,42.15,130.75,42.45")));
    CHECK(r.out.contains(QStringLiteral("sightings\t8")));

    // The case as reported: both ships at Rajin, Maria at Dunai on 14 Oct, 73 rail cars counted at Tumangang.
    const auto opened = Project::open(project, Project::Mode::ReadOnly, nullptr);
    REQUIRE(opened);
    REQUIRE(opened->layers().size() == 3);
    for (const ProjectLayer &l : opened->layers())
        CHECK(QFile::exists(l.source));
    QStringList titles;
    int railCars = 0;
    for (const Sighting &s : opened->sightings()) {
        titles << s.title();
        if (s.kind == QLatin1String("rail cars")) {
            railCars = s.count;
            CHECK(s.geometry.type == SightingGeometry::Type::MultiPoint);
            CHECK(s.geometry.lonLat.size() == 73);
        }
        CHECK(!s.imageryProvider.isEmpty());
        CHECK(s.notes.contains(QStringLiteral("20"))); // each names its report and its date
    }
    CHECK(railCars == 73);
    CHECK(titles.contains(QStringLiteral("Vessel: ANGARA")));
    CHECK(titles.contains(QStringLiteral("Vessel: MARIA")));

    // Rendered on its saved view, the count's purple marks show at Tumangang.
    const QString png = dir.filePath(QStringLiteral("case.png"));
    r = runSightline({QStringLiteral("render"), QStringLiteral("--project"), project,
                      QStringLiteral("--size"), QStringLiteral("1000x600"), QStringLiteral("-o"), png});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QImage image(png);
    REQUIRE(image.size() == QSize(1000, 600));
    int purple = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            purple += c.blue() > 150 && c.red() > 90 && c.red() < 160 && c.green() < 100;
        }
    CHECK(purple > 20);
}

TEST_CASE("project create refuses what it cannot do and names the file", "[e2e][project]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gpkg"));

    // A missing layer is named and left out; the others make the project (exit 1).
    Run r = runSightline({QStringLiteral("project"), QStringLiteral("create"), project,
                          kDemo + QStringLiteral("/vector/ports_APPROXIMATE.geojson"),
                          dir.filePath(QStringLiteral("gone.tif"))});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("gone.tif")));
    REQUIRE(Project::isProject(project));

    // An existing file is never overwritten.
    const QByteArray before = [&] {
        QFile f(project);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    r = runSightline({QStringLiteral("project"), QStringLiteral("create"), project});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(project));
    QFile f(project);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == before);

    r = runSightline({QStringLiteral("project"), QStringLiteral("create"),
                      dir.filePath(QStringLiteral("q.gpkg")), QStringLiteral("--extent"),
                      QStringLiteral("1,2,3")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("--extent")));

    r = runSightline(
        {QStringLiteral("project"), QStringLiteral("info"), dir.filePath(QStringLiteral("none.gpkg"))});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("none.gpkg")));
}
