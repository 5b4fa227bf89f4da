#pragma once

#include <QList>
#include <QRectF>

#include <functional>
#include <vector>

class QPainter;

namespace sightline {

/// One indivisible piece of a brief's body (a line of text, a table row, a figure), laid
/// down the pages in order. Heights are in device units.
struct FlowItem
{
    double height = 0;
    double spaceBefore = 0;    ///< dropped at the top of a page
    bool keepWithNext = false; ///< a heading, a caption above a table: never last on a page
    bool pageBreak = false;    ///< starts a new page (the item itself draws nothing)
    int repeatHeader = -1;     ///< a table row: the header item drawn again atop a new page
    bool floatable = false;    ///< a figure: when it does not fit, the text after it fills the page first
    bool text = false;         ///< a line of body text or a heading: may move ahead of a floating figure
    std::function<void(QPainter &, const QRectF &)> paint;
};

/// Where one item landed.
struct FlowPlacement
{
    int item = -1;
    double y = 0; ///< from the top of the content area
};

/// Items per page, in order; repeated table headers appear as placements of their header item.
using FlowPages = QList<QList<FlowPlacement>>;

/// Breaks `items` into pages of `contentHeight`. An item taller than a page gets a page
/// of its own and overflows it rather than being lost.
FlowPages paginateFlow(const std::vector<FlowItem> &items, double contentHeight);

} // namespace sightline
