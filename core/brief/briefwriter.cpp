#include "brief/briefwriter.h"

#include "brief/briefcontent.h"
#include "brief/briefdetections.h"
#include "brief/brieffigure.h"
#include "brief/briefflow.h"
#include "brief/briefinputs.h"
#include "brief/briefstyle.h"
#include "brief/brieftable.h"
#include "render/timelinefigure.h"

#include <QBuffer>
#include <QDateTime>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextLayout>

#include <memory>

namespace sightline {

namespace {

/// Device units of the PDF: fine enough that every coordinate Qt writes is exact to 1/1200 inch.
constexpr int kResolution = 1200;
constexpr double kMmPerInch = 25.4;

/// Everything the layout needs while it builds the items.
struct Builder
{
    const Brief &brief;
    const BriefInputs &inputs;
    const BriefStyle &style;
    const QPaintDevice &device;
    double width = 0;         ///< of the text column
    double contentHeight = 0; ///< of a page's text area
    std::vector<FlowItem> items;
    int figureNumber = 0;
    int tableNumber = 0;
    QString sightingsTableKey; ///< "Table 2", where the callout numbers come from
    QStringList *problems = nullptr;

    /// Lines of wrapped text, one item each so a paragraph may run onto the next page.
    void paragraph(const QString &text, const QFont &font, const QColor &colour, double spaceBefore,
                   double indent = 0, const QString &bullet = {}, bool keepFirstLines = true)
    {
        auto layout = std::make_shared<QTextLayout>(text, font, const_cast<QPaintDevice *>(&device));
        QTextOption option;
        option.setWrapMode(QTextOption::WordWrap);
        layout->setTextOption(option);
        layout->beginLayout();
        double y = 0;
        for (;;) {
            QTextLine line = layout->createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(width - indent);
            line.setPosition(QPointF(indent, y));
            y += line.height();
        }
        layout->endLayout();
        const double spacing = 1.22;
        for (int i = 0; i < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            FlowItem item;
            item.height = line.height() * spacing;
            item.spaceBefore = i == 0 ? spaceBefore : 0;
            // No paragraph leaves a single line behind at the foot of a page.
            item.keepWithNext = keepFirstLines && i == 0 && layout->lineCount() > 1;
            item.text = true;
            item.paint = [layout, i, colour, font, bullet, indent](QPainter &p, const QRectF &r) {
                const QTextLine l = layout->lineAt(i);
                p.setPen(colour);
                p.setFont(font);
                if (i == 0 && !bullet.isEmpty())
                    p.drawText(QPointF(r.left() + indent * 0.35, r.top() + l.ascent()), bullet);
                l.draw(&p, QPointF(r.left(), r.top() - l.y()));
            };
            items.push_back(std::move(item));
        }
    }

    void heading(const QString &text, double spaceBefore)
    {
        const QFontMetricsF fm(style.heading, &device);
        FlowItem item;
        item.spaceBefore = spaceBefore;
        item.height = fm.height() + style.pt(5);
        item.keepWithNext = true;
        item.text = true;
        item.paint = [text, s = style](QPainter &p, const QRectF &r) {
            p.setFont(s.heading);
            p.setPen(s.accent);
            p.drawText(r, Qt::AlignLeft | Qt::AlignTop, text);
            p.setPen(QPen(s.rule, s.pt(0.5)));
            p.drawLine(QPointF(r.left(), r.bottom() - s.pt(2)), QPointF(r.right(), r.bottom() - s.pt(2)));
        };
        items.push_back(std::move(item));
    }

    void sectionText(const QString &text)
    {
        const QStringList paragraphs = text.split(QRegularExpression(QStringLiteral("\\n\\s*\\n")));
        for (const QString &para : paragraphs) {
            const QStringList lines = para.split(QLatin1Char('\n'));
            QString running;
            auto flush = [&] {
                if (!running.trimmed().isEmpty())
                    paragraph(running.simplified(), style.body, style.ink, style.pt(5));
                running.clear();
            };
            for (const QString &line : lines) {
                const QString t = line.trimmed();
                if (t.startsWith(QLatin1String("- ")) || t.startsWith(QLatin1String("* "))) {
                    flush();
                    paragraph(t.mid(2).simplified(), style.body, style.ink, style.pt(2.5), style.pt(12),
                              QStringLiteral("\u2022"));
                } else {
                    running += line + QLatin1Char(' ');
                }
            }
            flush();
        }
    }

