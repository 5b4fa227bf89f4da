#pragma once

#include "support/workbenchtest.h"

/// Editing: drawing, moving vertices with undo, corridors around rail lines.
class TestEditing : public WorkbenchTest
{
    Q_OBJECT
private Q_SLOTS:
    void drawsAPolygonMovesAVertexAndUndoes();
    void railRouteAndCorridorAroundASelectedLine();
};
