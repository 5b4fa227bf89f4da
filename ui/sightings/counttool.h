#pragma once

#include "ui/map/maptool.h"

#include <QList>
#include <QPointF>
#include <QString>

namespace sightline {

/// Counts objects on an image: each click leaves a numbered mark, a mark can be
/// dragged to where it belongs or removed (right-click on it, Backspace for the
/// last), and Enter hands the marks over to be saved as one sighting with their
/// total. The marks stay (in lon/lat) while the map pans and zooms.
class CountTool : public MapTool
{
    Q_OBJECT
public:
    explicit CountTool(MapCanvas *canvas);

    /// The marks in lon/lat, in the order they were placed (their numbers).
    const QList<QPointF> &marks() const { return mMarks; }
    int count() const { return int(mMarks.size()); }
    /// Forgets the marks (after the count was saved, or on Esc).
    void clear();
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

    QList<QPointF> mMarks;
    QString mKind = QStringLiteral("other");
    int mDragged = -1;
    int mHovered = -1;
};

} // namespace sightline
