#include "ui/sightings/counttool.h"

#include "geo/transform.h"
#include "ui/map/mapcanvas.h"
#include "ui/sightings/countmarkcommand.h"

#include <QKeyEvent>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QUndoStack>

#include <algorithm>
#include <limits>

namespace sightline {

namespace {
constexpr double kMarkRadius = 9.0;
const QColor kMarkFill(0xff, 0xd1, 0x1a);
const QColor kMarkInk(0x1b, 0x1b, 0x1b);

QFont tallyFont(const QFont &base)
{
    QFont f = base;
    f.setBold(true);
    f.setPixelSize(18);
    return f;
}

QFont helpFont(const QFont &base)
{
    QFont f = base;
    f.setBold(false);
    f.setPixelSize(11);
    return f;
}
} // namespace

CountTool::CountTool(MapCanvas *canvas)
    : MapTool(canvas)
{
}

QPointF CountTool::toLonLat(QPointF widget) const
{
    return Transform(mCanvas->crs(), Crs::wgs84()).forward(mCanvas->toMap(widget));
}

int CountTool::markAt(QPointF widget) const
{
    const Transform toMap(Crs::wgs84(), mCanvas->crs());
    int best = -1;
    double bestDistance = kMarkRadius + 2;
    for (int i = 0; i < mMarks.size(); ++i) {
        const QPointF w = mCanvas->toWidget(toMap.forward(mMarks[i]));
        const double d = std::hypot(w.x() - widget.x(), w.y() - widget.y());
        if (d <= bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

void CountTool::record(const QList<QPointF> &before, const QString &text)
{
    if (mUndo)
        mUndo->push(new CountMarkCommand(this, before, mMarks, text)); // its first redo changes nothing
}

void CountTool::setMarks(const QList<QPointF> &marks)
{
    mMarks = marks;
    mHovered = mDragged = -1;
    Q_EMIT tallyChanged(count());
    mCanvas->update();
}

void CountTool::removeMark(int index)
{
    if (index < 0 || index >= mMarks.size())
        return;
    const QList<QPointF> before = mMarks;
    mMarks.removeAt(index);
    mHovered = mDragged = -1;
    record(before, tr("Remove count mark %1").arg(index + 1));
    Q_EMIT tallyChanged(count());
}

void CountTool::setKind(const QString &kind)
{
    mKind = kind;
    mCanvas->update();
}

QString CountTool::tallyText() const
{
    return mKind.isEmpty() || mKind == QLatin1String("other") ? tr("Count: %1").arg(count())
                                                              : tr("Count: %1 %2").arg(count()).arg(mKind);
}

QString CountTool::helpText() const
{
    return mMarks.isEmpty() ? tr("Click each object to count it")
                            : tr("Enter saves · drag moves · right-click or Backspace removes · Ctrl+Z undoes · Esc discards");
}

QRectF CountTool::tallyRect() const
{
    const int width = std::max(QFontMetrics(tallyFont(mCanvas->font())).horizontalAdvance(tallyText()),
                               QFontMetrics(helpFont(mCanvas->font())).horizontalAdvance(helpText())) +
                      20;
    const QSizeF size(width, 50);
    const QRectF area = QRectF(mCanvas->rect()).adjusted(10, 10, -10, -10);
    // Top left first (where the eye starts), then the other corners: the first that covers no
    // mark, else the one that covers fewest.
    const QRectF corners[] = {QRectF(area.topLeft(), size),
                              QRectF(QPointF(area.right() - size.width(), area.top()), size),
                              QRectF(QPointF(area.left(), area.bottom() - size.height()), size),
                              QRectF(area.bottomRight() - QPointF(size.width(), size.height()), size)};
    const Transform toMap(Crs::wgs84(), mCanvas->crs());
    QList<QPointF> onScreen;
    for (const QPointF &m : mMarks)
        onScreen << mCanvas->toWidget(toMap.forward(m));
    QRectF best = corners[0];
    qsizetype fewest = std::numeric_limits<qsizetype>::max();
    for (const QRectF &corner : corners) {
        const QRectF reach = corner.adjusted(-kMarkRadius, -kMarkRadius, kMarkRadius, kMarkRadius);
        const qsizetype covered = std::count_if(onScreen.begin(), onScreen.end(),
                                                [&reach](QPointF p) { return reach.contains(p); });
        if (covered < fewest) {
            fewest = covered;
            best = corner;
        }
        if (covered == 0)
            break;
    }
    return best;
}

void CountTool::rewindHistory()
{
    if (!mUndo)
        return;
    while (mUndo->index() > 0) {
        const auto *top = dynamic_cast<const CountMarkCommand *>(mUndo->command(mUndo->index() - 1));
        if (!top || !top->belongsTo(this))
            break;
        mUndo->undo();
    }
}

void CountTool::clear()
{
    rewindHistory();
    setMarks({});
}

bool CountTool::askToDiscard()
{
    if (mMarks.isEmpty())
        return true;
    QMessageBox ask(QMessageBox::Question, tr("Count Objects"),
                    count() == 1 ? tr("Discard the count mark?") : tr("Discard %1 count marks?").arg(count()),
                    QMessageBox::NoButton, mCanvas);
    ask.setObjectName(QStringLiteral("discardCountDialog"));
    ask.setInformativeText(tr("Enter saves them as a sighting instead. Edit → Undo brings discarded marks "
                              "back, all at once."));
    QPushButton *discard = ask.addButton(tr("Discard Marks"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardMarksButton"));
    QPushButton *keep = ask.addButton(tr("Keep Counting"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepCountingButton"));
    ask.setDefaultButton(keep);
    ask.exec();
    if (ask.clickedButton() != discard)
        return false;
    // One entry for the lot: a discarded count of 73 comes back with one Undo, not 73 Redos.
    const QList<QPointF> before = mMarks;
    setMarks({});
    record(before, before.size() == 1 ? tr("Discard the count mark") : tr("Discard %1 count marks").arg(before.size()));
    return true;
}

void CountTool::finish()
{
    if (!mMarks.isEmpty())
        Q_EMIT countFinished(mMarks);
}

void CountTool::press(QMouseEvent *event)
{
    const int hit = markAt(event->position());
    if (event->button() == Qt::RightButton) {
        removeMark(hit);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    if (hit >= 0) {
        mDragged = hit; // pressing on a mark picks it up rather than counting twice
        mBeforeDrag = mMarks;
        return;
    }
    const QList<QPointF> before = mMarks;
    mMarks.append(toLonLat(event->position()));
    mHovered = int(mMarks.size()) - 1;
    record(before, tr("Place count mark %1").arg(mMarks.size()));
    Q_EMIT tallyChanged(count());
}

void CountTool::move(QMouseEvent *event)
{
    if (mDragged >= 0)
        mMarks[mDragged] = toLonLat(event->position());
    else
        mHovered = markAt(event->position());
}

void CountTool::release(QMouseEvent *)
{
    if (mDragged >= 0 && mBeforeDrag != mMarks)
        record(mBeforeDrag, tr("Move count mark %1").arg(mDragged + 1));
    mDragged = -1;
}

// Counting rail cars means quick clicks close together, which Qt may report as a
// double-click: each one is still an object counted.
void CountTool::doubleClick(QMouseEvent *event)
{
    press(event);
}

bool CountTool::key(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        askToDiscard();
        return true;
    case Qt::Key_Backspace:
    case Qt::Key_Delete:
        removeMark(mHovered >= 0 && event->key() == Qt::Key_Delete ? mHovered : int(mMarks.size()) - 1);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        finish();
        return true;
    default:
        return false;
    }
}

void CountTool::deactivate()
{
    // Marks are work: they stay for when the tool is taken up again.
    mDragged = mHovered = -1;
}

void CountTool::paint(QPainter &p)
{
    const Transform toMap(Crs::wgs84(), mCanvas->crs());
    QFont font = p.font();
    font.setPixelSize(10);
    font.setBold(true);
    p.setFont(font);
    for (int i = 0; i < mMarks.size(); ++i) {
        const QPointF c = mCanvas->toWidget(toMap.forward(mMarks[i]));
        const bool active = i == mHovered || i == mDragged;
        p.setPen(QPen(active ? QColor(0xc0, 0x39, 0x2b) : kMarkInk, active ? 2.5 : 1.5));
        p.setBrush(kMarkFill);
        p.drawEllipse(c, kMarkRadius, kMarkRadius);
        p.setPen(kMarkInk);
        p.drawText(QRectF(c.x() - kMarkRadius, c.y() - kMarkRadius, 2 * kMarkRadius, 2 * kMarkRadius),
                   Qt::AlignCenter, QString::number(i + 1));
    }

    // The live tally, in a corner of the map that hides no mark.
    const QString tally = tallyText();
    const QString help = helpText();
    const QFont big = tallyFont(mCanvas->font());
    const QFont small = helpFont(mCanvas->font());
    const QRectF box = tallyRect();
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(20, 24, 28, 215));
    p.drawRoundedRect(box, 4, 4);
    p.setPen(kMarkFill);
    p.setFont(big);
    p.drawText(box.adjusted(10, 4, -10, -22), Qt::AlignLeft | Qt::AlignVCenter, tally);
    p.setPen(QColor(0xe6, 0xe6, 0xe6));
    p.setFont(small);
    p.drawText(box.adjusted(10, 28, -10, -4), Qt::AlignLeft | Qt::AlignVCenter, help);
}

} // namespace sightline
