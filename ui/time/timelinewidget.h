#pragma once

#include "render/timelinedata.h"
#include "render/timelinefigure.h"
#include "map/timewindow.h"

#include <QWidget>

#include <cstdint>
#include <optional>

namespace sightline {

class TimeController;

/// The timeline's plot: the brief's timeline figure (timelinefigure.h) painted over the visible
/// time range, with the time window as a shaded band and the time cursor as a line. The wheel
/// zooms around the mouse, a drag pans; a drag along the axis (or Shift+drag anywhere) sets the
/// window, whose edges can be dragged and which a double click clears; a click on an event or a
/// sighting reports it (a double click asks to zoom to it), elsewhere on a lane it puts the cursor there. Space plays and pauses.
class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    /// What is under a point of the widget.
    struct Hit
    {
        enum class Kind
        {
            None,
            Event,      ///< data().events[index]
            Sighting,   ///< data().sightings[index]
            Acquisition ///< data().acquisitions[index]
        };
        Kind kind = Kind::None;
        int index = -1;
        QRectF rect; ///< what is outlined while hovered
    };

    explicit TimelineWidget(TimeController *time, QWidget *parent = nullptr);

    /// What to show (its fromMs/toMs are ignored), and what its marks stand for. The view follows new data
    /// while it has not been zoomed or panned.
    void setData(TimelineData data, TimelineSources sources);
    /// What is shown, with fromMs/toMs the visible range.
    const TimelineData &data() const { return mData; }
    /// The events as given (data().events may name overlapping possible calls once for all).
    const std::vector<MovementEvent> &events() const { return mEvents; }
    const TimelineSources &sources() const { return mSources; }
    bool isEmpty() const;

    /// The visible time range (also data().fromMs/toMs, as the figure is painted with it).
    std::int64_t viewFromMs() const { return mData.fromMs; }
    std::int64_t viewToMs() const { return mData.toMs; }
    void setView(std::int64_t fromMs, std::int64_t toMs);
    /// Shows everything (Home).
    void zoomToFit();
    /// Zooms by `factor` (< 1: in) keeping the time at `x` where it is.
    void zoomAt(double x, double factor);

    /// Where things are as painted now: x ↔ time, the lanes, the axis strip, every mark. Valid until
    /// the data, the view or the size change.
    const TimelineLayout &currentLayout() const;
    /// Painter units per point of the figure (the widget's font decides how large it is drawn).
    double unit() const;
    Hit hitAt(QPointF pos) const;
    /// Rich text for the tooltip at `pos`; empty for none.
    QString toolTipAt(QPointF pos) const;
    /// The height the figure needs with its lanes at full height, `width` wide (the widget's own
    /// width when negative).
    int preferredHeight(double width = -1) const;
    QSize sizeHint() const override;
    /// The lanes squeezed (to half their height, and none below kMinLanePx) and no key; below that
    /// the dock scrolls.
    QSize minimumSizeHint() const override;
    /// The thinnest a lane is squeezed to on screen: its name and marks stay readable.
    static constexpr double kMinLanePx = 18;

Q_SIGNALS:
    void eventClicked(qint64 id);
    void sightingClicked(qint64 id);
    /// A double click on an event or a sighting: frame it on the map.
    void eventDoubleClicked(qint64 id);
    void sightingDoubleClicked(qint64 id);
    void viewChanged();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    enum class Drag
    {
        None,
        Pending, ///< pressed on a lane: a click, or a pan once it moves
        Pan,
        Window,      ///< drawing a new window
        WindowStart, ///< moving the window's start edge
        WindowEnd    ///< moving the window's end edge
    };

    QFont figureFont() const;
    /// The figure at full height in a box `width` wide: its height, the bottom of its axis, the height
    /// of the key under it (with its gap), its lanes'.
    struct FullFigure
    {
        double height = 0, axisBottom = 0, key = 0, lanes = 0;
    };
    FullFigure fullFigure(double width) const;
    /// Where the figure is painted: the widget, taller by the key when the widget is short of room.
    QRectF figureBox() const;
    /// The x of the window's edges in the plot (nothing for an open end or one outside the view).
    std::optional<double> edgeX(std::int64_t ms) const;
    std::int64_t timeAt(double x) const;
    /// The widest view: a few times the data's span.
    std::int64_t maxSpanMs() const;
    QString laneName(std::uint32_t mmsi) const;
    void followCursor(std::int64_t ms);
    void updateHover(QPointF pos);
    void paintWindow(QPainter &painter, const TimelineLayout &layout, const TimeWindow &window, bool preview);
    void paintCursor(QPainter &painter, const TimelineLayout &layout);
    void invalidateLayout();

    TimeController *mTime;
    TimelineData mData; ///< as painted: fromMs/toMs the visible range, crowded port names merged
    std::vector<MovementEvent>
        mEvents; ///< the events as given (mData.events' order), for what is said of them
    TimelineSources mSources;
    QPair<std::int64_t, std::int64_t> mDataSpan; ///< everything, padded (timelineSpan)
    bool mFollowData = true;                     ///< the view shows all the data until zoomed or panned
    mutable std::optional<TimelineLayout> mLayout;
    mutable std::optional<QRectF> mBox;

    Drag mDrag = Drag::None;
    QPointF mPressPos;
    std::int64_t mPressViewFrom = 0;
    std::int64_t mPressViewTo = 0;
    std::int64_t mAnchorMs = 0;
    TimeWindow mPreview; ///< the window being dragged
    Hit mHover;
};

} // namespace sightline
