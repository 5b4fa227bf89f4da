#include "ui/time/timelinewidget.h"

#include "ui/time/timecontroller.h"

#include <QApplication>
#include <QDateTime>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace sightline {

namespace {

constexpr double kMarginPx = 6;   // either side of the figure
constexpr double kEdgeGrabPx = 5; // how near a window edge the mouse takes it
constexpr double kHitSlopPx = 2;  // thin marks are picked a little outside their ink
// ...but only a pixel up and down: the reporting strip lies just under the bars.
constexpr double kHitRowSlopPx = 1;
constexpr std::int64_t kMinSpanMs = 600'000; // ten minutes across the plot at most zoomed in

const QColor kBandFill(0x1f, 0x6f, 0xb2, 34);
const QColor kBandEdge(0x1f, 0x6f, 0xb2);
const QColor kCursorInk(0xc8, 0x3e, 0x0c);
const QColor kHoverInk(0x22, 0x2b, 0x33);
const QColor kMutedInk(0x5f, 0x6b, 0x76);

QString utcText(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

/// "Rajin (Rason) port" → "Rajin": a port as a crowded label names it.
QString shortPortName(const QString &place)
{
    const QString name = timelinePortLabel(place);
    const int paren = name.indexOf(QLatin1Char('('));
    return paren > 0 ? name.left(paren).trimmed() : name;
}

/// A dark period can hold possible calls at several ports at once: their names, drawn in each bar,
/// would print over each other. The longest call of each overlapping group is named for all of them
/// ("Rajin / Nakhodka"), the others not at all; the tooltips still tell each one.
void nameOverlappingCallsOnce(std::vector<MovementEvent> &events)
{
    std::vector<MovementEvent *> calls;
    for (MovementEvent &e : events)
        if (e.isInferredCall())
            calls.push_back(&e);
    std::stable_sort(calls.begin(), calls.end(), [](const MovementEvent *a, const MovementEvent *b) {
        return std::tie(a->mmsi, a->startMs) < std::tie(b->mmsi, b->startMs);
    });
    for (std::size_t i = 0; i < calls.size();) {
        std::size_t j = i + 1;
        std::int64_t end = calls[i]->endMs;
        while (j < calls.size() && calls[j]->mmsi == calls[i]->mmsi && calls[j]->startMs < end)
            end = std::max(end, calls[j++]->endMs);
        if (j - i > 1) {
            QStringList names;
            MovementEvent *longest = calls[i];
            for (std::size_t k = i; k < j; ++k) {
                const QString name = shortPortName(calls[k]->place);
                if (!name.isEmpty() && !names.contains(name))
                    names.push_back(name);
                if (calls[k]->endMs - calls[k]->startMs > longest->endMs - longest->startMs)
                    longest = calls[k];
            }
            for (std::size_t k = i; k < j; ++k)
                calls[k]->place.clear();
            longest->place = names.join(QStringLiteral(" / "));
        }
        i = j;
    }
}

} // namespace

TimelineWidget::TimelineWidget(TimeController *time, QWidget *parent)
    : QWidget(parent)
    , mTime(time)
{
    setObjectName(QStringLiteral("timelineWidget"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    connect(mTime, &TimeController::cursorChanged, this, [this](qint64 ms) {
        followCursor(ms);
        update();
    });
    connect(mTime, &TimeController::windowChanged, this, [this] { update(); });
}

bool TimelineWidget::isEmpty() const
{
    return mData.lanes.isEmpty() && mData.sightings.isEmpty() && mData.acquisitions.isEmpty();
}

void TimelineWidget::setData(TimelineData data, TimelineSources sources)
{
    const std::int64_t viewFrom = mData.fromMs;
    const std::int64_t viewTo = mData.toMs;
    data.fromMs = data.toMs = 0;
    const QPair<std::int64_t, std::int64_t> span = timelineSpan(data);
    mDataSpan = span;
    mEvents = data.events;
    nameOverlappingCallsOnce(data.events);
    mData = std::move(data);
    mSources = std::move(sources);
    mHover = {};
    if (mFollowData || viewTo <= viewFrom) {
        mData.fromMs = span.first;
        mData.toMs = span.second;
        mFollowData = true;
    } else {
        mData.fromMs = viewFrom;
        mData.toMs = viewTo;
    }
    invalidateLayout();
    updateGeometry();
    update();
    Q_EMIT viewChanged();
}

void TimelineWidget::setView(std::int64_t fromMs, std::int64_t toMs)
{
    if (toMs <= fromMs)
        return;
    const std::int64_t width = std::clamp(toMs - fromMs, kMinSpanMs, maxSpanMs());
    const std::int64_t centre = fromMs + (toMs - fromMs) / 2;
    const std::int64_t from = toMs - fromMs == width ? fromMs : centre - width / 2;
    if (from == mData.fromMs && from + width == mData.toMs)
        return;
    mData.fromMs = from;
    mData.toMs = from + width;
    mFollowData = false;
    invalidateLayout();
    updateHover(mapFromGlobal(QCursor::pos()));
    update();
    Q_EMIT viewChanged();
}

std::int64_t TimelineWidget::maxSpanMs() const
{
    // Not so wide that the data shrinks to a line.
    return std::max<std::int64_t>(4 * (mDataSpan.second - mDataSpan.first), 14 * 86'400'000LL);
}

void TimelineWidget::zoomToFit()
{
    if (mDataSpan.second > mDataSpan.first)
        setView(mDataSpan.first, mDataSpan.second);
    mFollowData = true;
}

void TimelineWidget::zoomAt(double x, double factor)
{
    const std::int64_t span = mData.toMs - mData.fromMs;
    if (span <= 0 || factor <= 0)
        return;
    const TimelineLayout &layout = currentLayout();
    const double at = std::clamp(x, layout.plot.left(), layout.plot.right());
    const std::int64_t t = layout.timeForX(at);
    const double newSpan = std::clamp(double(span) * factor, double(kMinSpanMs), double(maxSpanMs()));
    const double share = layout.plot.width() > 0 ? (at - layout.plot.left()) / layout.plot.width() : 0.5;
    const auto from = std::int64_t(std::llround(double(t) - share * newSpan));
    setView(from, from + std::int64_t(std::llround(newSpan)));
}

double TimelineWidget::unit() const
{
    // The figure's text is at most 8.5 of its points: a point a little over a pixel draws its names
    // at the size of the rest of the interface.
    const double px = QFontInfo(font()).pixelSize();
    return std::clamp(px / 10.0, 1.0, 2.0);
}

QFont TimelineWidget::figureFont() const
{
    QFont f = font();
    f.setPixelSize(std::max(1, int(std::lround(kTimelineMaxTextPt * unit()))));
    return f;
}

TimelineWidget::FullFigure TimelineWidget::fullFigure(double width) const
{
    const TimelineLayout layout = timelineLayout(mData, QRectF(0, 0, width, 0), figureFont(), unit(), this);
    FullFigure full;
    full.height = timelineFigureHeight(mData, width, unit());
    full.axisBottom = layout.axis.bottom();
    full.key = layout.key.bottom() - layout.axis.bottom();
    for (const TimelineLayout::Lane &lane : layout.lanes)
        full.lanes += lane.rect.height();
    return full;
}

QRectF TimelineWidget::figureBox() const
{
    if (!mBox) {
        const double w = std::max(0.0, width() - 2 * kMarginPx);
        double h = height();
        if (!isEmpty()) {
            // Short of room, the key goes first (below the widget, out of sight), then the lanes squeeze:
            // the axis, where the window is set, stays.
            const FullFigure full = fullFigure(w);
            if (h < full.height - 0.5)
                h += full.key;
        }
        mBox = QRectF(kMarginPx, 0, w, h);
    }
    return *mBox;
}

const TimelineLayout &TimelineWidget::currentLayout() const
{
    if (!mLayout)
        mLayout = timelineLayout(mData, figureBox(), figureFont(), unit(), this);
    return *mLayout;
}

void TimelineWidget::invalidateLayout()
{
    mLayout.reset();
    mBox.reset();
}

int TimelineWidget::preferredHeight(double width) const
{
    const double w = width < 0 ? figureBox().width() : std::max(0.0, width - 2 * kMarginPx);
    return int(std::ceil(timelineFigureHeight(mData, w, unit()))) + 2;
}

QSize TimelineWidget::sizeHint() const
{
    return {640, isEmpty() ? 80 : preferredHeight()};
}

QSize TimelineWidget::minimumSizeHint() const
{
    if (isEmpty())
        return {320, 60};
    // Without the key, the lanes squeezed as far as they stay readable: to half their height, but
    // none under kMinLanePx (below that the dock scrolls).
    const TimelineLayout full = timelineLayout(mData, QRectF(0, 0, figureBox().width(), 0), figureFont(), unit(), this);
    double lanes = 0, thinnest = 0;
    for (const TimelineLayout::Lane &lane : full.lanes) {
        lanes += lane.rect.height();
        thinnest = thinnest > 0 ? std::min(thinnest, lane.rect.height()) : lane.rect.height();
    }
    const double squeeze = thinnest > 0 ? std::clamp(kMinLanePx / thinnest, 0.5, 1.0) : 1.0;
    const double height = timelineFigureHeight(mData, figureBox().width(), unit()) -
                          (full.key.bottom() - full.axis.bottom()) - lanes * (1 - squeeze);
    return {320, int(std::ceil(height)) + 2};
}

std::int64_t TimelineWidget::timeAt(double x) const
{
    const TimelineLayout &layout = currentLayout();
    return layout.timeForX(std::clamp(x, layout.plot.left(), layout.plot.right()));
}

std::optional<double> TimelineWidget::edgeX(std::int64_t ms) const
{
    if (!ms || ms < mData.fromMs || ms > mData.toMs)
        return std::nullopt;
    return currentLayout().xForTime(ms);
}

QString TimelineWidget::laneName(std::uint32_t mmsi) const
{
    for (const TimelineLane &lane : mData.lanes)
        if (lane.mmsi == mmsi)
            return lane.label;
    return QStringLiteral("MMSI %1").arg(mmsi);
}

// ---------------------------------------------------------------- hit-testing

TimelineWidget::Hit TimelineWidget::hitAt(QPointF pos) const
{
    // What is picked is what the figure drew: its marks, from the layout it was painted from.
    const TimelineLayout &layout = currentLayout();
    const QRectF &plot = layout.plot;
    if (mData.toMs <= mData.fromMs || pos.x() < plot.left() - kHitSlopPx ||
        pos.x() > plot.right() + kHitSlopPx)
        return {};
    const TimelineLayout::Mark *mark = layout.markAt(pos, QSizeF(kHitSlopPx, kHitRowSlopPx));
    if (!mark)
        return {};
    Hit hit;
    hit.index = mark->index;
    hit.rect = layout.outline(*mark);
    switch (mark->subject()) {
    case TimelineLayout::Mark::Subject::Event:
        hit.kind = Hit::Kind::Event;
        break;
    case TimelineLayout::Mark::Subject::Sighting:
        hit.kind = Hit::Kind::Sighting;
        break;
    case TimelineLayout::Mark::Subject::Acquisition:
        hit.kind = Hit::Kind::Acquisition;
        break;
    }
    return hit;
}

QString TimelineWidget::toolTipAt(QPointF pos) const
{
    const Hit hit = hitAt(pos);
    switch (hit.kind) {
    case Hit::Kind::Event: {
        const MovementEvent &e = mEvents.at(std::size_t(hit.index));
        QString title = eventTypeLabel(e.type);
        if (e.isInferredCall())
            title = tr("Possible port call");
        QString text =
            QStringLiteral("<b>%1</b> — %2<br>%3")
                .arg(title.toHtmlEscaped(), laneName(e.mmsi).toHtmlEscaped(), e.summary().toHtmlEscaped());
        if (e.type == EventType::Encounter && e.otherMmsi)
            text += tr("<br>with %1").arg(laneName(e.otherMmsi).toHtmlEscaped());
        return text + QStringLiteral("<br>%1 → %2 UTC").arg(utcText(e.startMs), utcText(e.endMs));
    }
    case Hit::Kind::Sighting: {
        const TimelineSighting &s = mData.sightings.at(hit.index);
        const int i = s.number - 1;
        const QString title = i >= 0 && i < mSources.sightings.size() ? mSources.sightings.at(i).title()
                                                                      : sightingKindLabel(s.kind);
        QString text = tr("<b>Sighting %1</b> — %2<br>Observed %3 UTC")
                           .arg(s.number)
                           .arg(title.toHtmlEscaped(), utcText(s.ms));
        if (s.mmsi)
            text += tr("<br>Vessel %1").arg(laneName(s.mmsi).toHtmlEscaped());
        return text;
    }
    case Hit::Kind::Acquisition: {
        const auto &acquisition = mData.acquisitions.at(hit.index);
        return tr("<b>Imagery acquired</b> — %1<br>%2 UTC")
            .arg(acquisition.second.toHtmlEscaped(), utcText(acquisition.first));
    }
    case Hit::Kind::None:
        break;
    }
    const TimelineLayout &layout = currentLayout();
    if (mData.toMs <= mData.fromMs)
        return {};
    if (layout.plot.contains(pos))
        return tr("%1 UTC").arg(utcText(layout.timeForX(pos.x())));
    if (layout.axis.contains(pos) && pos.x() >= layout.plot.left())
        return tr("%1 UTC<br><i>Drag along the axis to set the time window</i>")
            .arg(utcText(layout.timeForX(pos.x())));
    for (const TimelineLayout::Lane &lane : layout.lanes)
        if (lane.kind == TimelineLayout::LaneKind::Vessel && layout.labelColumn.contains(pos) &&
            pos.y() >= lane.rect.top() && pos.y() <= lane.rect.bottom()) {
            const TimelineLane &vessel = mData.lanes.at(lane.index);
            return tr("<b>%1</b><br>%2 positions on the map")
                .arg(vessel.label.toHtmlEscaped())
                .arg(vessel.positionTimesMs.size());
        }
    return {};
}

// ---------------------------------------------------------------- painting

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (isEmpty()) {
        painter.setPen(kMutedInk);
        painter.drawText(
            rect().adjusted(16, 8, -16, -8), Qt::AlignCenter | Qt::TextWordWrap,
            tr("Nothing on the timeline yet. Run an analysis from the Analysis menu to find "
               "port calls, dark periods and encounters, or pick a vessel in the Vessels dock."));
        return;
    }
    // The layout hitAt() picks from, so that what is clicked is what is seen.
    const TimelineLayout &layout = currentLayout();
    paintTimelineFigure(painter, layout, mData);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const bool dragging = mDrag == Drag::Window || mDrag == Drag::WindowStart || mDrag == Drag::WindowEnd;
    paintWindow(painter, layout, dragging ? mPreview : mTime->window(), dragging);
    paintCursor(painter, layout);
    if (mHover.kind != Hit::Kind::None && mDrag == Drag::None) {
        painter.setPen(QPen(kHoverInk, 1.2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(mHover.rect.adjusted(-1.5, -1.5, 1.5, 1.5), 2, 2);
    }
}

void TimelineWidget::paintWindow(QPainter &painter, const TimelineLayout &layout, const TimeWindow &window,
                                 bool preview)
{
    if (window.isOpen() || mData.toMs <= mData.fromMs)
        return;
    const QRectF &plot = layout.plot;
    const double x0 = std::max(plot.left(), window.fromMs ? layout.xForTime(window.fromMs) : plot.left());
    const double x1 = std::min(plot.right(), window.toMs ? layout.xForTime(window.toMs) : plot.right());
    const double bottom = layout.axis.bottom();
    if (x1 >= x0) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(kBandFill);
        painter.drawRect(QRectF(QPointF(x0, plot.top()), QPointF(std::max(x1, x0 + 1), bottom)));
    }
    const double u = unit();
    for (const std::int64_t ms : {window.fromMs, window.toMs}) {
        const std::optional<double> x = edgeX(ms);
        if (!x)
            continue;
        QPen edge(kBandEdge, 1.5);
        if (preview)
            edge.setStyle(Qt::DashLine);
        painter.setPen(edge);
        painter.drawLine(QPointF(*x, plot.top()), QPointF(*x, bottom));
        // A grip in the axis strip says the edge can be taken.
        const QRectF grip(*x - 2.5 * u, plot.bottom() + 2 * u, 5 * u, 11 * u);
        painter.setPen(QPen(Qt::white, 1));
        painter.setBrush(kBandEdge);
        painter.drawRoundedRect(grip, 1.5 * u, 1.5 * u);
    }
}

void TimelineWidget::paintCursor(QPainter &painter, const TimelineLayout &layout)
{
    const std::int64_t ms = mTime->cursorMs();
    if (!ms || ms < mData.fromMs || ms > mData.toMs)
        return;
    const double u = unit();
    const double x = layout.xForTime(ms);
    painter.setPen(QPen(kCursorInk, 1.5));
    painter.drawLine(QPointF(x, layout.plot.top()), QPointF(x, layout.plot.bottom()));
    // Its time on the axis, as a playhead reads.
    QFont font = figureFont();
    font.setPixelSize(std::max(1, int(std::lround(7.5 * u))));
    font.setBold(true);
    const QFontMetricsF fm(font, this);
    const QString text = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("d MMM HH:mm"));
    const double w = fm.horizontalAdvance(text) + 8 * u;
    const double h = fm.height() + 2 * u;
    const double left = std::clamp(x - w / 2, layout.plot.left() - 2 * u, layout.plot.right() + 2 * u - w);
    const QRectF pill(left, layout.plot.bottom() + 1.5 * u, w, h);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kCursorInk);
    painter.drawRoundedRect(pill, h / 2, h / 2);
    QPolygonF head;
    head << QPointF(x - 3 * u, layout.plot.bottom() + 1.5 * u)
         << QPointF(x + 3 * u, layout.plot.bottom() + 1.5 * u) << QPointF(x, layout.plot.bottom() - 2 * u);
    painter.drawPolygon(head);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(pill, Qt::AlignCenter, text);
}

// ---------------------------------------------------------------- input

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        invalidateLayout(); // the figure is drawn at the widget's font size
        updateGeometry();
    }
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void TimelineWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    invalidateLayout();
    if (event->oldSize().width() != width())
        updateGeometry(); // the key may take another row
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || mData.toMs <= mData.fromMs) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPointF pos = event->position();
    const TimelineLayout &layout = currentLayout();
    const bool onAxis = layout.axis.contains(pos) && pos.x() >= layout.plot.left() - kEdgeGrabPx;
    const bool onPlot = layout.plot.contains(pos);
    mPressPos = pos;
    mPressViewFrom = mData.fromMs;
    mPressViewTo = mData.toMs;
    if (!onAxis && !onPlot)
        return;
    // The window's edges sit over everything: the nearer one is taken.
    const TimeWindow window = mTime->window();
    const std::optional<double> start = edgeX(window.fromMs);
    const std::optional<double> end = edgeX(window.toMs);
    const double toStart = start ? std::abs(*start - pos.x()) : kEdgeGrabPx + 1;
    const double toEnd = end ? std::abs(*end - pos.x()) : kEdgeGrabPx + 1;
    if (std::min(toStart, toEnd) <= kEdgeGrabPx) {
        mDrag = toStart <= toEnd ? Drag::WindowStart : Drag::WindowEnd;
        mPreview = window;
        update();
        return;
    }
    if (onAxis || (event->modifiers() & Qt::ShiftModifier)) {
        mDrag = Drag::Window;
        mAnchorMs = timeAt(pos.x());
        mPreview = {};
        return;
    }
    mDrag = Drag::Pending;
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    switch (mDrag) {
    case Drag::None:
        updateHover(pos);
        return;
    case Drag::Pending:
        if ((pos - mPressPos).manhattanLength() < QApplication::startDragDistance())
            return;
        mDrag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
        [[fallthrough]];
    case Drag::Pan: {
        const double plotWidth = currentLayout().plot.width();
        if (plotWidth <= 0)
            return;
        const double msPerPx = double(mPressViewTo - mPressViewFrom) / plotWidth;
        const auto shift = std::int64_t(std::llround(-(pos.x() - mPressPos.x()) * msPerPx));
        setView(mPressViewFrom + shift, mPressViewTo + shift);
        return;
    }
    case Drag::Window: {
        if (std::abs(pos.x() - mPressPos.x()) < 3)
            return;
        const std::int64_t t = timeAt(pos.x());
        mPreview = {std::min(mAnchorMs, t), std::max(mAnchorMs, t)};
        update();
        return;
    }
    case Drag::WindowStart:
        mPreview.fromMs = mPreview.toMs ? std::min(timeAt(pos.x()), mPreview.toMs) : timeAt(pos.x());
        update();
        return;
    case Drag::WindowEnd:
        mPreview.toMs = std::max(timeAt(pos.x()), mPreview.fromMs);
        update();
        return;
    }
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const QPointF pos = event->position();
    const Drag drag = mDrag;
    mDrag = Drag::None;
    unsetCursor();
    switch (drag) {
    case Drag::None:
    case Drag::Pan:
        break;
    case Drag::Pending: {
        const Hit hit = hitAt(pos);
        if (hit.kind == Hit::Kind::Event) {
            Q_EMIT eventClicked(mData.events.at(std::size_t(hit.index)).id);
        } else if (hit.kind == Hit::Kind::Sighting) {
            const int i = mData.sightings.at(hit.index).number - 1;
            if (i >= 0 && i < mSources.sightings.size())
                Q_EMIT sightingClicked(mSources.sightings.at(i).id);
        } else if (hit.kind == Hit::Kind::Acquisition) {
            mTime->setCursorMs(mData.acquisitions.at(hit.index).first);
        } else {
            mTime->setCursorMs(timeAt(pos.x()));
        }
        break;
    }
    case Drag::Window:
        // A click on the axis puts the cursor there, as on a ruler.
        if (mPreview.toMs > mPreview.fromMs)
            mTime->setWindow(mPreview);
        else
            mTime->setCursorMs(timeAt(pos.x()));
        break;
    case Drag::WindowStart:
    case Drag::WindowEnd:
        // An edge dragged onto or over the other would leave a window of no length, which hides
        // everything: the window stays as it was.
        if (!mPreview.fromMs || !mPreview.toMs || mPreview.toMs > mPreview.fromMs)
            mTime->setWindow(mPreview);
        break;
    }
    mPreview = {};
    updateHover(pos);
    update();
}

void TimelineWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Not passed on: QWidget would take it for a second press.
    if (event->button() != Qt::LeftButton || mData.toMs <= mData.fromMs)
        return;
    const QPointF pos = event->position();
    // On an event or a sighting: the explicit "zoom to it" (a click only picks it).
    const Hit hit = hitAt(pos);
    if (hit.kind == Hit::Kind::Event) {
        Q_EMIT eventDoubleClicked(mData.events.at(std::size_t(hit.index)).id);
        return;
    }
    if (hit.kind == Hit::Kind::Sighting) {
        const int i = mData.sightings.at(hit.index).number - 1;
        if (i >= 0 && i < mSources.sightings.size())
            Q_EMIT sightingDoubleClicked(mSources.sightings.at(i).id);
        return;
    }
    const TimelineLayout &layout = currentLayout();
    const TimeWindow window = mTime->window();
    if (window.isOpen() || pos.y() < layout.plot.top() || pos.y() > layout.axis.bottom())
        return;
    const double x0 = window.fromMs ? layout.xForTime(window.fromMs) : layout.plot.left();
    const double x1 = window.toMs ? layout.xForTime(window.toMs) : layout.plot.right();
    if (pos.x() >= x0 - kEdgeGrabPx && pos.x() <= x1 + kEdgeGrabPx)
        mTime->clearWindow();
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (mData.toMs <= mData.fromMs || delta.isNull()) {
        event->ignore();
        return;
    }
    const std::int64_t span = mData.toMs - mData.fromMs;
    const bool pan = (event->modifiers() & Qt::ShiftModifier) || std::abs(delta.x()) > std::abs(delta.y());
    if (pan) {
        // Sideways (or Shift+wheel): a tenth of the view a notch.
        const int notches = std::abs(delta.x()) > std::abs(delta.y()) ? delta.x() : delta.y();
        const auto shift = std::int64_t(-double(notches) / 120.0 * 0.1 * double(span));
        setView(mData.fromMs + shift, mData.toMs + shift);
    } else {
        zoomAt(event->position().x(), std::pow(0.8, double(delta.y()) / 120.0));
    }
    event->accept();
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    const std::int64_t span = mData.toMs - mData.fromMs;
    const double centre = currentLayout().plot.center().x();
    switch (event->key()) {
    case Qt::Key_Space:
        mTime->togglePlaying();
        break;
    case Qt::Key_Home:
        zoomToFit();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAt(centre, 0.8);
        break;
    case Qt::Key_Minus:
        zoomAt(centre, 1.25);
        break;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const std::int64_t shift = (event->key() == Qt::Key_Left ? -1 : 1) * span / 10;
        setView(mData.fromMs + shift, mData.toMs + shift);
        break;
    }
    case Qt::Key_Escape:
        if (mDrag == Drag::None) {
            QWidget::keyPressEvent(event);
            return;
        }
        if (mDrag == Drag::Pan)
            setView(mPressViewFrom, mPressViewTo);
        mDrag = Drag::None;
        mPreview = {};
        unsetCursor();
        update();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TimelineWidget::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    if (mHover.kind != Hit::Kind::None) {
        mHover = {};
        update();
    }
}

