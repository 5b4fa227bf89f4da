#pragma once

#include "support/workbenchtest.h"

/// The map: pan, zoom, go to, the status bar, identify and measure.
class TestMap : public WorkbenchTest
{
    Q_OBJECT
private Q_SLOTS:
    void dragPansTheMap();
    void wheelZoomsAroundTheCursor();
    void keysPanAndZoom();
    void zoomBoxFramesTheDraggedRectangle();
    void goToTypedCoordinateAndMgrs();
    void statusBarShowsCursorPositionAndScale();
    void identifyShowsThePositionsFields();
    void measuresDistanceAreaAndNearestFeature();
};
