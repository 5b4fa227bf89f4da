#pragma once

#include "ui/map/maptool.h"

#include <QPointF>

namespace sightline {

/// Places a point sighting: a click gives its lon/lat.
class PointPickTool : public MapTool
{
    Q_OBJECT
public:
    using MapTool::MapTool;
    void press(QMouseEvent *event) override;

Q_SIGNALS:
    void picked(QPointF lonLat);
};

} // namespace sightline
