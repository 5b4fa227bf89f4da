#include "../catchstringmakers.h"

#include "ais/aismessage.h"
#include "fixtures.h"
#include "geo/transform.h"
#include "layers/eventlayer.h"
#include "layers/rasterlayer.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"
#include "render/graticule.h"
#include "render/legend.h"
#include "render/mapdecorations.h"
#include "render/maprenderer.h"
#include "map/mapsettings.h"
#include "render/northarrow.h"

#include <QFile>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <limits>

using namespace sightline;
using namespace sightline::test;

namespace {

using Edge = GraticuleTick::Edge;

QString deg(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QImage whiteImage(QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    return image;
}

bool isWhite(QRgb c)
{
    return qRed(c) >= 250 && qGreen(c) >= 250 && qBlue(c) >= 250;
}

/// Is any pixel within `radius` of `p` visibly not white?
bool inkNear(const QImage &image, QPointF p, int radius = 1)
{
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint q = p.toPoint() + QPoint(dx, dy);
            if (image.rect().contains(q) && qGray(image.pixel(q)) < 235)
                return true;
        }
    return false;
}

/// The bounding box of the pixels that are not white (null when none).
QRect inkBounds(const QImage &image)
{
    QRect box;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (!isWhite(image.pixel(x, y)))
                box = box.united(QRect(x, y, 1, 1));
    return box;
}

int inkCount(const QImage &image, const QRect &area)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (image.rect().contains(x, y) && !isWhite(image.pixel(x, y)))
                ++n;
    return n;
}

QPointF lonLatToPixel(const MapSettings &s, QPointF lonLat)
{
    return s.mapToPixel(Transform(Crs::wgs84(), s.destinationCrs()).forward(lonLat));
}

QList<GraticuleTick> ticksOn(const QList<GraticuleTick> &ticks, Edge edge)
{
    QList<GraticuleTick> out;
    for (const GraticuleTick &t : ticks)
        if (t.edge == edge)
            out << t;
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.position < b.position; });
    return out;
}

/// The output pixel a tick stands for.
QPointF edgePixel(const GraticuleTick &t, QSize size)
{
    switch (t.edge) {
    case Edge::Top:
        return {t.position, 0};
    case Edge::Bottom:
        return {t.position, double(size.height())};
    case Edge::Left:
        return {0, t.position};
    case Edge::Right:
        return {double(size.width()), t.position};
    }
    return {};
}

QFont pixelFont(int px)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(px);
    return font;
}

const QRectF kRasonBox(QPointF(129, 41), QPointF(134, 44));

MovementEvent event(std::int64_t id, EventType type, QPointF from, QPointF to)
{
    MovementEvent e;
    e.id = id;
    e.type = type;
    e.mmsi = 273000000 + std::uint32_t(id);
    e.startMs = 1692000000000;
    e.endMs = e.startMs + 3 * 3600 * 1000;
    e.from = from;
    e.to = to;
    return e;
}

Sighting sighting(const QString &kind, QPointF at)
{
    Sighting s;
    s.kind = kind;
    s.geometry.lonLat = {at};
    return s;
}

std::shared_ptr<TrackLayer> trackLayer(int vessels, std::shared_ptr<VesselRegistry> registry = {})
{
    auto store = std::make_shared<TrackStore>();
    for (int v = 0; v < vessels; ++v)
        for (int i = 0; i < 3; ++i)
            store->append({std::uint32_t(273000001 + v), 1692000000000LL + i * 600000LL, 130.0 + 0.1 * i,
                           42.0 + 0.05 * v});
    store->finalize();
    return std::make_shared<TrackLayer>(QStringLiteral("AIS tracks"), QStringLiteral("test"), store,
                                        registry ? registry : std::make_shared<VesselRegistry>());
}

const QByteArray kPolygons = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"Rajin","kind":"port"},"geometry":{"type":"Polygon","coordinates":[[[130.28,42.23],[130.32,42.23],[130.32,42.26],[130.28,42.23]]]}},
 {"type":"Feature","properties":{"name":"Tumangang","kind":"depot"},"geometry":{"type":"Polygon","coordinates":[[[130.60,42.40],[130.62,42.40],[130.62,42.42],[130.60,42.40]]]}},
 {"type":"Feature","properties":{"name":"Sonbong","kind":"port"},"geometry":{"type":"Polygon","coordinates":[[[130.38,42.33],[130.40,42.33],[130.40,42.35],[130.38,42.33]]]}},
 {"type":"Feature","properties":{"name":"Field","kind":"farm"},"geometry":{"type":"Polygon","coordinates":[[[130.50,42.50],[130.52,42.50],[130.52,42.52],[130.50,42.50]]]}}]})";

const QByteArray kPoints = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"cls":"b"},"geometry":{"type":"Point","coordinates":[130.30,42.25]}},
 {"type":"Feature","properties":{"cls":"a"},"geometry":{"type":"Point","coordinates":[132.35,42.88]}}]})";

std::shared_ptr<VectorLayer> openGeoJson(const QTemporaryDir &dir, const char *name,
                                         const QByteArray &content)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    QString error;
    auto layer = VectorLayer::open(path, QString(), &error);
    CAPTURE(error);
    REQUIRE(layer);
    return layer;
}

} // namespace

TEST_CASE("graticule steps are the nice ones nearest the wanted count", "[furniture]")
{
    struct Row
    {
        double span;
        int lines;
        double step;
    };
    const Row rows[] = {
        {5, 5, 1.0},    {1, 4, 15.0 / 60}, {0.5, 5, 5.0 / 60}, {0.2, 6, 2.0 / 60}, {0.01, 5, 1.0 / 60},
        {3, 6, 0.5},    {12, 6, 2.0},      {20, 4, 5.0},       {40, 4, 10.0},      {60, 4, 15.0},
        {360, 5, 30.0}, {1000, 2, 30.0},   {0, 5, 1.0},        {-3, 5, 1.0},       {5, 0, 1.0},
    };
    for (const Row &r : rows) {
        CAPTURE(r.span, r.lines);
        CHECK(niceGraticuleStep(r.span, r.lines) == Approx(r.step));
    }
}

