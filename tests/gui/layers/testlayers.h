#pragma once

#include "support/workbenchtest.h"

/// Layers: opening files and services, the layer panel, properties, style, attribute table, vessels.
class TestLayers : public WorkbenchTest
{
    Q_OBJECT
private Q_SLOTS:
    void opensGeoTiffAndShowsItAtTheRightPlace();
    void opensSeveralFilesInTheGivenOrder();
    void togglingALayerHidesIt();
    void opacitySliderChangesTheLayer();
    void reorderingTheListReordersTheStack();
    void removingALayer();
    void propertiesDialogListsTheFacts();
    void badInputsAreReportedAndTheAppKeepsRunning();
    void unreachableServiceIsReported();
    void largeRasterWithoutOverviewsOffersToBuildThem();
    void vesselSearchAndClickHighlightsTheTrack();
    void tracksCanBeColouredBySpeed();
    void unknownCsvAsksForItsColumns();
    void multiLayerFileAsksWhichLayersAndIdentifiesFeatures();
    void addsPostgisLayersThroughTheDialog();
    void attributeTableFiltersSelectsAndZooms();
    void styleDockChangesTheLayer();
    void importsAnAisLogWithAReport();
    void cancellingAnImportKeepsWhatWasRead();
};
