#include "layers/eventmarks.h"

#include "layers/eventlayer.h"

#include <QFont>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace sightline::eventmarks {

const QColor kSelection(0xff, 0xc1, 0x07);
const QColor kHalo(255, 255, 255, 215);
/// A vessel in an image that no AIS vessel fits: the warning red-orange of what was not broadcasting.
const QColor kDarkDetection(0xf0, 0x3b, 0x20);


double length(QPointF v)
{
    return std::hypot(v.x(), v.y());
}

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    return length(p - (a + t * ab));
}

double distanceToPolyline(QPointF p, const std::vector<QPointF> &line)
{
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 1; i < line.size(); ++i)
        best = std::min(best, distanceToSegment(p, line[i - 1], line[i]));
    return best;
}

bool isFinite(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

/// The quadratic curve of a voyage from a to b, bowed to the right of the direction of
/// travel so that the legs out and back lie side by side instead of on top of each other,
/// as a polyline trimmed by `inset` pixels at both ends.
std::vector<QPointF> voyageCurve(QPointF a, QPointF b, double inset)
{
    const QPointF d = b - a;
    const QPointF right(-d.y(), d.x()); // y grows downwards on screen
    const QPointF c = (a + b) / 2 + 0.12 * right;
    constexpr int kSteps = 32;
    std::vector<QPointF> pts;
    pts.reserve(kSteps + 1);
    for (int i = 0; i <= kSteps; ++i) {
        const double t = double(i) / kSteps;
        pts.push_back((1 - t) * (1 - t) * a + 2 * (1 - t) * t * c + t * t * b);
    }
    double total = 0;
    for (std::size_t i = 1; i < pts.size(); ++i)
        total += length(pts[i] - pts[i - 1]);
    if (total < 4 * inset)
        return pts;
    auto trimFront = [](std::vector<QPointF> &line, double by) {
        while (line.size() > 2) {
            const double seg = length(line[1] - line[0]);
            if (seg > by) {
                line[0] += (line[1] - line[0]) * (by / seg);
                return;
            }
            by -= seg;
            line.erase(line.begin());
        }
    };
    trimFront(pts, inset);
    std::reverse(pts.begin(), pts.end());
    trimFront(pts, inset);
    std::reverse(pts.begin(), pts.end());
    return pts;
}

/// A zigzag from a to b with `amplitude` and `wavelength` in pixels: the "this jump is
/// not a track" line of a spoofing suspicion.
std::vector<QPointF> zigzag(QPointF a, QPointF b, double amplitude, double wavelength)
{
    const double len = length(b - a);
    if (len < 2 * wavelength)
        return {a, b};
    const QPointF along = (b - a) / len;
    const QPointF across(-along.y(), along.x());
    const int teeth = int(len / (wavelength / 2));
    std::vector<QPointF> pts{a};
    for (int i = 1; i < teeth; ++i)
        pts.push_back(a + along * (len * i / teeth) + across * (i % 2 ? amplitude : -amplitude));
    pts.push_back(b);
    return pts;
}

QPolygonF warningTriangle(QPointF centre, double size)
{
    const double h = size * std::sqrt(3.0) / 2;
    return QPolygonF({centre + QPointF(0, -h * 2 / 3), centre + QPointF(size / 2, h / 3),
                      centre + QPointF(-size / 2, h / 3)});
}

QPointF arrowFrom(const std::vector<QPointF> &line)
{
    // Direction of the last few pixels, not of the last tiny step.
    const QPointF tip = line.back();
    for (auto it = line.rbegin() + 1; it != line.rend(); ++it)
        if (length(tip - *it) > 3)
            return *it;
    return line.front();
}

QPolygonF arrowHead(QPointF tip, QPointF from, double headLength, double halfWidth)
{
    const QPointF d = tip - from;
    const double len = length(d);
    const QPointF u = len > 0 ? d / len : QPointF(1, 0);
    const QPointF n(-u.y(), u.x());
    const QPointF base = tip - u * headLength;
    return QPolygonF({tip, base + n * halfWidth, base - n * halfWidth});
}

QPen pen(const QColor &colour, double width, Qt::PenStyle style = Qt::SolidLine)
{
    return QPen(colour, width, style, Qt::RoundCap, Qt::RoundJoin);
}

QPen dashedPen(const QColor &colour, double width, const QList<qreal> &pattern, Qt::PenCapStyle cap)
{
    QPen p(colour, width, Qt::CustomDashLine, cap, Qt::RoundJoin);
    p.setDashPattern(pattern);
    return p;
}

/// The light halo under a stroke `inkWidth` wide, so that it reads on dark imagery and
/// pale maps alike; for the selected event a yellow glow outside a thin white one, which
/// keeps the orange of a gap apart from the yellow. `filled` fills the shape as well.
void drawHalo(QPainter &painter, const QPainterPath &path, double inkWidth, const Look &look,
              bool filled = false)
{
    if (look.selected) {
        painter.setPen(pen(kSelection, inkWidth + 8.0 * look.k));
        painter.setBrush(filled ? QBrush(kSelection) : QBrush(Qt::NoBrush));
        painter.drawPath(path);
    }
    painter.setPen(pen(kHalo, inkWidth + 2.5 * look.k));
    painter.setBrush(filled ? QBrush(kHalo) : QBrush(Qt::NoBrush));
    painter.drawPath(path);
}

void strokeWithHalo(QPainter &painter, const QPainterPath &path, const QPen &ink, const Look &look)
{
    drawHalo(painter, path, ink.widthF(), look);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(ink);
    painter.drawPath(path);
}

QPainterPath pathOf(const std::vector<QPointF> &pts, bool closed = false)
{
    QPainterPath path;
    if (pts.empty())
        return path;
    path.moveTo(pts.front());
    for (std::size_t i = 1; i < pts.size(); ++i)
        path.lineTo(pts[i]);
    if (closed)
        path.closeSubpath();
    return path;
}

QPainterPath circle(QPointF c, double r)
{
    QPainterPath path;
    path.addEllipse(c, r, r);
    return path;
}

/// A filled dot with a white rim, and a highlight disc under it when selected.
void drawDot(QPainter &painter, QPointF c, double r, const QColor &fill, const Look &look)
{
    if (look.selected) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(kSelection);
        painter.drawEllipse(c, r + 3.5 * look.k, r + 3.5 * look.k);
    }
    painter.setPen(pen(Qt::white, 1.5 * look.k));
    painter.setBrush(fill);
    painter.drawEllipse(c, r, r);
}

