#pragma once

#include "brief/briefflow.h"
#include "brief/briefstyle.h"

#include <QList>
#include <QString>
#include <QStringList>

class QPaintDevice;

namespace sightline {

struct BriefTableColumn
{
    QString title;
    double weight = 1; ///< share of the table's width
    Qt::Alignment align = Qt::AlignLeft;
    bool mono = false;          ///< checksums, in the monospace font (and broken anywhere)
    bool breakAnywhere = false; ///< file and layer names: long identifiers break mid-word
};

/// A table of the brief: a caption, a header repeated on every page it runs onto, and
/// rows whose cells wrap within their column.
struct BriefTable
{
    QString caption; ///< "Table 2. Sightings", drawn above
    QList<BriefTableColumn> columns;
    QList<QStringList> rows;
    QString emptyText; ///< drawn as the only row when there are none
};

/// Appends the table's items (caption, header, rows) to `items` for a column `width` wide.
void appendTableItems(std::vector<FlowItem> &items, const BriefTable &table, const BriefStyle &style,
                      const QPaintDevice &device, double width);

} // namespace sightline