TEST_CASE("graticule labels name the hemisphere and show minutes only when the step has them", "[furniture]")
{
    struct Row
    {
        double degrees;
        bool latitude;
        double step;
        const char *label;
    };
    const Row rows[] = {
        {42, true, 1, "42°N"},
        {42.5, true, 0.5, "42°30′N"},
        {42.5, true, 1, "43°N"}, // a whole-degree step never shows minutes
        {-12.25, true, 0.25, "12°15′S"},
        {-33.0 - 5.0 / 60, true, 5.0 / 60, "33°05′S"},
        {0, true, 1, "0°"},
        {0, false, 10, "0°"},
        {-1e-12, false, 10, "0°"},
        {130.5, false, 0.5, "130°30′E"},
        {130, false, 0.5, "130°E"},
        {-70, false, 10, "70°W"},
        {-0.5, false, 0.5, "0°30′W"},
        {180, false, 5, "180°"},
        {-180, false, 5, "180°"},
        {185, false, 5, "175°W"}, // unwrapped longitudes fold back
        {-185, false, 5, "175°E"},
        {89.999999, true, 1, "90°N"},
    };
    for (const Row &r : rows) {
        CAPTURE(r.degrees, r.latitude, r.step);
        CHECK(formatGraticuleLabel(r.degrees, r.latitude, r.step) == deg(r.label));
    }
}

TEST_CASE("the graticule draws meridians and parallels where they are and reports the edge crossings",
          "[furniture]")
{
    const MapSettings s = MapSettings::fromWgs84Extent(kRasonBox, QSize(800, 500));
    QImage image = whiteImage(s.outputSize());
    QPainter painter(&image);
    const QList<GraticuleTick> ticks = paintGraticule(painter, s, QColor(40, 40, 40, 200), 1.0);
    painter.end();

    const QList<GraticuleTick> top = ticksOn(ticks, Edge::Top), bottom = ticksOn(ticks, Edge::Bottom);
    REQUIRE(top.size() >= 5);
    REQUIRE(top.size() == bottom.size());
    for (int i = 0; i < top.size(); ++i) {
        const GraticuleTick &t = top[i];
        CAPTURE(t.degrees, t.position, t.label);
        CHECK_FALSE(t.latitude);
        CHECK(t.degrees == Approx(std::round(t.degrees)));
        CHECK(t.label == QStringLiteral("%1").arg(std::lround(t.degrees)) + deg("°E"));
        // Where the meridian really is: the lon taken into 3857 and onto the output.
        CHECK(t.position == Approx(lonLatToPixel(s, QPointF(t.degrees, 42)).x()).margin(0.05));
        CHECK(bottom[i].position == Approx(t.position).margin(0.05));
        // And it is drawn there, top to bottom, away from the parallels.
        for (double y : {30.0, 130.0, 370.0, 480.0})
            CHECK(inkNear(image, QPointF(t.position, y)));
        if (i + 1 < top.size()) {
            CHECK(top[i + 1].degrees == Approx(t.degrees + 1));
            // Halfway between two meridians, away from any parallel, the map is untouched.
            const double midX = (t.position + top[i + 1].position) / 2;
            const QList<GraticuleTick> left = ticksOn(ticks, Edge::Left);
            for (double y = 5; y < 495; y += 7) {
                const bool nearParallel = std::any_of(left.begin(), left.end(), [&](const GraticuleTick &p) {
                    return std::abs(p.position - y) < 4;
                });
                if (!nearParallel)
                    CHECK(isWhite(image.pixel(int(midX), int(y))));
            }
        }
    }
    const QList<GraticuleTick> left = ticksOn(ticks, Edge::Left), right = ticksOn(ticks, Edge::Right);
    REQUIRE(left.size() >= 3);
    REQUIRE(left.size() == right.size());
    for (const GraticuleTick &t : left) {
        CAPTURE(t.degrees, t.position);
        CHECK(t.latitude);
        CHECK(t.label == QStringLiteral("%1").arg(std::lround(t.degrees)) + deg("°N"));
        CHECK(t.position == Approx(lonLatToPixel(s, QPointF(131, t.degrees)).y()).margin(0.05));
        CHECK(inkNear(image, QPointF(400, t.position)));
    }
    // Automatic: about one line per inch and a half, still whole degrees here.
    QImage again = whiteImage(s.outputSize());
    QPainter p2(&again);
    const QList<GraticuleTick> automatic = paintGraticule(p2, s);
    p2.end();
    CHECK(ticksOn(automatic, Edge::Top).size() >= 3);
    CHECK(ticksOn(automatic, Edge::Top).size() <= 8);
}

