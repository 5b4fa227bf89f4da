#pragma once

#include "map/mapsettings.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QPainter;
class QThreadPool;

namespace sightline {

class Layer;
class LayerRenderer;

/// A layer that could not be drawn, returned as data rather than thrown.
struct RenderError
{
    QString layerId;
    QString layerName;
    QString message;
};

/// The pool render workers run in. Its threads never expire, so the GDAL
/// handles and PROJ contexts they hold stay warm between renders.
QThreadPool *renderThreadPool();

/// The layers of `settings` whose extent meets its view (hidden ones too): what a legend or a
/// credits line of that view should name.
QList<std::shared_ptr<Layer>> layersInView(const MapSettings &settings);

/// What renderMap draws beyond the canvas's defaults, for paper and for small locator maps.
struct MapRenderOptions
{
    /// Hidden layers too: a brief figure draws the layers it names, shown on the map or not.
    bool includeHidden = false;
    /// The layers' labels, placed after all layers are drawn; a locator map shows land and water only.
    bool labels = true;
    /// For a PDF: the rasters at the bottom of the stack are composited over this colour into one
    /// opaque image, so the file embeds the imagery once; a raster over vectors is drawn through an
    /// image of its own, keeping its transparency. Unset, every layer paints straight onto the painter.
    std::optional<QColor> imageryBackground;
};

/// Renders the visible layers of `settings` straight onto `painter`, bottom
/// layer first, on the calling thread. The painter's coordinates must be the
/// output's pixels (scale the painter for paper). Used by the CLI, the PDF and the
/// brief's figures. A layer that fails to draw, or throws, is named in the result
/// and the others are still drawn.
QList<RenderError> renderMap(const MapSettings &settings, QPainter &painter,
                             const MapRenderOptions &options = {});

/// Renders to a new image of the output size with `background` underneath and
/// the map furniture (scale bar, credits) on top, as the canvas shows it.
QImage renderMapImage(const MapSettings &settings, QList<RenderError> *errors, const QColor &background);

/// One asynchronous render of a view: each layer draws into its own image on a
/// worker thread; the images are composited when all are done. Cancelling
/// never blocks; the job reports finished() once its workers have returned.
class MapRenderJob : public QObject
{
    Q_OBJECT
public:
    explicit MapRenderJob(MapSettings settings, QObject *parent = nullptr);
    ~MapRenderJob() override;

    /// Creates the layer renderers (on this thread) and starts the workers.
    void start();
    /// Asks the workers to stop; returns at once.
    void cancel();
    /// Cancels and waits for the workers (for shutdown).
    void cancelAndWait();

    bool isActive() const { return mWatcher.isRunning(); }
    bool wasCancelled() const { return mCancelled.load(); }
    const MapSettings &settings() const { return mSettings; }
    /// The composited frame (valid after finished()).
    const QImage &image() const { return mImage; }
    const QList<RenderError> &errors() const { return mErrors; }
    /// Milliseconds from start() to finished().
    qint64 elapsedMs() const { return mElapsedMs; }

Q_SIGNALS:
    void finished();

private:
    struct LayerJob;
    void onWorkersFinished();

    MapSettings mSettings;
    std::vector<std::unique_ptr<LayerJob>> mJobs;
    QFutureWatcher<void> mWatcher;
    std::atomic<bool> mCancelled{false};
    QImage mImage;
    QList<RenderError> mErrors;
    qint64 mStartedMs = 0;
    qint64 mElapsedMs = 0;
};

} // namespace sightline
