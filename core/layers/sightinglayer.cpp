#include "layers/sightinglayer.h"

#include "geo/transform.h"
#include "map/annotationpainter.h"
#include "map/mapsettings.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace sightline {

namespace {

const QColor kSelection(0xff, 0xc1, 0x07);
const QColor kHalo(255, 255, 255, 230);

std::vector<QPointF> toPixels(const SightingGeometry &g, const Transform &toMap, const MapSettings &s)
{
    std::vector<QPointF> out;
    out.reserve(std::size_t(g.lonLat.size()));
    for (const QPointF &p : g.lonLat)
        out.push_back(s.mapToPixel(toMap.forward(p)));
    return out;
}

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

class SightingRenderer : public LayerRenderer
{
public:
    SightingRenderer(std::shared_ptr<const QList<Sighting>> sightings, std::int64_t selected,
                     std::shared_ptr<const QList<Annotation>> annotations, std::int64_t selectedAnnotation,
                     std::int64_t hiddenAnnotation, MapSettings settings)
        : mSightings(std::move(sightings))
        , mSelected(selected)
        , mAnnotations(std::move(annotations))
        , mSelectedAnnotation(selectedAnnotation)
        , mHiddenAnnotation(hiddenAnnotation)
        , mSettings(std::move(settings))
    {
    }

