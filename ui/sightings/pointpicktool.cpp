#include "ui/sightings/pointpicktool.h"

#include "geo/transform.h"
#include "ui/map/mapcanvas.h"

#include <QMouseEvent>

namespace sightline {

void PointPickTool::press(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QPointF map = mCanvas->toMap(event->position());
    Q_EMIT picked(Transform(mCanvas->crs(), Crs::wgs84()).forward(map));
}

} // namespace sightline
