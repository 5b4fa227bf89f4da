#include "brief/brieffigure.h"

#include "brief/briefcontent.h"
#include "brief/briefinputs.h"
#include "geo/transform.h"
#include "layers/eventlayer.h"
#include "layers/layer.h"
#include "layers/rasterlayer.h"
#include "layers/sightinglayer.h"
#include "layers/rasterprovenance.h"
#include "render/graticule.h"
#include "render/mapdecorations.h"
#include "render/maprenderer.h"
#include "render/northarrow.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace sightline {

namespace {

constexpr double kMmPerInch = 25.4;

bool inWindow(std::int64_t ms, const BriefFigure &f)
{
    if (!ms)
        return true; // unknown times are never hidden: the analyst placed them for a reason
    return (!f.fromMs || ms >= f.fromMs) && (!f.toMs || ms <= f.toMs);
}

bool overlapsWindow(const MovementEvent &e, const BriefFigure &f)
{
    return (!f.toMs || e.startMs <= f.toMs) && (!f.fromMs || e.endMs >= f.fromMs);
}

QRectF resolveExtent(const BriefFigure &figure, const BriefInputs &inputs, QString *crs, QStringList *notes)
{
    if (!figure.view.isEmpty()) {
        for (const SavedView &v : inputs.views) {
            if (v.name == figure.view) {
                *crs = v.crs;
                return v.extentWgs84;
            }
        }
        if (!figure.extentWgs84.isNull())
            *notes << QStringLiteral("Saved view '%1' is no longer in the project: shown at the extent kept "
                                     "with the figure")
                          .arg(figure.view);
        else
            *notes << QStringLiteral("Saved view '%1' is no longer in the project").arg(figure.view);
    }
    if (!figure.extentWgs84.isNull())
        return figure.extentWgs84;
    if (inputs.currentView)
        return *inputs.currentView;
    QRectF all;
    for (const auto &layer : inputs.layers)
        if (layer && layer->isVisible())
            all = all.isNull() ? layer->extentWgs84() : all.united(layer->extentWgs84());
    return all.isNull() ? QRectF(QPointF(-180, -85), QPointF(180, 85)) : all;
}

/// The figure's own copy of a sightings or events layer, holding what its time window shows.
std::shared_ptr<Layer> windowedCopy(const std::shared_ptr<Layer> &layer, const BriefFigure &figure)
{
    if (layer->kind() == Layer::Kind::Sighting) {
        const auto &source = static_cast<const SightingLayer &>(*layer);
        QList<Sighting> shown;
        for (const Sighting &s : source.sightings())
            if (inWindow(s.observedAtMs, figure))
                shown << s;
        auto copy = std::make_shared<SightingLayer>(source.source(), shown);
        copy->setAnnotations(source.annotations());
        copy->setName(source.name());
        copy->setOpacity(source.opacity());
        return copy;
    }
    if (layer->kind() == Layer::Kind::Event) {
        const auto &source = static_cast<const EventLayer &>(*layer);
        std::vector<MovementEvent> shown;
        for (const MovementEvent &e : source.events())
            if (overlapsWindow(e, figure))
                shown.push_back(e);
        auto copy = std::make_shared<EventLayer>(source.name(), std::move(shown));
        copy->setOpacity(source.opacity());
        return copy;
    }
    return layer;
}

QString isoDate(std::int64_t ms)
{
    return utcIsoString(ms).left(10);
}

QString figureCredits(const QList<std::shared_ptr<Layer>> &layers)
{
    QStringList imagery, data;
    for (const auto &layer : layers) {
        if (layer->kind() == Layer::Kind::Raster) {
            const auto &raster = static_cast<const RasterLayer &>(*layer);
            const ImageryProvenance p = imageryProvenanceOf(raster.info(), layer->name());
            QString line = layer->name();
            QStringList about;
            if (!p.provider.isEmpty())
                about << p.provider;
            else if (!layer->attribution().isEmpty())
                about << layer->attribution();
            if (p.acquiredMs)
                about << QStringLiteral("acquired %1").arg(isoDate(p.acquiredMs));
            if (p.resolutionM > 0)
                about << QStringLiteral("%1 m").arg(p.resolutionM, 0, 'g', 3);
            if (!about.isEmpty())
                line += QStringLiteral(" (%1)").arg(about.join(QStringLiteral(", ")));
            imagery << line;
        } else if (!layer->attribution().isEmpty() && !data.contains(layer->attribution())) {
            data << layer->attribution();
        }
    }
    QStringList parts;
    if (!imagery.isEmpty())
        parts << QStringLiteral("Imagery: ") + imagery.join(QStringLiteral("; ")) + QLatin1Char('.');
    if (!data.isEmpty())
        parts << QStringLiteral("Data: ") + data.join(QStringLiteral("; ")) + QLatin1Char('.');
    return parts.join(QLatin1Char(' '));
}

double wrappedHeight(const QString &text, const QFont &font, const QPaintDevice &device, double width)
{
    if (text.isEmpty())
        return 0;
    const QFontMetricsF fm(font, &device);
    return fm.boundingRect(QRectF(0, 0, width, 1e9), Qt::TextWordWrap, text).height();
}

QString captionPrefix(int number)
{
    return QStringLiteral("Figure %1. ").arg(number);
}

/// A font of `points` on paper, sized in the map's pixels (the painter is scaled from them).
QFont pixelFont(const QFont &base, double points, double dpi, bool bold = false)
{
    QFont f = base;
    f.setPixelSize(std::max(4, int(std::lround(points * dpi / 72.0))));
    f.setBold(bold);
    return f;
}

QString describe(const RenderError &error, const QString &where = {})
{
    return QStringLiteral("Layer '%1' could not be drawn%2: %3").arg(error.layerName, where, error.message);
}

/// Numbered circles beside the sightings, on leaders, each moved round its point until it clears
/// the ones already placed and stays inside the map.
void paintCallouts(QPainter &painter, const BriefFigurePlan &plan, const BriefStyle &style)
{
    const MapSettings &s = plan.settings;
    const double px = s.dpi() / 72.0; // map pixels per point
    const double radius = 5.2 * px, leader = 13 * px;
    const Transform toMap(Crs::wgs84(), s.destinationCrs());
    const QRectF inside =
        QRectF(QPointF(0, 0), QSizeF(s.outputSize())).adjusted(radius, radius, -radius, -radius);
    QList<QRectF> taken;
    const QFont font = pixelFont(style.captionBold, 6.5, s.dpi(), true);
    static constexpr double kAngles[] = {-45, -135, 45, 135, -90, 90, 0, 180, -22, -158, 22, 158};
    for (const auto &c : plan.callouts) {
        const QPointF at = s.mapToPixel(toMap.forward(c.lonLat));
        QPointF centre;
        bool placed = false;
        for (double length : {leader, leader * 1.8, leader * 2.6}) {
            for (double a : kAngles) {
                const double r = a * M_PI / 180.0;
                const QPointF candidate = at + QPointF(std::cos(r), std::sin(r)) * length;
                const QRectF box(candidate - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius));
                if (!inside.contains(candidate))
                    continue;
                if (std::any_of(taken.begin(), taken.end(), [&](const QRectF &t) {
                        return t.adjusted(-px, -px, px, px).intersects(box);
                    }))
                    continue;
                centre = candidate;
                placed = true;
                break;
            }
            if (placed)
                break;
        }
        if (!placed)
            centre = at + QPointF(leader, -leader);
        taken << QRectF(centre - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius));
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(QColor(255, 255, 255, 230), 2.2 * px, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(at, centre);
        painter.setPen(QPen(style.ink, 0.8 * px, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(at, centre);
        painter.setBrush(style.ink);
        painter.drawEllipse(at, 1.3 * px, 1.3 * px);
        painter.setBrush(Qt::white);
        painter.setPen(QPen(style.ink, 1.0 * px));
        painter.drawEllipse(centre, radius, radius);
        painter.setFont(font);
        painter.drawText(QRectF(centre - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius)),
                         Qt::AlignCenter, QString::number(c.number));
        painter.restore();
    }
}

/// A small map of the wider area with the figure's extent outlined in red, bottom right. Gives the
/// layers that could not be drawn in it.
QList<RenderError> paintInset(QPainter &painter, const BriefFigurePlan &plan, const BriefStyle &style)
{
    const MapSettings &s = plan.settings;
    const double px = s.dpi() / 72.0;
    const QSizeF out = s.outputSize();
    const double w = std::clamp(out.width() * 0.24, 50 * px, 120 * px);
    const QSize size(int(w), int(w * 0.72));
    const QRectF where(out.width() - size.width() - 6 * px, out.height() - size.height() - 6 * px,
                       size.width(), size.height());

    const Transform toWgs84(s.destinationCrs(), Crs::wgs84());
    const QRectF shown = toWgs84.forwardBounds(s.visibleExtent());
    if (shown.isNull())
        return {};
    const double span = std::clamp(std::max(shown.width(), shown.height()) * 7, 6.0, 120.0);
    QRectF wide(shown.center() - QPointF(span / 2, span / 2 * 0.72), QSizeF(span, span * 0.72));
    wide.setTop(std::max(wide.top(), -80.0));
    wide.setBottom(std::min(wide.bottom(), 80.0));
    MapSettings inset = MapSettings::fromWgs84Extent(wide, size, s.destinationCrs());
    if (!inset.isValid())
        return {};
    inset.setDpi(s.dpi() * 0.6);
    QList<std::shared_ptr<Layer>> background;
    for (const auto &layer : plan.layers)
        if (layer->kind() == Layer::Kind::Raster || layer->kind() == Layer::Kind::Vector)
            background << layer;
    inset.setLayers(background);

    QImage image(size, QImage::Format_RGB32);
    image.fill(style.mapBackground);
    QList<RenderError> errors;
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        // The locator shows land and water, not labels.
        MapRenderOptions options;
        options.includeHidden = true;
        options.labels = false;
        errors = renderMap(inset, p, options);
    }
    painter.save();
    painter.setPen(QPen(Qt::white, 2.5 * px));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(where);
    painter.drawImage(where, image);
    painter.setPen(QPen(style.ink, 0.6 * px));
    painter.drawRect(where);
    // The figure's extent, as a red box (at least a few points across, so a small area still shows).
    QRectF box(inset.mapToPixel(s.visibleExtent().topLeft()),
               inset.mapToPixel(s.visibleExtent().bottomRight()));
    box = box.normalized().translated(where.topLeft());
    const double minimum = 4 * px;
    if (box.width() < minimum || box.height() < minimum)
        box = QRectF(box.center() - QPointF(minimum, minimum) / 2, QSizeF(minimum, minimum));
    painter.setClipRect(where);
    painter.setPen(QPen(QColor(0xd0, 0x1c, 0x1c), 1.2 * px));
    painter.drawRect(box);
    painter.restore();
    return errors;
}

