#include "render/animationframes.h"

#include "layers/eventlayer.h"
#include "layers/layer.h"
#include "layers/rasterlayer.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "render/animationwriter.h"
#include "render/legend.h"
#include "render/maprenderer.h"
#include "tracks/trackstore.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace sightline {

namespace {

QFont frameFont(double dpi, double points, bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(8, int(std::lround(points * dpi / 72.0))));
    font.setBold(bold);
    return font;
}

bool inside(std::int64_t ms, std::int64_t afterMs, std::int64_t atMs)
{
    return ms > afterMs && ms <= atMs;
}

} // namespace

std::vector<std::int64_t> animationFrameTimes(const AnimationPlan &plan)
{
    std::vector<std::int64_t> times;
    if (plan.stepMs <= 0 || !plan.range.fromMs || !plan.range.toMs || plan.range.toMs < plan.range.fromMs)
        return times;
    for (std::int64_t t = plan.range.fromMs; t <= plan.range.toMs; t += plan.stepMs)
        times.push_back(t);
    return times;
}

bool somethingHappensBetween(const MapSettings &settings, std::int64_t afterMs, std::int64_t atMs)
{
    for (const auto &layer : settings.layers()) {
        if (!layer || !layer->isVisible())
            continue;
        switch (layer->kind()) {
        case Layer::Kind::Track: {
            const TrackStore &store = static_cast<const TrackLayer &>(*layer).store();
            for (const VesselTrack &track : store.tracks()) {
                const auto [first, last] = track.rangeForTime(afterMs + 1, atMs);
                if (first < last)
                    return true;
            }
            break;
        }
        case Layer::Kind::Event:
            for (const MovementEvent &e : static_cast<const EventLayer &>(*layer).events())
                if (inside(e.startMs, afterMs, atMs) || inside(e.endMs, afterMs, atMs))
                    return true;
            break;
        case Layer::Kind::Sighting:
            for (const Sighting &s : static_cast<const SightingLayer &>(*layer).sightings())
                if (inside(s.observedAtMs, afterMs, atMs))
                    return true;
            break;
        case Layer::Kind::Raster: {
            const auto &raster = static_cast<const RasterLayer &>(*layer);
            if (raster.showsOnlyInTimeWindow() && inside(raster.acquiredMs(), afterMs, atMs))
                return true;
            break;
        }
        case Layer::Kind::Vector:
            break;
        }
    }
    return false;
}

QString animationTimeStamp(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
           QStringLiteral(" UTC");
}

QRectF animationTimeStampRect(const QSize &size, double dpi)
{
    const QFontMetricsF fm(frameFont(dpi, 11, true));
    const double pad = 6 * dpi / 96.0;
    const double w = fm.horizontalAdvance(QStringLiteral("0000-00-00 00:00 UTC")) + 2 * pad;
    Q_UNUSED(size);
    return QRectF(10 * dpi / 96.0, 10 * dpi / 96.0, w, fm.height() + 2 * pad);
}

void paintAnimationTimeStamp(QPainter &painter, const QSize &size, double dpi, const QString &text)
{
    const QRectF box = animationTimeStampRect(size, dpi);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x1d, 0x23, 0x29)); // opaque: the stamp reads the same on any map
    painter.drawRoundedRect(box, 4 * dpi / 96.0, 4 * dpi / 96.0);
    painter.setPen(Qt::white);
    painter.setFont(frameFont(dpi, 11, true));
    painter.drawText(box, Qt::AlignCenter, text);
    painter.restore();
}

QImage renderAnimationFrame(const MapSettings &base, const AnimationPlan &plan, std::int64_t atMs)
{
    MapSettings settings = base;
    TimeWindow window{plan.range.fromMs, atMs};
    if (plan.trailMs > 0)
        window.fromMs = std::max(plan.range.fromMs, atMs - plan.trailMs);
    settings.setTimeWindow(window);
    settings.setCursorMs(atMs);
    QImage frame = renderMapImage(settings, nullptr, QColor(0xf4, 0xf1, 0xea));
    QPainter painter(&frame);
    painter.setRenderHint(QPainter::Antialiasing);
    const QSize size = frame.size();
    const double dpi = settings.dpi();
    if (!plan.title.isEmpty()) {
        const QFont font = frameFont(dpi, 12, true);
        const QFontMetricsF fm(font);
        const QString text = fm.elidedText(plan.title, Qt::ElideRight, size.width() * 0.6);
        const double pad = 6 * dpi / 96.0;
        const QRectF box(size.width() / 2.0 - fm.horizontalAdvance(text) / 2 - pad, 10 * dpi / 96.0,
                         fm.horizontalAdvance(text) + 2 * pad, fm.height() + 2 * pad);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 225));
        painter.drawRoundedRect(box, 4 * dpi / 96.0, 4 * dpi / 96.0);
        painter.setPen(QColor(0x1f, 0x3b, 0x57));
        painter.setFont(font);
        painter.drawText(box, Qt::AlignCenter, text);
    }
    if (plan.legend) {
        QList<LegendGroup> groups;
        for (const auto &layer : layersInView(settings)) {
            if (!layer->isVisible())
                continue;
            LegendGroup g = legendGroup(*layer);
            if (!g.entries.isEmpty())
                groups << g;
        }
        if (!groups.isEmpty()) {
            const QFont font = frameFont(dpi, 7, false);
            const double unit = dpi / 72.0;
            const double width = std::min(size.width() * 0.36, 330.0 * dpi / 96.0);
            const QSizeF need = legendSize(groups, font, width, unit);
            const double height = std::min(need.height(), size.height() * 0.4);
            // Above the credits line at the bottom right.
            const QRectF box(size.width() - need.width() - 10 * dpi / 96.0,
                             size.height() - height - 34 * dpi / 96.0, need.width(), height);
            paintLegend(painter, box, groups, font, unit);
        }
    }
    paintAnimationTimeStamp(painter, size, dpi, animationTimeStamp(atMs));
    return frame;
}

bool writeAnimation(const MapSettings &base, const AnimationPlan &plan, AnimationWriter &writer,
                    const std::function<bool(int, int)> &progress, AnimationResult *result, QString *error)
{
    const std::vector<std::int64_t> times = animationFrameTimes(plan);
    const int total = int(times.size());
    QImage held;
    int heldFor = 0;
    AnimationResult done;
    std::int64_t previous = 0;
    auto flush = [&] {
        if (held.isNull())
            return true;
        if (!writer.addFrame(held, heldFor)) {
            *error = writer.errorString();
            return false;
        }
        ++done.frames;
        return true;
    };
    for (int i = 0; i < total; ++i) {
        const std::int64_t t = times[size_t(i)];
        if (!held.isNull() && plan.skipUnchanged && !somethingHappensBetween(base, previous, t)) {
            ++heldFor;
            ++done.skipped;
        } else {
            if (!flush())
                return false;
            held = renderAnimationFrame(base, plan, t);
            heldFor = 1;
        }
        previous = t;
        if (progress && !progress(i + 1, total)) {
            *error = QStringLiteral("cancelled");
            return false;
        }
    }
    if (!flush())
        return false;
    if (result)
        *result = done;
    return true;
}

} // namespace sightline
