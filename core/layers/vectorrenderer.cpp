#include "layers/vectorrenderer.h"

#include "geo/transform.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace sightline {

namespace {
constexpr double kTickSpacingPx = 14.0;
constexpr double kTickHalfLengthPx = 3.5;
const QColor kSelection(0xff, 0xc1, 0x07);
} // namespace

VectorRenderer::VectorRenderer(std::shared_ptr<const VectorData> data,
                               std::shared_ptr<VectorLayer::ProjectionCache> cache, VectorStyle style,
                               std::vector<std::uint32_t> selection, MapSettings settings)
    : mData(std::move(data))
    , mCache(std::move(cache))
    , mStyle(std::move(style))
    , mSelection(std::move(selection))
    , mSettings(std::move(settings))
{
    std::sort(mSelection.begin(), mSelection.end());
    mScale = mSettings.dpi() / 96.0;
    mPrint = mSettings.dpi() > 150;
}

QPen VectorRenderer::penFor(const VectorSymbol &s, bool selected) const
{
    // One-pixel lines on screen take Qt's fast cosmetic path; wider ones and paper get real widths.
    const double width = (selected ? s.strokeWidth + 2.0 : s.strokeWidth) * mScale;
    QPen pen(selected ? kSelection : s.stroke, width, s.penStyle, Qt::RoundCap, Qt::RoundJoin);
    pen.setCosmetic(!mPrint && width <= 1.05);
    if (pen.isCosmetic())
        pen.setWidthF(1.0);
    return pen;
}

void VectorRenderer::drawPoint(QPainter &painter, QPointF at, const VectorSymbol &s, bool selected)
{
    const double r = s.pointSize * mScale / 2;
    painter.setPen(QPen(selected ? kSelection : s.stroke, (selected ? 2.5 : 1.2) * mScale));
    painter.setBrush(s.fill);
    switch (s.shape) {
    case VectorSymbol::Shape::Circle:
        painter.drawEllipse(at, r, r);
        break;
    case VectorSymbol::Shape::Square:
        painter.drawRect(QRectF(at - QPointF(r, r), QSizeF(2 * r, 2 * r)));
        break;
    case VectorSymbol::Shape::Triangle: {
        const QPointF tri[3] = {at + QPointF(0, -r), at + QPointF(r, r * 0.8), at + QPointF(-r, r * 0.8)};
        painter.drawPolygon(tri, 3);
        break;
    }
    case VectorSymbol::Shape::Anchor: {
        // A ring with a shank and arms: the chart sign for a harbour.
        painter.drawEllipse(at, r, r);
        const double a = r * 0.55;
        painter.drawLine(at + QPointF(0, -a), at + QPointF(0, a));
        painter.drawLine(at + QPointF(-a * 0.7, -a * 0.35), at + QPointF(a * 0.7, -a * 0.35));
        painter.drawArc(QRectF(at - QPointF(a, a * 0.2), QSizeF(2 * a, 1.2 * a)), 180 * 16, 180 * 16);
        break;
    }
    }
}

