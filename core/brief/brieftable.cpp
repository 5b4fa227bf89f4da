#include "brief/brieftable.h"

#include <QFontMetricsF>
#include <QPainter>

#include <memory>
#include <numeric>

namespace sightline {

namespace {

struct Geometry
{
    QList<double> x;      ///< left edge of each column
    QList<double> widths; ///< each column's width
    double padX = 0;
    double padY = 0;
};

Geometry columnGeometry(const BriefTable &table, const BriefStyle &style, double width)
{
    Geometry g;
    g.padX = style.pt(2.5);
    g.padY = style.pt(1.8);
    const double total = std::accumulate(table.columns.begin(), table.columns.end(), 0.0,
                                         [](double s, const BriefTableColumn &c) { return s + c.weight; });
    double x = 0;
    for (const BriefTableColumn &c : table.columns) {
        const double w = width * c.weight / total;
        g.x << x;
        g.widths << w;
        x += w;
    }
    return g;
}

const int kCellFlags = Qt::TextWordWrap | Qt::TextWrapAnywhere;

double rowHeight(const QStringList &cells, const BriefTable &table, const Geometry &g,
                 const BriefStyle &style, const QPaintDevice &device, bool header)
{
    double h = 0;
    for (int c = 0; c < table.columns.size(); ++c) {
        const QFont &font = header ? style.tableBold : table.columns[c].mono ? style.mono : style.table;
        const QFontMetricsF fm(font, &device);
        const QString text = c < cells.size() ? cells[c] : QString();
        // TextWrapAnywhere only where words cannot wrap: measured as drawn.
        const int flags =
            table.columns[c].mono || table.columns[c].breakAnywhere ? kCellFlags : Qt::TextWordWrap;
        const QRectF r = fm.boundingRect(QRectF(0, 0, g.widths[c] - 2 * g.padX, 1e9), flags, text);
        h = std::max(h, r.height());
    }
    return h + 2 * g.padY;
}

void paintRow(QPainter &p, const QRectF &rect, const QStringList &cells, const BriefTable &table,
              const Geometry &g, const BriefStyle &style, bool header, bool shaded)
{
    p.save();
    p.setPen(Qt::NoPen);
    if (header || shaded) {
        p.setBrush(header ? style.tableHeader : style.zebra);
        p.drawRect(rect);
    }
    p.setPen(QPen(style.rule, style.pt(header ? 0.8 : 0.3)));
    p.drawLine(rect.bottomLeft(), rect.bottomRight());
    p.setPen(style.ink);
    for (int c = 0; c < table.columns.size(); ++c) {
        const BriefTableColumn &column = table.columns[c];
        p.setFont(header ? style.tableBold : column.mono ? style.mono : style.table);
        const QRectF cell(rect.left() + g.x[c] + g.padX, rect.top() + g.padY, g.widths[c] - 2 * g.padX,
                          rect.height() - 2 * g.padY);
        const int flags = (column.mono || column.breakAnywhere ? kCellFlags : Qt::TextWordWrap) |
                          int(column.align) | Qt::AlignTop;
        p.drawText(cell, flags, c < cells.size() ? cells[c] : QString());
    }
    p.restore();
}

} // namespace

void appendTableItems(std::vector<FlowItem> &items, const BriefTable &table, const BriefStyle &style,
                      const QPaintDevice &device, double width)
{
    auto shared = std::make_shared<BriefTable>(table);
    const Geometry g = columnGeometry(table, style, width);

    if (!table.caption.isEmpty()) {
        const QFontMetricsF fm(style.captionBold, &device);
        FlowItem caption;
        caption.spaceBefore = style.pt(10);
        caption.height = fm.height() + style.pt(3);
        caption.keepWithNext = true;
        caption.paint = [shared, s = style](QPainter &p, const QRectF &r) {
            p.setFont(s.captionBold);
            p.setPen(s.accent);
            p.drawText(r, Qt::AlignLeft | Qt::AlignTop, shared->caption);
        };
        items.push_back(std::move(caption));
    }

    QStringList titles;
    for (const BriefTableColumn &c : table.columns)
        titles << c.title;
    const int headerIndex = int(items.size());
    FlowItem header;
    header.height = rowHeight(titles, table, g, style, device, true);
    header.keepWithNext = true;
    header.paint = [shared, g, titles, s = style](QPainter &p, const QRectF &r) {
        paintRow(p, r, titles, *shared, g, s, true, false);
    };
    items.push_back(std::move(header));

    if (table.rows.isEmpty()) {
        // One line across the table saying why it is empty.
        const QFontMetricsF fm(style.table, &device);
        FlowItem row;
        row.height = fm.boundingRect(QRectF(0, 0, width - 2 * g.padX, 1e9), Qt::TextWordWrap, table.emptyText)
                         .height() +
                     2 * g.padY;
        row.repeatHeader = headerIndex;
        row.paint = [text = table.emptyText, g, s = style](QPainter &p, const QRectF &r) {
            p.setFont(s.table);
            p.setPen(s.muted);
            p.drawText(r.adjusted(g.padX, g.padY, -g.padX, -g.padY), Qt::TextWordWrap, text);
            p.setPen(QPen(s.rule, s.pt(0.3)));
            p.drawLine(r.bottomLeft(), r.bottomRight());
        };
        items.push_back(std::move(row));
        return;
    }
    const QList<QStringList> &rows = table.rows;
    for (int i = 0; i < rows.size(); ++i) {
        FlowItem row;
        row.height = rowHeight(rows[i], table, g, style, device, false);
        row.repeatHeader = headerIndex;
        row.paint = [shared, g, cells = rows[i], shaded = i % 2 == 1, s = style](QPainter &p,
                                                                                 const QRectF &r) {
            paintRow(p, r, cells, *shared, g, s, false, shaded);
        };
        items.push_back(std::move(row));
    }
}

} // namespace sightline