void paintNotes(QPainter &painter, const QStringList &notes, const BriefFigurePlan &plan,
                const BriefStyle &style)
{
    if (notes.isEmpty())
        return;
    const double px = plan.settings.dpi() / 72.0;
    const QFont font = pixelFont(style.caption, 6.5, plan.settings.dpi());
    const QFontMetricsF fm(font);
    const double width = plan.settings.outputSize().width() * 0.55;
    const QString text = notes.join(QLatin1Char('\n'));
    const QRectF bounds = fm.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text);
    const QRectF box(6 * px, 6 * px, bounds.width() + 8 * px, bounds.height() + 6 * px);
    painter.save();
    painter.setPen(QPen(QColor(0x9a, 0x6b, 0x00), 0.8 * px));
    painter.setBrush(QColor(0xff, 0xf4, 0xc8, 240));
    painter.drawRect(box);
    painter.setPen(style.ink);
    painter.setFont(font);
    painter.drawText(box.adjusted(4 * px, 3 * px, -4 * px, -3 * px), Qt::TextWordWrap, text);
    painter.restore();
}

} // namespace

double BriefFigurePlan::height() const
{
    return gutter + mapHeight + gutter + legendHeight + creditsHeight + captionHeight;
}

BriefFigurePlan planBriefFigure(const BriefFigure &figure, int number, const BriefInputs &inputs,
                                const BriefStyle &style, const QPaintDevice &device, double width,
                                double maxMapHeight, const QString &calloutKey)
{
    BriefFigurePlan plan;
    plan.number = number;
    plan.figure = figure;
    plan.width = width;
    plan.gutter = style.pt(11);

    QString crsText = figure.crs;
    const QRectF box = resolveExtent(figure, inputs, &crsText, &plan.notes);
    QString error;
    Crs crs = Crs::fromUserInput(crsText, &error);
    if (!crs.isValid()) {
        plan.notes << QStringLiteral("CRS '%1' is not known (%2): drawn in Web Mercator").arg(crsText, error);
        crs = Crs::webMercator();
    }

    // The layers: those the figure names (shown even when hidden on the map), or every visible one.
    for (const auto &layer : inputs.layers) {
        if (!layer)
            continue;
        const bool wanted =
            figure.layers.isEmpty() ? layer->isVisible() : figure.layers.contains(layer->name());
        if (wanted)
            plan.layers << windowedCopy(layer, figure);
    }
    if (figure.layers.isEmpty()) {
        for (const QString &name : inputs.missingLayers)
            plan.notes << QStringLiteral("Layer '%1' could not be opened: not drawn").arg(name);
    } else {
        for (const QString &name : figure.layers)
            if (!inputs.layerNamed(name))
                plan.notes << QStringLiteral("Layer '%1' is missing from the project: not drawn").arg(name);
    }
    if (figure.fromMs || figure.toMs)
        plan.notes << QStringLiteral("Tracks, sightings and events of %1 – %2 UTC only")
                          .arg(figure.fromMs ? briefUtcMinutes(figure.fromMs) : QStringLiteral("…"),
                               figure.toMs ? briefUtcMinutes(figure.toMs) : QStringLiteral("…"));

    // The map's shape: the view's, unless the figure sets a height.
    const double mapWidth = width - 2 * plan.gutter;
    const MapSettings probe = MapSettings::fromWgs84Extent(box, QSize(1000, 1000), crs);
    const double aspect = probe.isValid() && probe.extent().width() > 0
                              ? probe.extent().height() / probe.extent().width()
                              : 0.7;
    plan.mapHeight = figure.heightMm > 0 ? figure.heightMm / kMmPerInch * 72 * style.unit
                                         : std::clamp(mapWidth * aspect, mapWidth * 0.4, maxMapHeight);
    plan.mapHeight = std::min(plan.mapHeight, maxMapHeight);
    const double pixelsPerUnit = style.dpi / 72.0 / style.unit;
    const QSize pixels(std::max(16, int(std::lround(mapWidth * pixelsPerUnit))),
                       std::max(16, int(std::lround(plan.mapHeight * pixelsPerUnit))));
    plan.settings = MapSettings::fromWgs84Extent(box, pixels, crs);
    plan.settings.setDpi(style.dpi);
    plan.settings.setLayers(plan.layers);
    // Tracks follow the figure's time window too; sightings and events already hold only theirs.
    plan.settings.setTimeWindow({figure.fromMs, figure.toMs});

    // Callouts for the sightings drawn in view, numbered as the sightings table numbers them.
    const bool showsSightings = std::any_of(plan.layers.begin(), plan.layers.end(),
                                            [](const auto &l) { return l->kind() == Layer::Kind::Sighting; });
    if (figure.callouts && showsSightings && plan.settings.isValid()) {
        const Transform toMap(Crs::wgs84(), crs);
        const QRectF view(QPointF(0, 0), QSizeF(pixels));
        for (int i = 0; i < inputs.sightings.size(); ++i) {
            const Sighting &s = inputs.sightings[i];
            if (!inWindow(s.observedAtMs, figure) || !s.geometry.isValid())
                continue;
            const QPointF at = briefSightingPoint(s.geometry);
            const QPointF pixel = plan.settings.mapToPixel(toMap.forward(at));
            if (view.contains(pixel))
                plan.callouts << BriefFigurePlan::Callout{i + 1, at};
        }
    }

    // Legend and credits name only what the view shows: a scene off to one side is not a source of it.
    const QList<std::shared_ptr<Layer>> inView = layersInView(plan.settings);
    if (figure.legend) {
        for (const auto &layer : inView) {
            LegendGroup group = legendGroup(*layer);
            if (!group.entries.isEmpty())
                plan.legend << group;
        }
        if (!plan.legend.isEmpty())
            plan.legendHeight =
                legendSize(plan.legend, style.furniture, width, style.unit).height() + style.pt(3);
    }

    plan.credits = figureCredits(inView);
    if (!plan.callouts.isEmpty())
        plan.credits += QStringLiteral(" Numbered callouts: sightings as numbered in %1.").arg(calloutKey);
    plan.credits = plan.credits.trimmed();
    plan.creditsHeight =
        plan.credits.isEmpty() ? 0 : wrappedHeight(plan.credits, style.caption, device, width) + style.pt(2);
    const double prefixWidth =
        QFontMetricsF(style.captionBold, &device).horizontalAdvance(captionPrefix(number));
    plan.captionHeight = std::max(QFontMetricsF(style.captionBold, &device).height(),
                                  wrappedHeight(figure.caption, style.caption, device, width - prefixWidth)) +
                         style.pt(2);
    return plan;
}

