#include "ui/map/mapactions.h"

#include "ui/common/appicon.h"
#include "geo/coordinateformat.h"
#include "geo/transform.h"
#include "layers/identify.h"
#include "layers/layerstack.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"
#include "project/sightingfields.h"
#include "render/maprenderer.h"
#include "render/mapscale.h"
#include "tracks/vesselregistry.h"
#include "ui/common/messagebar.h"
#include "ui/layers/layerpanel.h"
#include "ui/map/identifypanel.h"
#include "ui/map/mapcanvas.h"
#include "ui/map/mapcontextmenu.h"
#include "ui/map/measurepanel.h"
#include "ui/map/measuretool.h"
#include "ui/map/savedviewsmenu.h"
#include "ui/project/projectcontroller.h"

#include <QActionGroup>
#include <QComboBox>
#include <QDockWidget>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>

#include <cmath>

namespace sightline {

MapActions::MapActions(MapCanvas *canvas, LayerStack *layers, LayerPanel *layerPanel,
                       ProjectController *project, MessageBar *messages, QWidget *window)
    : QObject(window)
    , mCanvas(canvas)
    , mLayers(layers)
    , mLayerPanel(layerPanel)
    , mProject(project)
    , mMessages(messages)
    , mWindow(window)
    , mIdentifyPanel(new IdentifyPanel(window))
    , mIdentifyDock(new QDockWidget(tr("Identify"), window))
    , mMeasureTool(std::make_unique<MeasureTool>(canvas))
    , mMeasurePanel(new MeasurePanel(mMeasureTool.get(), layers, window))
    , mMeasureDock(new QDockWidget(tr("Measure"), window))
    , mGoTo(new QLineEdit(window))
{
    mIdentifyDock->setObjectName(QStringLiteral("identifyDock"));
    mIdentifyDock->setWidget(mIdentifyPanel);
    mMeasureDock->setObjectName(QStringLiteral("measureDock"));
    mMeasureDock->setWidget(mMeasurePanel);
    connect(mCanvas, &MapCanvas::identifyRequested, this, &MapActions::identify);
    // What was identified belonged to the project that went.
    connect(mProject, &ProjectController::projectClosed, mIdentifyPanel, &IdentifyPanel::clear);
    // So was what was measured on it: the next project starts with an empty Measure panel.
    connect(mProject, &ProjectController::projectClosed, mMeasureTool.get(), &MeasureTool::reset);
    mContextMenu = new MapContextMenu(mCanvas, mLayers, mMessages, this);
    connect(mContextMenu, &MapContextMenu::identifyRequested, this, &MapActions::identify);
    connect(mContextMenu, &MapContextMenu::measureFromRequested, this, [this](QPointF lonLat) {
        // The Measure tool as its action chooses it (checked in the toolbar), then its first point.
        if (QAction *measure = mToolActions.value(3); measure && !measure->isChecked())
            measure->trigger();
        else
            mCanvas->setMapTool(mMeasureTool.get());
        // From a point is a distance (or an area's first corner); the other modes start on a click.
        const auto mode = mMeasureTool->measurement().mode;
        if (mode != Measurement::Mode::Distance && mode != Measurement::Mode::Area)
            mMeasurePanel->modeCombo()->setCurrentIndex(
                mMeasurePanel->modeCombo()->findData(int(Measurement::Mode::Distance)));
        mMeasureTool->startAt(lonLat);
        mMeasureDock->show();
        mMeasureDock->raise();
    });

    mGoTo->setObjectName(QStringLiteral("goToEdit"));
    mGoTo->setPlaceholderText(tr("Go to: 42°15'N 130°18'E, 42.25, 130.3 or 52T FN 12345 67890"));
    mGoTo->setClearButtonEnabled(true);
    mGoTo->setMaximumWidth(420);
    mGoTo->setMinimumWidth(300);
    // Once there, the keys go back to the map: the next shortcut must not type into the box.
    connect(mGoTo, &QLineEdit::returnPressed, this, [this] {
        if (goTo(mGoTo->text()))
            mCanvas->setFocus(Qt::ShortcutFocusReason);
    });

    auto makeLabel = [window](const char *name, int minWidth, const QString &tip) {
        auto *label = new QLabel(window);
        label->setObjectName(QLatin1String(name));
        label->setMinimumWidth(minWidth);
        label->setToolTip(tip);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    mRenderTime = new QLabel(window);
    mRenderTime->setObjectName(QStringLiteral("renderTimeLabel"));
    mCoordDd = makeLabel("coordDdLabel", 190, tr("Cursor position, decimal degrees (WGS84)"));
    mCoordDms = makeLabel("coordDmsLabel", 210, tr("Cursor position, degrees minutes seconds (WGS84)"));
    mCoordMgrs = makeLabel("coordMgrsLabel", 170, tr("Cursor position, MGRS (1 m)"));
    mScale = makeLabel("scaleLabel", 110, tr("Map scale at the centre of the view"));
    updateCursorPosition(QPointF(), false);
    connect(mCanvas, &MapCanvas::cursorMoved, this, &MapActions::updateCursorPosition);
    connect(mCanvas, &MapCanvas::viewChanged, this, &MapActions::updateScale);
    connect(mCanvas, &MapCanvas::renderErrors, this, &MapActions::showRenderErrors);
    connect(mCanvas, &MapCanvas::renderFinished, this,
            [this](qint64 ms) { mRenderTime->setText(tr("rendered in %1 ms").arg(ms)); });
    updateScale();
}

// The window takes the measure tool off its canvas before either goes.
MapActions::~MapActions() = default;

void MapActions::populateViewMenu(QMenu *view, QActionGroup *tools)
{
    QAction *pan =
        view->addAction(appIcon("pan"), tr("&Pan"), this, [this] { mCanvas->setTool(MapCanvas::Tool::Pan); });
    pan->setCheckable(true);
    pan->setChecked(true);
    pan->setShortcut(QKeySequence(Qt::Key_P));
    pan->setObjectName(QStringLiteral("actionPan"));
    pan->setToolTip(tr("Drag the map to move it"));
    QAction *zoomBox = view->addAction(appIcon("zoom-box"), tr("Zoom to &Box"), this,
                                       [this] { mCanvas->setTool(MapCanvas::Tool::ZoomBox); });
    zoomBox->setCheckable(true);
    zoomBox->setShortcut(QKeySequence(Qt::Key_Z));
    zoomBox->setObjectName(QStringLiteral("actionZoomBox"));
    zoomBox->setToolTip(tr("Drag a rectangle to zoom to it"));
    QAction *identifyTool = view->addAction(appIcon("identify"), tr("&Identify"), this,
                                            [this] { mCanvas->setTool(MapCanvas::Tool::Identify); });
    identifyTool->setCheckable(true);
    identifyTool->setShortcut(QKeySequence(Qt::Key_I));
    identifyTool->setObjectName(QStringLiteral("actionIdentify"));
    identifyTool->setToolTip(tr("Click a feature or position to see its attributes"));
    QAction *measure = view->addAction(appIcon("measure"), tr("&Measure"), this, [this] {
        mCanvas->setMapTool(mMeasureTool.get());
        mMeasureDock->raise();
    });
    measure->setCheckable(true);
    measure->setShortcut(QKeySequence(Qt::Key_M));
    measure->setObjectName(QStringLiteral("actionMeasure"));
    measure->setToolTip(tr("Click points to measure distances and areas on the ellipsoid"));
    mToolActions = {pan, zoomBox, identifyTool, measure};
    for (QAction *tool : std::as_const(mToolActions))
        tools->addAction(tool);
    view->addSeparator();

    QAction *zoomIn = view->addAction(appIcon("zoom-in"), tr("Zoom &In"), mCanvas, &MapCanvas::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    zoomIn->setToolTip(tr("Zoom in on the centre of the map"));
    QAction *zoomOut = view->addAction(appIcon("zoom-out"), tr("Zoom &Out"), mCanvas, &MapCanvas::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    zoomOut->setToolTip(tr("Zoom out from the centre of the map"));
    QAction *full =
        view->addAction(appIcon("zoom-full"), tr("Zoom to &All Layers"), mCanvas, &MapCanvas::zoomToFullExtent);
    full->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    full->setToolTip(tr("Zoom out to show every layer"));
    QAction *toLayer = view->addAction(appIcon("zoom-layer"), tr("Zoom to &Layer"), this,
                                       [this] { mCanvas->zoomToLayer(mLayerPanel->currentLayerId()); });
    toLayer->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    toLayer->setToolTip(tr("Zoom to the layer selected in the Layers dock"));
    mZoomActions = {zoomIn, zoomOut, full, toLayer};
    view->addSeparator();

    QAction *goToAction = view->addAction(tr("&Go to Coordinate…"), this, [this] {
        mGoTo->setFocus();
        mGoTo->selectAll();
    });
    goToAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    goToAction->setToolTip(tr("Type a coordinate (degrees, DMS or MGRS) to centre the map on it"));
    mSavedViews = new SavedViewsMenu(view->addMenu(tr("Saved &Views")), mCanvas, mProject, mWindow);
    view->addSeparator();
    QAction *refresh = view->addAction(tr("Refresh"), mCanvas, &MapCanvas::refresh);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Draw the map again"));
}

QList<QLabel *> MapActions::positionLabels() const
{
    return {mCoordDd, mCoordDms, mCoordMgrs, mScale};
}

void MapActions::zoomToWgs84(const QRectF &lonLatBox)
{
    mFramedOnce = true;
    mCanvas->zoomToWgs84(lonLatBox);
}

void MapActions::frameNewLayer(const QString &layerId)
{
    frameNewLayers({layerId});
}

void MapActions::frameNewLayers(const QStringList &layerIds)
{
    if (mFramedOnce)
        return;
    QRectF joint;
    bool any = false;
    for (const QString &id : layerIds)
        if (const auto layer = mLayers->find(id)) {
            const QRectF e = layer->extentWgs84();
            if (e == QRectF())
                continue; // an empty layer: nothing to frame
            // QRectF::united skips empty rectangles, and one point is one.
            joint = any ? QRectF(QPointF(std::min(joint.left(), e.left()), std::min(joint.top(), e.top())),
                                 QPointF(std::max(joint.right(), e.right()), std::max(joint.bottom(), e.bottom())))
                        : e;
            any = true;
        }
    if (any)
        mCanvas->zoomToWgs84(MapCanvas::withMargin(joint));
}

bool MapActions::goTo(const QString &text)
{
    const ParsedCoordinate parsed = CoordinateFormat::parse(text);
    if (!parsed.ok) {
        mMessages->showMessage(MessageBar::Level::Warning,
                               tr("Cannot go to '%1': %2").arg(text, parsed.error));
        return false;
    }
    // Zoom in to a street-level view unless already closer than that.
    const double resolution = std::min(mCanvas->resolution(), 20.0);
    mCanvas->centerOnWgs84(parsed.lonLat, resolution);
    Q_EMIT statusMessage(
        tr("Centred on %1").arg(CoordinateFormat::toDms(parsed.lonLat.x(), parsed.lonLat.y())), 5000);
    return true;
}

void MapActions::identify(QPointF mapPoint, double toleranceMap)
{
    const std::vector<IdentifyHit> hits =
        identifyAt(*mLayers, mCanvas->mapSettings(), mapPoint, toleranceMap);
    if (hits.empty()) {
        const QPointF lonLat = Transform(mCanvas->crs(), Crs::wgs84()).forward(mapPoint);
        mIdentifyPanel->showNothing(CoordinateFormat::toDms(lonLat.x(), lonLat.y()));
        return;
    }
    // What is drawn on top wins; each hit's kind says which layer class it came from.
    const IdentifyHit &hit = hits.front();
    switch (hit.kind) {
    case IdentifyHit::Kind::Sighting:
        Q_EMIT sightingIdentified(hit.id);
        for (const Sighting &s : static_cast<const SightingLayer &>(*hit.layer).sightings())
            if (s.id == hit.id)
                mIdentifyPanel->show(tr("%1 – Sightings").arg(s.title()), sightingFields(s));
        break;
    case IdentifyHit::Kind::Event:
        // The Events dock is where an event is read: the Identify dock stays as it was.
        Q_EMIT eventIdentified(hit.id);
        return;
    case IdentifyHit::Kind::Feature: {
        auto &vector = static_cast<VectorLayer &>(*hit.layer);
        // What is identified is also selected: the layer's commands then work on it.
        vector.setSelection({hit.feature});
        mLayers->notifyStyleChanged(vector.id());
        const QString labelField = vector.style().labelField;
        const QString label = labelField.isEmpty()
                                  ? QString()
                                  : vector.data().value(vector.data().features()[hit.feature], labelField);
        mIdentifyPanel->show(label.isEmpty() ? vector.name()
                                             : QStringLiteral("%1 – %2").arg(label, vector.name()),
                             vector.attributes(hit.feature));
        break;
    }
    case IdentifyHit::Kind::Position: {
        const auto &tracks = static_cast<const TrackLayer &>(*hit.layer);
        mIdentifyPanel->show(tr("%1 – %2").arg(tracks.registry().displayName(hit.mmsi), tracks.name()),
                             tracks.describePosition(hit.mmsi, hit.index));
        break;
    }
    }
    mIdentifyDock->raise();
}

void MapActions::updateCursorPosition(QPointF mapPoint, bool inside)
{
    if (!inside) {
        mCoordDd->setText(QStringLiteral("—"));
        mCoordDms->setText(QString());
        mCoordMgrs->setText(QString());
        return;
    }
    const Transform toWgs84(mCanvas->crs(), Crs::wgs84());
    const QPointF ll = toWgs84.forward(mapPoint);
    if (!std::isfinite(ll.x()) || ll.x() == HUGE_VAL || std::abs(ll.y()) > 90) {
        mCoordDd->setText(tr("off the map"));
        mCoordDms->clear();
        mCoordMgrs->clear();
        return;
    }
    mCoordDd->setText(CoordinateFormat::toDecimalDegrees(ll.x(), ll.y(), 5));
    mCoordDms->setText(CoordinateFormat::toDms(ll.x(), ll.y(), 1));
    mCoordMgrs->setText(CoordinateFormat::toMgrs(ll.x(), ll.y(), 5));
}

void MapActions::updateScale()
{
    mScale->setText(formatScale(mapScaleDenominator(mCanvas->mapSettings())));
}

void MapActions::showRenderErrors(const QList<RenderError> &errors)
{
    QStringList lines;
    for (const RenderError &e : errors)
        lines << tr("<b>%1</b>: %2").arg(e.layerName.toHtmlEscaped(), e.message.toHtmlEscaped());
    mMessages->showMessage(MessageBar::Level::Error, lines.join(QStringLiteral("<br>")));
}

} // namespace sightline
