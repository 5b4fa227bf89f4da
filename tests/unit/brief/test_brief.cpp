#include "../catchstringmakers.h"

#include "brief/brief.h"
#include "brief/briefcontent.h"
#include "brief/briefflow.h"
#include "brief/briefinputs.h"
#include "brief/briefwriter.h"
#include "layers/tracklayer.h"
#include "project/project.h"
#include "map/mapsettings.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <stdexcept>

using namespace sightline;

namespace {

Brief caseBrief()
{
    Brief b;
    b.title = QStringLiteral("ANGARA and MARIA");
    b.subtitle = QStringLiteral("Rajin–Dunai");
    b.marking = QStringLiteral("UNCLASSIFIED // TRAINING");
    b.authors = QStringLiteral("analyst one");
    b.date = QStringLiteral("16 October 2023");
    b.keyJudgments = {QStringLiteral("Two ships shuttle."), QStringLiteral("Both go dark.")};
    b.page.size = QPageSize::Letter;
    b.page.orientation = QPageLayout::Landscape;
    b.page.dpi = 300;
    BriefBlock section;
    section.heading = QStringLiteral("Summary");
    section.text = QStringLiteral("One.\n\n- two\n- three");
    BriefBlock figure;
    figure.kind = BriefBlock::Kind::Figure;
    figure.figure.view = QStringLiteral("Rajin");
    figure.figure.extentWgs84 = QRectF(QPointF(130.2, 42.2), QPointF(130.4, 42.3));
    figure.figure.layers = {QStringLiteral("Basemap"), QStringLiteral("Sightings")};
    figure.figure.fromMs = parseUtcIso(QStringLiteral("2023-10-01T00:00:00Z"));
    figure.figure.toMs = parseUtcIso(QStringLiteral("2023-10-20T00:00:00Z"));
    figure.figure.heightMm = 90;
    figure.figure.caption = QStringLiteral("Rajin port");
    figure.figure.inset = false;
    figure.figure.graticule = false;
    BriefBlock events;
    events.kind = BriefBlock::Kind::EventsTable;
    events.eventTypes = {QStringLiteral("gap"), QStringLiteral("round-trip")};
    b.blocks = {section, figure, events};
    for (BriefBlock::Kind kind :
         {BriefBlock::Kind::SightingsTable, BriefBlock::Kind::VesselsTable, BriefBlock::Kind::Timeline,
          BriefBlock::Kind::Sources, BriefBlock::Kind::PageBreak}) {
        BriefBlock block;
        block.kind = kind;
        b.blocks << block;
    }
    return b;
}

FlowItem item(double height, bool keepWithNext = false)
{
    FlowItem i;
    i.height = height;
    i.keepWithNext = keepWithNext;
    return i;
}

QList<int> itemsOn(const FlowPages &pages, int page)
{
    QList<int> out;
    for (const FlowPlacement &p : pages[page])
        out << p.item;
    return out;
}

/// A vector layer whose renderer throws, as one with a bug would, in views narrower than `below`
/// pixels (the figure's small locator map) or in every view.
class ThrowingLayer : public Layer
{
public:
    explicit ThrowingLayer(int below)
        : mBelow(below)
    {
        setName(QStringLiteral("Broken"));
    }
    Kind kind() const override { return Kind::Vector; }
    QString source() const override { return QStringLiteral("broken.geojson"); }
    Crs crs() const override { return Crs::wgs84(); }
    QRectF extent() const override { return QRectF(QPointF(129, 41), QPointF(134, 44)); }
    QRectF extentWgs84() const override { return extent(); }
    QList<LayerProperty> properties() const override { return {}; }
    std::unique_ptr<LayerRenderer> createRenderer(const MapSettings &settings) const override
    {
        return std::make_unique<Renderer>(settings.outputSize().width() < mBelow);
    }
    std::shared_ptr<Layer> snapshot() const override { return std::make_shared<ThrowingLayer>(*this); }

private:
    class Renderer : public LayerRenderer
    {
    public:
        explicit Renderer(bool throws)
            : mThrows(throws)
        {
        }
        bool render(QPainter &, const std::atomic<bool> &) override
        {
            if (mThrows)
                throw std::runtime_error("corrupt geometry");
            return true;
        }

