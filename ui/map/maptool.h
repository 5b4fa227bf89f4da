#pragma once

#include <QCursor>
#include <QObject>

class QKeyEvent;
class QMouseEvent;
class QPainter;

namespace sightline {

class MapCanvas;

/// An interactive tool on the map (measure, draw): gets the canvas's mouse and
/// key events and paints its own marks over the map. Pan by middle button and
/// zoom by wheel stay with the canvas whatever the tool.
class MapTool : public QObject
{
    Q_OBJECT
public:
    explicit MapTool(MapCanvas *canvas);

    virtual void press(QMouseEvent *) {}
    virtual void move(QMouseEvent *) {}
    virtual void release(QMouseEvent *) {}
    virtual void doubleClick(QMouseEvent *) {}
    /// True when the tool used the key.
    virtual bool key(QKeyEvent *) { return false; }
    /// Draws over the map, in widget coordinates.
    virtual void paint(QPainter &) {}
    virtual QCursor cursor() const { return Qt::CrossCursor; }
    /// The tool is put away: forget work in progress.
    virtual void deactivate() {}

protected:
    MapCanvas *mCanvas;
};

} // namespace sightline