/// A sign filled with the event's ink, edged white, on a halo: the spoofing triangle, the stop octagon.
void drawSign(QPainter &painter, const QPolygonF &outline, const QColor &ink, const Look &look)
{
    QPainterPath path;
    path.addPolygon(outline);
    path.closeSubpath();
    drawHalo(painter, path, 1.2 * look.k, look, true);
    painter.setPen(pen(Qt::white, 1.2 * look.k));
    painter.setBrush(ink);
    painter.drawPolygon(outline);
}

void drawGap(QPainter &painter, QPointF a, QPointF b, const Look &look)
{
    const QColor ink = EventLayer::eventColour(EventType::Gap);
    const double r = look.fixRadius();
    const bool apart = length(b - a) > 2 * r;
    if (apart) {
        // Dashes measured in pen widths: 3 on, 2 off, as "no positions here" reads on charts.
        strokeWithHalo(painter, pathOf({a, b}), dashedPen(ink, 2.0 * look.k * look.grow, {3, 2}, Qt::FlatCap),
                       look);
    }
    // The fixes, hollow: the ship was seen there, but the line between is a guess.
    // When it came back where it went dark the second ring goes round the first.
    const double r2 = apart ? r : r + 3.0 * look.k * look.grow;
    const QPen ring = pen(ink, 1.8 * look.k * look.grow);
    strokeWithHalo(painter, circle(a, r), ring, look);
    strokeWithHalo(painter, circle(b, r2), ring, look);
}

