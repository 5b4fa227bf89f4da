#pragma once

#include "layers/layer.h"
#include "model/annotation.h"
#include "model/sighting.h"

#include <QColor>

namespace sightline {

/// The project's sightings on the map: points as diamonds, counts as numbered
/// marks, lines and areas outlined, each in its kind's colour and labelled
/// with what was seen ("73 rail cars"); and over them the project's annotations
/// (arrows, labels, callouts, highlights). Holds a snapshot; the project's owner
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
    std::shared_ptr<Layer> snapshot() const override { return std::make_shared<SightingLayer>(*this); }
    QList<LayerProperty> properties() const override;

    const QList<Sighting> &sightings() const { return *mSightings; }
    void setSightings(QList<Sighting> sightings);
    const QList<Annotation> &annotations() const { return *mAnnotations; }
    void setAnnotations(QList<Annotation> annotations);
    std::int64_t selectedAnnotation() const { return mSelectedAnnotation; }
    void setSelectedAnnotation(std::int64_t id) { mSelectedAnnotation = id; }
    /// Annotations hidden while a tool draws them itself (being moved); empty for none.
    void setHiddenAnnotation(std::int64_t id) { mHiddenAnnotation = id; }
    /// The annotation drawn under a lon/lat point within `tolerancePx`; 0 for none. Topmost first.
    std::int64_t pickAnnotation(QPointF lonLat, const MapSettings &settings, double tolerancePx = 6) const;

    std::int64_t selected() const { return mSelected; }
    void setSelected(std::int64_t id) { mSelected = id; }

    /// The sighting drawn under a lon/lat point, within `tolerancePx` at this view; 0 for none.
    /// Topmost (last drawn) first.
    std::int64_t pick(QPointF lonLat, const MapSettings &settings, double tolerancePx = 6) const;

private:
    QString mSource;
    void updateExtent();

    std::shared_ptr<const QList<Sighting>> mSightings;
    std::shared_ptr<const QList<Annotation>> mAnnotations;
    QRectF mExtent;
    std::int64_t mSelected = 0;
    std::int64_t mSelectedAnnotation = 0;
    std::int64_t mHiddenAnnotation = 0;
};

/// The colour a kind of sighting is drawn in (the same in the form and the dock).
QColor sightingColour(const QString &kind);

} // namespace sightline
