#pragma once

#include "analysis/movementevent.h"
#include "map/timewindow.h"

#include <QJsonArray>
#include <QPainter>
#include <QPointF>
#include <QRectF>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_set>
#include <vector>

// How the event layer draws each kind of event on the map, and where a click hits one:
// shared by the renderer and pick(), so that a click hits what the analyst sees.
namespace sightline::eventmarks {

/// Sizes of what is drawn, in output pixels.
struct Look
{
    Look(double dpiScale, bool isSelected)
        : k(dpiScale)
        , grow(isSelected ? 1.5 : 1.0)
        , selected(isSelected)
    {
    }

    double fixRadius() const { return 4.0 * k * grow; }
    double portRadius() const { return 4.5 * k * grow; }
    /// Calls inferred from a dark period ring the seen ones, so a port with both shows both.
    double inferredPortRadius() const { return portRadius() + 2.5 * k; }
    double dotRadius() const { return 3.0 * k * grow; }
    double loiterRing() const { return 9.0 * k * grow; }
    double stopRadius() const { return 6.0 * k * grow; }
    double warningSize() const { return 13.0 * k * grow; }
    double encounterRing(double halfApart) const { return std::max(8.0 * k * grow, halfApart + 5.0 * k); }
    /// Curved arrows stop short of the port marks they join.
    double arrowInset() const { return 6.0 * k; }

    double k;
    double grow;
    bool selected;
};

bool isFinite(QPointF p);
double length(QPointF v);
/// The reception of the cells along a dark vessel's path (a gap's "reception_cells" detail): green
/// where others were heard then (or a receiver of the cell was up), as deep as the share of hours
/// covered, with how many vessels; grey
/// where nobody was heard though others are at other times; a dashed outline where nobody ever is.
/// `toPixel` maps lon/lat to the device.
void drawReceptionCells(QPainter &painter, const QJsonArray &cells,
                        const std::function<QPointF(QPointF)> &toPixel, const QRectF &view, double k);
/// The area a vessel could have reached in a dark period, under every event.
void drawReachableArea(QPainter &painter, const std::vector<QPointF> &ring, const QRectF &view, double k);
/// One event's mark between its two ends in pixels (`a` alone for the marks of a place).
void drawEventMark(QPainter &painter, const MovementEvent &e, QPointF a, QPointF b, const Look &look);
/// The visible events in the order they are drawn: context under marks, the selected one last.
std::vector<const MovementEvent *> drawOrder(const std::vector<MovementEvent> &events,
                                             const std::unordered_set<std::int64_t> *visible,
                                             std::int64_t selected, const TimeWindow &window);
/// Whether a click at `at` (pixels) hits the event drawn between `a` and `b`.
bool hits(const MovementEvent &e, QPointF a, QPointF b, QPointF at, double tolerance, const Look &look);

} // namespace sightline::eventmarks
