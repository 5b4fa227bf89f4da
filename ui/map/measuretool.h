#pragma once

#include "geo/measurement.h"
#include "ui/map/maptool.h"

#include <QPointF>
#include <QString>

#include <memory>
#include <vector>

namespace sightline {

class VectorLayer;

/// What the measure tool has measured so far.
struct Measurement
{
    enum class Mode
    {
        Distance,
        Area,
        Nearest,
        Route
    };
    Mode mode = Mode::Distance;
    std::vector<QPointF> lonLat; ///< the clicked vertices
    double lengthMetres = 0;     ///< along the line (Distance) or around the ring (Area: perimeter)
    double areaSquareMetres = 0;
    double lastSegmentMetres = 0;
    double lastBearingDeg = -1; ///< initial azimuth of the last segment, 0–360
    QPointF nearestLonLat;      ///< Nearest: the closest point of the chosen layer
    QString nearestName;        ///< Nearest: that feature's label, if any
    std::vector<QPointF> route; ///< Route: the path found along the layer's lines
    QString routeMessage;       ///< Route: why there is none, or how far the clicks were from the lines
    double straightMetres = 0;  ///< Route: the great-circle distance between the two clicks
    bool finished = false;
};

/// Geodesic measuring on the map: click vertices, double-click or right-click
/// to finish, Backspace to take back the last vertex, Esc to start again.
/// Nearest mode measures from a clicked point to the nearest feature of a layer.
class MeasureTool : public MapTool
{
    Q_OBJECT
public:
    explicit MeasureTool(MapCanvas *canvas);

    void setMode(Measurement::Mode mode);
    /// Starts a distance measurement at `lonLat` (Measure from Here): the next click is its second point.
    void startAt(QPointF lonLat);
    void setTargetLayer(std::shared_ptr<const VectorLayer> layer) { mTarget = std::move(layer); }
    const Measurement &measurement() const { return mMeasurement; }
    void clear();
    /// Clears and says so: the panel goes back to its hint (a project closed).
    void reset();

    void press(QMouseEvent *event) override;
    void move(QMouseEvent *event) override;
    void doubleClick(QMouseEvent *event) override;
    bool key(QKeyEvent *event) override;
    void paint(QPainter &painter) override;
    void deactivate() override { clear(); }

Q_SIGNALS:
    void changed(const sightline::Measurement &measurement);

private:
    QPointF toLonLat(QPointF widget) const;
    void recompute(const QPointF *hoverLonLat);

    Measurement mMeasurement;
    QPointF mHover;
    bool mHasHover = false;
    std::shared_ptr<const VectorLayer> mTarget;
    // The network of the target layer, built on first use.
    QString mNetworkLayerId;
    std::shared_ptr<class RailNetwork> mNetwork;
};

} // namespace sightline