bool VectorRenderer::render(QPainter &painter, const std::atomic<bool> &cancelled)
{
    if (!mSettings.isValid())
        return true;
    const auto projected = projectedVector(*mCache, *mData, mSettings.destinationCrs());
    // The grid index lives in the layer's CRS: ask it with the view's box in that CRS.
    const Transform toLayer(mSettings.destinationCrs(), mData->crs());
    const double mupp = mSettings.mapUnitsPerPixel();
    const QRectF view = mSettings.visibleExtent().adjusted(-20 * mupp, -20 * mupp, 20 * mupp, 20 * mupp);
    QRectF query = toLayer.forwardBounds(view, 11);
    if (query.isEmpty())
        query = mData->extent();
    const std::vector<std::uint32_t> candidates = mData->query(query);
    const QTransform toPixel = mSettings.mapToPixelTransform();
    const int categoryIndex = mStyle.categoryField.isEmpty() ? -1 : mData->fieldIndex(mStyle.categoryField);
    const bool categoriesFromTags = !mStyle.categoryField.isEmpty() && categoryIndex < 0;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);

    struct Label
    {
        QPointF at;
        QString text;
        bool centred;
    };
    std::vector<Label> labels;
    const int labelIndex = mStyle.labelField.isEmpty() ? -1 : mData->fieldIndex(mStyle.labelField);

    QPolygonF line;
    QVector<QLineF> ticks;
    // Features of one symbol are batched into one draw call: per-feature calls cost
    // more than the drawing itself when a view holds a hundred thousand features.
    const VectorSymbol *batchSymbol = nullptr;
    QVector<QLineF> lineBatch;
    auto flush = [&] {
        if (!batchSymbol)
            return;
        if (!lineBatch.isEmpty()) {
            painter.setPen(penFor(*batchSymbol, false));
            painter.drawLines(lineBatch);
            lineBatch.clear();
        }
        batchSymbol = nullptr;
    };
    auto batchFor = [&](const VectorSymbol &s) {
        if (batchSymbol != &s)
            flush();
        batchSymbol = &s;
    };
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        if ((c & 1023) == 0 && cancelled)
            break;
        const std::uint32_t i = candidates[c];
        const VectorFeature &f = mData->features()[i];
        const QRectF &b = projected->bounds[i];
        if (b.isNull() && f.kind != VectorFeature::Kind::Point)
            continue;
        if (b.right() < view.left() || b.left() > view.right() || b.bottom() < view.top() ||
            b.top() > view.bottom())
            continue;
        const QString category = categoryIndex >= 0   ? f.attributes.value(categoryIndex).toString()
                                 : categoriesFromTags ? mData->value(f, mStyle.categoryField)
                                                      : QString();
        const VectorSymbol &s = mStyle.symbolFor(category);
        if (!s.visible)
            continue;
        const bool selected = std::binary_search(mSelection.begin(), mSelection.end(), i);
        const auto &pts = projected->points[i];
        const double pxSize = std::max(b.width(), b.height()) / mupp;

        if (f.kind == VectorFeature::Kind::Point) {
            flush();
            for (std::size_t part = 0; part < f.partCount(); ++part)
                drawPoint(painter, toPixel.map(pts[f.part(part).first]), s, selected);
            if (labelIndex >= 0)
                labels.push_back({toPixel.map(pts[0]), f.attributes.value(labelIndex).toString(), false});
            continue;
        }
        // Smaller than a pixel: a dot says it is there.
        if (pxSize < 1.0 && !selected) {
            batchFor(s);
            const QPointF dot = toPixel.map(b.center());
            lineBatch.append(QLineF(dot, dot + QPointF(0.01, 0)));
            continue;
        }
        auto pixelRun = [&](std::uint32_t a, std::uint32_t e) {
            line.clear();
            QPointF last(1e300, 1e300);
            for (std::uint32_t k = a; k < e; ++k) {
                if (pts[k].x() == HUGE_VAL)
                    continue;
                const QPointF q = toPixel.map(pts[k]);
                if (std::abs(q.x() - last.x()) + std::abs(q.y() - last.y()) < 0.5 && k + 1 < e)
                    continue;
                line << q;
                last = q;
            }
        };
        if (f.kind == VectorFeature::Kind::Polygon && f.partCount() == 1 && !selected) {
            // A polygon without holes: drawPolygon, with the pen and brush set once per symbol.
            if (batchSymbol != &s) {
                flush();
                batchSymbol = &s;
                painter.setPen(penFor(s, false));
                painter.setBrush(s.fill);
            }
            const auto [a, e] = f.part(0);
            pixelRun(a, e);
            if (line.size() >= 3) {
                // Fill without antialiasing, then the antialiased outline over its edge: the
                // same look for a fraction of the blending work.
                painter.setRenderHint(QPainter::Antialiasing, false);
                painter.setPen(Qt::NoPen);
                painter.drawPolygon(line);
                painter.setRenderHint(QPainter::Antialiasing, true);
                painter.setPen(penFor(s, false));
                painter.drawPolyline(line.data(), int(line.size()));
                painter.drawLine(line.last(), line.first());
            }
            if (labelIndex >= 0 && (pxSize > 24 || mData->features().size() <= 50))
                labels.push_back({toPixel.map(b.center()), f.attributes.value(labelIndex).toString(), true});
            continue;
        }
        if (f.kind == VectorFeature::Kind::Polygon) {
            flush();
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            for (std::size_t part = 0; part < f.partCount(); ++part) {
                const auto [a, e] = f.part(part);
                pixelRun(a, e);
                if (line.size() >= 3)
                    path.addPolygon(line), path.closeSubpath();
            }
            painter.setPen(penFor(s, selected));
            painter.setBrush(s.fill);
            painter.drawPath(path);
            // Big polygons are named; in a small layer (ports, depots) every one is.
            if (labelIndex >= 0 && (pxSize > 24 || mData->features().size() <= 50))
                labels.push_back({toPixel.map(b.center()), f.attributes.value(labelIndex).toString(), true});
            continue;
        }
        // Lines: solid one-pixel lines batch as segments; styled ones are drawn as polylines.
        // The pen is set once per run of one symbol.
        const bool sameState = !selected && batchSymbol == &s;
        if (!sameState) {
            flush();
            painter.setPen(penFor(s, selected));
            painter.setBrush(Qt::NoBrush);
            batchSymbol = selected ? nullptr : &s;
        }
        for (std::size_t part = 0; part < f.partCount(); ++part) {
            const auto [a, e] = f.part(part);
            pixelRun(a, e);
            if (line.size() < 2)
                continue;
            painter.drawPolyline(line);
            // Railway cross ticks, evenly spaced along the line, once it is long enough to show them.
            if (s.railway && pxSize > 3 * kTickSpacingPx) {
                double carry = kTickSpacingPx / 2;
                for (int k = 0; k + 1 < line.size(); ++k) {
                    const QPointF d = line[k + 1] - line[k];
                    const double len = std::hypot(d.x(), d.y());
                    if (len <= 0)
                        continue;
                    const QPointF n(-d.y() / len * kTickHalfLengthPx * mScale,
                                    d.x() / len * kTickHalfLengthPx * mScale);
                    double at = carry;
                    for (; at < len; at += kTickSpacingPx * mScale) {
                        const QPointF c2 = line[k] + d * (at / len);
                        ticks.append(QLineF(c2 - n, c2 + n));
                    }
                    carry = at - len;
                }
            }
            if (labelIndex >= 0 && part == 0 && pxSize > 60)
                labels.push_back({line[line.size() / 2], f.attributes.value(labelIndex).toString(), false});
        }
        if (!ticks.isEmpty()) {
            flush();
            QPen tickPen = penFor(s, selected);
            tickPen.setStyle(Qt::SolidLine);
            painter.setPen(tickPen);
            painter.drawLines(ticks);
            ticks.clear();
        }
    }

    flush();
    // Labels go to the map's labelling engine, placed with every other layer's.
    for (const Label &l : labels)
        mLabels.push_back(LabelCandidate{l.at, l.text,
                                         l.centred ? LabelCandidate::Placement::Centred
                                                   : LabelCandidate::Placement::BesidePoint,
                                         mStyle.labelColour, mStyle.labelSize});
    painter.restore();
    return true;
}

} // namespace sightline
