#pragma once

#include "layers/layer.h"
#include "project/sighting.h"

#include <QColor>

namespace sightline {

/// The project's sightings on the map: points as diamonds, counts as numbered
/// marks, lines and areas outlined, each in its kind's colour and labelled
/// with what was seen ("73 rail cars"). Holds a snapshot; the project's owner
/// hands it a new one after every change.
class SightingLayer : public Layer
{
public:
    SightingLayer(QString source, QList<Sighting> sightings);

    Kind kind() const override { return Kind::Sighting; }
    QString source() const override { return mSource; }
    Crs crs() const override { return Crs::wgs84(); }
    QRectF extent() const override { return mExtent; }
    QRectF extentWgs84() const override { return mExtent; }
    std::unique_ptr<LayerRenderer> createRenderer(const MapSettings &settings) const override;
    QList<LayerProperty> properties() const override;

    const QList<Sighting> &sightings() const { return *mSightings; }
    void setSightings(QList<Sighting> sightings);
    std::int64_t selected() const { return mSelected; }
    void setSelected(std::int64_t id) { mSelected = id; }

    /// The sighting drawn under a lon/lat point, within `tolerancePx` at this view; 0 for none.
    /// Topmost (last drawn) first.
    std::int64_t pick(QPointF lonLat, const MapSettings &settings, double tolerancePx = 6) const;

private:
    QString mSource;
    std::shared_ptr<const QList<Sighting>> mSightings;
    QRectF mExtent;
    std::int64_t mSelected = 0;
};

/// The colour a kind of sighting is drawn in (the same in the form and the dock).
QColor sightingColour(const QString &kind);

} // namespace sightline
