#include "ui/map/measuretool.h"

#include "analysis/railnetwork.h"
#include "geo/geodesic.h"
#include "geo/transform.h"
#include "layers/vectorlayer.h"
#include "layers/vectorqueries.h"
#include "ui/map/mapcanvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace sightline {

namespace {
const QColor kInk(0xd6, 0x27, 0x28);
constexpr int kGeodesicSteps = 32; // points drawn along each segment, so long legs curve as they should
} // namespace

MeasureTool::MeasureTool(MapCanvas *canvas)
    : MapTool(canvas)
{
}

void MeasureTool::setMode(Measurement::Mode mode)
{
    clear();
    mMeasurement.mode = mode;
    Q_EMIT changed(mMeasurement);
}

void MeasureTool::startAt(QPointF lonLat)
{
    clear();
    mMeasurement.lonLat = {lonLat};
    mHasHover = false;
    recompute(nullptr);
    Q_EMIT changed(mMeasurement);
    mCanvas->update();
}

void MeasureTool::clear()
{
    const auto mode = mMeasurement.mode;
    mMeasurement = Measurement();
    mMeasurement.mode = mode;
    mHasHover = false;
}

void MeasureTool::reset()
{
    clear();
    Q_EMIT changed(mMeasurement);
    mCanvas->update();
}

QPointF MeasureTool::toLonLat(QPointF widget) const
{
    return Transform(mCanvas->crs(), Crs::wgs84()).forward(mCanvas->toMap(widget));
}

void MeasureTool::recompute(const QPointF *hover)
{
    std::vector<QPointF> pts = mMeasurement.lonLat;
    if (hover && !mMeasurement.finished)
        pts.push_back(*hover);
    Measurement &m = mMeasurement;
    m.lengthMetres = m.areaSquareMetres = m.lastSegmentMetres = 0;
    m.lastBearingDeg = -1;
    if (m.mode == Measurement::Mode::Nearest)
        return;
    const QList<QPointF> list(pts.begin(), pts.end());
    if (m.mode == Measurement::Mode::Area && pts.size() >= 3) {
        const GeodesicPolygon poly = Geodesic::polygonArea(list);
        m.areaSquareMetres = poly.areaSquareMetres;
        m.lengthMetres = poly.perimeterMetres;
    } else {
        m.lengthMetres = Geodesic::polylineLength(list);
    }
    if (pts.size() >= 2) {
        const GeodesicInverse last = Geodesic::inverse(pts[pts.size() - 2], pts.back());
        m.lastSegmentMetres = last.distanceMetres;
        m.lastBearingDeg = std::fmod(last.azimuth1Deg + 360.0, 360.0);
    }
}

void MeasureTool::press(QMouseEvent *event)
{
    const QPointF ll = toLonLat(event->position());
    if (!std::isfinite(ll.x()) || ll.x() == HUGE_VAL)
        return;
    if (event->button() == Qt::RightButton) {
        mMeasurement.finished = true;
        recompute(nullptr);
        Q_EMIT changed(mMeasurement);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    if (mMeasurement.mode == Measurement::Mode::Nearest) {
        clear();
        mMeasurement.lonLat = {ll};
        mMeasurement.finished = true;
        if (mTarget) {
            const NearestFeature n = nearestFeature(*mTarget, ll);
            if (n.feature >= 0) {
                mMeasurement.lengthMetres = n.metres;
                mMeasurement.nearestLonLat = n.nearestLonLat;
                const QString field = mTarget->style().labelField;
                mMeasurement.nearestName =
                    field.isEmpty() ? QString()
                                    : mTarget->data().value(mTarget->data().features()[n.feature], field);
                const GeodesicInverse g = Geodesic::inverse(ll, n.nearestLonLat);
                mMeasurement.lastBearingDeg = n.metres > 0 ? std::fmod(g.azimuth1Deg + 360.0, 360.0) : -1;
            }
        }
        Q_EMIT changed(mMeasurement);
        return;
    }
    if (mMeasurement.mode == Measurement::Mode::Route) {
        if (mMeasurement.finished || mMeasurement.lonLat.size() >= 2)
            clear();
        mMeasurement.lonLat.push_back(ll);
        if (mMeasurement.lonLat.size() == 2) {
            mMeasurement.finished = true;
            mMeasurement.straightMetres = Geodesic::inverse(mMeasurement.lonLat[0], ll).distanceMetres;
            if (!mTarget) {
                mMeasurement.routeMessage = tr("Choose a line layer to route along.");
            } else {
                if (!mNetwork || mNetworkLayerId != mTarget->id()) {
                    mNetwork = std::make_shared<RailNetwork>(RailNetwork::build(mTarget->data()));
                    mNetworkLayerId = mTarget->id();
                }
                const RailNetwork::Route r = mNetwork->route(mMeasurement.lonLat[0], ll);
                mMeasurement.route = r.lonLat;
                mMeasurement.lengthMetres = r.found ? r.metres : 0;
                mMeasurement.routeMessage =
                    r.found ? tr("start %1 and end %2 from the lines")
                                  .arg(formatDistance(r.startSnapMetres, DistanceUnit::Kilometres),
                                       formatDistance(r.endSnapMetres, DistanceUnit::Kilometres))
                            : r.message;
            }
        }
        Q_EMIT changed(mMeasurement);
        return;
    }
    if (mMeasurement.finished)
        clear();
    mMeasurement.lonLat.push_back(ll);
    recompute(nullptr);
    Q_EMIT changed(mMeasurement);
}

void MeasureTool::move(QMouseEvent *event)
{
    mHover = toLonLat(event->position());
    mHasHover = std::isfinite(mHover.x()) && mHover.x() != HUGE_VAL;
    if (!mMeasurement.lonLat.empty() && !mMeasurement.finished && mHasHover) {
        recompute(&mHover);
        Q_EMIT changed(mMeasurement);
    }
}

void MeasureTool::doubleClick(QMouseEvent *)
{
    // The double-click's first press already added its vertex.
    mMeasurement.finished = true;
    recompute(nullptr);
    Q_EMIT changed(mMeasurement);
}

bool MeasureTool::key(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        clear();
        break;
    case Qt::Key_Backspace:
        if (!mMeasurement.lonLat.empty())
            mMeasurement.lonLat.pop_back();
        mMeasurement.finished = false;
        recompute(mHasHover ? &mHover : nullptr);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        mMeasurement.finished = true;
        recompute(nullptr);
        break;
    default:
        return false;
    }
    Q_EMIT changed(mMeasurement);
    return true;
}