    void titleBlock()
    {
        paragraph(brief.title.isEmpty() ? inputs.projectTitle : brief.title, style.title, style.accent, 0, 0,
                  {}, false);
        if (!brief.subtitle.isEmpty())
            paragraph(brief.subtitle, style.subtitle, style.ink, style.pt(2), 0, {}, false);
        QStringList meta;
        if (!brief.authors.isEmpty())
            meta << brief.authors;
        meta << printedDate();
        paragraph(meta.join(QStringLiteral("  \u00b7  ")), style.caption, style.muted, style.pt(4), 0, {},
                  false);
        FlowItem rule;
        rule.height = style.pt(8);
        rule.paint = [s = style](QPainter &p, const QRectF &r) {
            p.setPen(QPen(s.accent, s.pt(1.2)));
            p.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()));
        };
        items.push_back(std::move(rule));
        if (!brief.keyJudgments.isEmpty())
            keyJudgments();
    }

    QString printedDate() const
    {
        if (!brief.date.isEmpty())
            return brief.date;
        return QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(briefTimestampMs(), Qt::UTC).date(),
                                     QStringLiteral("d MMMM yyyy"));
    }

    /// A tinted box: the judgments a reader takes away, numbered.
    void keyJudgments()
    {
        const double pad = style.pt(8), numberWidth = style.pt(16);
        const QFontMetricsF headingMetrics(style.bodyBold, &device);
        const QFontMetricsF body(style.body, &device);
        QList<double> heights;
        double total = pad + headingMetrics.height() + style.pt(4);
        for (const QString &j : brief.keyJudgments) {
            const double h =
                body.boundingRect(QRectF(0, 0, width - 2 * pad - numberWidth, 1e9), Qt::TextWordWrap, j)
                    .height();
            heights << h;
            total += h + style.pt(4);
        }
        total += pad - style.pt(4);
        FlowItem box;
        box.spaceBefore = style.pt(4);
        box.height = total;
        box.paint = [judgments = brief.keyJudgments, heights, pad, numberWidth, s = style](QPainter &p,
                                                                                           const QRectF &r) {
            p.save();
            p.setPen(Qt::NoPen);
            p.setBrush(s.judgmentsFill);
            p.drawRect(r);
            p.setBrush(s.accent);
            p.drawRect(QRectF(r.left(), r.top(), s.pt(3), r.height()));
            p.setPen(s.accent);
            p.setFont(s.bodyBold);
            const QFontMetricsF hm(s.bodyBold, p.device());
            p.drawText(QPointF(r.left() + pad, r.top() + pad + hm.ascent()), QStringLiteral("Key judgments"));
            double y = r.top() + pad + hm.height() + s.pt(4);
            for (int i = 0; i < judgments.size(); ++i) {
                p.setPen(s.accent);
                p.setFont(s.bodyBold);
                p.drawText(QRectF(r.left() + pad, y, numberWidth, heights[i]), Qt::AlignLeft | Qt::AlignTop,
                           QStringLiteral("%1.").arg(i + 1));
                p.setPen(s.ink);
                p.setFont(s.body);
                p.drawText(
                    QRectF(r.left() + pad + numberWidth, y, r.width() - 2 * pad - numberWidth, heights[i]),
                    Qt::TextWordWrap, judgments[i]);
                y += heights[i] + s.pt(4);
            }
            p.restore();
        };
        items.push_back(std::move(box));
    }

    void figure(const BriefFigure &f)
    {
        ++figureNumber;
        auto plan = std::make_shared<BriefFigurePlan>(planBriefFigure(
            f, figureNumber, inputs, style, device, width, contentHeight * 0.5, sightingsTableKey));
        FlowItem item;
        item.spaceBefore = style.pt(8);
        item.height = plan->height();
        item.floatable = true;
        item.paint = [plan, s = style, problems = problems](QPainter &p, const QRectF &r) {
            paintBriefFigure(p, r, *plan, s, problems);
        };
        items.push_back(std::move(item));
    }

    QString nextTableCaption(const QString &title)
    {
        return QStringLiteral("Table %1. %2").arg(++tableNumber).arg(title);
    }

    void table(const BriefTable &table) { appendTableItems(items, table, style, device, width); }

    void timeline(const BriefBlock &block)
    {
        auto data = std::make_shared<TimelineData>(briefTimelineData(inputs));
        if (data->lanes.isEmpty() && data->sightings.isEmpty()) {
            paragraph(QStringLiteral("Timeline: no events and no dated sightings in the project yet."),
                      style.caption, style.muted, style.pt(8));
            return;
        }
        ++figureNumber;
        const QString caption =
            QStringLiteral("Figure %1. ").arg(figureNumber) +
            (block.heading.isEmpty() ? QStringLiteral("Events per vessel over time (UTC)") : block.heading);
        const double height = std::min(timelineFigureHeight(*data, width, style.unit), contentHeight * 0.8);
        const QFontMetricsF fm(style.caption, &device);
        FlowItem item;
        item.spaceBefore = style.pt(8);
        item.height = height + fm.height() + style.pt(4);
        item.floatable = true;
        item.paint = [data, height, caption, s = style](QPainter &p, const QRectF &r) {
            paintTimelineFigure(p, QRectF(r.left(), r.top(), r.width(), height), *data, s.furniture, s.unit);
            p.setPen(s.ink);
            p.setFont(s.caption);
            p.drawText(QRectF(r.left(), r.top() + height + s.pt(3), r.width(), r.height() - height),
                       Qt::AlignLeft | Qt::AlignTop, caption);
        };
        items.push_back(std::move(item));
    }

    /// The figure of one image's footprint with its detections, a line of what they say, and their table.
    void vesselsInImage(const BriefBlock &block)
    {
        const QString title = QStringLiteral("Vessels in image %1").arg(block.image);
        heading(block.heading.isEmpty() ? title : block.heading, style.pt(12));
        if (block.image < 1 || std::size_t(block.image) > inputs.detectionRuns.size()) {
            paragraph(QStringLiteral("%1: the project holds %2 image(s) with detections (Analysis → Detect Vessels "
                                     "in Image, or sightline detect vessels --save).")
                          .arg(title)
                          .arg(inputs.detectionRuns.size()),
                      style.caption, style.muted, style.pt(4));
            return;
        }
        const DetectionRun &run = inputs.detectionRuns[std::size_t(block.image - 1)];
        paragraph(briefDetectionSummary(run), style.body, style.ink, style.pt(4));
        figure(briefDetectionFigure(run, block.image));
        table(briefDetectionsTable(run, nextTableCaption(title + QStringLiteral(": ") + run.sceneId)));
    }

    void sources(const QString &caption)
    {
        paragraph(
            QStringLiteral("Made with Sightline from the project %1 on %2. Each checksum is the SHA-256 of "
                           "the file as it was read for this brief; a reader holding the same file gets "
                           "the same value (sha256sum FILE).")
                .arg(inputs.projectFile, printedDate()),
            style.caption, style.muted, style.pt(4));
        table(briefSourcesTable(inputs, caption));
    }

    void build()
    {
        // Callouts name the sightings table before it is laid out: count the tables above it.
        int tables = 0;
        for (const BriefBlock &b : brief.blocks) {
            if (b.kind == BriefBlock::Kind::SightingsTable) {
                sightingsTableKey = QStringLiteral("Table %1").arg(tables + 1);
                break;
            }
            if (b.kind == BriefBlock::Kind::EventsTable || b.kind == BriefBlock::Kind::VesselsTable ||
                b.kind == BriefBlock::Kind::Sources || b.kind == BriefBlock::Kind::VesselsInImage)
                ++tables;
        }
        if (sightingsTableKey.isEmpty())
            sightingsTableKey = QStringLiteral("the project's sightings");

        titleBlock();
        for (const BriefBlock &b : brief.blocks) {
            switch (b.kind) {
            case BriefBlock::Kind::Section:
                if (!b.heading.isEmpty())
                    heading(b.heading, style.pt(12));
                sectionText(b.text);
                break;
            case BriefBlock::Kind::Figure:
                figure(b.figure);
                break;
            case BriefBlock::Kind::SightingsTable:
                table(briefSightingsTable(
                    inputs, nextTableCaption(b.heading.isEmpty() ? QStringLiteral("Sightings") : b.heading)));
                break;
            case BriefBlock::Kind::EventsTable:
                table(briefEventsTable(inputs, b.eventTypes, nextTableCaption(briefEventsTableTitle(b))));
                break;
            case BriefBlock::Kind::VesselsTable:
                table(briefVesselsTable(
                    inputs, nextTableCaption(b.heading.isEmpty() ? QStringLiteral("Vessels") : b.heading)));
                break;
            case BriefBlock::Kind::Timeline:
                timeline(b);
                break;
            case BriefBlock::Kind::Sources:
                heading(b.heading.isEmpty() ? QStringLiteral("Sources") : b.heading, style.pt(12));
                sources(nextTableCaption(QStringLiteral("Sources and provenance")));
                break;
            case BriefBlock::Kind::VesselsInImage:
                vesselsInImage(b);
                break;
            case BriefBlock::Kind::PageBreak: {
                FlowItem item;
                item.pageBreak = true;
                items.push_back(std::move(item));
                break;
            }
            }
        }
    }
};