void paintBriefFigure(QPainter &painter, const QRectF &rect, const BriefFigurePlan &plan,
                      const BriefStyle &style, QStringList *problems)
{
    const QRectF frame(rect.left() + plan.gutter, rect.top() + plan.gutter, plan.width - 2 * plan.gutter,
                       plan.mapHeight);
    const MapSettings &s = plan.settings;
    QStringList notes = plan.notes;
    QList<GraticuleTick> ticks;

    painter.save();
    painter.setClipRect(frame);
    painter.fillRect(frame, style.mapBackground);
    if (s.isValid()) {
        const double k = frame.width() / s.outputSize().width();
        painter.translate(frame.topLeft());
        painter.scale(k, k);
        // The layers the figure names, hidden on the map or not; the imagery embedded once.
        MapRenderOptions options;
        options.includeHidden = true;
        options.imageryBackground = style.mapBackground;
        const QList<RenderError> errors = renderMap(s, painter, options);
        const auto report = [&](const QString &problem) {
            notes << problem;
            if (problems)
                *problems << problem;
        };
        for (const RenderError &error : errors)
            report(describe(error));
        if (plan.figure.graticule)
            ticks = paintGraticule(painter, s);
        if (plan.figure.callouts)
            paintCallouts(painter, plan, style);
        if (plan.figure.scaleBar)
            paintScaleBar(painter, s);
        if (plan.figure.northArrow) {
            const double px = s.dpi() / 72.0;
            const QRectF box(s.outputSize().width() - 24 * px, 6 * px, 18 * px, 28 * px);
            // North as it is at the map's centre, as map makers draw it.
            const double angle =
                trueNorthAngle(s, QPointF(s.outputSize().width() / 2.0, s.outputSize().height() / 2.0));
            paintNorthArrow(painter, box, std::isnan(angle) ? 0.0 : angle,
                            pixelFont(style.captionBold, 8, s.dpi(), true));
        }
        if (plan.figure.inset) {
            // A layer the map could not draw either is named once.
            for (const RenderError &error : paintInset(painter, plan, style))
                if (std::none_of(errors.begin(), errors.end(),
                                 [&](const RenderError &e) { return e.layerId == error.layerId; }))
                    report(describe(error, QStringLiteral(" in the locator map")));
        }
        paintNotes(painter, notes, plan, style);
    } else {
        painter.setPen(style.ink);
        painter.setFont(style.caption);
        painter.drawText(frame, Qt::AlignCenter,
                         QStringLiteral("This view cannot be drawn in the figure's CRS"));
    }
    painter.restore();

    painter.save();
    painter.setPen(QPen(style.ink, style.pt(0.7)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(frame);
    if (!ticks.isEmpty())
        paintGraticuleLabels(painter, frame, frame.width() / s.outputSize().width(), ticks, style.furniture,
                             style.muted);
    double y = frame.bottom() + plan.gutter;
    if (!plan.legend.isEmpty()) {
        paintLegend(painter, QRectF(rect.left(), y, plan.width, plan.legendHeight - style.pt(3)), plan.legend,
                    style.furniture, style.unit);
        y += plan.legendHeight;
    }
    if (!plan.credits.isEmpty()) {
        painter.setPen(style.muted);
        painter.setFont(style.caption);
        painter.drawText(QRectF(rect.left(), y, plan.width, plan.creditsHeight), Qt::TextWordWrap,
                         plan.credits);
        y += plan.creditsHeight;
    }
    painter.setPen(style.ink);
    painter.setFont(style.caption);
    const QFontMetricsF bold(style.captionBold, painter.device());
    const QString prefix = captionPrefix(plan.number);
    // The caption's number in bold, then its text, wrapping under the number.
    painter.setFont(style.captionBold);
    painter.drawText(QPointF(rect.left(), y + bold.ascent()), prefix);
    painter.setFont(style.caption);
    const double prefixWidth = bold.horizontalAdvance(prefix);
    painter.drawText(QRectF(rect.left() + prefixWidth, y, plan.width - prefixWidth, plan.captionHeight),
                     Qt::TextWordWrap, plan.figure.caption);
    painter.restore();
}

} // namespace sightline