    private:
        bool mThrows;
    };
    int mBelow;
};

QStringList problemsOfFigureWith(const std::shared_ptr<Layer> &layer)
{
    Brief brief;
    brief.title = QStringLiteral("Broken layer");
    BriefBlock figure;
    figure.kind = BriefBlock::Kind::Figure;
    figure.figure.extentWgs84 = QRectF(QPointF(130, 42), QPointF(131, 43));
    figure.figure.inset = true;
    figure.figure.caption = QStringLiteral("A figure");
    brief.blocks = {figure};
    BriefInputs inputs;
    inputs.layers = {layer};
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    BriefExportResult result;
    QString error;
    REQUIRE(writeBriefPdf(brief, inputs, pdf, &result, &error));
    CHECK(pdf.size() > 0);
    return result.problems;
}

} // namespace

TEST_CASE("a brief survives JSON unchanged, every kind of block included", "[brief]")
{
    const Brief brief = caseBrief();
    QString error;
    const Brief back = briefFromJson(briefToJson(brief), &error);
    CHECK(error.isEmpty());
    CHECK(back == brief);
    CHECK(back.figureCount() == 1);
    const QJsonObject json = briefToJson(brief);
    CHECK(json.value(QStringLiteral("page")).toObject().value(QStringLiteral("size")).toString() ==
          QStringLiteral("Letter"));
    CHECK(json.value(QStringLiteral("page")).toObject().value(QStringLiteral("preset")).toString() ==
          QStringLiteral("print"));
}

TEST_CASE("a bad brief definition is refused with the block and the value at fault", "[brief]")
{
    QJsonObject json = briefToJson(caseBrief());
    QString error;

    QJsonArray blocks = json.value(QStringLiteral("blocks")).toArray();
    QJsonObject second = blocks[1].toObject();
    second[QStringLiteral("kind")] = QStringLiteral("chart");
    blocks[1] = second;
    QJsonObject bad = json;
    bad[QStringLiteral("blocks")] = blocks;
    briefFromJson(bad, &error);
    CHECK(error == QStringLiteral("block 2: unknown kind \"chart\""));

    blocks = json.value(QStringLiteral("blocks")).toArray();
    QJsonObject figure = blocks[1].toObject();
    QJsonObject f = figure.value(QStringLiteral("figure")).toObject();
    f[QStringLiteral("extent")] = QJsonArray{131, 42, 130, 43};
    figure[QStringLiteral("figure")] = f;
    blocks[1] = figure;
    bad = json;
    bad[QStringLiteral("blocks")] = blocks;
    briefFromJson(bad, &error);
    CHECK(error.startsWith(QStringLiteral("block 2: \"extent\"")));

    blocks = json.value(QStringLiteral("blocks")).toArray();
    QJsonObject events = blocks[2].toObject();
    events[QStringLiteral("eventTypes")] = QJsonArray{QStringLiteral("gaps")};
    blocks[2] = events;
    bad = json;
    bad[QStringLiteral("blocks")] = blocks;
    briefFromJson(bad, &error);
    CHECK(error == QStringLiteral("block 3: unknown event type \"gaps\""));

    bad = json;
    QJsonObject page = bad.value(QStringLiteral("page")).toObject();
    page[QStringLiteral("size")] = QStringLiteral("B5");
    bad[QStringLiteral("page")] = page;
    briefFromJson(bad, &error);
    CHECK(error.contains(QStringLiteral("\"B5\"")));

    bad = json;
    page = bad.value(QStringLiteral("page")).toObject();
    page[QStringLiteral("preset")] = QStringLiteral("poster");
    bad[QStringLiteral("page")] = page;
    briefFromJson(bad, &error);
    CHECK(error.contains(QStringLiteral("\"poster\"")));
}

TEST_CASE("presets set the imagery resolution", "[brief]")
{
    QString error;
    QJsonObject json = briefToJson(caseBrief());
    QJsonObject page = json.value(QStringLiteral("page")).toObject();
    page[QStringLiteral("preset")] = QStringLiteral("screen");
    json[QStringLiteral("page")] = page;
    CHECK(briefFromJson(json, &error).page.dpi == 150);
    page[QStringLiteral("preset")] = QStringLiteral("custom");
    page[QStringLiteral("dpi")] = 200;
    json[QStringLiteral("page")] = page;
    CHECK(briefFromJson(json, &error).page.dpi == 200);
    CHECK(briefPresetName(200) == QStringLiteral("custom"));
}

