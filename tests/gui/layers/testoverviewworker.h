#pragma once

#include "support/workbenchtest.h"

/// Building overviews off the UI thread: the window stays responsive while GDAL builds them, the
/// levels are those a direct build makes, and the status bar's Cancel stops it leaving no .ovr.
class TestOverviewWorker : public WorkbenchTest
{
    Q_OBJECT
private Q_SLOTS:
    void theWindowStaysResponsiveAndTheOverviewsMatchADirectBuild();
    void cancelStopsTheBuildAndLeavesNoOverviews();

private:
    /// A one-band GeoTIFF large enough that building its overviews takes a good part of a second.
    QString makeLargeGeoTiff(const QString &name);
    /// Opens `path`; its layer.
    std::shared_ptr<sightline::RasterLayer> open(const QString &path);
    /// Presses Build Overviews in the message bar (offered for a large image without overviews).
    bool pressBuildOverviews();
};
