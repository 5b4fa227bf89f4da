#include "render/graticule.h"

#include "geo/transform.h"
#include "map/mapsettings.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <vector>

namespace sightline {

namespace {

constexpr double kSteps[] = {1.0 / 60, 2.0 / 60, 5.0 / 60, 10.0 / 60, 15.0 / 60, 30.0 / 60,
                             1.0,      2.0,      5.0,      10.0,      15.0,      30.0};
constexpr int kSamplesPerEdge = 33;  // view sampling, to find the lon/lat range shown
constexpr int kSegmentsPerLine = 32; // before refinement
constexpr int kMaxRefineDepth = 8;
constexpr double kFlatness = 0.3; // pixels a curve may leave its chord
constexpr int kMaxLinesPerKind = 400;

bool finite(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

/// Longitude folded into (-180, 180].
double wrapLongitude(double lon)
{
    double w = std::remainder(lon, 360.0);
    if (w <= -180.0)
        w += 360.0;
    return w;
}

/// One graticule line in output pixels: runs of points, split where the line leaves the CRS's
/// domain or jumps across a seam.
struct PixelLine
{
    bool latitude = false;
    double degrees = 0;
    std::vector<QPolygonF> runs;
};

/// Draws a line of constant longitude or latitude by sampling it and refining where the projected
/// curve bends, so a meridian in a polar or conic CRS comes out as a smooth curve.
class LineTracer
{
public:
    LineTracer(const Transform &toMap, const MapSettings &settings)
        : mToMap(toMap)
        , mSettings(settings)
    {
    }

    /// `at(t)` gives lon/lat for t in [0, 1].
    template <typename F> std::vector<QPolygonF> trace(F at)
    {
        std::vector<QPolygonF> runs;
        QPolygonF run;
        auto flush = [&] {
            if (run.size() > 1)
                runs.push_back(run);
            run.clear();
        };
        double t0 = 0;
        QPointF p0 = pixel(at(0.0));
        if (finite(p0))
            run << p0;
        for (int i = 1; i <= kSegmentsPerLine; ++i) {
            const double t1 = double(i) / kSegmentsPerLine;
            const QPointF p1 = pixel(at(t1));
            if (finite(p0) && finite(p1)) {
                refine(at, t0, t1, p0, p1, 0, run, flush);
            } else if (finite(p1)) {
                flush();
                run << p1;
            } else {
                flush();
            }
            t0 = t1;
            p0 = p1;
        }
        flush();
        return runs;
    }

private:
    QPointF pixel(QPointF lonLat) const
    {
        const QPointF map = mToMap.forward(lonLat);
        return finite(map) ? mSettings.mapToPixel(map) : map;
    }

    /// Appends the curve from p0 (already in `run`) to p1, subdividing while the midpoint strays
    /// from the chord; a midpoint that still strays at the deepest level is a discontinuity (the
    /// back of a cylindrical CRS), where the run is cut.
    template <typename F, typename Flush>
    void refine(F &at, double t0, double t1, QPointF p0, QPointF p1, int depth, QPolygonF &run, Flush &flush)
    {
        const double tm = (t0 + t1) / 2;
        const QPointF pm = pixel(at(tm));
        if (!finite(pm)) {
            flush();
            run << p1;
            return;
        }
        const QPointF chordMid = (p0 + p1) / 2;
        const double deviation = std::hypot(pm.x() - chordMid.x(), pm.y() - chordMid.y());
        if (deviation <= kFlatness) {
            run << p1;
            return;
        }
        if (depth >= kMaxRefineDepth) {
            const double chord = std::hypot(p1.x() - p0.x(), p1.y() - p0.y());
            if (deviation > std::max(2.0, 0.25 * chord)) {
                flush();
                run << p1;
            } else {
                run << p1;
            }
            return;
        }
        refine(at, t0, tm, p0, pm, depth + 1, run, flush);
        refine(at, tm, t1, pm, p1, depth + 1, run, flush);
    }

    const Transform &mToMap;
    const MapSettings &mSettings;
};

/// The lon/lat box the view shows, sampled on a grid of output pixels. Longitudes are unwrapped
/// around the view's centre, so a view across the antimeridian gives e.g. 175..185.
struct ViewRange
{
    double west = 0, east = 0, south = 0, north = 0;
    bool allLongitudes = false;
};

std::optional<ViewRange> viewRange(const MapSettings &settings, const Transform &toMap)
{
    const double w = settings.outputSize().width(), h = settings.outputSize().height();
    std::vector<double> xs, ys;
    xs.reserve(kSamplesPerEdge * kSamplesPerEdge + 1);
    ys.reserve(xs.capacity());
    // The centre first: it is the reference the longitudes unwrap around.
    const QPointF centre = settings.pixelToMap(QPointF(w / 2, h / 2));
    xs.push_back(centre.x());
    ys.push_back(centre.y());
    for (int j = 0; j < kSamplesPerEdge; ++j)
        for (int i = 0; i < kSamplesPerEdge; ++i) {
            const QPointF m = settings.pixelToMap(
                QPointF(w * i / (kSamplesPerEdge - 1.0), h * j / (kSamplesPerEdge - 1.0)));
            xs.push_back(m.x());
            ys.push_back(m.y());
        }
    toMap.inverse(xs.data(), ys.data(), xs.size());

    std::optional<double> reference;
    ViewRange r;
    bool any = false;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i]))
            continue;
        if (!reference)
            reference = xs[i];
        const double lon = *reference + std::remainder(xs[i] - *reference, 360.0);
        const double lat = ys[i];
        if (!any) {
            r.west = r.east = lon;
            r.south = r.north = lat;
            any = true;
        }
        r.west = std::min(r.west, lon);
        r.east = std::max(r.east, lon);
        r.south = std::min(r.south, lat);
        r.north = std::max(r.north, lat);
    }
    if (!any)
        return std::nullopt;

    // A pole inside the view: every meridian meets there.
    const QRectF out(QPointF(0, 0), QSizeF(settings.outputSize()));
    for (double poleLat : {90.0, -90.0}) {
        const QPointF map = toMap.forward(QPointF(*reference, poleLat));
        if (finite(map) && out.adjusted(-1, -1, 1, 1).contains(settings.mapToPixel(map))) {
            r.allLongitudes = true;
            if (poleLat > 0)
                r.north = 90;
            else
                r.south = -90;
        }
    }
    if (r.allLongitudes || r.east - r.west >= 359.0) {
        r.allLongitudes = true;
        r.west = *reference - 180;
        r.east = *reference + 180;
    }
    return r;
}