TEST_CASE("the built-in templates load, and a template's {project} becomes the project's title", "[brief]")
{
    for (const QString &name : builtInBriefTemplates()) {
        QString error;
        const auto brief = loadBriefTemplate(name, &error);
        INFO(error.toStdString());
        REQUIRE(brief);
        CHECK(brief->title == QStringLiteral("{project}"));
        CHECK(brief->figureCount() >= 1);
        CHECK(instantiateBriefTemplate(*brief, QStringLiteral("case")).title == QStringLiteral("case"));
    }
    CHECK(loadBriefTemplate(QStringLiteral("letter"), nullptr)->page.size == QPageSize::Letter);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("{\"blocks\": [{\"kind\": \"section\"}, {\"kind\": \"map\"}]}");
    file.close();
    QString error;
    CHECK_FALSE(loadBriefTemplate(path, &error));
    CHECK(error.contains(path));
    CHECK(error.contains(QStringLiteral("block 2")));
    CHECK_FALSE(loadBriefTemplate(dir.filePath(QStringLiteral("none.json")), &error));
    CHECK(error.contains(QStringLiteral("none.json")));
}

TEST_CASE("pages: headings stay with what follows, tables repeat their header, figures float", "[brief]")
{
    SECTION("items fill a page, then the next")
    {
        const FlowPages pages = paginateFlow({item(40), item(40), item(40)}, 100);
        REQUIRE(pages.size() == 2);
        CHECK(itemsOn(pages, 0) == QList<int>{0, 1});
        CHECK(itemsOn(pages, 1) == QList<int>{2});
        CHECK(pages[0][1].y == 40);
    }
    SECTION("a heading is never the last thing on a page")
    {
        const FlowPages pages = paginateFlow({item(70), item(10, true), item(30)}, 100);
        REQUIRE(pages.size() == 2);
        CHECK(itemsOn(pages, 0) == QList<int>{0});
        CHECK(itemsOn(pages, 1) == QList<int>{1, 2});
    }
    SECTION("a caption stays with the table header that stays with the first row")
    {
        const FlowPages pages = paginateFlow({item(70), item(10, true), item(10, true), item(15)}, 100);
        REQUIRE(pages.size() == 2);
        CHECK(itemsOn(pages, 0) == QList<int>{0});
        CHECK(itemsOn(pages, 1) == QList<int>{1, 2, 3});
    }
    SECTION("space before an item is dropped at the top of a page")
    {
        std::vector<FlowItem> items{item(90), item(50)};
        items[1].spaceBefore = 20;
        const FlowPages pages = paginateFlow(items, 100);
        REQUIRE(pages.size() == 2);
        CHECK(pages[1][0].y == 0);
    }
    SECTION("a table's header comes again on the page its rows run onto")
    {
        std::vector<FlowItem> items{item(10, true)};
        for (int i = 0; i < 12; ++i) {
            items.push_back(item(10));
            items.back().repeatHeader = 0;
        }
        const FlowPages pages = paginateFlow(items, 100);
        REQUIRE(pages.size() == 2);
        CHECK(itemsOn(pages, 0) == QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        CHECK(itemsOn(pages, 1) == QList<int>{0, 10, 11, 12});
        CHECK(pages[1][1].y == 10);
    }
    SECTION("text after a figure that does not fit fills the page first")
    {
        std::vector<FlowItem> items{item(60), item(60), item(10), item(10), item(10)};
        items[1].floatable = true;
        for (int i : {2, 3, 4})
            items[size_t(i)].text = true;
        const FlowPages pages = paginateFlow(items, 100);
        REQUIRE(pages.size() == 2);
        CHECK(itemsOn(pages, 0) == QList<int>{0, 2, 3, 4});
        CHECK(itemsOn(pages, 1) == QList<int>{1});
    }
    SECTION("a page break starts a new page; an item taller than a page gets one of its own")
    {
        std::vector<FlowItem> items{item(10), FlowItem{}, item(250), item(10)};
        items[1].pageBreak = true;
        const FlowPages pages = paginateFlow(items, 100);
        REQUIRE(pages.size() == 3);
        CHECK(itemsOn(pages, 0) == QList<int>{0});
        CHECK(itemsOn(pages, 1) == QList<int>{2});
        CHECK(itemsOn(pages, 2) == QList<int>{3});
    }
}

TEST_CASE("the project keeps its brief, audited, and a reopened project gives it back", "[brief][project]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.gpkg"));
    QString error;
    {
        auto project = Project::create(path, &error);
        REQUIRE(project);
        CHECK_FALSE(project->briefDefinition());
        REQUIRE(project->setBriefDefinition(briefToJson(caseBrief())));
        Brief edited = caseBrief();
        edited.title = QStringLiteral("Edited");
        REQUIRE(project->setBriefDefinition(briefToJson(edited)));
        // The same definition again writes nothing.
        REQUIRE(project->setBriefDefinition(briefToJson(edited)));
        CHECK(project->auditLog(-1, QStringLiteral("sightline_briefs")).size() == 2);
    }
    auto project = Project::open(path, Project::Mode::ReadOnly, &error);
    REQUIRE(project);
    const auto stored = project->briefDefinition();
    REQUIRE(stored);
    const Brief back = briefFromJson(*stored, &error);
    CHECK(back.title == QStringLiteral("Edited"));
    CHECK(back.blocks == caseBrief().blocks);
}