TEST_CASE("the graticule pen follows the DPI and the lines bend in a conic CRS", "[furniture]")
{
    // Lambert conformal conic over the same area: meridians converge, so a meridian's ink
    // moves sideways between the top and bottom of the view.
    const Crs lcc = Crs::fromUserInput(
        QStringLiteral("+proj=lcc +lat_1=30 +lat_2=60 +lat_0=40 +lon_0=110 +datum=WGS84 +units=m +no_defs"));
    REQUIRE(lcc.isValid());
    const MapSettings s = MapSettings::fromWgs84Extent(kRasonBox, QSize(600, 400), lcc);
    QImage image = whiteImage(s.outputSize());
    QPainter painter(&image);
    const QList<GraticuleTick> ticks = paintGraticule(painter, s, Qt::black, 1.0);
    painter.end();
    const QList<GraticuleTick> top = ticksOn(ticks, Edge::Top), bottom = ticksOn(ticks, Edge::Bottom);
    REQUIRE_FALSE(top.isEmpty());
    int matched = 0;
    for (const GraticuleTick &t : top) {
        const auto match = std::find_if(bottom.begin(), bottom.end(),
                                        [&](const GraticuleTick &b) { return b.degrees == t.degrees; });
        if (match == bottom.end())
            continue; // a meridian leaving by a side edge
        ++matched;
        CAPTURE(t.degrees, t.position, match->position);
        CHECK(std::abs(match->position - t.position) > 5);
        // Halfway down, the drawn meridian is where the lon/lat point projects.
        const double midLat = Transform(lcc, Crs::wgs84()).forward(s.pixelToMap(QPointF(300, 200))).y();
        CHECK(inkNear(image, lonLatToPixel(s, QPointF(t.degrees, midLat)), 1));
    }
    CHECK(matched >= 2);
    // Every tick is where its line meets that edge (meridians leave by the sides too).
    const Transform toLonLat(lcc, Crs::wgs84());
    for (const GraticuleTick &t : ticks) {
        const QPointF at = toLonLat.forward(s.pixelToMap(edgePixel(t, s.outputSize())));
        CAPTURE(t.degrees, t.latitude, t.position);
        CHECK((t.latitude ? at.y() : at.x()) == Approx(t.degrees).margin(1e-3));
    }

    // At 300 dpi the line is three times as wide.
    auto lineWidth = [&](double dpi) {
        MapSettings hi = MapSettings::fromWgs84Extent(kRasonBox, QSize(800, 500));
        hi.setDpi(dpi);
        QImage img = whiteImage(hi.outputSize());
        QPainter p(&img);
        const QList<GraticuleTick> t = ticksOn(paintGraticule(p, hi, Qt::black, 1.0), Edge::Top);
        p.end();
        REQUIRE_FALSE(t.isEmpty());
        int n = 0;
        for (int x = int(t.front().position) - 8; x <= int(t.front().position) + 8; ++x)
            n += qGray(img.pixel(x, 250)) < 200 ? 1 : 0;
        return n;
    };
    CHECK(lineWidth(300) >= lineWidth(96) + 1);
}

TEST_CASE("a view across the antimeridian labels 180° and the lines either side of it", "[furniture]")
{
    const QRectF box(QPointF(175, -5), QPointF(185, 5));
    auto check = [&](const MapSettings &s, const QPointF &x180) {
        QImage image = whiteImage(s.outputSize());
        QPainter painter(&image);
        const QList<GraticuleTick> ticks = paintGraticule(painter, s, QColor(40, 40, 40, 200), 5.0);
        painter.end();
        const QList<GraticuleTick> top = ticksOn(ticks, Edge::Top);
        QStringList labels;
        for (const GraticuleTick &t : top)
            labels << t.label;
        CAPTURE(labels);
        REQUIRE(top.size() == 3);
        CHECK(top[0].label == deg("175°E"));
        CHECK(top[1].label == deg("180°"));
        CHECK(top[2].label == deg("175°W"));
        CHECK(top[1].degrees == Approx(180));
        CHECK(top[2].degrees == Approx(-175));
        CHECK(top[1].position == Approx(x180.x()).margin(0.05));
        CHECK(top[0].position < top[1].position);
        CHECK(top[1].position < top[2].position);
        // Both sides of the antimeridian are drawn, and the equator runs across all of it.
        for (const GraticuleTick &t : top)
            CHECK(inkNear(image, QPointF(t.position, s.outputSize().height() * 0.3)));
        const QList<GraticuleTick> left = ticksOn(ticks, Edge::Left);
        REQUIRE(left.size() == 3);
        CHECK(left[1].label == deg("0°"));
        for (double x = 3; x < s.outputSize().width() - 3; x += 5)
            CHECK(inkNear(image, QPointF(x, left[1].position)));
    };

    SECTION("Pacific-centred Mercator (EPSG:3832)")
    {
        const Crs pdc = Crs::fromUserInput(QStringLiteral("EPSG:3832"));
        REQUIRE(pdc.isValid());
        const Transform toMap(Crs::wgs84(), pdc);
        MapSettings s;
        s.setDestinationCrs(pdc);
        s.setOutputSize(QSize(600, 600));
        s.setExtent(QRectF(toMap.forward(box.topLeft()), toMap.forward(QPointF(-175, 5))));
        check(s, s.mapToPixel(toMap.forward(QPointF(180, 0))));
    }
    SECTION("Web Mercator panned past its edge")
    {
        const Transform toMap(Crs::wgs84(), Crs::webMercator());
        const double halfWorld = 20037508.342789244;
        MapSettings s;
        s.setOutputSize(QSize(600, 600));
        const QPointF west = toMap.forward(QPointF(175, -5));
        const QPointF east = toMap.forward(QPointF(-175, 5)) + QPointF(2 * halfWorld, 0);
        s.setExtent(QRectF(west, east));
        check(s, s.mapToPixel(QPointF(halfWorld, 0)));
    }
}