void MeasureTool::paint(QPainter &p)
{
    const Transform toMap(Crs::wgs84(), mCanvas->crs());
    auto widget = [&](QPointF ll) { return mCanvas->toWidget(toMap.forward(ll)); };
    std::vector<QPointF> pts = mMeasurement.lonLat;
    if (mHasHover && !mMeasurement.finished && !pts.empty() &&
        mMeasurement.mode != Measurement::Mode::Nearest)
        pts.push_back(mHover);
    if (mMeasurement.mode == Measurement::Mode::Area && pts.size() >= 3)
        pts.push_back(pts.front());
    if (mMeasurement.mode == Measurement::Mode::Nearest && !pts.empty() && mMeasurement.lengthMetres > 0)
        pts.push_back(mMeasurement.nearestLonLat);
    if (mMeasurement.mode == Measurement::Mode::Route) {
        // The route follows the lines' own vertices; between them, straight on the map.
        QPolygonF path;
        for (const QPointF &ll : mMeasurement.route)
            path << widget(ll);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(255, 255, 255, 200), 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(path);
        p.setPen(QPen(QColor(0x1f, 0x77, 0xb4), 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(path);
        p.setPen(QPen(Qt::white, 1.5));
        p.setBrush(kInk);
        for (const QPointF &ll : mMeasurement.lonLat)
            p.drawEllipse(widget(ll), 4.5, 4.5);
        return;
    }
    // Each leg drawn along its geodesic.
    QPainterPath path;
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
        const GeodesicInverse g = Geodesic::inverse(pts[i], pts[i + 1]);
        for (int k = 0; k <= kGeodesicSteps; ++k) {
            const QPointF w =
                widget(Geodesic::direct(pts[i], g.azimuth1Deg, g.distanceMetres * k / kGeodesicSteps));
            if (i == 0 && k == 0)
                path.moveTo(w);
            else
                path.lineTo(w);
        }
    }
    if (mMeasurement.mode == Measurement::Mode::Area && pts.size() >= 4) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(kInk.red(), kInk.green(), kInk.blue(), 40));
        p.drawPath(path);
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(255, 255, 255, 200), 4));
    p.drawPath(path);
    p.setPen(QPen(kInk, 2, mMeasurement.mode == Measurement::Mode::Nearest ? Qt::DashLine : Qt::SolidLine));
    p.drawPath(path);
    p.setPen(QPen(Qt::white, 1.5));
    p.setBrush(kInk);
    for (const QPointF &ll : mMeasurement.lonLat)
        p.drawEllipse(widget(ll), 4, 4);
    if (mMeasurement.mode == Measurement::Mode::Nearest && mMeasurement.lengthMetres > 0)
        p.drawEllipse(widget(mMeasurement.nearestLonLat), 4, 4);
}

} // namespace sightline