/// For a normal-aspect cylindrical CRS (x depends on longitude only, linearly), how far apart
/// in map x the same meridian repeats; 0 otherwise. Lets a view panned past the antimeridian
/// of Web Mercator draw the lines of the world beyond it.
double cylindricalPeriod(const Transform &toMap, double lon)
{
    // Measured away from the CRS's seam: the first of four longitudes where x grows evenly.
    for (double a : {lon, lon + 90, lon + 180, lon + 270}) {
        const QPointF p00 = toMap.forward(QPointF(a, 0)), p10 = toMap.forward(QPointF(a + 1, 0));
        const QPointF pm0 = toMap.forward(QPointF(a - 1, 0));
        const QPointF p01 = toMap.forward(QPointF(a, 60)), p11 = toMap.forward(QPointF(a + 1, 60));
        if (!finite(p00) || !finite(p10) || !finite(pm0) || !finite(p01) || !finite(p11))
            continue;
        const double dx = p10.x() - p00.x();
        if (!(std::abs(dx) > 0))
            continue;
        const double tolerance = std::abs(dx) * 1e-6;
        if (std::abs((p00.x() - pm0.x()) - dx) > tolerance)
            continue; // a seam between a - 1 and a + 1
        if (std::abs(p01.x() - p00.x()) > tolerance || std::abs((p11.x() - p01.x()) - dx) > tolerance ||
            std::abs(p10.y() - p00.y()) > tolerance)
            return 0; // x depends on latitude, or y on longitude: not a normal cylindrical CRS
        return std::abs(dx) * 360.0;
    }
    return 0;
}