    bool render(QPainter &painter, const std::atomic<bool> &cancelled) override
    {
        if (!mSettings.isValid())
            return true;
        const Transform toMap(Crs::wgs84(), mSettings.destinationCrs());
        const double k = mSettings.dpi() / 96.0;
        painter.setRenderHint(QPainter::Antialiasing, true);
        const QRectF view = QRectF(QPointF(0, 0), QSizeF(mSettings.outputSize())).adjusted(-50, -50, 50, 50);
        for (const Sighting &s : *mSightings) {
            if (cancelled)
                return true;
            if (!mSettings.timeWindow().contains(s.observedAtMs))
                continue;
            const std::vector<QPointF> px = toPixels(s.geometry, toMap, mSettings);
            QRectF box;
            for (const QPointF &p : px)
                box = box.united(QRectF(p, QSizeF(0.1, 0.1)));
            if (!box.intersects(view))
                continue;
            const bool selected = s.id == mSelected;
            const QColor colour = sightingColour(s.kind);
            drawGeometry(painter, s, px, colour, selected, k);
            QString label = s.title();
            if (s.observedAtMs)
                label += QStringLiteral(" · ") + QDateTime::fromMSecsSinceEpoch(s.observedAtMs, Qt::UTC)
                                                     .toString(QStringLiteral("d MMM yyyy"));
            LabelCandidate c;
            c.text = label;
            c.colour = colour.darker(160);
            c.sizePx = 11.5; // at 96 dpi: the labelling engine scales it to the output
            c.anchor = s.geometry.type == SightingGeometry::Type::Point ? px.front() : box.center();
            c.placement = s.geometry.type == SightingGeometry::Type::Point
                              ? LabelCandidate::Placement::BesidePoint
                              : LabelCandidate::Placement::Centred;
            if (s.geometry.type == SightingGeometry::Type::MultiPoint) {
                c.anchor = QPointF(box.right(), box.top());
                c.placement = LabelCandidate::Placement::BesidePoint;
            }
            mLabels.push_back(c);
        }
        // Annotations go over the sightings: they are what a figure points at.
        for (const Annotation &a : *mAnnotations) {
            if (cancelled)
                return true;
            if (a.id == mHiddenAnnotation)
                continue;
            std::vector<QPointF> px;
            for (const QPointF &p : a.lonLat)
                px.push_back(mSettings.mapToPixel(toMap.forward(p)));
            paintAnnotation(painter, a, px, k, a.id == mSelectedAnnotation);
        }
        return true;
    }

private:
    void drawGeometry(QPainter &painter, const Sighting &s, const std::vector<QPointF> &px,
                      const QColor &colour, bool selected, double k)
    {
        const QColor ink = selected ? kSelection : colour;
        switch (s.geometry.type) {
        case SightingGeometry::Type::Point: {
            const double r = 7 * k;
            const QPointF c = px.front();
            const QPointF diamond[4] = {c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r),
                                        c + QPointF(-r, 0)};
            painter.setPen(QPen(kHalo, 4.5 * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(Qt::NoBrush);
            painter.drawPolygon(diamond, 4);
            painter.setPen(QPen(ink, 2 * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            QColor fill = colour;
            fill.setAlpha(110);
            painter.setBrush(fill);
            painter.drawPolygon(diamond, 4);
            break;
        }
        case SightingGeometry::Type::MultiPoint: {
            // Numbered marks, as the analyst clicked them; numbers only where they fit.
            double closest = 1e9;
            for (std::size_t i = 1; i < px.size(); ++i)
                closest = std::min(closest, std::hypot(px[i].x() - px[i - 1].x(), px[i].y() - px[i - 1].y()));
            const bool numbers = closest > 16 * k;
            const double r = (numbers ? 8 : 3.5) * k;
            QFont font = painter.font();
            font.setPixelSize(int(std::round(9 * k)));
            font.setBold(true);
            painter.setFont(font);
            for (std::size_t i = 0; i < px.size(); ++i) {
                painter.setPen(QPen(kHalo, 1.5 * k));
                painter.setBrush(ink);
                painter.drawEllipse(px[i], r, r);
                if (numbers) {
                    painter.setPen(Qt::white);
                    painter.drawText(QRectF(px[i] - QPointF(r, r), QSizeF(2 * r, 2 * r)), Qt::AlignCenter,
                                     QString::number(i + 1));
                }
            }
            break;
        }
        case SightingGeometry::Type::Line:
        case SightingGeometry::Type::Polygon: {
            QPainterPath path;
            path.moveTo(px.front());
            for (std::size_t i = 1; i < px.size(); ++i)
                path.lineTo(px[i]);
            const bool area = s.geometry.type == SightingGeometry::Type::Polygon;
            if (area)
                path.closeSubpath();
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(kHalo, 5 * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.drawPath(path);
            QColor fill = colour;
            fill.setAlpha(55);
            painter.setBrush(area ? QBrush(fill) : QBrush(Qt::NoBrush));
            painter.setPen(QPen(ink, (selected ? 3 : 2) * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.drawPath(path);
            break;
        }
        }
    }

    std::shared_ptr<const QList<Sighting>> mSightings;
    std::int64_t mSelected;
    std::shared_ptr<const QList<Annotation>> mAnnotations;
    std::int64_t mSelectedAnnotation;
    std::int64_t mHiddenAnnotation;
    MapSettings mSettings;
};

QRectF boundsOf(const QList<QRectF> &boxes)
{
    // QRectF::united ignores empty rectangles, and a point's bounds are empty: unite by hand.
    QRectF all;
    bool first = true;
    for (const QRectF &b : boxes) {
        if (first)
            all = b;
        else
            all = QRectF(QPointF(std::min(all.left(), b.left()), std::min(all.top(), b.top())),
                         QPointF(std::max(all.right(), b.right()), std::max(all.bottom(), b.bottom())));
        first = false;
    }
    if (!boxes.isEmpty() && (all.width() <= 0 || all.height() <= 0))
        all = all.adjusted(-1e-3, -1e-3, 1e-3, 1e-3);
    return all;
}

} // namespace

QColor sightingColour(const QString &kind)
{
    // Saturated, distinct on imagery and on the land/sea base, readable on white paper.
    if (kind == QLatin1String("vessel"))
        return QColor(0xd6, 0x27, 0x28);
    if (kind == QLatin1String("containers"))
        return QColor(0xf0, 0x7d, 0x00);
    if (kind == QLatin1String("rail cars"))
        return QColor(0x7b, 0x3f, 0xbf);
    if (kind == QLatin1String("vehicles"))
        return QColor(0x1a, 0x7f, 0x37);
    if (kind == QLatin1String("pits"))
        return QColor(0x9c, 0x5b, 0x1b);
    if (kind == QLatin1String("construction"))
        return QColor(0xc2, 0x18, 0x7c);
    return QColor(0x00, 0x7c, 0x91);
}

SightingLayer::SightingLayer(QString source, QList<Sighting> sightings)
    : mSource(std::move(source))
    , mAnnotations(std::make_shared<const QList<Annotation>>())
{
    setName(QStringLiteral("Sightings"));
    setSightings(std::move(sightings));
}

void SightingLayer::setSightings(QList<Sighting> sightings)
{
    mSightings = std::make_shared<const QList<Sighting>>(std::move(sightings));
    updateExtent();
}

void SightingLayer::setAnnotations(QList<Annotation> annotations)
{
    mAnnotations = std::make_shared<const QList<Annotation>>(std::move(annotations));
    updateExtent();
}

void SightingLayer::updateExtent()
{
    QList<QRectF> boxes;
    for (const Sighting &s : *mSightings)
        boxes << s.geometry.boundsWgs84();
    for (const Annotation &a : *mAnnotations)
        boxes << a.boundsWgs84();
    mExtent = boundsOf(boxes);
}

std::unique_ptr<LayerRenderer> SightingLayer::createRenderer(const MapSettings &settings) const
{
    return std::make_unique<SightingRenderer>(mSightings, mSelected, mAnnotations, mSelectedAnnotation,
                                              mHiddenAnnotation, settings);
}

std::int64_t SightingLayer::pickAnnotation(QPointF lonLat, const MapSettings &settings,
                                           double tolerancePx) const
{
    const Transform toMap(Crs::wgs84(), settings.destinationCrs());
    const QPointF at = settings.mapToPixel(toMap.forward(lonLat));
    const double k = settings.dpi() / 96.0;
    for (auto it = mAnnotations->crbegin(); it != mAnnotations->crend(); ++it) {
        std::vector<QPointF> px;
        for (const QPointF &p : it->lonLat)
            px.push_back(settings.mapToPixel(toMap.forward(p)));
        if (annotationHit(*it, px, at, tolerancePx, k))
            return it->id;
    }
    return 0;
}

QList<LayerProperty> SightingLayer::properties() const
{
    int counted = 0;
    for (const Sighting &s : *mSightings)
        counted += s.count;
    return {{QStringLiteral("Project"), mSource},
            {QStringLiteral("Sightings"), QString::number(mSightings->size())},
            {QStringLiteral("Annotations"), QString::number(mAnnotations->size())},
            {QStringLiteral("Objects counted"), QString::number(counted)}};
}

std::int64_t SightingLayer::pick(QPointF lonLat, const MapSettings &settings, double tolerancePx) const
{
    const Transform toMap(Crs::wgs84(), settings.destinationCrs());
    const QPointF at = settings.mapToPixel(toMap.forward(lonLat));
    for (auto it = mSightings->crbegin(); it != mSightings->crend(); ++it) {
        if (!settings.timeWindow().contains(it->observedAtMs))
            continue; // not drawn, so not picked
        const std::vector<QPointF> px = toPixels(it->geometry, toMap, settings);
        switch (it->geometry.type) {
        case SightingGeometry::Type::Point:
        case SightingGeometry::Type::MultiPoint:
            for (const QPointF &p : px)
                if (std::hypot(p.x() - at.x(), p.y() - at.y()) <= tolerancePx + 6)
                    return it->id;
            break;
        case SightingGeometry::Type::Polygon: {
            QPolygonF poly;
            for (const QPointF &p : px)
                poly << p;
            if (poly.containsPoint(at, Qt::OddEvenFill))
                return it->id;
            [[fallthrough]];
        }
        case SightingGeometry::Type::Line:
            for (std::size_t i = 1; i < px.size(); ++i)
                if (distanceToSegment(at, px[i - 1], px[i]) <= tolerancePx)
                    return it->id;
            if (it->geometry.type == SightingGeometry::Type::Polygon && px.size() > 2 &&
                distanceToSegment(at, px.back(), px.front()) <= tolerancePx)
                return it->id;
            break;
        }
    }
    return 0;
}

} // namespace sightline