/// The marking at the top and bottom, the running title, and "Page n of N".
void paintPageFrame(QPainter &p, const QRectF &page, const QRectF &content, int pageNumber, int pageCount,
                    const Brief &brief, const QString &title, const QString &date, const BriefStyle &s)
{
    p.save();
    const double margin = content.top() - page.top();
    if (!brief.marking.isEmpty()) {
        p.setFont(s.marking);
        p.setPen(s.markingInk);
        p.drawText(QRectF(page.left(), page.top(), page.width(), margin * 0.62),
                   Qt::AlignHCenter | Qt::AlignBottom, brief.marking);
        p.drawText(QRectF(page.left(), page.bottom() - margin * 0.62, page.width(), margin * 0.62),
                   Qt::AlignHCenter | Qt::AlignTop, brief.marking);
    }
    p.setFont(s.footer);
    p.setPen(s.muted);
    const QFontMetricsF fm(s.footer, p.device());
    const double headerY = content.top() - s.pt(5);
    if (pageNumber > 1) {
        p.drawText(QPointF(content.left(), headerY - fm.descent()),
                   fm.elidedText(title, Qt::ElideRight, content.width() * 0.7));
        p.drawText(QRectF(content.left(), headerY - fm.height(), content.width(), fm.height()),
                   Qt::AlignRight | Qt::AlignBottom, date);
        p.setPen(QPen(s.rule, s.pt(0.5)));
        p.drawLine(QPointF(content.left(), headerY + s.pt(1)), QPointF(content.right(), headerY + s.pt(1)));
    }
    const double footerY = content.bottom() + s.pt(6);
    p.setPen(QPen(s.rule, s.pt(0.5)));
    p.drawLine(QPointF(content.left(), footerY), QPointF(content.right(), footerY));
    p.setPen(s.muted);
    const QRectF footer(content.left(), footerY + s.pt(2), content.width(), fm.height());
    p.drawText(footer, Qt::AlignLeft | Qt::AlignTop, QStringLiteral("Sightline brief"));
    p.drawText(footer, Qt::AlignRight | Qt::AlignTop,
               QStringLiteral("Page %1 of %2").arg(pageNumber).arg(pageCount));
    p.restore();
}