/// Whether two longitudes draw the same line, compared at a few latitudes.
bool sameMeridian(const Transform &toMap, const MapSettings &settings, double a, double b, double south,
                  double north)
{
    for (double t : {0.1, 0.5, 0.9}) {
        const double lat = south + (north - south) * t;
        const QPointF pa = toMap.forward(QPointF(a, lat)), pb = toMap.forward(QPointF(b, lat));
        if (finite(pa) != finite(pb))
            return false;
        if (finite(pa) && QLineF(settings.mapToPixel(pa), settings.mapToPixel(pb)).length() > 0.5)
            return false;
    }
    return true;
}

/// Cuts a polyline to `rect`, so that nothing far outside the page reaches the paint engine.
std::vector<QPolygonF> clipPolyline(const QPolygonF &line, const QRectF &rect)
{
    std::vector<QPolygonF> out;
    QPolygonF current;
    for (int i = 0; i + 1 < line.size(); ++i) {
        // Liang–Barsky on one segment.
        QPointF a = line[i], b = line[i + 1];
        const double dx = b.x() - a.x(), dy = b.y() - a.y();
        double t0 = 0, t1 = 1;
        const std::array<double, 4> p = {-dx, dx, -dy, dy};
        const std::array<double, 4> q = {a.x() - rect.left(), rect.right() - a.x(), a.y() - rect.top(),
                                         rect.bottom() - a.y()};
        bool inside = true;
        for (int k = 0; k < 4 && inside; ++k) {
            if (p[k] == 0) {
                inside = q[k] >= 0;
                continue;
            }
            const double t = q[k] / p[k];
            if (p[k] < 0)
                t0 = std::max(t0, t);
            else
                t1 = std::min(t1, t);
            inside = t0 <= t1;
        }
        if (!inside) {
            if (current.size() > 1)
                out.push_back(current);
            current.clear();
            continue;
        }
        const QPointF ca(a.x() + t0 * dx, a.y() + t0 * dy), cb(a.x() + t1 * dx, a.y() + t1 * dy);
        if (current.isEmpty() || current.last() != ca) {
            if (current.size() > 1)
                out.push_back(current);
            current.clear();
            current << ca;
        }
        current << cb;
        if (t1 < 1) {
            out.push_back(current);
            current.clear();
        }
    }
    if (current.size() > 1)
        out.push_back(current);
    return out;
}

/// Where a run crosses the four edges of the output rectangle.
void collectCrossings(const QPolygonF &run, const QSizeF &size, const PixelLine &line,
                      QList<GraticuleTick> &ticks, double step)
{
    const double w = size.width(), h = size.height();
    auto add = [&](GraticuleTick::Edge edge, double position) {
        GraticuleTick t;
        t.edge = edge;
        t.position = position;
        t.degrees = line.degrees;
        t.latitude = line.latitude;
        t.label = formatGraticuleLabel(line.degrees, line.latitude, step);
        ticks.append(t);
    };
    for (int i = 0; i + 1 < run.size(); ++i) {
        const QPointF a = run[i], b = run[i + 1];
        // Half-open tests, so a vertex lying on an edge counts once.
        for (const auto &[edgeX, edge] :
             {std::pair{0.0, GraticuleTick::Edge::Left}, std::pair{w, GraticuleTick::Edge::Right}}) {
            if ((a.x() < edgeX) != (b.x() < edgeX)) {
                const double y = a.y() + (edgeX - a.x()) / (b.x() - a.x()) * (b.y() - a.y());
                if (y >= 0 && y <= h)
                    add(edge, y);
            }
        }
        for (const auto &[edgeY, edge] :
             {std::pair{0.0, GraticuleTick::Edge::Top}, std::pair{h, GraticuleTick::Edge::Bottom}}) {
            if ((a.y() < edgeY) != (b.y() < edgeY)) {
                const double x = a.x() + (edgeY - a.y()) / (b.y() - a.y()) * (b.x() - a.x());
                if (x >= 0 && x <= w)
                    add(edge, x);
            }
        }
    }
}

/// How "round" a value is, for keeping the rounder label when two would overlap.
int roundness(double degrees)
{
    const long long minutes = std::llround(std::abs(degrees) * 60.0);
    for (auto [unit, rank] : {std::pair{600LL, 6}, std::pair{300LL, 5}, std::pair{60LL, 4},
                              std::pair{30LL, 3}, std::pair{10LL, 2}, std::pair{5LL, 1}})
        if (minutes % unit == 0)
            return rank;
    return 0;
}

} // namespace

