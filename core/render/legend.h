#pragma once

#include <QColor>
#include <QList>
#include <QSizeF>
#include <QString>

class QFont;
class QPainter;
class QRectF;

namespace sightline {

class Layer;

/// One line of a legend: a swatch and its text.
struct LegendEntry
{
    enum class Swatch
    {
        Line,   ///< a stroke across the swatch (`penStyle`, `dashed`, `railway`)
        Area,   ///< a box filled with `fill`, outlined with `stroke`
        Point,  ///< `marker` in `stroke` over `fill`
        Raster, ///< a small image tile
        Track,  ///< a vessel's track with its positions; a colour ramp `stroke` → `fill` when fill is set
        Event   ///< the event's sign, chosen by `marker`
    };
    /// The sign drawn by Point and Event swatches.
    enum class Marker
    {
        Circle,
        Square,
        Triangle,
        Diamond,
        Anchor,
        Ring,        ///< Event: a dashed line between two hollow fixes (a gap)
        DottedRing,  ///< Event: a dotted ring round a dot (loitering)
        Arrow,       ///< Event: a curved arrow (a voyage)
        DoubleArrow, ///< Event: arrows both ways (a round trip)
        Pair,        ///< Event: two linked dots in a ring (an encounter)
        Warning,     ///< Event: a zigzag to a warning triangle (spoofing)
        Octagon      ///< Event: a stop sign (a stop)
    };
    Swatch swatch = Swatch::Area;
    QString label;
    QColor stroke, fill;
    Qt::PenStyle penStyle = Qt::SolidLine;
    bool railway = false; ///< a line with cross ticks
    bool dashed = false;
    Marker marker = Marker::Circle;
};

/// A layer's name and its entries (a vector layer: one per category, or one for the layer; a
/// track layer: one per vessel it draws when there are 8 or fewer, named as the track layer names
/// them, else one line; the sightings layer: one per kind present, using sightingColour and
/// sightingKindLabel; the events layer: one per event type present, using its event colour; a
/// raster: one Raster swatch with the layer name).
struct LegendGroup
{
    QString title;
    QList<LegendEntry> entries;
};

LegendGroup legendGroup(const Layer &layer);

/// The size the legend needs at `width` (entries flow into as many columns as fit), with `unit`
/// painter units per typographic point (swatches ~ 14×8 pt, padding ~4 pt). Lays out groups in
/// order. The width returned may be less than `width` when fewer columns need less.
QSizeF legendSize(const QList<LegendGroup> &groups, const QFont &font, double width, double unit);

/// Paints the legend in `box` (painter coordinates): a thin frame, "Legend" heading in bold, the
/// groups. A group whose only entry is named like the group is one line, its swatch and name.
void paintLegend(QPainter &painter, const QRectF &box, const QList<LegendGroup> &groups, const QFont &font,
                 double unit);

} // namespace sightline