TEST_CASE("sightings are numbered by observed time, unknown times last", "[brief]")
{
    QList<Sighting> sightings;
    for (const auto &[id, time] : std::vector<std::pair<int, const char *>>{{1, "2023-10-14T01:50:00Z"},
                                                                            {2, ""},
                                                                            {3, "2023-10-05T02:30:00Z"},
                                                                            {4, "2023-10-05T02:30:00Z"}}) {
        Sighting s;
        s.id = id;
        s.observedAtMs = parseUtcIso(QString::fromLatin1(time));
        sightings << s;
    }
    sortSightingsChronologically(sightings);
    BriefInputs inputs;
    inputs.sightings = sightings;
    CHECK(inputs.sightingNumber(3) == 1);
    CHECK(inputs.sightingNumber(4) == 2);
    CHECK(inputs.sightingNumber(1) == 3);
    CHECK(inputs.sightingNumber(2) == 4);
    CHECK(inputs.sightingNumber(99) == 0);
}

TEST_CASE("a file's checksum is remembered until the file changes", "[brief]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scene.txt"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("abc");
    file.close();
    // sha256("abc")
    CHECK(cachedFileSha256(path) ==
          QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Append));
    file.write("d");
    file.close();
    CHECK(cachedFileSha256(path) ==
          QStringLiteral("88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589"));
    CHECK(cachedFileSha256(dir.filePath(QStringLiteral("missing"))).isEmpty());
}