double niceGraticuleStep(double spanDegrees, int targetLines)
{
    if (!(spanDegrees > 0) || targetLines <= 0 || !std::isfinite(spanDegrees))
        return 1.0;
    const double ideal = spanDegrees / targetLines;
    double best = kSteps[0];
    double bestError = std::numeric_limits<double>::infinity();
    for (double step : kSteps) {
        const double error = std::abs(std::log(step / ideal));
        if (error < bestError) {
            best = step;
            bestError = error;
        }
    }
    return best;
}

QString formatGraticuleLabel(double degrees, bool latitude, double stepDegrees)
{
    if (!latitude)
        degrees = wrapLongitude(degrees);
    const bool showMinutes = std::abs(stepDegrees * 60.0 - 60.0 * std::round(stepDegrees)) > 1e-6;
    // Rounded to what is shown: a whole-degree step shows whole degrees.
    const long long totalMinutes =
        showMinutes ? std::llround(std::abs(degrees) * 60.0) : 60 * std::llround(std::abs(degrees));
    const long long whole = totalMinutes / 60, minutes = totalMinutes % 60;
    QString text = QString::number(whole) + QChar(0x00b0);
    if (showMinutes && minutes != 0)
        text += QStringLiteral("%1").arg(minutes, 2, 10, QLatin1Char('0')) + QChar(0x2032);
    // The equator, the prime meridian and the antimeridian belong to neither hemisphere.
    if (totalMinutes == 0 || (!latitude && totalMinutes == 180 * 60))
        return text;
    if (latitude)
        text += degrees > 0 ? QLatin1Char('N') : QLatin1Char('S');
    else
        text += degrees > 0 ? QLatin1Char('E') : QLatin1Char('W');
    return text;
}

