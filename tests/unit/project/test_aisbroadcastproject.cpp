#include "../catchstringmakers.h"
#include "../testfiles.h"

#include "aissentences.h"

#include "layers/eventlayer.h"
#include "layers/layer.h"
#include "layers/vectorlayer.h"
#include "project/project.h"
#include "project/projectlayers.h"
#include "project/sourcepolicy.h"
#include "project/trackimport.h"
#include "tracks/aisbroadcasttables.h"

#include <QFile>
#include <QTemporaryDir>

#include <algorithm>

using namespace sightline;
using namespace sightline::test;

namespace {

constexpr std::int64_t kT0 = 1692100800; // 2023-08-15 12:00:00 UTC
constexpr std::uint32_t kShip = 273145020;
constexpr std::uint32_t kOther = 273219530;

QString coastLog(const QTemporaryDir &dir)
{
    std::string log;
    log += aisLine(positionReport(kShip, 131.10, 42.30), "rcv-north", kT0, 'A');
    log += aisLine(baseStationReport(2734001, 131.00, 42.20), "rcv-north", kT0 + 5, 'A');
    log += aisLine(baseStationReport(2734002, 131.40, 42.60), "rcv-south", kT0 + 7, 'B');
    log += aisLine(safetyBroadcast(kShip, "MAN OVERBOARD"), "rcv-north", kT0 + 30, 'A');
    log += aisLine(positionReport(kShip, 131.12, 42.31), "rcv-south", kT0 + 60, 'B');
    log += aisLine(addressedSafety(kShip, kOther, "KEEP CLEAR"), "rcv-south", kT0 + 90, 'B');
    log += aisLine(aidToNavigation(992731001, 20, "NORTH CARDINAL", 131.05, 42.25, true, false), "rcv-north",
                   kT0 + 100, 'A');
    log += aisLine(safetyBroadcast(kOther, "NO TIME FOR THIS ONE")); // no tag block: kept, off the timeline
    const QString path = dir.filePath(QStringLiteral("coast.nmea"));
    writeFile(path, QByteArray::fromStdString(log));
    return path;
}

} // namespace

TEST_CASE("an import into a project keeps receivers, aids and safety messages; the events show the messages",
          "[project][tracks][ais]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.gpkg"));
    auto project = Project::create(path, nullptr);
    REQUIRE(project);
    // Opened before the import made the tables: the events must still find the messages.
    CHECK(project->events().empty());

    const TrackImportResult r = importTrackFile(path, coastLog(dir));
    INFO(r.error.toStdString());
    REQUIRE(r.outcome == TrackImportResult::Outcome::Imported);
    CHECK(r.baseStationsKept == 2);
    CHECK(r.aidsToNavigationKept == 1);
    CHECK(r.safetyMessagesKept == 3);

    const std::vector<MovementEvent> events = project->events();
    std::vector<MovementEvent> safety;
    std::copy_if(events.begin(), events.end(), std::back_inserter(safety),
                 [](const MovementEvent &e) { return e.type == EventType::SafetyMessage; });
    REQUIRE(safety.size() == 2); // the one with no time has no place on a timeline
    const MovementEvent &broadcast = safety[0].details.contains(QStringLiteral("dest_mmsi")) ? safety[1] : safety[0];
    const MovementEvent &addressed = &broadcast == &safety[0] ? safety[1] : safety[0];
    CHECK(broadcast.mmsi == kShip);
    CHECK(broadcast.startMs == (kT0 + 30) * 1000);
    CHECK(broadcast.id < 0); // never meets an analysis event's id
    CHECK(broadcast.from.x() == Approx(131.10).margin(1e-5));
    CHECK(broadcast.summary().contains(QStringLiteral("MAN OVERBOARD")));
    CHECK(broadcast.summary().contains(QStringLiteral("rcv-north")));
    CHECK(addressed.details.value(QStringLiteral("dest_mmsi")).toInteger() == kOther);
    CHECK(addressed.summary().contains(QStringLiteral("to MMSI %1").arg(kOther)));
    CHECK(eventTypeLabel(EventType::SafetyMessage) == QStringLiteral("Safety message"));
    CHECK(eventTypeFromKey(QStringLiteral("safety-message")) == EventType::SafetyMessage);

    // An analysis run replaces its own events only: the messages stay.
    REQUIRE(project->replaceEvents(QStringLiteral("gaps"), {EventType::Gap}, {}, {}));
    const std::vector<MovementEvent> after = project->events();
    CHECK(std::count_if(after.begin(), after.end(),
                        [](const MovementEvent &e) { return e.type == EventType::SafetyMessage; }) == 2);
}