TEST_CASE(
    "the tables hold what the brief promises: numbered sightings in DD and MGRS, events of the chosen types, "
    "sources with missing layers",
    "[brief]")
{
    BriefInputs inputs;
    Sighting cars;
    cars.id = 7;
    cars.kind = QStringLiteral("rail cars");
    cars.count = 73;
    cars.geometry.type = SightingGeometry::Type::MultiPoint;
    cars.geometry.lonLat = {QPointF(130.60, 42.40), QPointF(130.62, 42.42)};
    cars.observedAtMs = parseUtcIso(QStringLiteral("2023-10-05T00:00:00Z"));
    cars.imageryProvider = QStringLiteral("Maxar");
    cars.sourceReliability = QLatin1Char('B');
    cars.informationCredibility = 2;
    inputs.sightings = {cars};
    const BriefTable sightings = briefSightingsTable(inputs, QStringLiteral("Table 1. Sightings"));
    REQUIRE(sightings.rows.size() == 1);
    const QStringList row = sightings.rows.first();
    CHECK(row[0] == QStringLiteral("1"));
    CHECK(row[1] == QStringLiteral("73 rail cars"));
    CHECK(row[2] == QStringLiteral("2023-10-05 00:00"));
    // The middle of the marks, as lat, lon and as an MGRS reference of 1 m.
    CHECK(row[3].startsWith(QStringLiteral("42.41000, 130.61000\n52T")));
    CHECK(row[4] == QStringLiteral("73"));
    CHECK(row[5] == QStringLiteral("B2"));
    CHECK(briefSightingPoint(cars.geometry) == QPointF(130.61, 42.41));

    MovementEvent gap;
    gap.type = EventType::Gap;
    gap.mmsi = 273145020;
    gap.startMs = parseUtcIso(QStringLiteral("2023-08-17T00:00:00Z"));
    gap.endMs = gap.startMs + 3600 * 1000 * 65;
    gap.details = {{QStringLiteral("distance_km"), 12.0},
                   {QStringLiteral("likely_cause"), QStringLiteral("switched_off")},
                   {QStringLiteral("disabling_score"), 0.93}};
    MovementEvent call = gap;
    call.details = {};
    call.type = EventType::PortCall;
    call.place = QStringLiteral("Dunai port");
    call.confidence = 4;
    inputs.events = {gap, call};
    BriefBlock block;
    block.kind = BriefBlock::Kind::EventsTable;
    block.eventTypes = {QStringLiteral("gap")};
    const BriefTable gaps = briefEventsTable(inputs, block.eventTypes, QStringLiteral("Table 2"));
    REQUIRE(gaps.rows.size() == 1);
    CHECK(gaps.rows[0][1] == QStringLiteral("Gap"));
    CHECK(gaps.rows[0][2] == QStringLiteral("MMSI 273145020"));
    CHECK(gaps.rows[0][5] == QStringLiteral("65.0"));
    // The gap's likely cause, from the reception model, is in what was found.
    CHECK(gaps.rows[0][7].contains(QStringLiteral("likely switched off (score 0.93)")));
    CHECK(briefEventsTableTitle(block) == QStringLiteral("Events: gaps"));
    const BriefTable all = briefEventsTable(inputs, {}, QStringLiteral("Table 3"));
    REQUIRE(all.rows.size() == 2);
    CHECK(all.rows[1][7].startsWith(QStringLiteral("Dunai port")));
    CHECK(all.rows[1][6] == QStringLiteral("4"));

    inputs.sources = {{QStringLiteral("Scene"),
                       QStringLiteral("Imagery"),
                       QStringLiteral("scene.tif"),
                       QStringLiteral("abc123"),
                       QStringLiteral("USGS"),
                       parseUtcIso(QStringLiteral("2023-10-05T02:13:00Z")),
                       {}}};
    inputs.missingReasons = {QStringLiteral("layer 'Old': no such file")};
    const BriefTable sources = briefSourcesTable(inputs, QStringLiteral("Table 4"));
    REQUIRE(sources.rows.size() == 2);
    CHECK(sources.rows[0][2] == QStringLiteral("USGS, 2023-10-05 02:13"));
    CHECK(sources.rows[0][4] == QStringLiteral("scene.tif\nabc123"));
    CHECK(sources.rows[1][1] == QStringLiteral("Missing"));

    // No tracks: the vessels table says so rather than vanishing.
    const BriefTable vessels = briefVesselsTable(inputs, QStringLiteral("Table 5"));
    CHECK(vessels.rows.isEmpty());
    CHECK(vessels.emptyText == QStringLiteral("No AIS tracks in the project."));

    const TimelineData timeline = briefTimelineData(inputs);
    REQUIRE(timeline.lanes.size() == 1);
    CHECK(timeline.lanes[0].mmsi == 273145020u);
    REQUIRE(timeline.sightings.size() == 1);
    CHECK(timeline.sightings[0].number == 1);
}

TEST_CASE("tracks opened straight from a log name the log, checksum and 'simulated' note in the sources",
          "[brief]")
{
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("case_SIMULATED.nmea"));
    QFile file(log);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("!AIVDM,1,1,,A,15MgK45P3@G?fl0E`JbR0OwT0@MS,0*4E\n");
    file.close();
    auto store = std::make_shared<TrackStore>();
    store->append({273145020, 0, 130.0, 42.0});
    store->finalize();
    auto tracks = std::make_shared<TrackLayer>(QStringLiteral("case_SIMULATED"), log, store,
                                               std::make_shared<VesselRegistry>());
    const QList<BriefSource> sources = briefSources({tracks});
    REQUIRE(sources.size() == 1);
    CHECK(sources[0].kind == QStringLiteral("AIS"));
    CHECK(sources[0].file == QStringLiteral("case_SIMULATED.nmea"));
    CHECK(sources[0].sha256 == cachedFileSha256(log));
    CHECK(sources[0].sha256.size() == 64);
    CHECK(sources[0].note == QStringLiteral("simulated"));
}

TEST_CASE("a layer that throws while a figure is drawn is named, and the brief is still written", "[brief]")
{
    // Everywhere: named once, though the locator map fails on it too.
    const QStringList everywhere = problemsOfFigureWith(std::make_shared<ThrowingLayer>(1'000'000));
    CHECK(everywhere == QStringList{QStringLiteral("Layer 'Broken' could not be drawn: corrupt geometry")});
    // Only in the small locator map: named as failing there.
    const QStringList inset = problemsOfFigureWith(std::make_shared<ThrowingLayer>(400));
    CHECK(inset == QStringList{QStringLiteral(
                       "Layer 'Broken' could not be drawn in the locator map: corrupt geometry")});
}
