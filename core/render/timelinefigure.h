#pragma once

#include "analysis/movementevent.h"
#include "map/timewindow.h"
#include "render/timeaxis.h"

#include <QColor>
#include <QFont>
#include <QLineF>
#include <QList>

#include <optional>
#include <QPair>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <cstdint>
#include <vector>

class QPainter;
class QPaintDevice;

namespace sightline {

/// Text larger than this many points would not fit the timeline's rows: a larger base font is drawn
/// at this size (a view that wants the figure's largest text asks for it).
inline constexpr double kTimelineMaxTextPt = 8.5;

/// One vessel's row of the timeline.
struct TimelineLane
{
    QString label; ///< "ANGARA (273145020)": the name goes on one line, the MMSI under it
    std::uint32_t mmsi = 0;
    QColor colour; ///< the vessel's track colour: the label's swatch and the strip
    std::vector<std::int64_t> positionTimesMs; ///< sorted: drawn as a density strip (reporting vs silent)
};

/// An analyst's sighting on the timeline.
struct TimelineSighting
{
    int number = 0; ///< the sightings table's number, printed in the marker
    std::int64_t ms = 0;
    QString kind;           ///< as Sighting::kind: sets the colour (sightingColour)
    std::uint32_t mmsi = 0; ///< 0: not linked
};

/// What the timeline figure shows.
struct TimelineData
{
    QList<TimelineLane> lanes;
    std::vector<MovementEvent>
        events; ///< gaps, port calls (with place), encounters, voyages… of the lanes' vessels
    QList<TimelineSighting>
        sightings; ///< linked to a lane's vessel → in that lane; otherwise → an "Imagery sightings" lane
    QList<QPair<std::int64_t, QString>>
        acquisitions;                  ///< imagery acquisition times and names: a lane of ticks
    std::int64_t fromMs = 0, toMs = 0; ///< 0,0: the span of everything above, padded 3%
};

/// Where the figure puts everything in a box, worked out once from the data, the box and the fonts:
/// paintTimelineFigure() only draws it, and a timeline view picks its marks from it (markAt), so
/// what is clicked is what was drawn.
struct TimelineLayout
{
    enum class LaneKind
    {
        Vessel,      ///< data.lanes[index]
        Sightings,   ///< the sightings linked to no lane's vessel
        Acquisitions ///< imagery acquisition times
    };
    /// A stretch of the reporting strip at one density, 1 (seldom) to 6 (as often as it gets).
    struct StripRun
    {
        QRectF rect;
        int level = 1;
    };
    struct Lane
    {
        LaneKind kind = LaneKind::Vessel;
        int index = 0;             ///< into data.lanes for a vessel lane
        QRectF rect;               ///< the lane's band in the plot (the label column excluded)
        QRectF barRow;             ///< where the bars, diamonds and sighting markers sit
        QRectF labelRow;           ///< port names above the bars (vessel lanes)
        QRectF strip;              ///< the AIS reporting strip (vessel lanes)
        QRectF brackets;           ///< round-trip brackets (vessel lanes)
        QList<StripRun> reporting; ///< where the vessel reported, in the strip
        QRectF swatch;             ///< the vessel's colour beside its name (vessel lanes)
        QString title;             ///< the lane's name in the label column, shortened to its room
        QRectF titleRect;
        QString subtitle; ///< "MMSI 273145020" under a vessel's name; empty for none
        QRectF subtitleRect;
    };
    /// One thing drawn in the plot, and what it stands for.
    struct Mark
    {
        /// In the order they are drawn: a later kind lies over an earlier one.
        enum class Kind
        {
            Gap,
            Loitering,
            PortCall,
            PossibleCall, ///< a call inferred from a dark period (MovementEvent::isInferredCall)
            Spoofing,
            SafetyMessage, ///< a speech bubble at the time a safety message (AIS 12, 14) was heard
            RoundTrip,
            PortName, ///< a call's port name, inside its bar or above it
            Encounter,
            Sighting,
            Acquisition,
            AcquisitionName
        };
        enum class Subject
        {
            Event,      ///< data.events[index]
            Sighting,   ///< data.sightings[index]
            Acquisition ///< data.acquisitions[index]
        };
        Kind kind = Kind::Gap;
        int index = -1; ///< into data.events, data.sightings or data.acquisitions (subject())
        int lane = -1;  ///< into lanes
        QRectF rect;    ///< where a pointer picks it: its ink, or the row it sits in for a thin bar or a tick
        QRectF shape;   ///< what is drawn when that is not `rect`: a loitering bar, a sighting's capsule,
                        ///< the box a name is aligned in
        QPointF at;     ///< a spoofing mark's tip, a diamond's or a sighting marker's centre, a tick's top
        QLineF line;    ///< drawn with it: a round trip's bracket, an encounter's link to the other vessel's
                        ///< lane, a sighting's leader from its time when the marker was pushed aside
        QString text;   ///< a name (PortName, AcquisitionName)
        bool onBar = false; ///< a port name drawn inside its call's bar (else above it)

