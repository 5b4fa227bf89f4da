#pragma once

#include "ui/map/maptool.h"

#include <QList>
#include <QPointF>
#include <QPointer>
#include <QString>
#include <QUndoStack>

namespace sightline {

/// Counts objects on an image: each click leaves a numbered mark, a mark can be
/// dragged to where it belongs or removed (right-click on it, Backspace for the
/// last), and Enter hands the marks over to be saved as one sighting with their
/// total. The marks stay (in lon/lat) while the map pans and zooms. With an undo stack each mark
/// placed, moved or removed is an entry on it (CountMarkCommand); Esc with marks asks before
/// discarding them.
class CountTool : public MapTool
{
    Q_OBJECT
public:
    explicit CountTool(MapCanvas *canvas);

    /// The marks in lon/lat, in the order they were placed (their numbers).
    const QList<QPointF> &marks() const { return mMarks; }
    int count() const { return int(mMarks.size()); }
    /// Forgets the marks, and their entries on the undo stack (after the count was saved).
    void clear();
    /// Marks placed, moved and removed go on `undo` as named entries.
    void setUndoStack(QUndoStack *undo) { mUndo = undo; }
    /// Takes this tool's mark entries off the top of the undo stack (they stay redoable until
    /// the next edit), leaving no marks: before the count is saved as a sighting, which is then
    /// the one entry for the whole count, and when the marks are discarded.
    void rewindHistory();
    /// Esc: with marks, asks whether to discard them or keep counting; true when they went.
    bool askToDiscard();
    /// Puts these marks on the map (the undo commands do).
    void setMarks(const QList<QPointF> &marks);
    /// Hands the marks over (as Enter does); nothing when there are none.
    void finish();
    /// What is being counted (a sighting kind: "rail cars", "containers"…): the kind the saved
    /// count starts with, shown beside the tally.
    const QString &kind() const { return mKind; }
    void setKind(const QString &kind);
    /// Where the tally box is drawn, in widget pixels: the corner of the map with the fewest
    /// marks under it, so it never covers the first ones counted.
    QRectF tallyRect() const;

    void press(QMouseEvent *event) override;
    void move(QMouseEvent *event) override;
    void release(QMouseEvent *event) override;
    void doubleClick(QMouseEvent *event) override;
    bool key(QKeyEvent *event) override;
    void paint(QPainter &painter) override;
    void deactivate() override;

Q_SIGNALS:
    /// The number of marks changed.
    void tallyChanged(int count);
    /// Enter was pressed with marks on the map: save them as a count.
    void countFinished(const QList<QPointF> &lonLat);

private:
    QString tallyText() const;
    QString helpText() const;
    /// The mark under a widget position, or -1.
    int markAt(QPointF widget) const;
    QPointF toLonLat(QPointF widget) const;
    void removeMark(int index);
    /// The marks changed from `before` to what they are now: one undo entry named `text`.
    void record(const QList<QPointF> &before, const QString &text);

    QPointer<QUndoStack> mUndo;
    QList<QPointF> mMarks;
    QString mKind = QStringLiteral("other");
    QList<QPointF> mBeforeDrag;
    int mDragged = -1;
    int mHovered = -1;
};

} // namespace sightline
