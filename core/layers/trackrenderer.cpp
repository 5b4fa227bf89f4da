#include "layers/trackrenderer.h"

#include "geo/transform.h"
#include "tracks/trackinterpolation.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

#include <cmath>

namespace sightline {

namespace {

// Blue → cyan → yellow → red over 0..1, for speed and time colouring.
QColor ramp(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromHsvF(float(0.66 * (1.0 - t)), 0.85f, 0.92f);
}

constexpr double kMaxSpeedForColour = 20.0; // knots: faster is drawn as fast
constexpr std::size_t kPointsThreshold = 20000;
constexpr std::size_t kLabelVesselLimit = 300;

} // namespace

TrackRenderer::TrackRenderer(std::shared_ptr<const TrackStore> store,
                             std::shared_ptr<const VesselRegistry> registry,
                             std::shared_ptr<TrackLayer::ProjectionCacheHandle> cache,
                             TrackLayer::Style style, std::uint32_t highlighted, MapSettings settings,
                             std::shared_ptr<const TrackCleaning> cleaning)
    : mStore(std::move(store))
    , mRegistry(std::move(registry))
    , mCache(std::move(cache))
    , mStyle(style)
    , mHighlighted(highlighted)
    , mSettings(std::move(settings))
    , mCleaning(std::move(cleaning))
{
    mFirstMs = mStore->firstTimeMs();
    mSpanMs = std::max<std::int64_t>(1, mStore->lastTimeMs() - mFirstMs);
}

QColor TrackRenderer::colourFor(const VesselTrack &track, std::size_t i) const
{
    switch (mStyle.colourBy) {
    case TrackLayer::ColourBy::Vessel:
        return TrackLayer::vesselColour(track.mmsi());
    case TrackLayer::ColourBy::Speed: {
        const double sog = track.sog(i);
        return std::isnan(sog) ? QColor(140, 140, 140) : ramp(sog / kMaxSpeedForColour);
    }
    case TrackLayer::ColourBy::Time:
        return ramp(double(track.timeMs(i) - mFirstMs) / double(mSpanMs));
    }
    return Qt::black;
}

const QImage &TrackRenderer::sprite(const QColor &colour, double radius, bool hollow)
{
    const quint64 key =
        (quint64(colour.rgba()) << 17) | (quint64(hollow) << 16) | quint64(std::lround(radius * 100));
    auto it = mSprites.find(key);
    if (it != mSprites.end())
        return it->second;
    // Drawn at twice the size and marked as such, so the dot stays round and crisp.
    const int size = int(std::ceil(2 * (radius + 1))) * 2;
    QImage dot(size, size, QImage::Format_ARGB32_Premultiplied);
    dot.fill(Qt::transparent);
    {
        QPainter p(&dot);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(2, 2);
        if (hollow) {
            p.setPen(QPen(colour, 1.4));
            p.setBrush(Qt::white);
        } else {
            p.setPen(QPen(Qt::white, 0.8));
            p.setBrush(colour);
        }
        p.drawEllipse(QPointF(size / 4.0, size / 4.0), radius, radius);
    }
    dot.setDevicePixelRatio(2);
    return mSprites.emplace(key, std::move(dot)).first->second;
}

bool TrackRenderer::render(QPainter &painter, const std::atomic<bool> &cancelled)
{
    if (!mSettings.isValid() || mStore->positionCount() == 0)
        return true;
    const auto projected = projectedTracks(*mCache, *mStore, mSettings.destinationCrs());
    if (cancelled)
        return true;
    mGeneralized = mStyle.generalize.isActive()
                       ? mCache->generalized.get(*mStore, mCleaning, mStyle.generalize, mStyle.gapThresholdMs)
                       : nullptr;
    if (cancelled)
        return true;
    // The positions inside the time window, per track (all of them when it is open).
    const TimeWindow &window = mSettings.timeWindow();
    mRanges.assign(mStore->tracks().size(), {0, 0});
    for (std::size_t t = 0; t < mRanges.size(); ++t) {
        const VesselTrack &track = mStore->tracks()[t];
        mRanges[t] = window.isOpen() ? std::pair<std::size_t, std::size_t>(0, track.size())
                                     : track.rangeForTime(window.fromMs ? window.fromMs : track.firstTimeMs(),
                                                          window.toMs ? window.toMs : track.lastTimeMs());
    }
    const bool cursor = mSettings.cursorMs() != 0;
    std::vector<std::size_t> atCursor;
    // Tracks whose box touches the view, with a margin for labels and line joins.
    const double margin = 20 * mSettings.mapUnitsPerPixel();
    const QRectF view = mSettings.visibleExtent().adjusted(-margin, -margin, margin, margin);
    std::vector<std::size_t> visible;
    std::size_t visiblePositions = 0;
    for (std::size_t t = 0; t < projected->tracks.size(); ++t) {
        const QRectF &b = projected->tracks[t].bounds;
        if (projected->tracks[t].xy.empty() || b.right() < view.left() || b.left() > view.right() ||
            b.bottom() < view.top() || b.top() > view.bottom())
            continue;
        const auto [first, last] = mRanges[t];
        if (first < last) {
            visible.push_back(t);
            if (mGeneralized) {
                // The level of detail follows what is drawn: a simplified line has fewer positions.
                const std::vector<std::uint32_t> &kept = mGeneralized->kept[t];
                visiblePositions += std::size_t(std::lower_bound(kept.begin(), kept.end(), last) -
                                                std::lower_bound(kept.begin(), kept.end(), first));
            } else {
                visiblePositions += last - first;
            }
        }
        if (cursor)
            atCursor.push_back(t);
    }
    if (!visible.empty()) {
        if (visiblePositions > kSplatThreshold)
            splat(painter, *projected, visible, cancelled);
        else
            drawVectors(painter, *projected, visible, visiblePositions, cancelled);
    }
    if (cursor && !cancelled)
        drawCursor(painter, atCursor);
    return true;
}

void TrackRenderer::splat(QPainter &painter, const ProjectedTracks &projected,
                          const std::vector<std::size_t> &visible, const std::atomic<bool> &cancelled)
{
    const int w = mSettings.outputSize().width(), h = mSettings.outputSize().height();
    QImage image(w, h, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    auto *bits = reinterpret_cast<QRgb *>(image.bits());
    const qsizetype stride = image.bytesPerLine() / 4;
    const QRectF e = mSettings.visibleExtent();
    const double s = 1.0 / mSettings.mapUnitsPerPixel();
    for (std::size_t t : visible) {
        if (cancelled)
            return;
        const VesselTrack &track = mStore->tracks()[t];
        const ProjectedTracks::Track &p = projected.tracks[t];
        // Pixel = offset * s + origin's pixel: one multiply-add per axis per position.
        const double ox = (p.originX - e.left()) * s, oy = (e.bottom() - p.originY) * s;
        const float fs = float(s);
        const QRgb constant = TrackLayer::vesselColour(track.mmsi()).rgba();
        const bool byVessel = mStyle.colourBy == TrackLayer::ColourBy::Vessel;
        const auto [first, last] = mRanges[t];
        const float *xy = p.xy.data();
        auto plot = [&](std::size_t i) {
            const double x = ox + double(xy[2 * i] * fs), y = oy - double(xy[2 * i + 1] * fs);
            if (x < 0 || y < 0 || x >= w || y >= h)
                return;
            bits[qsizetype(y) * stride + qsizetype(x)] = byVessel ? constant : colourFor(track, i).rgba();
        };
        if (mGeneralized) {
            const std::vector<std::uint32_t> &kept = mGeneralized->kept[t];
            for (auto k = std::lower_bound(kept.begin(), kept.end(), first); k != kept.end() && *k < last; ++k)
                plot(*k);
        } else {
            for (std::size_t i = first; i < last; ++i)
                plot(i);
        }
    }
    painter.drawImage(QPointF(0, 0), image);
}

void TrackRenderer::drawVectors(QPainter &painter, const ProjectedTracks &projected,
                                const std::vector<std::size_t> &visible, std::size_t visiblePositions,
                                const std::atomic<bool> &cancelled)
{
    const QRectF e = mSettings.visibleExtent();
    const double s = 1.0 / mSettings.mapUnitsPerPixel();
    const double dpiScale = mSettings.dpi() / 96.0;
    // A PDF (the brief) keeps vectors: real line widths and dots, never sprites or cosmetic pens.
    const bool paper = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Pdf;
    const bool drawPoints = visiblePositions <= kPointsThreshold;
    // With a time cursor the vessels are named where the cursor puts them, not at their last fix.
    const bool drawLabels = mStyle.labels && visible.size() <= kLabelVesselLimit && !mSettings.cursorMs();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);

    std::vector<std::uint32_t> drawn; // reused from track to track
    auto drawTrack = [&](std::size_t t, bool highlight) {
        const VesselTrack &track = mStore->tracks()[t];
        const ProjectedTracks::Track &p = projected.tracks[t];
        const double ox = (p.originX - e.left()) * s, oy = (e.bottom() - p.originY) * s;
        auto pixel = [&](std::size_t i) { return QPointF(ox + p.xy[2 * i] * s, oy - p.xy[2 * i + 1] * s); };
        // On screen a one-pixel cosmetic pen takes Qt's fast antialiased line path (ten times
        // faster than a wider stroke, which is outlined and filled); paper gets the real width.
        const bool print = mSettings.dpi() > 150 || paper;
        const double width = highlight ? 3.2 * dpiScale : print ? mStyle.lineWidth * dpiScale : 1.0;
        QPen solid(TrackLayer::vesselColour(track.mmsi()), width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        solid.setCosmetic(!highlight && !print);
        QPen dashed = solid;
        dashed.setStyle(Qt::DashLine);
        const bool perSegmentColour = mStyle.colourBy != TrackLayer::ColourBy::Vessel;
        // The positions the cleaning set aside are off the line (the analyses skip them too) and
        // drawn hollow below.
        const std::vector<std::uint8_t> *marks =
            mCleaning && t < mCleaning->marks.size() && mCleaning->marks[t].size() == track.size()
                ? &mCleaning->marks[t]
                : nullptr;
        auto setAside = [marks](std::size_t i) { return marks && (*marks)[i] != 0; };
        // Runs between long silences are one polyline; vertices closer than half a pixel are merged.
        QPolygonF run;
        const auto [begin, end] = mRanges[t];
        drawnPositions(t, drawn);
        // (Nothing to draw when a simplified window holds only positions set aside.)
        if (!drawn.empty()) {
            std::size_t k = 0;
            while (k + 1 < drawn.size() && setAside(drawn[k]))
                ++k;
            QPointF last = pixel(drawn[k]);
            run << last;
            auto flush = [&] {
                if (run.size() > 1 && !perSegmentColour) {
                    painter.setPen(solid);
                    painter.drawPolyline(run);
                }
                run.clear();
            };
            for (++k; k < drawn.size(); ++k) {
                const std::size_t i = drawn[k];
                if (setAside(i))
                    continue;
                const QPointF q = pixel(i);
                // A silence lies between a position and the one heard just before it, drawn or not (a
                // simplification keeps both ends of every silence, and thins only between them).
                std::size_t heardBefore = i - 1;
                while (heardBefore > 0 && setAside(heardBefore))
                    --heardBefore;
                const bool gap = track.timeMs(i) - track.timeMs(heardBefore) > mStyle.gapThresholdMs;
                if (gap) {
                    flush();
                    dashed.setColor(perSegmentColour ? colourFor(track, i) : solid.color());
                    painter.setPen(dashed);
                    painter.drawLine(last, q);
                    run << q;
                    last = q;
                    continue;
                }
                if (perSegmentColour) {
                    solid.setColor(colourFor(track, i));
                    painter.setPen(solid);
                    painter.drawLine(last, q);
                    last = q;
                    continue;
                }
                if (std::abs(q.x() - last.x()) + std::abs(q.y() - last.y()) < 0.5 && k + 1 < drawn.size())
                    continue;
                run << q;
                last = q;
            }
            flush();
        }

        // A position's dot: a vector dot on paper (a sprite would be an image per position), else
        // a pre-drawn sprite (per-point antialiased ellipses cost more than everything else together).
        auto dot = [&](QPointF q, const QColor &c, double r, bool hollow) {
            if (paper) {
                painter.setPen(hollow ? QPen(c, 1.4 * dpiScale) : QPen(Qt::white, 0.8 * dpiScale));
                painter.setBrush(hollow ? QColor(Qt::white) : c);
                painter.drawEllipse(q, r, r);
            } else {
                const QImage &image = sprite(c, r, hollow);
                painter.drawImage(q - QPointF(image.width(), image.height()) / (2 * image.devicePixelRatio()),
                                  image);
            }
        };
        const bool points = drawPoints || highlight;
        if (points) {
            // The dots and heading ticks of the positions the line goes through, the ticks in one batch.
            const double r = (highlight ? 3.0 : 2.2) * dpiScale;
            const int w = mSettings.outputSize().width(), h = mSettings.outputSize().height();
            QVector<QLineF> ticks;
            QColor tickColour;
            for (const std::size_t i : drawn) {
                const QPointF q = pixel(i);
                if (q.x() < -10 || q.y() < -10 || q.x() > w + 10 || q.y() > h + 10)
                    continue;
                const QColor c = colourFor(track, i);
                dot(q, c, r, setAside(i));
                // Heading (or course) mark: a short tick towards where the bow points.
                const double dir = track.heading(i) >= 0 ? track.heading(i) : track.cog(i);
                if (!std::isnan(dir)) {
                    const double a = dir * M_PI / 180.0, len = 9 * dpiScale;
                    ticks.append(QLineF(q, q + QPointF(std::sin(a) * len, -std::cos(a) * len)));
                    tickColour = c.darker(140);
                }
            }
            if (!ticks.isEmpty()) {
                painter.setPen(QPen(tickColour, 1.4 * dpiScale, Qt::SolidLine, Qt::RoundCap));
                painter.drawLines(ticks);
            }
        }
        if (marks && (!points || mGeneralized)) {
            // The few positions set aside still show where they are, hollow: also when the points are
            // too many to draw, and when the simplified line passes them by.
            const double r = 2.2 * dpiScale;
            for (std::size_t i = begin; i < end; ++i)
                if (setAside(i))
                    dot(pixel(i), colourFor(track, i), r, true);
        }
        if (drawLabels) {
            // The name by the last position in view, for the map's labelling engine.
            for (std::size_t i = end; i-- > begin;) {
                const QPointF q = pixel(i);
                if (q.x() < 0 || q.y() < 0 || q.x() > mSettings.outputSize().width() ||
                    q.y() > mSettings.outputSize().height())
                    continue;
                const VesselInfo *info = mRegistry->find(track.mmsi());
                mLabels.push_back(LabelCandidate{
                    q,
                    info && !info->names.isEmpty() ? info->currentName()
                                                   : QStringLiteral("MMSI %1").arg(track.mmsi()),
                    LabelCandidate::Placement::BesidePoint, QColor(0x22, 0x2b, 0x33), 11.0});
                break;
            }
        }
    };

    std::size_t highlightedIndex = visible.size();
    for (std::size_t k = 0; k < visible.size(); ++k) {
        if (cancelled)
            break;
        if (mStore->tracks()[visible[k]].mmsi() == mHighlighted) {
            highlightedIndex = k;
            continue;
        }
        drawTrack(visible[k], false);
    }
    if (highlightedIndex < visible.size())
        drawTrack(visible[highlightedIndex], true); // on top of the others
    painter.restore();
}

void TrackRenderer::drawnPositions(std::size_t t, std::vector<std::uint32_t> &out) const
{
    const auto [begin, end] = mRanges[t];
    out.clear();
    if (!mGeneralized) {
        out.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i)
            out.push_back(std::uint32_t(i));
        return;
    }
    const std::vector<std::uint32_t> &kept = mGeneralized->kept[t];
    const auto from = std::lower_bound(kept.begin(), kept.end(), begin);
    const auto to = std::lower_bound(from, kept.end(), end);
    // The simplification ran over the whole track; the time window cuts its line where the window
    // does, at the first and last positions heard inside it (the kept positions hold no set-aside one).
    const std::vector<std::uint8_t> *marks =
        mCleaning && t < mCleaning->marks.size() && mCleaning->marks[t].size() == mStore->tracks()[t].size()
            ? &mCleaning->marks[t]
            : nullptr;
    auto heard = [marks](std::size_t i) { return !marks || (*marks)[i] == 0; };
    std::size_t firstHeard = begin;
    while (firstHeard < end && !heard(firstHeard))
        ++firstHeard;
    if (firstHeard == end)
        return;
    std::size_t lastHeard = end - 1;
    while (!heard(lastHeard))
        --lastHeard;
    if (from == to || *from != firstHeard)
        out.push_back(std::uint32_t(firstHeard));
    out.insert(out.end(), from, to);
    if (out.back() != lastHeard)
        out.push_back(std::uint32_t(lastHeard));
}

QRectF darkEstimateSignRect(QPointF p, double courseDeg, double k)
{
    const double r = 6.5 * k; // the mark's size, as drawCursor draws it
    const double rad = courseDeg * M_PI / 180.0;
    // Screen y grows down: the course points along (sin, -cos); square to it, to the right, is (cos, sin).
    const QPointF side(std::cos(rad), std::sin(rad));
    const QPointF centre = p + side * (3.2 * r);
    return QRectF(centre - QPointF(r, r), QSizeF(2 * r, 2 * r));
}

void TrackRenderer::drawCursor(QPainter &painter, const std::vector<std::size_t> &tracks)
{
    const Transform toMap(Crs::wgs84(), mSettings.destinationCrs());
    const double k = mSettings.dpi() / 96.0;
    const QRectF view = QRectF(QPointF(0, 0), QSizeF(mSettings.outputSize())).adjusted(-20, -20, 20, 20);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (std::size_t t : tracks) {
        const VesselTrack &track = mStore->tracks()[t];
        const auto at = trackPositionAt(track, mSettings.cursorMs(), mStyle.gapThresholdMs);
        if (!at)
            continue;
        const QPointF p = mSettings.mapToPixel(toMap.forward(at->lonLat));
        if (!view.contains(p))
            continue;
        const QColor colour = TrackLayer::vesselColour(track.mmsi());
        // A boat-shaped mark pointing along the course.
        const double r = 6.5 * k;
        QPolygonF hull{QPointF(0, -1.5 * r), QPointF(0.8 * r, r), QPointF(0, 0.55 * r), QPointF(-0.8 * r, r)};
        painter.save();
        painter.translate(p);
        painter.rotate(at->courseDeg);
        if (at->inGap) {
            painter.setPen(QPen(colour.darker(130), 1.6 * k, Qt::DashLine));
            painter.setBrush(QColor(255, 255, 255, 200));
        } else {
            painter.setPen(QPen(Qt::white, 1.4 * k));
            painter.setBrush(colour);
        }
        painter.drawPolygon(hull);
        painter.restore();
        if (at->inGap) {
            // The estimate's own sign, so a screenshot cannot pass it off as a fix.
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setPixelSize(std::max(8, int(std::lround(11 * k))));
            font.setBold(true);
            painter.setFont(font);
            const QRectF sign = darkEstimateSignRect(p, at->courseDeg, k);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(255, 255, 255, 210)); // readable over the track and the sea
            painter.drawEllipse(sign);
            painter.setPen(colour.darker(150));
            painter.drawText(sign, Qt::AlignCenter, QStringLiteral("?"));
        }
        const VesselInfo *info = mRegistry->find(track.mmsi());
        QString name = info && !info->names.isEmpty() ? info->currentName()
                                                      : QStringLiteral("MMSI %1").arg(track.mmsi());
        if (at->inGap)
            name += QStringLiteral(" (dark %1 h: estimated)").arg(double(at->silenceMs) / 3.6e6, 0, 'f', 0);
        mLabels.insert(mLabels.begin(), LabelCandidate{p, name, LabelCandidate::Placement::BesidePoint,
                                                       colour.darker(160), 11.5});
    }
    painter.restore();
}

} // namespace sightline
