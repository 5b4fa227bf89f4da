#include "project/detectionsighting.h"

#include <QFileInfo>

namespace sightline {

Sighting sightingFromDetection(const MovementEvent &e)
{
    const QJsonObject &d = e.details;
    const bool dark = d.value(QStringLiteral("dark")).toBool();
    Sighting s;
    s.kind = QStringLiteral("vessel");
    s.geometry.type = SightingGeometry::Type::Point;
    s.geometry.lonLat = {e.from};
    s.observedAtMs = e.startMs;
    s.imageryAcquiredMs = e.startMs;
    const QString scene = d.value(QStringLiteral("scene_id")).toString();
    s.imagerySource = scene.isEmpty() ? QFileInfo(d.value(QStringLiteral("image")).toString()).fileName() : scene;
    s.imageryProvider = QStringLiteral("SAR");
    if (!dark) {
        s.vesselMmsi = e.mmsi;
        s.vesselName = d.value(QStringLiteral("vessel_name")).toString();
    }
    s.notes = QStringLiteral("Detected in %1: %2 m × %3 m, heading %4°, detection confidence %5; %6")
                  .arg(s.imagerySource)
                  .arg(d.value(QStringLiteral("length_m")).toDouble(), 0, 'f', 0)
                  .arg(d.value(QStringLiteral("width_m")).toDouble(), 0, 'f', 0)
                  .arg(d.value(QStringLiteral("heading")).toDouble(), 0, 'f', 0)
                  .arg(d.value(QStringLiteral("detection_confidence")).toDouble(), 0, 'f', 2)
                  .arg(dark ? QStringLiteral("no AIS vessel fits (dark)")
                            : QStringLiteral("matched to MMSI %1 (score %2)")
                                  .arg(e.mmsi)
                                  .arg(d.value(QStringLiteral("match_score")).toDouble(), 0, 'f', 2));
    s.tags = {QStringLiteral("sar")};
    if (dark)
        s.tags << QStringLiteral("dark");
    return s;
}

} // namespace sightline
