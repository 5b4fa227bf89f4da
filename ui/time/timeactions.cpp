#include "ui/common/backgroundtask.h"
#include "ui/time/timeactions.h"

#include "project/layerhistory.h"

#include "ui/time/acquisitiontimedialog.h"
#include "ui/time/animationexportdialog.h"
#include "ui/layers/layerpanel.h"
#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "ui/map/mapcanvas.h"
#include "ui/common/messagebar.h"
#include "render/animationwriter.h"
#include "ui/time/timecontroller.h"
#include "ui/time/timelinedock.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QUndoStack>

namespace sightline {

TimeActions::TimeActions(MapCanvas *canvas, LayerStack *layers, LayerPanel *layerPanel, TimeController *time,
                         MessageBar *messages, QWidget *window)
    : QObject(window)
    , mCanvas(canvas)
    , mLayers(layers)
    , mLayerPanel(layerPanel)
    , mTime(time)
    , mMessages(messages)
    , mWindow(window)
    , mTimelineDock(new TimelineDock(layers, time, window))
    , mExport(new BackgroundTask(QStringLiteral("animation"), this))
{
    if (auto *mainWindow = qobject_cast<QMainWindow *>(window))
        mExport->showIn(mainWindow->statusBar());
    connect(mExport, &BackgroundTask::finished, this, [this](bool) {
        if (mExport->wasCancelled())
            mMessages->showMessage(MessageBar::Level::Info, tr("Animation cancelled: nothing was written."));
    });
    connect(mExport, &BackgroundTask::failed, this, [this](const QString &error) {
        mMessages->showMessage(MessageBar::Level::Error,
                               tr("Animation not written: %1").arg(error).toHtmlEscaped());
    });
    // The map shows the time the controller holds.
    connect(mTime, &TimeController::windowChanged, mCanvas, &MapCanvas::setTimeWindow);
    connect(mTime, &TimeController::cursorChanged, mCanvas, &MapCanvas::setCursorMs);
    QAction *toggle = mTimelineDock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionTimelineDock"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    toggle->setToolTip(tr("Show or hide the timeline of positions, events and sightings"));
}

void TimeActions::addToFileMenu(QMenu *menu)
{
    QAction *animate = menu->addAction(tr("Export &Animation…"), this, &TimeActions::exportAnimation);
    animate->setObjectName(QStringLiteral("actionExportAnimation"));
    // Ctrl+Alt+P writes the brief's PDF: the other export sits beside it.
    animate->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M));
    animate->setToolTip(tr("The map over a time range, frame by frame, as animated PNG, GIF or MP4"));
}

void TimeActions::addToLayerMenu(QMenu *menu)
{
    mAcquisitionAction = menu->addAction(tr("Acquisition &Time…"), this, &TimeActions::editAcquisitionTime);
    mAcquisitionAction->setObjectName(QStringLiteral("actionAcquisitionTime"));
    connect(mLayerPanel, &LayerPanel::currentLayerChanged, this, &TimeActions::updateActions);
    updateActions();
}

void TimeActions::updateActions()
{
    const bool raster =
        bool(std::dynamic_pointer_cast<RasterLayer>(mLayers->find(mLayerPanel->currentLayerId())));
    mAcquisitionAction->setEnabled(raster);
    mAcquisitionAction->setToolTip(raster
                                       ? tr("When the image was taken, and whether it shows only inside the "
                                            "time window")
                                       : tr("Select an imagery layer first"));
}

void TimeActions::exportAnimation()
{
    TimeWindow range = mTime->window();
    if (!range.fromMs)
        range.fromMs = mTime->span().fromMs;
    if (!range.toMs)
        range.toMs = mTime->span().toMs;
    AnimationExportDialog dialog(range, mCanvas->mapSettings().outputSize(), mWindow);
    if (dialog.exec() == QDialog::Accepted)
        exportAnimationWith(dialog);
}

bool TimeActions::exportAnimationWith(const AnimationExportDialog &dialog)
{
    const QString path = dialog.path();
    const auto format = AnimationWriter::formatForPath(path);
    if (!format) {
        mMessages->showMessage(MessageBar::Level::Error,
                               tr("'%1': save as .png, .gif or .mp4").arg(path).toHtmlEscaped());
        return false;
    }
    if (mExport->isRunning()) {
        mMessages->showMessage(MessageBar::Level::Info,
                               tr("An animation is still being written: cancel it or wait.").toHtmlEscaped());
        return false;
    }
    // The map as it is now, at the frame size the dialog asks for, at screen resolution; its layers
    // as frozen copies, since the map goes on changing them while the frames are drawn.
    MapSettings settings = mCanvas->mapSettings();
    settings.setDpi(96);
    settings.setOutputSize(dialog.frameSize());
    QList<std::shared_ptr<Layer>> layers;
    for (const auto &layer : settings.layers())
        if (layer)
            layers << layer->snapshot();
    settings.setLayers(layers);
    struct Written
    {
        bool ok = false;
        AnimationResult made;
        QString error;
        qint64 ms = 0;
    };
    const AnimationPlan plan = dialog.plan();
    const QSize frameSize = dialog.frameSize();
    const double fps = dialog.framesPerSecond();
    // The writer (and the ffmpeg it may start) is made and finished on the worker thread; cancelled,
    // it is destroyed unfinished, which leaves no file behind.
    mExport->start(
        tr("Writing the animation"),
        [settings, plan, path, format = *format, frameSize, fps](TaskControl &control) {
            Written w;
            QElapsedTimer timer;
            timer.start();
            AnimationWriter writer(path, format, frameSize, fps);
            w.ok = writer.open(&w.error) &&
                   writeAnimation(
                       settings, plan, writer,
                       [&control](int done, int total) {
                           return control.progress(total ? double(done) / total : 0);
                       },
                       &w.made, &w.error) &&
                   writer.finish(&w.error);
            w.ms = timer.elapsed();
            return w;
        },
        [this, path](Written w) {
            if (!w.ok) {
                mMessages->showMessage(MessageBar::Level::Error,
                                       tr("Animation not written: %1").arg(w.error).toHtmlEscaped());
                return;
            }
            QString text = tr("Animation written: %1 (%2 frames").arg(path).arg(w.made.frames);
            if (w.made.skipped)
                text += tr(", %1 with nothing new skipped").arg(w.made.skipped);
            text += tr(", %1 KiB, %2 s)")
                        .arg(QFileInfo(path).size() / 1024)
                        .arg(double(w.ms) / 1000.0, 0, 'f', 1);
            mMessages->showMessage(MessageBar::Level::Info, text.toHtmlEscaped());
        });
    return true;
}

void TimeActions::editAcquisitionTime()
{
    auto raster = std::dynamic_pointer_cast<RasterLayer>(mLayers->find(mLayerPanel->currentLayerId()));
    if (!raster)
        return;
    AcquisitionTimeDialog dialog(*raster, mWindow);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Kept in the project with the layer's style, and drawn again; one entry on the undo stack.
    const auto apply = [&dialog](Layer &layer) { dialog.applyTo(static_cast<RasterLayer &>(layer)); };
    if (QUndoStack *undo = mLayerPanel->undoStack()) {
        LayerHistory(mLayers, undo).change(raster->id(), tr("Set acquisition time of '%1'").arg(raster->name()),
                                           apply);
    } else {
        apply(*raster);
        mLayers->notifyStyleChanged(raster->id());
    }
}

} // namespace sightline
