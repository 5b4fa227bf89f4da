#include "render/maprenderer.h"

#include "geo/transform.h"
#include "layers/layer.h"
#include "map/labeling.h"
#include "render/mapdecorations.h"

#include <QDateTime>
#include <QPainter>
#include <QtConcurrent/QtConcurrentMap>
#include <QThreadPool>

#include <exception>

namespace sightline {

QThreadPool *renderThreadPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool();
        p->setExpiryTimeout(-1);
        p->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        return p;
    }();
    return pool;
}

namespace {

// Runs one renderer, turning any escaping exception into an error message:
// exceptions must stop at the thread boundary.
bool runRenderer(LayerRenderer &renderer, QPainter &painter, const std::atomic<bool> &cancelled,
                 QString *error)
{
    try {
        const bool ok = renderer.render(painter, cancelled);
        if (!ok)
            *error = renderer.errorMessage();
        return ok;
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
    } catch (...) {
        *error = QStringLiteral("unknown error while rendering");
    }
    return false;
}

} // namespace

QList<std::shared_ptr<Layer>> layersInView(const MapSettings &settings)
{
    QList<std::shared_ptr<Layer>> out;
    const QRectF view =
        Transform(settings.destinationCrs(), Crs::wgs84()).forwardBounds(settings.visibleExtent());
    for (const auto &layer : settings.layers()) {
        if (!layer)
            continue;
        const QRectF e = layer->extentWgs84();
        // A point layer has an empty box: it is in view when its point is.
        if (e.isNull() || view.isNull() || e.intersects(view) ||
            (e.width() == 0 && view.contains(e.topLeft())))
            out << layer;
    }
    return out;
}

QList<RenderError> renderMap(const MapSettings &settings, QPainter &painter, const MapRenderOptions &options)
{
    QList<RenderError> errors;
    const std::atomic<bool> notCancelled{false};
    std::vector<std::vector<LabelCandidate>> labels;
    const auto run = [&](const Layer &layer, QPainter &target) {
        auto renderer = layer.createRenderer(settings);
        target.save();
        target.setOpacity(layer.opacity());
        QString error;
        if (!runRenderer(*renderer, target, notCancelled, &error))
            errors << RenderError{layer.id(), layer.name(), error};
        target.restore();
        labels.push_back(renderer->takeLabels());
    };

    QList<std::shared_ptr<Layer>> layers;
    for (const auto &layer : settings.layers())
        if (layer && (options.includeHidden || layer->isVisible()) && layer->opacity() > 0)
            layers << layer;
    const auto isRaster = [](const std::shared_ptr<Layer> &layer) {
        return layer->kind() == Layer::Kind::Raster;
    };
    const QRectF whole(QPointF(0, 0), QSizeF(settings.outputSize()));
    qsizetype i = 0;
    if (options.imageryBackground && !layers.isEmpty() && isRaster(layers.front())) {
        QImage base(settings.outputSize(), QImage::Format_RGB32);
        base.fill(*options.imageryBackground);
        QPainter p(&base);
        p.setRenderHint(QPainter::Antialiasing);
        for (; i < layers.size() && isRaster(layers.at(i)); ++i)
            run(*layers.at(i), p);
        p.end();
        painter.drawImage(whole, base);
    }
    for (; i < layers.size(); ++i) {
        if (options.imageryBackground && isRaster(layers.at(i))) {
            // A raster over vectors keeps its transparency: its own image, with alpha.
            QImage image(settings.outputSize(), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter p(&image);
            run(*layers.at(i), p);
            p.end();
            painter.drawImage(whole, image);
        } else {
            run(*layers.at(i), painter);
        }
    }
    if (!options.labels)
        return errors;
    // Labels last, the top layer's first, so they win their places.
    std::vector<LabelCandidate> ordered;
    for (auto it = labels.rbegin(); it != labels.rend(); ++it)
        ordered.insert(ordered.end(), it->begin(), it->end());
    placeAndDrawLabels(painter, ordered, settings);
    return errors;
}

QImage renderMapImage(const MapSettings &settings, QList<RenderError> *errors, const QColor &background)
{
    QImage image(settings.outputSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(background);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QList<RenderError> result = renderMap(settings, painter);
    paintMapDecorations(painter, settings);
    if (errors)
        *errors = result;
    return image;
}

struct MapRenderJob::LayerJob
{
    QString layerId;
    QString layerName;
    double opacity = 1.0;
    std::unique_ptr<LayerRenderer> renderer;
    QImage image;
    QString error;
    std::vector<LabelCandidate> labels;
};

MapRenderJob::MapRenderJob(MapSettings settings, QObject *parent)
    : QObject(parent)
    , mSettings(std::move(settings))
{
    connect(&mWatcher, &QFutureWatcher<void>::finished, this, &MapRenderJob::onWorkersFinished);
}

MapRenderJob::~MapRenderJob()
{
    cancelAndWait();
}

void MapRenderJob::start()
{
    mStartedMs = QDateTime::currentMSecsSinceEpoch();
    for (const auto &layer : mSettings.layers()) {
        if (!layer || !layer->isVisible() || layer->opacity() <= 0)
            continue;
        auto job = std::make_unique<LayerJob>();
        job->layerId = layer->id();
        job->layerName = layer->name();
        job->opacity = layer->opacity();
        job->renderer = layer->createRenderer(mSettings);
        mJobs.push_back(std::move(job));
    }
    const QSize size = mSettings.outputSize();
    auto work = [this, size](const std::unique_ptr<LayerJob> &job) {
        if (mCancelled)
            return;
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        runRenderer(*job->renderer, painter, mCancelled, &job->error);
        painter.end();
        job->image = std::move(image);
        job->labels = job->renderer->takeLabels();
    };
    mWatcher.setFuture(QtConcurrent::map(renderThreadPool(), mJobs, work));
}

void MapRenderJob::cancel()
{
    mCancelled = true;
}

void MapRenderJob::cancelAndWait()
{
    mCancelled = true;
    mWatcher.waitForFinished();
}

void MapRenderJob::onWorkersFinished()
{
    mElapsedMs = QDateTime::currentMSecsSinceEpoch() - mStartedMs;
    if (!mCancelled) {
        mImage = QImage(mSettings.outputSize(), QImage::Format_ARGB32_Premultiplied);
        mImage.fill(Qt::transparent);
        QPainter painter(&mImage);
        for (const auto &job : mJobs) {
            if (!job->error.isEmpty())
                mErrors << RenderError{job->layerId, job->layerName, job->error};
            if (job->image.isNull())
                continue;
            painter.setOpacity(job->opacity);
            painter.drawImage(0, 0, job->image);
        }
        painter.setOpacity(1.0);
        std::vector<LabelCandidate> ordered;
        for (auto it = mJobs.rbegin(); it != mJobs.rend(); ++it)
            ordered.insert(ordered.end(), (*it)->labels.begin(), (*it)->labels.end());
        placeAndDrawLabels(painter, ordered, mSettings);
    }
    mJobs.clear();
    Q_EMIT finished();
}

} // namespace sightline