void drawReceptionCells(QPainter &painter, const QJsonArray &cells,
                        const std::function<QPointF(QPointF)> &toPixel, const QRectF &view, double k)
{
    const QColor heard(0x1b, 0x9e, 0x77), silent(0x4d, 0x4d, 0x4d);
    painter.save();
    for (const QJsonValue &value : cells) {
        // [west, south, size, bins, bins heard, vessels heard, others ever heard there]
        const QJsonArray c = value.toArray();
        if (c.size() < 7)
            continue;
        const double west = c[0].toDouble(), south = c[1].toDouble(), size = c[2].toDouble();
        const int bins = c[3].toInt(), binsHeard = c[4].toInt(), vessels = c[5].toInt();
        const bool withData = c[6].toInt() != 0;
        const int binsReceiverUp = c.size() > 7 ? c[7].toInt() : 0;
        QPolygonF cell;
        for (const QPointF &corner : {QPointF(west, south), QPointF(west + size, south),
                                      QPointF(west + size, south + size), QPointF(west, south + size)})
            cell << toPixel(corner);
        if (!std::all_of(cell.begin(), cell.end(), isFinite) || !cell.boundingRect().intersects(view))
            continue;
        if (binsHeard + binsReceiverUp > 0) {
            // Hours with others heard count fully; hours with only a receiver up, half.
            QColor fill = heard;
            fill.setAlpha(60 + int(120.0 * (binsHeard + 0.5 * binsReceiverUp) / std::max(1, bins)));
            painter.setBrush(fill);
            painter.setPen(pen(heard.darker(130), 1.2 * k));
        } else if (withData) {
            QColor fill = silent;
            fill.setAlpha(110);
            painter.setBrush(fill);
            painter.setPen(pen(silent, 1.2 * k));
        } else {
            painter.setBrush(Qt::NoBrush);
            painter.setPen(pen(silent, 1.2 * k, Qt::DashLine));
        }
        painter.drawPolygon(cell);
        const QRectF box = cell.boundingRect();
        if (binsHeard > 0 && box.width() > 22 * k && box.height() > 16 * k) {
            QFont font = painter.font();
            font.setPixelSize(int(std::round(11 * k)));
            font.setBold(true);
            painter.setFont(font);
            painter.setPen(Qt::white);
            painter.drawText(box, Qt::AlignCenter, QString::number(vessels));
        }
    }
    painter.restore();
}

void drawReachableArea(QPainter &painter, const std::vector<QPointF> &ring, const QRectF &view, double k)
{
    const QColor ink = EventLayer::eventColour(EventType::Gap);
    const QPainterPath path = pathOf(ring, true);
    QColor fill = ink;
    fill.setAlpha(55);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawPath(path);
    // A wash alone turns grey over blue sea; hatching keeps the area orange on any ground.
    const QRectF box = path.boundingRect().intersected(view);
    if (!box.isEmpty()) {
        painter.save();
        painter.setClipPath(path, Qt::IntersectClip);
        QColor hatch = ink;
        hatch.setAlpha(150);
        painter.setPen(QPen(hatch, 1.0 * k, Qt::SolidLine, Qt::FlatCap));
        const double step = 9.0 * k;
        for (double d = -box.height(); d < box.width(); d += step)
            painter.drawLine(QPointF(box.left() + d, box.bottom()),
                             QPointF(box.left() + d + box.height(), box.top()));
        painter.restore();
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(pen(QColor(255, 255, 255, 150), 3.5 * k));
    painter.drawPath(path);
    painter.setPen(dashedPen(ink, 1.5 * k, {5, 3}, Qt::FlatCap));
    painter.drawPath(path);
}

void drawPortCall(QPainter &painter, const MovementEvent &e, QPointF a, const Look &look)
{
    const QColor ink = EventLayer::eventColour(EventType::PortCall);
    if (!e.isInferredCall()) {
        drawDot(painter, a, look.portRadius(), ink, look);
        return;
    }
    // A call the ship could have made while dark: a dashed ring, nothing solid.
    const double ring = look.inferredPortRadius();
    drawHalo(painter, circle(a, ring), 1.8 * look.k, look);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(dashedPen(ink, 1.8 * look.k, {1.6, 1.2}, Qt::FlatCap));
    painter.drawEllipse(a, ring, ring);
}

void drawArrow(QPainter &painter, QPointF a, QPointF b, const QColor &ink, const Look &look)
{
    const std::vector<QPointF> line = voyageCurve(a, b, look.arrowInset());
    const double width = 1.7 * look.k * look.grow;
    const double head = 9.0 * look.k * look.grow;
    const QPolygonF arrow = arrowHead(line.back(), arrowFrom(line), head, head * 0.42);
    // The shaft stops inside the head so its end does not poke through the point.
    std::vector<QPointF> shaft = line;
    const QPointF back = arrowFrom(line) - line.back();
    if (length(back) > 0)
        shaft.back() += back * (std::min(head * 0.6, length(back)) / length(back));
    QPainterPath headPath;
    headPath.addPolygon(arrow);
    headPath.closeSubpath();
    drawHalo(painter, pathOf(shaft), width, look);
    drawHalo(painter, headPath, width, look, true);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(ink, width, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin));
    painter.drawPath(pathOf(shaft));
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    painter.drawPolygon(arrow);
}