/// Qt stamps the PDF with the time of writing; a reproducible brief carries briefTimestampMs()
/// instead. Same length, so the cross-reference offsets stay right.
void stampCreationDate(QByteArray &pdf)
{
    static const QByteArray key("/CreationDate (D:");
    const qsizetype at = pdf.indexOf(key);
    if (at < 0)
        return;
    const QByteArray stamp = QDateTime::fromMSecsSinceEpoch(briefTimestampMs(), Qt::UTC)
                                 .toString(QStringLiteral("yyyyMMddHHmmss"))
                                 .toLatin1();
    const qsizetype start = at + key.size();
    if (start + stamp.size() <= pdf.size())
        pdf.replace(start, stamp.size(), stamp);
}

} // namespace

std::int64_t briefTimestampMs()
{
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    if (ok && epoch >= 0)
        return epoch * 1000;
    return QDateTime::currentMSecsSinceEpoch();
}

bool writeBriefPdf(const Brief &brief, const BriefInputs &inputs, QIODevice &out, BriefExportResult *result,
                   QString *error, const std::function<bool(double)> &progress)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(kResolution);
    writer.setPageLayout(QPageLayout(QPageSize(brief.page.size), brief.page.orientation,
                                     QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    const QString title = brief.title.isEmpty() ? inputs.projectTitle : brief.title;
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Sightline"));

    const BriefStyle style = BriefStyle::forDevice(writer, brief.page.dpi);
    const QRectF page = writer.pageLayout().fullRectPixels(kResolution);
    const double margin = brief.page.marginMm / kMmPerInch * kResolution;
    const QRectF content = page.adjusted(margin, margin, -margin, -margin);

    QStringList problems;
    Builder builder{brief, inputs, style, writer, content.width(), content.height(), {}, 0, 0, {}, &problems};
    builder.build();
    for (const QString &missing : inputs.missingReasons)
        problems << missing;
    const FlowPages pages = paginateFlow(builder.items, content.height());

    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = QStringLiteral("cannot start the PDF");
        return false;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QString date = builder.printedDate();
    // The figures are drawn as their items are painted: most of the time goes there.
    qsizetype toPaint = 0, painted = 0;
    for (const auto &pageItems : pages)
        toPaint += pageItems.size();
    for (int n = 0; n < pages.size(); ++n) {
        if (n > 0)
            writer.newPage();
        paintPageFrame(painter, page, content, n + 1, int(pages.size()), brief, title, date, style);
        for (const FlowPlacement &placed : pages[n]) {
            if (progress && !progress(toPaint ? double(painted) / double(toPaint) : 0.0)) {
                painter.end();
                if (result)
                    result->cancelled = true;
                *error = QStringLiteral("cancelled");
                return false;
            }
            ++painted;
            const FlowItem &item = builder.items[size_t(placed.item)];
            if (!item.paint)
                continue;
            painter.save();
            item.paint(painter,
                       QRectF(content.left(), content.top() + placed.y, content.width(), item.height));
            painter.restore();
        }
    }
    painter.end();
    if (progress)
        progress(1.0);
    buffer.close();
    stampCreationDate(bytes);

    if (out.write(bytes) != bytes.size()) {
        *error = QStringLiteral("cannot write the PDF: %1").arg(out.errorString());
        return false;
    }
    if (result) {
        result->pages = int(pages.size());
        result->figures = builder.figureNumber;
        problems.removeDuplicates();
        result->problems = problems;
    }
    return true;
}

bool writeBriefPdfFile(const Brief &brief, const BriefInputs &inputs, const QString &path,
                       BriefExportResult *result, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    QString why;
    if (!writeBriefPdf(brief, inputs, file, result, &why)) {
        file.cancelWriting();
        *error = QStringLiteral("'%1': %2").arg(path, why);
        return false;
    }
    if (!file.commit()) {
        *error = QStringLiteral("cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace sightline
