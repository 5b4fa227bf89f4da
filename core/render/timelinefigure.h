#pragma once

#include "analysis/movementevent.h"
#include "map/timewindow.h"

#include <QColor>
#include <QFont>
#include <QList>

#include <optional>
#include <QPair>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <vector>

class QPainter;
class QPaintDevice;

namespace sightline {

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

/// Where the figure puts things in a box: the painter, the tests and (later) a timeline dock's
/// hit-testing share it.
struct TimelineLayout
{
    enum class LaneKind
    {
        Vessel,      ///< data.lanes[index]
        Sightings,   ///< the sightings linked to no lane's vessel
        Acquisitions ///< imagery acquisition times
    };
    struct Lane
    {
        LaneKind kind = LaneKind::Vessel;
        int index = 0;   ///< into data.lanes for a vessel lane
        QRectF rect;     ///< the lane's band in the plot (the label column excluded)
        QRectF barRow;   ///< where the bars, diamonds and sighting markers sit
        QRectF labelRow; ///< port names above the bars (vessel lanes)
        QRectF strip;    ///< the AIS reporting strip (vessel lanes)
        QRectF brackets; ///< round-trip brackets (vessel lanes)
    };
    QRectF labelColumn; ///< lane names
    QRectF plot;        ///< the time area: x ↔ time, from the first lane's top to the axis line
    QRectF axis;        ///< tick marks and labels under the plot
    QRectF key;         ///< the symbols' key under the axis
    QList<Lane> lanes;
    std::int64_t fromMs = 0, toMs = 0; ///< the time span the plot's width shows

    /// The x of a time; times outside the span fall outside the plot.
    double xForTime(std::int64_t ms) const;
    /// The time at an x (for hit-testing).
    std::int64_t timeForX(double x) const;
    /// The lane of a vessel; nullptr when it has none.
    const Lane *vesselLane(std::uint32_t mmsi, const QList<TimelineLane> &lanes) const;
    /// The x extent of an event as the figure draws it: clipped to the plot, never thinner than
    /// `minWidth`; nothing when it lies outside the plot.
    std::optional<QPair<double, double>> eventSpan(const MovementEvent &event, double minWidth) const;
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
/// Rows are sized in points: the base font should be about 7–9 pt (larger text is capped at 8.5 pt).
double timelineFigureHeight(const TimelineData &data, double width, double unit);

/// Paints the figure in `box` (laid out as timelineLayout() says): a label column
/// on the left; per vessel lane a thin density strip of AIS reporting, gaps as grey hatched bars, port
/// calls as solid bars in the event colour labelled with the port name where there is room, inferred
/// calls (details "inferred", or confidence 1) as dashed outlines, loitering as thin teal bars, spoofing
/// suspicions as red triangles, round trips as brackets under the lane; encounters as diamonds linked
/// across both vessels' lanes; sightings as numbered markers in the sighting colour; a lane of imagery
/// acquisitions; a UTC axis (timeAxisTicks) with light grid lines; a key of the symbols shown. All text
/// is QPainter::drawText, so it stays text in a PDF. `font` is the base font (points on a QPdfWriter,
/// or pixels on an image), with 1 pt = `unit` painter units.
void paintTimelineFigure(QPainter &painter, const QRectF &box, const TimelineData &data, const QFont &font,
                         double unit);

/// "Rajin (Rason) port" → "Rajin (Rason)": the name a timeline label gives a port.
QString timelinePortLabel(const QString &place);

} // namespace sightline