QList<GraticuleTick> paintGraticule(QPainter &painter, const MapSettings &settings, const QColor &colour,
                                    double stepDegrees)
{
    QList<GraticuleTick> ticks;
    if (!settings.isValid())
        return ticks;
    const Transform toMap(Crs::wgs84(), settings.destinationCrs());
    if (!toMap.isValid())
        return ticks;
    const std::optional<ViewRange> range = viewRange(settings, toMap);
    if (!range)
        return ticks;

    const double k = settings.dpi() / 96.0;
    const QSizeF size(settings.outputSize());
    const double lonSpan = range->east - range->west, latSpan = range->north - range->south;
    double lonStep = stepDegrees, latStep = stepDegrees;
    if (!(stepDegrees > 0)) {
        // About one line every inch and a half, on screen and on paper alike.
        const double spacing = 144.0 * k;
        lonStep = niceGraticuleStep(lonSpan, std::max(2, int(std::lround(size.width() / spacing))));
        latStep = niceGraticuleStep(latSpan, std::max(2, int(std::lround(size.height() / spacing))));
        // Square-ish cells: a meridian step finer than the parallels' would crowd the labels.
        const double midLat = std::clamp((range->south + range->north) / 2, -80.0, 80.0);
        if (lonStep * std::cos(midLat * std::numbers::pi / 180.0) < latStep * 0.5)
            lonStep = niceGraticuleStep(latStep / std::cos(midLat * std::numbers::pi / 180.0), 1);
    }

    // Sampling the view misses a sliver at its edges: reach a little beyond.
    const double lonPad = range->allLongitudes ? 0 : std::max(lonSpan * 0.05, lonStep * 0.01);
    const double latPad = std::max(latSpan * 0.05, latStep * 0.01);
    double west = range->west - lonPad, east = range->east + lonPad;
    // Never more than once round: L and L + 360 are one meridian (a cylindrical CRS's repeats come
    // from the copies below), and a parallel drawn twice would show darker.
    bool allLongitudes = range->allLongitudes;
    if (east - west >= 360.0) {
        const double middle = (west + east) / 2;
        west = middle - 180;
        east = middle + 180;
        allLongitudes = true;
    }
    const double south = std::max(-90.0, range->south - latPad),
                 north = std::min(90.0, range->north + latPad);

    // In a cylindrical CRS the world repeats east and west: a view panned past the seam shows
    // the lines beyond it at one period's offset.
    const double period = cylindricalPeriod(toMap, (range->west + range->east) / 2);
    LineTracer tracer(toMap, settings);
    std::vector<PixelLine> lines;
    const long long firstLon = std::llround(std::ceil(west / lonStep - 1e-9));
    const long long lastLon = std::llround(std::floor(east / lonStep + 1e-9));
    for (long long i = firstLon; i <= lastLon && i - firstLon < kMaxLinesPerKind; ++i) {
        const double lon = double(i) * lonStep;
        // With every longitude shown, the first and last meridian may be one line (round a pole;
        // repeated by the copies of a cylindrical CRS) or the two limbs of a world (Robinson).
        if (allLongitudes && i == lastLon && i > firstLon &&
            std::abs(lon - (double(firstLon) * lonStep + 360)) < 1e-9 &&
            (period > 0 || sameMeridian(toMap, settings, double(firstLon) * lonStep, lon, south, north)))
            continue;
        PixelLine line;
        line.degrees = wrapLongitude(lon);
        line.runs = tracer.trace([&](double t) { return QPointF(lon, south + (north - south) * t); });
        lines.push_back(std::move(line));
    }
    const long long firstLat = std::llround(std::ceil(south / latStep - 1e-9));
    const long long lastLat = std::llround(std::floor(north / latStep + 1e-9));
    for (long long i = firstLat; i <= lastLat && i - firstLat < kMaxLinesPerKind; ++i) {
        const double lat = double(i) * latStep;
        if (std::abs(lat) >= 90.0 - 1e-9)
            continue; // a pole is a point, not a line
        PixelLine line;
        line.latitude = true;
        line.degrees = lat;
        line.runs = tracer.trace([&](double t) { return QPointF(west + (east - west) * t, lat); });
        lines.push_back(std::move(line));
    }

    const double periodPx = period / settings.mapUnitsPerPixel();
    const QRectF view(QPointF(0, 0), size);
    const QRectF clipRect = view.adjusted(-4 * k, -4 * k, 4 * k, 4 * k);

    painter.save();
    painter.setClipRect(view, Qt::IntersectClip);
    painter.setRenderHint(QPainter::Antialiasing, true);
    QPen pen(colour, 0.8 * k, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    for (const PixelLine &line : lines) {
        const double step = line.latitude ? latStep : lonStep;
        for (const QPolygonF &run : line.runs) {
            const QRectF box = run.boundingRect();
            int firstCopy = 0, lastCopy = 0;
            if (periodPx > 0) {
                firstCopy = int(std::ceil((clipRect.left() - box.right()) / periodPx));
                lastCopy = int(std::floor((clipRect.right() - box.left()) / periodPx));
            }
            for (int copy = firstCopy; copy <= lastCopy; ++copy) {
                const QPolygonF shifted = run.translated(copy * periodPx, 0);
                if (!shifted.boundingRect().adjusted(-1, -1, 1, 1).intersects(clipRect))
                    continue;
                collectCrossings(shifted, size, line, ticks, step);
                for (const QPolygonF &piece : clipPolyline(shifted, clipRect))
                    painter.drawPolyline(piece);
            }
        }
    }
    painter.restore();
    return ticks;
}

void paintGraticuleLabels(QPainter &painter, const QRectF &frame, double pixelToFrame,
                          const QList<GraticuleTick> &ticks, const QFont &font, const QColor &ink)
{
    if (ticks.isEmpty())
        return;
    using Edge = GraticuleTick::Edge;
    const QFontMetricsF fm(font, painter.device());
    const double tickLength = fm.height() * 0.35;
    const double gap = fm.height() * 0.15;
    const double spacing = fm.horizontalAdvance(QLatin1Char(' ')) * 1.5;

    auto horizontal = [](Edge e) { return e == Edge::Top || e == Edge::Bottom; };
    // Longitudes go on top and bottom, latitudes left and right, unless a kind meets none of
    // its own edges (near a pole meridians may only reach the sides).
    bool lonOnTopBottom = false, latOnSides = false;
    for (const GraticuleTick &t : ticks) {
        lonOnTopBottom |= !t.latitude && horizontal(t.edge);
        latOnSides |= t.latitude && !horizontal(t.edge);
    }
    auto wanted = [&](const GraticuleTick &t) {
        if (t.latitude)
            return horizontal(t.edge) ? !latOnSides : true;
        return horizontal(t.edge) ? true : !lonOnTopBottom;
    };

    struct Placed
    {
        const GraticuleTick *tick;
        double from, to; // extent along the edge, frame units
    };
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setFont(font);
    QPen tickPen(ink, fm.height() * 0.06, Qt::SolidLine, Qt::FlatCap);
    for (Edge edge : {Edge::Top, Edge::Bottom, Edge::Left, Edge::Right}) {
        const bool horiz = horizontal(edge);
        const double edgeStart = horiz ? frame.left() : frame.top();
        const double edgeEnd = horiz ? frame.right() : frame.bottom();
        std::vector<const GraticuleTick *> candidates;
        for (const GraticuleTick &t : ticks)
            if (t.edge == edge && wanted(t))
                candidates.push_back(&t);
        // The edge's own kind first (latitudes on the sides), then rounder values, then along the
        // edge: when labels collide the parallels' and whole degrees' labels stay.
        std::stable_sort(candidates.begin(), candidates.end(), [&](const auto *a, const auto *b) {
            const bool pa = a->latitude != horiz, pb = b->latitude != horiz;
            if (pa != pb)
                return pa;
            const int ra = roundness(a->degrees), rb = roundness(b->degrees);
            return ra != rb ? ra > rb : a->position < b->position;
        });
        std::vector<Placed> placed;
        for (const GraticuleTick *t : candidates) {
            const double at = edgeStart + t->position * pixelToFrame;
            const double half = fm.horizontalAdvance(t->label) / 2;
            const Placed p{t, at - half, at + half};
            const bool fits = p.from >= edgeStart - fm.height() * 0.2 && p.to <= edgeEnd + fm.height() * 0.2;
            const bool clear = std::none_of(placed.begin(), placed.end(), [&](const Placed &o) {
                return p.from < o.to + spacing && o.from < p.to + spacing;
            });
            if (fits && clear)
                placed.push_back(p);
        }
        painter.setPen(tickPen);
        for (const GraticuleTick *t : candidates) {
            const double at = edgeStart + t->position * pixelToFrame;
            switch (edge) {
            case Edge::Top:
                painter.drawLine(QPointF(at, frame.top()), QPointF(at, frame.top() - tickLength));
                break;
            case Edge::Bottom:
                painter.drawLine(QPointF(at, frame.bottom()), QPointF(at, frame.bottom() + tickLength));
                break;
            case Edge::Left:
                painter.drawLine(QPointF(frame.left(), at), QPointF(frame.left() - tickLength, at));
                break;
            case Edge::Right:
                painter.drawLine(QPointF(frame.right(), at), QPointF(frame.right() + tickLength, at));
                break;
            }
        }
        painter.setPen(ink);
        const double offset = tickLength + gap;
        for (const Placed &p : placed) {
            const double at = (p.from + p.to) / 2;
            const double width = p.to - p.from;
            const QString &text = p.tick->label;
            switch (edge) {
            case Edge::Top:
                painter.drawText(QRectF(p.from, frame.top() - offset - fm.height(), width, fm.height()),
                                 Qt::AlignHCenter | Qt::AlignBottom, text);
                break;
            case Edge::Bottom:
                painter.drawText(QRectF(p.from, frame.bottom() + offset, width, fm.height()),
                                 Qt::AlignHCenter | Qt::AlignTop, text);
                break;
            case Edge::Left:
            case Edge::Right: {
                // Read from the side, the baseline towards the map on both edges.
                const bool left = edge == Edge::Left;
                painter.save();
                painter.translate(left ? frame.left() - offset : frame.right() + offset, at);
                painter.rotate(left ? -90 : 90);
                painter.drawText(QRectF(-width / 2, -fm.height(), width, fm.height()),
                                 Qt::AlignHCenter | Qt::AlignBottom, text);
                painter.restore();
                break;
            }
            }
        }
    }
    painter.restore();
}

} // namespace sightline