TEST_CASE("a polar view draws its graticule round the pole, and what does not transform is skipped",
          "[furniture]")
{
    const Crs polar = Crs::fromUserInput(QStringLiteral("EPSG:3413"));
    REQUIRE(polar.isValid());
    MapSettings s;
    s.setDestinationCrs(polar);
    s.setOutputSize(QSize(500, 500));
    s.setExtent(QRectF(QPointF(-3e6, -3e6), QPointF(3e6, 3e6)));
    QImage image = whiteImage(s.outputSize());
    QPainter painter(&image);
    const QList<GraticuleTick> ticks = paintGraticule(painter, s);
    painter.end();
    REQUIRE_FALSE(ticks.isEmpty());
    // Meridians radiate from the pole at the centre: every longitude crosses once, somewhere.
    QSet<long> longitudes;
    for (const GraticuleTick &t : ticks)
        if (!t.latitude)
            longitudes.insert(std::lround(t.degrees));
    CHECK(longitudes.size() >= 8);
    // Along the meridians (every 30° here) the ink is there, near the pole as far out.
    for (double lon : {-90.0, 0.0, 150.0})
        for (double lat : {65.0, 75.0, 85.0})
            CHECK(inkNear(image, lonLatToPixel(s, QPointF(lon, lat)), 1));
    // Each tick is where its line meets the edge.
    const Transform toLonLat(polar, Crs::wgs84());
    for (const GraticuleTick &t : ticks) {
        const QPointF pixel = edgePixel(t, s.outputSize());
        const QPointF ll = toLonLat.forward(s.pixelToMap(pixel));
        CAPTURE(t.degrees, t.latitude, pixel);
        // Within a third of a pixel (12 km a pixel here): the curves are drawn as chords.
        if (t.latitude)
            CHECK(ll.y() == Approx(t.degrees).margin(0.03));
        else
            CHECK(std::remainder(ll.x() - t.degrees, 360.0) == Approx(0).margin(0.03));
    }

    // An orthographic view where the corners are off the globe: lines stop at its limb.
    const Crs ortho = Crs::fromUserInput(QStringLiteral("+proj=ortho +lat_0=40 +lon_0=130 +datum=WGS84"));
    REQUIRE(ortho.isValid());
    MapSettings globe;
    globe.setDestinationCrs(ortho);
    globe.setOutputSize(QSize(400, 400));
    globe.setExtent(QRectF(QPointF(-7e6, -7e6), QPointF(7e6, 7e6)));
    QImage g = whiteImage(globe.outputSize());
    QPainter gp(&g);
    const QList<GraticuleTick> globeTicks = paintGraticule(gp, globe);
    gp.end();
    CHECK(globeTicks.isEmpty());                                  // the globe does not reach the edges
    CHECK(inkNear(g, lonLatToPixel(globe, QPointF(120, 45)), 1)); // on the 120° meridian
    CHECK(inkNear(g, lonLatToPixel(globe, QPointF(175, 60)), 1)); // on the 60° parallel
    CHECK(isWhite(g.pixel(2, 2)));                                // off the globe: nothing
}

TEST_CASE("whole-world views get a coarse graticule in any CRS", "[furniture]")
{
    for (const char *code : {"EPSG:3857", "EPSG:4326", "ESRI:54030", "EPSG:3832"}) {
        CAPTURE(code);
        const Crs crs = Crs::fromUserInput(QString::fromLatin1(code));
        REQUIRE(crs.isValid());
        // Mercator's world is near square at ±80°: a wider image would show it twice.
        const bool mercator = QLatin1String(code) != QLatin1String("EPSG:4326") &&
                              QLatin1String(code) != QLatin1String("ESRI:54030");
        const QSize size = mercator ? QSize(600, 600) : QSize(800, 400);
        const MapSettings s =
            MapSettings::fromWgs84Extent(QRectF(QPointF(-179, -80), QPointF(179, 80)), size, crs);
        REQUIRE(s.isValid());
        QImage image = whiteImage(s.outputSize());
        QPainter painter(&image);
        const QList<GraticuleTick> ticks = paintGraticule(painter, s);
        painter.end();
        // Lines every 30° or so, drawn across the middle of the map.
        CHECK(inkCount(image, image.rect()) > 2000);
        for (const GraticuleTick &t : ticks) {
            CAPTURE(t.label, t.position);
            CHECK(std::fmod(std::abs(t.degrees) + 1e-9, 15.0) < 1e-6);
        }
        const QList<GraticuleTick> top = ticksOn(ticks, Edge::Top);
        if (QLatin1String(code) != QLatin1String("ESRI:54030")) { // Robinson: the world is a lozenge
            CHECK(top.size() >= 5);
            CHECK(top.size() <= 14);
        }
    }
}

TEST_CASE("graticule labels go outside the frame and crowded ones are dropped", "[furniture]")
{
    const QFont font = pixelFont(12);
    const QRectF frame(60, 40, 400, 300);
    QList<GraticuleTick> ticks;
    auto tick = [](Edge edge, double position, double degrees, bool latitude) {
        GraticuleTick t;
        t.edge = edge;
        t.position = position;
        t.degrees = degrees;
        t.latitude = latitude;
        t.label = formatGraticuleLabel(degrees, latitude, 1);
        return t;
    };
    ticks << tick(Edge::Top, 100, 130, false) << tick(Edge::Bottom, 300, 131, false)
          << tick(Edge::Left, 150, 42, true) << tick(Edge::Right, 50, 43, true);
    QImage image = whiteImage(QSize(520, 400));
    QPainter painter(&image);
    paintGraticuleLabels(painter, frame, 0.5, ticks, font, Qt::black);
    painter.end();
    // Nothing inside the frame; a label beyond each edge, at the tick scaled into the frame.
    CHECK(inkCount(image, frame.toRect().adjusted(1, 1, -1, -1)) == 0);
    CHECK(inkCount(image, QRect(int(60 + 50 - 25), 0, 50, 40)) > 20);    // top, 130°E at x = 110
    CHECK(inkCount(image, QRect(int(60 + 150 - 25), 341, 50, 59)) > 20); // bottom, at x = 210
    CHECK(inkCount(image, QRect(0, int(40 + 75 - 25), 59, 50)) > 20);    // left, at y = 115
    CHECK(inkCount(image, QRect(461, int(40 + 25 - 25), 59, 50)) > 20);  // right, at y = 65
    // The left label reads upwards: taller than wide.
    const QRect leftInk = inkBounds(image.copy(0, 40, 54, 300)); // left of the tick marks
    CHECK(leftInk.height() > 2 * leftInk.width());

    // Fifty lines half a pixel apart: the labels would pile up; one survives, with its ticks.
    auto topLabelInk = [&](const QList<GraticuleTick> &t) {
        QImage img = whiteImage(QSize(520, 400));
        QPainter p(&img);
        paintGraticuleLabels(p, frame, 1.0, t, font, Qt::black);
        p.end();
        const QRect textBand(0, 0, 520, int(frame.top() - QFontMetricsF(font).height() * 0.35 - 1));
        return inkBounds(img.copy(textBand));
    };
    QList<GraticuleTick> crowded;
    for (int i = 0; i < 50; ++i) {
        GraticuleTick t = tick(Edge::Top, 150 + 0.5 * i, 130 + i / 60.0, false);
        t.label = formatGraticuleLabel(t.degrees, false, 1.0 / 60);
        crowded << t;
    }
    const QRect one = topLabelInk({crowded.front()});
    const QRect many = topLabelInk(crowded);
    CAPTURE(one.width(), many.width());
    REQUIRE(one.width() > 10);
    CHECK(many.width() < one.width() * 1.6);
    // The round value wins: 130°E, not 130°01′E.
    CHECK(std::abs(many.center().x() - one.center().x()) <= 2);
}

