#include "sightingactions.h"

#include "drawtool.h"
#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "mapcanvas.h"
#include "pointpicktool.h"
#include "project/imageryprovenance.h"
#include "project/projectsession.h"
#include "projectcontroller.h"
#include "sightingdialog.h"
#include "tracks/vesselregistry.h"

#include <QActionGroup>
#include <QIcon>
#include <QMenu>

namespace sightline {

SightingActions::SightingActions(MapCanvas *canvas, LayerStack *layers, ProjectController *project,
                                 QWidget *dialogParent)
    : QObject(dialogParent)
    , mCanvas(canvas)
    , mLayers(layers)
    , mProject(project)
    , mDialogParent(dialogParent)
    , mPointTool(std::make_unique<PointPickTool>(canvas))
    , mShapeTool(std::make_unique<DrawTool>(canvas, layers))
{
    connect(mPointTool.get(), &PointPickTool::picked, this, [this](QPointF lonLat) {
        SightingGeometry g;
        g.lonLat = {lonLat};
        newSighting(g);
    });
    connect(mShapeTool.get(), &DrawTool::shapeDrawn, this,
            [this](VectorFeature::Kind kind, const std::vector<QPointF> &lonLat) {
                SightingGeometry g;
                g.type = kind == VectorFeature::Kind::Polygon ? SightingGeometry::Type::Polygon
                                                              : SightingGeometry::Type::Line;
                g.lonLat = QList<QPointF>(lonLat.begin(), lonLat.end());
                newSighting(g);
            });
}

// The window takes the map tool off its canvas before either goes.
SightingActions::~SightingActions() = default;

void SightingActions::populate(QMenu *menu, QActionGroup *tools)
{
    QAction *point = menu->addAction(QIcon(QStringLiteral(":/icons/sighting.svg")), tr("Add &Point Sighting"),
                                     this, [this] { mCanvas->setMapTool(mPointTool.get()); });
    point->setShortcut(QKeySequence(Qt::Key_S));
    point->setObjectName(QStringLiteral("actionAddPointSighting"));
    QAction *area = menu->addAction(QIcon(QStringLiteral(":/icons/sighting-area.svg")),
                                    tr("Add &Area Sighting"), this, [this] {
                                        mShapeTool->setKind(VectorFeature::Kind::Polygon);
                                        mCanvas->setMapTool(mShapeTool.get());
                                    });
    area->setObjectName(QStringLiteral("actionAddAreaSighting"));
    QAction *line = menu->addAction(QIcon(QStringLiteral(":/icons/sighting-line.svg")),
                                    tr("Add &Line Sighting"), this, [this] {
                                        mShapeTool->setKind(VectorFeature::Kind::Line);
                                        mCanvas->setMapTool(mShapeTool.get());
                                    });
    line->setObjectName(QStringLiteral("actionAddLineSighting"));
    for (QAction *a : {point, area, line}) {
        a->setCheckable(true);
        tools->addAction(a);
    }
}

void SightingActions::newSighting(const SightingGeometry &geometry)
{
    if (!mProject->requireWritableProject())
        return;
    Sighting s;
    s.geometry = geometry;
    const ImageryProvenance imagery = imageryProvenanceAt(*mLayers, geometry.boundsWgs84().center());
    s.imagerySource = imagery.source;
    s.imageryProvider = imagery.provider;
    s.imageryAcquiredMs = imagery.acquiredMs;
    s.imageryResolutionM = imagery.resolutionM;
    s.observedAtMs = imagery.acquiredMs;
    s.analyst = mProject->session()->project().analyst();
    QList<QPair<std::uint32_t, QString>> vessels;
    for (const auto &layer : mLayers->layers())
        if (auto tracks = std::dynamic_pointer_cast<TrackLayer>(layer))
            for (const VesselInfo &v : tracks->registry().vessels())
                vessels.append(
                    {v.mmsi, v.currentName().isEmpty() ? tr("MMSI %1").arg(v.mmsi) : v.currentName()});
    std::sort(vessels.begin(), vessels.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    SightingDialog dialog(s, vessels, mDialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    mProject->session()->addSighting(dialog.sighting());
}

} // namespace sightline
