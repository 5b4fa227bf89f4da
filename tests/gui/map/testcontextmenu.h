#pragma once

#include "support/workbenchtest.h"

class QMenu;

/// The map's right-click menu: the place in DD, DMS and MGRS to copy, Identify, Centre, Measure
/// from and Add Sighting here, Zoom to Layer, and the vessels that were here at the time cursor;
/// the tools that use the right button keep it.
class TestMapContextMenu : public WorkbenchTest
{
    Q_OBJECT
private Q_SLOTS:
    void copiesThePlaceInThreeFormats();
    void centreHereKeepsTheScale();
    void identifyAndZoomToLayerFromTheMenu();
    void measureFromHereStartsTheMeasureTool();
    void addSightingHereOpensTheFormAtThePlace();
    void whichVesselsWereHereAtTheTimeCursor();
    void toolsThatUseTheRightButtonKeepIt();

private:
    /// Right-clicks the canvas at `pos` and returns the menu that opened (null when none did).
    QMenu *rightClick(QPoint pos);
    /// Chooses the entry named `name` in `menu` as the keyboard does (the menu closes).
    bool choose(QMenu *menu, const QString &name);
    /// The demo's ports and the case's AIS, the map on Rajin and Dunai.
    bool openCase();
};