TEST_CASE("true north is up in Web Mercator and towards the pole in a polar stereographic CRS", "[furniture]")
{
    const MapSettings merc = MapSettings::fromWgs84Extent(kRasonBox, QSize(800, 500));
    for (const QPointF &at : {QPointF(400, 250), QPointF(0, 0), QPointF(790, 480)})
        CHECK(trueNorthAngle(merc, at) == Approx(0).margin(1e-6));

    for (const char *code : {"EPSG:3413", "EPSG:3995"}) {
        CAPTURE(code);
        MapSettings s;
        s.setDestinationCrs(Crs::fromUserInput(QString::fromLatin1(code)));
        REQUIRE(s.destinationCrs().isValid());
        s.setOutputSize(QSize(500, 500));
        s.setExtent(QRectF(QPointF(-2e6, -2e6), QPointF(2e6, 2e6)));
        // The pole is at the centre: north points at it from everywhere.
        CHECK(trueNorthAngle(s, QPointF(50, 50)) == Approx(135).margin(0.01));
        CHECK(trueNorthAngle(s, QPointF(450, 50)) == Approx(-135).margin(0.01));
        CHECK(trueNorthAngle(s, QPointF(400, 250)) == Approx(-90).margin(0.01));
        CHECK(std::abs(trueNorthAngle(s, QPointF(250, 50))) == Approx(180).margin(0.01));
        CHECK(trueNorthAngle(s, QPointF(250, 450)) == Approx(0).margin(0.01));
        CHECK(std::isnan(trueNorthAngle(s, QPointF(250, 250)))); // at the pole north is nowhere
    }
    CHECK(std::isnan(trueNorthAngle(MapSettings(), QPointF(0, 0))));
}

TEST_CASE("the north arrow is drawn in its box and turns with the angle", "[furniture]")
{
    const QRectF box(50, 50, 100, 100);
    auto draw = [&](double angle) {
        QImage image = whiteImage(QSize(200, 200));
        QPainter painter(&image);
        paintNorthArrow(painter, box, angle, pixelFont(16));
        painter.end();
        return image;
    };
    const QImage up = draw(0);
    const QRect ink = inkBounds(up);
    REQUIRE(!ink.isNull());
    CHECK(box.toRect().adjusted(-1, -1, 1, 1).contains(ink));
    CHECK(ink.height() > 80); // it uses its box
    CHECK(inkCount(up, box.toRect()) > 300);
    // Upright: the N above the arrow, nothing out at the sides.
    const QRect topBand(int(box.center().x()) - 15, int(box.top()), 30, 22);
    const QRect rightBand(int(box.right()) - 22, int(box.center().y()) - 15, 22, 30);
    const QRect leftBand(int(box.left()), int(box.center().y()) - 15, 22, 30);
    CHECK(inkCount(up, topBand) > 20);
    CHECK(inkCount(up, rightBand) == 0);
    CHECK(inkCount(up, leftBand) == 0);
    // The left half of the arrow is filled, the right half white inside its outline.
    const QPointF c = box.center();
    CHECK(qGray(up.pixel(int(c.x()) - 3, int(c.y()) + 10)) < 100);
    CHECK(qGray(up.pixel(int(c.x()) + 3, int(c.y()) + 10)) > 200);

    // Turned to 90°: the N is out at the right.
    const QImage east = draw(90);
    CHECK(inkCount(east, rightBand) > 20);
    CHECK(inkCount(east, topBand) == 0);
    CHECK(box.toRect().adjusted(-1, -1, 1, 1).contains(inkBounds(east)));
    // NaN (north unknown) draws it upright rather than not at all.
    CHECK(draw(std::numeric_limits<double>::quiet_NaN()) == up);
}