void drawEncounter(QPainter &painter, QPointF a, QPointF b, const Look &look)
{
    const QColor ink = EventLayer::eventColour(EventType::Encounter);
    const QPointF mid = (a + b) / 2;
    const double apart = length(b - a);
    // The ring keeps a meeting visible at scales where both ships fall on one pixel.
    strokeWithHalo(painter, circle(mid, look.encounterRing(apart / 2)), pen(ink, 1.6 * look.k * look.grow),
                   look);
    const double r = look.dotRadius();
    if (apart > 2 * r)
        strokeWithHalo(painter, pathOf({a, b}), pen(ink, 1.5 * look.k), look);
    const Look plain(look.k, false);
    drawDot(painter, a, r, ink, plain);
    drawDot(painter, b, r, ink, plain);
}

void drawLoitering(QPainter &painter, QPointF a, const Look &look)
{
    const QColor ink = EventLayer::eventColour(EventType::Loitering);
    const double ring = look.loiterRing();
    drawHalo(painter, circle(a, ring), 2.0 * look.k * look.grow, look);
    // Round dots: near-zero dashes with round caps, two pen widths apart.
    painter.setPen(dashedPen(ink, 2.0 * look.k * look.grow, {0.01, 2.0}, Qt::RoundCap));
    painter.drawEllipse(a, ring, ring);
    drawDot(painter, a, 3.5 * look.k * look.grow, ink, Look(look.k, false));
}

