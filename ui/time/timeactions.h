#pragma once

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace sightline {

class AnimationExportDialog;
class BackgroundTask;
class LayerPanel;
class LayerStack;
class MapCanvas;
class MessageBar;
class TimeController;
class TimelineDock;

/// Time on the map: the Timeline dock (whose time the map shows), File → Export Animation (the
/// map over a time range, frame by frame, written as animated PNG, GIF or MP4) and Layer →
/// Acquisition Time (when an image was taken, and whether it shows only inside the time window).
class TimeActions : public QObject
{
    Q_OBJECT
public:
    TimeActions(MapCanvas *canvas, LayerStack *layers, LayerPanel *layerPanel, TimeController *time,
                MessageBar *messages, QWidget *window);

    TimelineDock *timelineDock() const { return mTimelineDock; }
    /// Adds Export Animation… to the File menu.
    void addToFileMenu(QMenu *menu);
    /// Adds Acquisition Time… to the Layer menu.
    void addToLayerMenu(QMenu *menu);
    /// Asks for the range, step and file, then writes the animation.
    void exportAnimation();
    /// Starts writing the animation the dialog describes on a worker thread, with progress and Cancel
    /// in the status bar; the outcome goes to the message bar. False when it could not start.
    bool exportAnimationWith(const AnimationExportDialog &dialog);
    BackgroundTask *exportTask() const { return mExport; }
    /// Edits the acquisition time of the selected raster layer.
    void editAcquisitionTime();

private:
    void updateActions();

    MapCanvas *mCanvas;
    LayerStack *mLayers;
    LayerPanel *mLayerPanel;
    TimeController *mTime;
    MessageBar *mMessages;
    QWidget *mWindow;
    TimelineDock *mTimelineDock;
    QAction *mAcquisitionAction = nullptr;
    BackgroundTask *mExport; ///< writing an animation, off the UI thread
};

} // namespace sightline