TEST_CASE("a project with receivers and aids lists and opens them as point layers, once",
          "[project][tracks][ais]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.gpkg"));
    auto project = Project::create(path, nullptr);
    REQUIRE(project);
    REQUIRE(importTrackFile(path, coastLog(dir)).outcome == TrackImportResult::Outcome::Imported);

    const QList<ProjectLayer> entries = projectLayerEntries(*project);
    QStringList names;
    for (const ProjectLayer &e : entries)
        names << e.name;
    CHECK(names == QStringList{QStringLiteral("AIS tracks"), QStringLiteral("Receivers"),
                               QStringLiteral("Aids to navigation")});

    QStringList problems;
    const auto layers = openProjectLayers(*project, SourcePermissions{}, &problems);
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    CHECK(problems.isEmpty());
    const auto find = [&](const QString &name) -> std::shared_ptr<Layer> {
        for (const auto &l : layers)
            if (l->name() == name)
                return l;
        return nullptr;
    };
    REQUIRE(find(QStringLiteral("AIS tracks")));
    CHECK(find(QStringLiteral("AIS tracks"))->kind() == Layer::Kind::Track);
    const auto receivers = std::dynamic_pointer_cast<VectorLayer>(find(QStringLiteral("Receivers")));
    REQUIRE(receivers);
    CHECK(receivers->data().features().size() == 2);
    CHECK(receivers->style().symbol.shape == VectorSymbol::Shape::Triangle);
    const auto aids = std::dynamic_pointer_cast<VectorLayer>(find(QStringLiteral("Aids to navigation")));
    REQUIRE(aids);
    CHECK(aids->data().features().size() == 1);
    CHECK(aids->style().labelField == QStringLiteral("name"));
    // Identify on a receiver tells the span it was heard.
    const QList<LayerProperty> attributes = receivers->attributes(0);
    const bool hasSpan = std::any_of(attributes.begin(), attributes.end(), [](const LayerProperty &p) {
        return p.first == QLatin1String("heard") &&
               p.second == QStringLiteral("2023-08-15 12:00:05 – 2023-08-15 12:00:05 UTC");
    });
    CHECK(hasSpan);
    const auto events = std::find_if(layers.begin(), layers.end(),
                                     [](const auto &l) { return l->kind() == Layer::Kind::Event; });
    REQUIRE(events != layers.end());

    // Saved in the layer list (as the workbench does), they are opened from it, not added again.
    QList<ProjectLayer> saved = entries;
    saved[1].visible = false;
    REQUIRE(project->setLayers(saved));
    const QList<ProjectLayer> again = projectLayerEntries(*project);
    CHECK(again.size() == 3);
    const auto reopened = openProjectLayers(*project, SourcePermissions{}, &problems);
    CHECK(problems.isEmpty());
    const auto hidden = std::find_if(reopened.begin(), reopened.end(),
                                     [](const auto &l) { return l->name() == QLatin1String("Receivers"); });
    REQUIRE(hidden != reopened.end());
    CHECK_FALSE((*hidden)->isVisible());
    CHECK((*hidden)->kind() == Layer::Kind::Vector);
}

TEST_CASE("a project renamed or received under another name still opens its own tables, once",
          "[project][tracks][ais]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.gpkg"));
    {
        auto project = Project::create(path, nullptr);
        REQUIRE(project);
        REQUIRE(importTrackFile(path, coastLog(dir)).outcome == TrackImportResult::Outcome::Imported);
        // Saved as the workbench saves it: the tracks, receivers and aids are layers of this file.
        REQUIRE(project->setLayers(projectLayerEntries(*project)));
    }
    // The analyst who receives it keeps the sender's copy beside it under the old name.
    const QString received = dir.filePath(QStringLiteral("case-received.gpkg"));
    REQUIRE(QFile::copy(path, received));
    auto project = Project::open(received, Project::Mode::ReadOnly, nullptr);
    REQUIRE(project);
    const QList<ProjectLayer> entries = projectLayerEntries(*project);
    QStringList names;
    for (const ProjectLayer &e : entries) {
        names << e.name;
        INFO(e.name.toStdString() << " from " << e.source.toStdString());
        CHECK(e.source == project->path());
    }
    CHECK(names == QStringList{QStringLiteral("AIS tracks"), QStringLiteral("Receivers"),
                               QStringLiteral("Aids to navigation")});
}