TEST_CASE("a vector layer's legend has one entry per category it uses, or one for the layer", "[furniture]")
{
    QTemporaryDir dir;
    auto ports = openGeoJson(dir, "ports.geojson", kPolygons);
    ports->setName(QStringLiteral("Ports and depots"));
    // The default style for "kind" polygons: ports, harbours, rail facilities and depots.
    const LegendGroup group = legendGroup(*ports);
    CHECK(group.title == QStringLiteral("Ports and depots"));
    QStringList labels;
    for (const LegendEntry &e : group.entries)
        labels << e.label;
    CHECK(labels == QStringList({QStringLiteral("port"), QStringLiteral("depot"), QStringLiteral("Other")}));
    REQUIRE(group.entries.size() == 3);
    for (const LegendEntry &e : group.entries)
        CHECK(e.swatch == LegendEntry::Swatch::Area);
    const VectorStyle &style = ports->style();
    CHECK(group.entries[0].stroke == style.symbolFor(QStringLiteral("port")).stroke);
    CHECK(group.entries[0].fill == style.symbolFor(QStringLiteral("port")).fill);
    CHECK(group.entries[2].fill == style.symbol.fill);

    // A style of the analyst's: points by class, one class hidden; labels as given.
    auto points = openGeoJson(dir, "points.geojson", kPoints);
    points->setName(QStringLiteral("Sites"));
    VectorStyle custom;
    custom.categoryField = QStringLiteral("cls");
    VectorCategory a{QStringLiteral("a"), QStringLiteral("Alpha sites"), {}};
    a.symbol.shape = VectorSymbol::Shape::Triangle;
    a.symbol.stroke = Qt::red;
    VectorCategory b{QStringLiteral("b"), QString(), {}};
    b.symbol.shape = VectorSymbol::Shape::Anchor;
    VectorCategory c{QStringLiteral("c"), QStringLiteral("Not present"), {}};
    custom.categories = {c, b, a};
    points->setStyle(custom);
    const LegendGroup sites = legendGroup(*points);
    REQUIRE(sites.entries.size() == 2);
    CHECK(sites.entries[0].label == QStringLiteral("b")); // no label: the value
    CHECK(sites.entries[0].marker == LegendEntry::Marker::Anchor);
    CHECK(sites.entries[1].label == QStringLiteral("Alpha sites"));
    CHECK(sites.entries[1].swatch == LegendEntry::Swatch::Point);
    CHECK(sites.entries[1].marker == LegendEntry::Marker::Triangle);
    CHECK(sites.entries[1].stroke == QColor(Qt::red));
    custom.categories[1].symbol.visible = false;
    points->setStyle(custom);
    CHECK(legendGroup(*points).entries.size() == 1);

    // No categories: the layer itself.
    VectorStyle plain;
    plain.symbol.stroke = Qt::darkGreen;
    plain.symbol.penStyle = Qt::DashLine;
    ports->setStyle(plain);
    const LegendGroup one = legendGroup(*ports);
    REQUIRE(one.entries.size() == 1);
    CHECK(one.entries[0].label == QStringLiteral("Ports and depots"));
    CHECK(one.entries[0].stroke == QColor(Qt::darkGreen));
    CHECK(one.entries[0].penStyle == Qt::DashLine);
}

TEST_CASE("legends of sightings, events, tracks and rasters", "[furniture]")
{
    SECTION("sightings: one entry per kind present, in the form's order")
    {
        SightingLayer layer(QStringLiteral("project"),
                            {sighting(QStringLiteral("rail cars"), QPointF(130.5, 42.3)),
                             sighting(QStringLiteral("vessel"), QPointF(130.3, 42.2)),
                             sighting(QStringLiteral("rail cars"), QPointF(130.6, 42.3))});
        const LegendGroup g = legendGroup(layer);
        CHECK(g.title == QStringLiteral("Sightings"));
        REQUIRE(g.entries.size() == 2);
        CHECK(g.entries[0].label == QStringLiteral("Vessel"));
        CHECK(g.entries[1].label == QStringLiteral("Rail cars"));
        CHECK(g.entries[0].stroke == sightingColour(QStringLiteral("vessel")));
        CHECK(g.entries[1].stroke == sightingColour(QStringLiteral("rail cars")));
        CHECK(g.entries[1].swatch == LegendEntry::Swatch::Point);
        CHECK(g.entries[1].marker == LegendEntry::Marker::Diamond);
    }
    SECTION("events: one entry per type present, in their colours; only what is shown")
    {
        EventLayer layer(QStringLiteral("Events"),
                         {event(1, EventType::PortCall, QPointF(130.3, 42.2), QPointF(130.3, 42.2)),
                          event(2, EventType::Gap, QPointF(129.9, 42.2), QPointF(130.2, 42.2)),
                          event(3, EventType::PortCall, QPointF(130.4, 42.2), QPointF(130.4, 42.2)),
                          event(4, EventType::Gap, QPointF(129.8, 42.1), QPointF(130.1, 42.1))});
        const LegendGroup g = legendGroup(layer);
        CHECK(g.title == QStringLiteral("Events"));
        REQUIRE(g.entries.size() == 2);
        CHECK(g.entries[0].label == eventTypeLabel(EventType::Gap));
        CHECK(g.entries[0].stroke == EventLayer::eventColour(EventType::Gap));
        CHECK(g.entries[0].swatch == LegendEntry::Swatch::Event);
        CHECK(g.entries[0].dashed);
        CHECK(g.entries[1].label == eventTypeLabel(EventType::PortCall));
        CHECK(g.entries[1].stroke == EventLayer::eventColour(EventType::PortCall));
        CHECK_FALSE(g.entries[1].dashed);
        layer.setVisibleIds(std::unordered_set<std::int64_t>{1, 3});
        const LegendGroup shown = legendGroup(layer);
        REQUIRE(shown.entries.size() == 1);
        CHECK(shown.entries[0].label == eventTypeLabel(EventType::PortCall));
    }
    SECTION("tracks: a line per vessel, named as on the map, or one line for many")
    {
        auto registry = std::make_shared<VesselRegistry>();
        ais::AisMessage m;
        m.type = 5;
        m.mmsi = 273000002;
        m.shipname = "ANGARA";
        registry->noteStatic(m, 1000);
        auto two = trackLayer(2, registry);
        const LegendGroup g = legendGroup(*two);
        CHECK(g.title == QStringLiteral("AIS tracks"));
        REQUIRE(g.entries.size() == 2);
        CHECK(g.entries[0].label == QStringLiteral("MMSI 273000001"));
        CHECK(g.entries[1].label == QStringLiteral("ANGARA"));
        CHECK(g.entries[0].stroke == TrackLayer::vesselColour(273000001));
        CHECK(g.entries[1].stroke == TrackLayer::vesselColour(273000002));
        CHECK(g.entries[1].swatch == LegendEntry::Swatch::Track);

        CHECK(legendGroup(*trackLayer(8)).entries.size() == 8);
        const LegendGroup many = legendGroup(*trackLayer(9));
        REQUIRE(many.entries.size() == 1);
        CHECK(many.entries[0].label.contains(QStringLiteral("9 vessels")));

        auto bySpeed = trackLayer(2);
        TrackLayer::Style style = bySpeed->style();
        style.colourBy = TrackLayer::ColourBy::Speed;
        bySpeed->setStyle(style);
        const LegendGroup speed = legendGroup(*bySpeed);
        REQUIRE(speed.entries.size() == 1);
        CHECK(speed.entries[0].label.contains(QStringLiteral("kn")));
        CHECK(speed.entries[0].fill.isValid()); // a ramp
    }
    SECTION("a raster: its name by an image swatch")
    {
        QTemporaryDir dir;
        const QString tif = makeGeoTiff(dir.filePath(QStringLiteral("scene.tif")), 4326, 20, 20,
                                        {130, 0.01, 0, 42.5, 0, -0.01}, Qt::gray);
        QString error;
        auto raster = RasterLayer::open(tif, &error);
        CAPTURE(error);
        REQUIRE(raster);
        raster->setName(QStringLiteral("WorldView-3, 14 Oct 2023"));
        const LegendGroup g = legendGroup(*raster);
        REQUIRE(g.entries.size() == 1);
        CHECK(g.entries[0].swatch == LegendEntry::Swatch::Raster);
        CHECK(g.entries[0].label == QStringLiteral("WorldView-3, 14 Oct 2023"));
    }
}