        Subject subject() const;
    };
    /// A tick of the time axis and where its label went (none when it would touch the last one).
    struct Tick
    {
        TimeTick tick;
        double x = 0;
        std::optional<QRectF> label;
    };
    /// The symbols the key explains, in the order it lists them.
    enum class Symbol
    {
        Reporting,
        Gap,
        PortCall,
        PossibleCall,
        Loitering,
        Spoofing,
        SafetyMessage,
        Encounter,
        RoundTrip,
        Sighting,
        Acquisition
    };
    struct KeyEntry
    {
        Symbol symbol = Symbol::Gap;
        QColor colour;
        QRectF cell;  ///< the symbol at its left, then the text
        QString text; ///< shortened to its room
        QRectF textRect;
    };
    /// The fonts the figure draws with, in the base font's family and sized in its units.
    struct Fonts
    {
        QFont name, sub, tick, tickMajor, port, key, marker;
    };

    QRectF labelColumn; ///< lane names
    QRectF plot;        ///< the time area: x ↔ time, from the first lane's top to the axis line
    QRectF axis;        ///< tick marks and labels under the plot
    QRectF key;         ///< the symbols' key under the axis
    QList<Lane> lanes;
    QList<Mark> marks; ///< in the order they are drawn
    QList<Tick> ticks;
    QString axisCaption; ///< "2023 (UTC)", in the label column on the axis row, shortened to its room
    QRectF axisCaptionRect;
    QList<KeyEntry> keyEntries;
    std::int64_t fromMs = 0, toMs = 0; ///< the time span the plot's width shows
    QRectF box;                        ///< the box the figure was laid out in
    double unit = 1;                   ///< painter units per point
    Fonts fonts;

    /// The x of a time; times outside the span fall outside the plot.
    double xForTime(std::int64_t ms) const;
    /// The time at an x (for hit-testing).
    std::int64_t timeForX(double x) const;
    /// The lane of a vessel; nullptr when it has none.
    const Lane *vesselLane(std::uint32_t mmsi, const QList<TimelineLane> &lanes) const;
    /// The x extent of an event as the figure draws it: clipped to the plot, never thinner than
    /// `minWidth`; nothing when it lies outside the plot.
    std::optional<QPair<double, double>> eventSpan(const MovementEvent &event, double minWidth) const;
    /// The mark under `pos`, each picked up to `slop` outside its rect (its width left and right, its
    /// height above and below): the one drawn on top, and of marks of one kind (calls possible at several
    /// ports at once) the one whose middle is nearest. nullptr for none.
    const Mark *markAt(QPointF pos, QSizeF slop = {}) const;
    /// Everything drawn in its lane for what `mark` stands for: a call's bar with its name.
    QRectF outline(const Mark &mark) const;
};

/// The first and last time anything in `data` happens (fixes, events, dated sightings,
/// acquisitions), unpadded; open when there is nothing.
TimeWindow timelineDataExtent(const TimelineData &data);

/// The span the figure shows: data.fromMs/toMs when set, or everything in `data` padded 3%
/// (an hour either side of a single instant); 0,0 for no data.
QPair<std::int64_t, std::int64_t> timelineSpan(const TimelineData &data);

/// The layout of the figure in `box` with `unit` painter units per typographic point; text is
/// measured on `device` (the painter's), or the screen when none. The figure is top-aligned; a box
/// shorter than timelineFigureHeight() squeezes the lanes (down to half their height), never the
/// axis or the key.
TimelineLayout timelineLayout(const TimelineData &data, const QRectF &box, const QFont &font, double unit,
                              const QPaintDevice *device = nullptr);

/// Height the figure needs (painter units) at `width` with `unit` painter units per typographic point.
/// Rows are sized in points: the base font should be about 7–9 pt (larger text is capped at
/// kTimelineMaxTextPt).
double timelineFigureHeight(const TimelineData &data, double width, double unit);

/// Paints `layout`, laid out from `data` (timelineLayout()): a label column on the left; per vessel
/// lane a thin density strip of AIS reporting, gaps as grey hatched bars, port calls as solid bars in
/// the event colour labelled with the port name where there is room, calls inferred from a dark period
/// (MovementEvent::isInferredCall) as dashed outlines, loitering as thin teal bars, spoofing
/// suspicions as red triangles, round trips as brackets under the lane; encounters as diamonds linked
/// across both vessels' lanes; sightings as numbered markers in the sighting colour; a lane of imagery
/// acquisitions; a UTC axis (timeAxisTicks) with light grid lines; a key of the symbols shown. All text
/// is QPainter::drawText, so it stays text in a PDF. Text is measured on the device the layout was
/// made for, which should be the painter's.
void paintTimelineFigure(QPainter &painter, const TimelineLayout &layout, const TimelineData &data);

/// Lays the figure out in `box` on the painter's device and paints it. `font` is the base font (points
/// on a QPdfWriter, or pixels on an image), with 1 pt = `unit` painter units.
void paintTimelineFigure(QPainter &painter, const QRectF &box, const TimelineData &data, const QFont &font,
                         double unit);

/// "Rajin (Rason) port" → "Rajin (Rason)": the name a timeline label gives a port.
QString timelinePortLabel(const QString &place);

} // namespace sightline
