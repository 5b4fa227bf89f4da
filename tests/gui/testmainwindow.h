#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensGeoTiffAndShowsItAtTheRightPlace();
    void opensSeveralFilesInTheGivenOrder();
    void dragPansTheMap();
    void wheelZoomsAroundTheCursor();
    void keysPanAndZoom();
    void zoomBoxFramesTheDraggedRectangle();
    void togglingALayerHidesIt();
    void opacitySliderChangesTheLayer();
    void reorderingTheListReordersTheStack();
    void removingALayer();
    void goToTypedCoordinateAndMgrs();
    void statusBarShowsCursorPositionAndScale();
    void propertiesDialogListsTheFacts();
    void badInputsAreReportedAndTheAppKeepsRunning();
    void unreachableServiceIsReported();
    void largeRasterWithoutOverviewsOffersToBuildThem();
    void dropOpensFilesAndRecentListsThem();
    void windowStateIsRemembered();
    void importsAnAisLogWithAReport();
    void vesselSearchAndClickHighlightsTheTrack();
    void identifyShowsThePositionsFields();
    void tracksCanBeColouredBySpeed();
    void unknownCsvAsksForItsColumns();
    void multiLayerFileAsksWhichLayersAndIdentifiesFeatures();
    void addsPostgisLayersThroughTheDialog();
    void measuresDistanceAreaAndNearestFeature();
    void railRouteAndCorridorAroundASelectedLine();
    void attributeTableFiltersSelectsAndZooms();
    void drawsAPolygonMovesAVertexAndUndoes();
    void styleDockChangesTheLayer();
    void cancellingAnImportKeepsWhatWasRead();
    void screenshotOfTheDemo();

private:
    bool waitForRender();
    QString mUtmFixture;
    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