namespace {

QList<LegendGroup> sampleGroups(int extraEntries = 0)
{
    LegendGroup sightings{QStringLiteral("Sightings"), {}};
    for (const QString &kind :
         {QStringLiteral("vessel"), QStringLiteral("rail cars"), QStringLiteral("pits")}) {
        LegendEntry e;
        e.swatch = LegendEntry::Swatch::Point;
        e.marker = LegendEntry::Marker::Diamond;
        e.label = sightingKindLabel(kind);
        e.stroke = sightingColour(kind);
        e.fill = e.stroke;
        sightings.entries << e;
    }
    LegendGroup events{QStringLiteral("Events"), {}};
    for (EventType type : allEventTypes()) {
        LegendEntry e;
        e.swatch = LegendEntry::Swatch::Event;
        e.marker = LegendEntry::Marker::Circle;
        e.label = eventTypeLabel(type);
        e.stroke = e.fill = EventLayer::eventColour(type);
        events.entries << e;
    }
    for (int i = 0; i < extraEntries; ++i) {
        LegendEntry e;
        e.label = QStringLiteral("Extra %1").arg(i);
        e.stroke = Qt::black;
        e.fill = Qt::gray;
        events.entries << e;
    }
    LegendGroup raster{QStringLiteral("Imagery"), {}};
    LegendEntry r;
    r.swatch = LegendEntry::Swatch::Raster;
    r.label = QStringLiteral("Imagery");
    raster.entries << r;
    return {raster, sightings, events};
}

} // namespace

TEST_CASE("the legend lays its entries out in columns and paints inside its box", "[furniture]")
{
    const QFont font = pixelFont(11);
    const double unit = 96.0 / 72.0;
    const QList<LegendGroup> groups = sampleGroups();

    const QSizeF wide = legendSize(groups, font, 600, unit);
    const QSizeF narrow = legendSize(groups, font, 160, unit);
    CAPTURE(wide, narrow);
    CHECK(wide.width() <= 600);
    CHECK(narrow.width() <= 160);
    CHECK(narrow.height() > wide.height() * 1.5); // one column instead of several
    CHECK(legendSize(sampleGroups(6), font, 600, unit).height() > wide.height());
    CHECK(legendSize(sampleGroups(6), font, 160, unit).height() > narrow.height());
    // Larger type, larger legend; an empty legend is only its heading.
    QFont big = font;
    big.setPixelSize(22);
    CHECK(legendSize(groups, big, 2000, unit).height() > wide.height());
    CHECK(legendSize({}, font, 300, unit).height() < narrow.height() / 4);

    // On a PDF-like painter a point-sized font scales with the unit.
    QFont points(QStringLiteral("DejaVu Sans"));
    points.setPointSizeF(8);
    const QSizeF at96 = legendSize(groups, points, 600 * 96 / 72.0, 96 / 72.0);
    const QSizeF at300 = legendSize(groups, points, 600 * 300 / 72.0, 300 / 72.0);
    CHECK(at300.height() / at96.height() == Approx(300 / 96.0).epsilon(0.08));

    QImage image = whiteImage(QSize(700, 500));
    const QRectF box(QPointF(100, 50), legendSize(groups, font, 420, unit));
    QPainter painter(&image);
    paintLegend(painter, box, groups, font, unit);
    painter.end();
    const QRect ink = inkBounds(image);
    CAPTURE(box, ink);
    CHECK(box.toAlignedRect().contains(ink));
    CHECK(ink.left() == int(box.left()));
    CHECK(ink.width() >= box.width() - 2); // the frame
    // Every swatch colour is drawn inside the box.
    for (const LegendGroup &g : groups)
        for (const LegendEntry &e : g.entries) {
            if (e.swatch == LegendEntry::Swatch::Raster)
                continue;
            CAPTURE(e.label);
            CHECK(centroidOfColor(image.copy(box.toAlignedRect()), e.stroke, 12).x() >= 0);
        }
    // A legend too small for its contents is clipped to the box.
    QImage small = whiteImage(QSize(700, 500));
    QPainter sp(&small);
    paintLegend(sp, QRectF(100, 50, 120, 60), groups, font, unit);
    sp.end();
    CHECK(QRect(100, 50, 120, 60).contains(inkBounds(small)));
}

