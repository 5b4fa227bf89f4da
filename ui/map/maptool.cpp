#include "ui/map/maptool.h"

namespace sightline {

MapTool::MapTool(MapCanvas *canvas)
    : QObject(nullptr)
    , mCanvas(canvas)
{
}

} // namespace sightline