void drawSpoofing(QPainter &painter, QPointF a, QPointF b, const Look &look)
{
    const QColor ink = EventLayer::eventColour(EventType::Spoofing);
    const double size = look.warningSize();
    if (length(b - a) > size) {
        const std::vector<QPointF> line = zigzag(a, b, 3.0 * look.k * look.grow, 11.0 * look.k);
        strokeWithHalo(painter, pathOf(line), pen(ink, 1.6 * look.k * look.grow), look);
        drawDot(painter, a, 2.5 * look.k * look.grow, ink, Look(look.k, false));
    }
    // A warning triangle with a "!" at the place the jump landed.
    const QPolygonF triangle = warningTriangle(b, size * 1.3);
    drawSign(painter, triangle, ink, look);
    const double h = size * 1.3 * std::sqrt(3.0) / 2;
    painter.setPen(QPen(Qt::white, std::max(1.0, 0.14 * size), Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(b + QPointF(0, -h * 0.36), b + QPointF(0, h * 0.05));
    painter.drawPoint(b + QPointF(0, h * 0.2));
}

/// A stop sign: an octagon with a white bar, at the middle of the stop's first and last positions
/// (they lie within the stop's small circle).
QPolygonF stopOctagon(QPointF c, double r)
{
    QPolygonF octagon;
    for (int i = 0; i < 8; ++i) {
        const double angle = (22.5 + 45.0 * i) * M_PI / 180.0;
        octagon << c + QPointF(r * std::cos(angle), r * std::sin(angle));
    }
    return octagon;
}

void drawStop(QPainter &painter, QPointF at, const Look &look)
{
    const QColor ink = EventLayer::eventColour(EventType::Stop);
    const QPolygonF octagon = stopOctagon(at, look.stopRadius());
    drawSign(painter, octagon, ink, look);
    const double bar = look.stopRadius() * 0.55;
    painter.setPen(QPen(Qt::white, std::max(1.0, 1.6 * look.k), Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(at - QPointF(bar, 0), at + QPointF(bar, 0));
}

/// A speech bubble over the sender's position: a message was heard from it, not inferred.
QPainterPath safetyBubble(QPointF at, const Look &look)
{
    const double w = 16.0 * look.k * look.grow, h = 11.0 * look.k * look.grow, tail = 5.0 * look.k;
    const QRectF box(at.x() - w * 0.3, at.y() - tail - h, w, h);
    QPainterPath path;
    path.addRoundedRect(box, 2.5 * look.k, 2.5 * look.k);
    QPolygonF pointer;
    pointer << at << QPointF(box.left() + w * 0.22, box.bottom() - 0.5)
            << QPointF(box.left() + w * 0.52, box.bottom() - 0.5);
    QPainterPath tailPath;
    tailPath.addPolygon(pointer);
    tailPath.closeSubpath();
    return path.united(tailPath);
}

void drawSafetyMessage(QPainter &painter, QPointF at, const Look &look)
{
    const QColor ink = EventLayer::eventColour(EventType::SafetyMessage);
    const QPainterPath bubble = safetyBubble(at, look);
    drawHalo(painter, bubble, 1.2 * look.k, look, true);
    painter.setPen(pen(Qt::white, 1.0 * look.k));
    painter.setBrush(ink);
    painter.drawPath(bubble);
    // Two lines of "text" in the bubble.
    const QRectF box = bubble.boundingRect();
    const double inset = box.width() * 0.2;
    painter.setPen(QPen(Qt::white, std::max(1.0, 1.3 * look.k), Qt::SolidLine, Qt::RoundCap));
    const double top = box.top() + box.height() * 0.2;
    painter.drawLine(QPointF(box.left() + inset, top + box.height() * 0.12),
                     QPointF(box.right() - inset, top + box.height() * 0.12));
    painter.drawLine(QPointF(box.left() + inset, top + box.height() * 0.3),
                     QPointF(box.right() - inset * 1.8, top + box.height() * 0.3));
}

/// A vessel seen in an image: a hull along its heading, pointed at both ends (a SAR blob shows no
/// bow), sized on screen rather than to the ship so that a 20 m boat is still seen.
QPolygonF detectionHull(QPointF at, double headingDeg, const Look &look)
{
    const double half = 9.0 * look.k * look.grow, beam = 3.5 * look.k * look.grow;
    const double rad = headingDeg * M_PI / 180.0;
    const QPointF along(std::sin(rad), -std::cos(rad)); // north up, y down
    const QPointF across(-along.y(), along.x());
    QPolygonF hull;
    hull << at + half * along << at + beam * across << at - half * along << at - beam * across;
    return hull;
}

/// Matched: the hull filled in the detection ink, labelled with the vessel. Dark (no AIS vessel
/// fits): a hollow hull with a thick warning outline and "dark", which must not read as a match.
void drawVesselDetection(QPainter &painter, const MovementEvent &e, QPointF at, const Look &look)
{
    const bool dark = e.details.value(QStringLiteral("dark")).toBool();
    const QPolygonF hull = detectionHull(at, e.details.value(QStringLiteral("heading")).toDouble(), look);
    if (dark) {
        QPainterPath path;
        path.addPolygon(hull);
        path.closeSubpath();
        strokeWithHalo(painter, path, pen(kDarkDetection, 2.4 * look.k), look);
    } else {
        drawSign(painter, hull, EventLayer::eventColour(EventType::VesselDetection), look);
    }
    const QString name = e.details.value(QStringLiteral("vessel_name")).toString();
    const QString label = dark ? QStringLiteral("dark") : name.isEmpty() ? QString::number(e.mmsi) : name;
    QFont font = painter.font();
    font.setPixelSize(std::max(8, int(std::lround(11 * look.k))));
    font.setBold(dark);
    QPainterPath text;
    text.addText(at + QPointF(10.0 * look.k, 4.0 * look.k), font, label);
    painter.setPen(pen(kHalo, 3.0 * look.k));
    painter.setBrush(kHalo);
    painter.drawPath(text);
    painter.setPen(Qt::NoPen);
    painter.setBrush(dark ? kDarkDetection : EventLayer::eventColour(EventType::VesselDetection));
    painter.drawPath(text);
}

/// Context under marks: long thin lines first, then dark periods and jumps, then the
/// marks; seen port calls over the ones only inferred.
int drawRank(const MovementEvent &e)
{
    switch (e.type) {
    case EventType::Voyage:
    case EventType::RoundTrip:
        return 0;
    case EventType::Gap:
        return 1;
    case EventType::Spoofing:
        return 2;
    case EventType::Loitering:
    case EventType::Stop:
        return 3;
    case EventType::Encounter:
        return 4;
    case EventType::PortCall:
        return e.isInferredCall() ? 5 : 6;
    case EventType::SafetyMessage:
        return 7;
    case EventType::VesselDetection:
        return 8;
    }
    return 0;
}

/// The shown events (filtered, and inside the view's time window) in the order they are drawn;
/// the selected one last.
std::vector<const MovementEvent *> drawOrder(const std::vector<MovementEvent> &events,
                                             const std::unordered_set<std::int64_t> *visible,
                                             std::int64_t selected, const TimeWindow &window)
{
    std::vector<const MovementEvent *> order;
    order.reserve(events.size());
    for (const MovementEvent &e : events)
        if ((!visible || visible->contains(e.id)) && window.overlaps(e.startMs, e.endMs))
            order.push_back(&e);
    std::stable_sort(order.begin(), order.end(), [selected](const MovementEvent *x, const MovementEvent *y) {
        const bool xs = selected != 0 && x->id == selected;
        const bool ys = selected != 0 && y->id == selected;
        if (xs != ys)
            return ys;
        return drawRank(*x) < drawRank(*y);
    });
    return order;
}

bool hits(const MovementEvent &e, QPointF a, QPointF b, QPointF at, double tolerance, const Look &look)
{
    switch (e.type) {
    case EventType::Gap:
        return length(at - a) <= look.fixRadius() + tolerance ||
               length(at - b) <= look.fixRadius() + 3.0 * look.k * look.grow + tolerance ||
               distanceToSegment(at, a, b) <= tolerance;
    case EventType::PortCall:
        return length(at - a) <= look.inferredPortRadius() + tolerance;
    case EventType::Voyage:
        if (length(b - a) < 3)
            return false;
        return distanceToPolyline(at, voyageCurve(a, b, look.arrowInset())) <= tolerance;
    case EventType::RoundTrip:
        if (length(b - a) < 3)
            return false;
        return distanceToPolyline(at, voyageCurve(a, b, look.arrowInset())) <= tolerance ||
               distanceToPolyline(at, voyageCurve(b, a, look.arrowInset())) <= tolerance;
    case EventType::Encounter:
        return length(at - (a + b) / 2) <= look.encounterRing(length(b - a) / 2) + tolerance;
    case EventType::Loitering:
        return length(at - a) <= look.loiterRing() + tolerance;
    case EventType::Stop:
        return length(at - (a + b) / 2) <= look.stopRadius() + tolerance;
    case EventType::Spoofing:
        return length(at - b) <= look.warningSize() * 0.75 + tolerance ||
               distanceToSegment(at, a, b) <= tolerance;
    case EventType::SafetyMessage:
        return safetyBubble(a, look).boundingRect().adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(at);
    case EventType::VesselDetection:
        return length(at - a) <= 9.0 * look.k * look.grow + tolerance;
    }
    return false;
}

void drawEventMark(QPainter &painter, const MovementEvent &e, QPointF a, QPointF b, const Look &look)
{
    switch (e.type) {
    case EventType::Gap:
        drawGap(painter, a, b, look);
        break;
    case EventType::PortCall:
        drawPortCall(painter, e, a, look);
        break;
    case EventType::Voyage:
        if (length(b - a) >= 3)
            drawArrow(painter, a, b, EventLayer::eventColour(e.type), look);
        break;
    case EventType::RoundTrip:
        // Out and back: two arrows, bowed to either side.
        if (length(b - a) >= 3) {
            drawArrow(painter, a, b, EventLayer::eventColour(e.type), look);
            drawArrow(painter, b, a, EventLayer::eventColour(e.type), look);
        }
        break;
    case EventType::Encounter:
        drawEncounter(painter, a, b, look);
        break;
    case EventType::Loitering:
        drawLoitering(painter, a, look);
        break;
    case EventType::Stop:
        drawStop(painter, (a + b) / 2, look);
        break;
    case EventType::Spoofing:
        drawSpoofing(painter, a, b, look);
        break;
    case EventType::SafetyMessage:
        drawSafetyMessage(painter, a, look);
        break;
    case EventType::VesselDetection:
        drawVesselDetection(painter, e, a, look);
        break;
    }
}

} // namespace sightline::eventmarks