TEST_CASE("on a PDF the furniture's words stay text", "[furniture]")
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        WARN("pdftotext (poppler-utils) is not installed: the PDF's text cannot be read back");
        return;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("furniture.pdf"));
    {
        QPdfWriter pdf(path);
        pdf.setResolution(600);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        const double unit = pdf.resolution() / 72.0; // painter units per point
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(7.5);
        const MapSettings s = MapSettings::fromWgs84Extent(kRasonBox, QSize(1200, 750));
        const QRectF frame(40 * unit, 60 * unit, 360 * unit, 225 * unit);
        const double scale = frame.width() / s.outputSize().width();
        QPainter painter(&pdf);
        painter.save();
        painter.translate(frame.topLeft());
        painter.scale(scale, scale);
        const QList<GraticuleTick> ticks = paintGraticule(painter, s);
        painter.restore();
        paintGraticuleLabels(painter, frame, scale, ticks, font, Qt::black);
        QFont big = font;
        big.setPointSizeF(11);
        paintNorthArrow(
            painter, QRectF(frame.right() - 40 * unit, frame.top() + 6 * unit, 32 * unit, 32 * unit), 0, big);
        const QList<LegendGroup> groups = sampleGroups();
        paintLegend(
            painter,
            QRectF(frame.bottomLeft() + QPointF(0, 30 * unit), legendSize(groups, font, 300 * unit, unit)),
            groups, font, unit);
        painter.end();
    }
    if (const QString keep = qEnvironmentVariable("SIGHTLINE_FURNITURE_PDF"); !keep.isEmpty()) {
        QFile::remove(keep);
        QFile::copy(path, keep); // for a person to look at
    }
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    REQUIRE(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    CAPTURE(text);
    for (const char *word : {"Legend", "Sightings", "Rail cars", "suspicion", "131°E", "N"})
        CHECK(text.contains(QString::fromUtf8(word)));
}

TEST_CASE("map furniture together, as a brief page shows it", "[.][furniture-png]")
{
    // Writes the picture to $SIGHTLINE_FURNITURE_PNG for a person to look at.
    const QString out = qEnvironmentVariable("SIGHTLINE_FURNITURE_PNG");
    if (out.isEmpty())
        return;
    const QSize mapSize(760, 520);
    MapSettings s = MapSettings::fromWgs84Extent(QRectF(QPointF(129.6, 41.8), QPointF(131.2, 42.8)), mapSize);
    auto events = std::make_shared<EventLayer>(
        QStringLiteral("Events"),
        std::vector<MovementEvent>{
            event(1, EventType::PortCall, QPointF(130.30, 42.55), QPointF(130.30, 42.55)),
            event(2, EventType::Gap, QPointF(129.90, 42.20), QPointF(130.20, 42.20)),
            event(3, EventType::Voyage, QPointF(130.35, 42.72), QPointF(130.95, 42.72)),
            event(4, EventType::Loitering, QPointF(130.8, 42.05), QPointF(130.81, 42.05))});
    auto sightings = std::make_shared<SightingLayer>(
        QStringLiteral("project"),
        QList<Sighting>{sighting(QStringLiteral("vessel"), QPointF(130.5, 42.3)),
                        sighting(QStringLiteral("rail cars"), QPointF(130.6, 42.4))});
    {
        QList<Sighting> withIds = sightings->sightings();
        for (int i = 0; i < withIds.size(); ++i)
            withIds[i].id = i + 1; // id 0 would match "nothing selected" and draw highlighted
        sightings->setSightings(withIds);
    }
    auto tracks = trackLayer(3);
    s.setLayers({tracks, events, sightings});
    const QImage map = renderMapImage(s, nullptr, QColor(0xf4, 0xf1, 0xea));

    QImage page = whiteImage(QSize(1240, 700));
    QPainter painter(&page);
    const QRectF frame(70, 50, mapSize.width(), mapSize.height());
    painter.drawImage(frame.topLeft(), map);
    painter.save();
    painter.translate(frame.topLeft());
    const QList<GraticuleTick> ticks = paintGraticule(painter, s);
    paintScaleBar(painter, s);
    painter.restore();
    painter.setPen(QPen(QColor(0x22, 0x2b, 0x33), 1.2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(frame);
    paintGraticuleLabels(painter, frame, 1.0, ticks, pixelFont(11), QColor(0x22, 0x2b, 0x33));
    const QRectF arrowBox(frame.right() - 74, frame.top() + 10, 64, 64);
    paintNorthArrow(painter, arrowBox, trueNorthAngle(s, arrowBox.center() - frame.topLeft()), pixelFont(14));

    QList<LegendGroup> groups;
    for (const auto &layer : s.layers())
        groups << legendGroup(*layer);
    const double unit = 96.0 / 72.0;
    const QSizeF size = legendSize(groups, pixelFont(11), 360, unit);
    paintLegend(painter, QRectF(QPointF(frame.right() + 40, frame.top()), size), groups, pixelFont(11), unit);
    // A polar inset: the graticule and the arrow where north turns.
    MapSettings polar;
    polar.setDestinationCrs(Crs::fromUserInput(QStringLiteral("EPSG:3413")));
    polar.setOutputSize(QSize(220, 220));
    polar.setExtent(QRectF(QPointF(-1.5e6, -4.2e6), QPointF(2.5e6, -0.2e6)));
    const QRectF inset(frame.right() + 60, frame.bottom() - 220, 220, 220);
    painter.save();
    painter.translate(inset.topLeft());
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(220, 220)), QColor(0xea, 0xf1, 0xf6));
    const QList<GraticuleTick> polarTicks = paintGraticule(painter, polar);
    painter.restore();
    painter.drawRect(inset);
    paintGraticuleLabels(painter, inset, 1.0, polarTicks, pixelFont(9), QColor(0x22, 0x2b, 0x33));
    const QRectF polarArrow(inset.left() + 6, inset.top() + 6, 44, 44);
    paintNorthArrow(painter, polarArrow, trueNorthAngle(polar, polarArrow.center() - inset.topLeft()),
                    pixelFont(11));
    painter.end();
    REQUIRE(page.save(out));
}