void TimelineWidget::updateHover(QPointF pos)
{
    if (mDrag != Drag::None)
        return;
    const Hit hit = rect().contains(pos.toPoint()) ? hitAt(pos) : Hit{};
    if (hit.kind != mHover.kind || hit.index != mHover.index || hit.rect != mHover.rect) {
        mHover = hit;
        update();
    }
    const TimelineLayout &layout = currentLayout();
    const TimeWindow window = mTime->window();
    const bool inBand = pos.y() >= layout.plot.top() && pos.y() <= layout.axis.bottom();
    const auto near = [&](std::int64_t ms) {
        const std::optional<double> x = edgeX(ms);
        return x && std::abs(*x - pos.x()) <= kEdgeGrabPx;
    };
    if (inBand && (near(window.fromMs) || near(window.toMs)))
        setCursor(Qt::SizeHorCursor);
    else if (hit.kind != Hit::Kind::None)
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
}

void TimelineWidget::followCursor(std::int64_t ms)
{
    const std::int64_t span = mData.toMs - mData.fromMs;
    if (!ms || span <= 0 || mDrag != Drag::None || (ms >= mData.fromMs && ms <= mData.toMs))
        return;
    // Paged as a playhead pages: the cursor comes back in near the edge it left by.
    if (ms > mData.toMs)
        setView(ms - span / 10, ms - span / 10 + span);
    else
        setView(ms - span * 9 / 10, ms + span / 10);
}

} // namespace sightline
