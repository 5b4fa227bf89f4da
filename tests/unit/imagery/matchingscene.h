#pragma once

// Scenes for the matching tests, built in the test: a square footprint off Rajin, AIS tracks that
// pass through known points at the acquisition, and detections placed where the ships are.

#include "ais/aismessage.h"
#include "geo/geodesic.h"
#include "model/vesseldetection.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QPolygonF>

#include <cstdint>
#include <initializer_list>
#include <string>

namespace sightline::testscene {

inline constexpr std::int64_t kAcquiredMs = 1'700'000'000'000; // 2023-11-14 22:13 UTC
inline constexpr double kMinResolvableM = 15;

/// About 41 km east–west by 44 km north–south.
inline QPolygonF footprint()
{
    return QPolygonF({QPointF(130.0, 42.0), QPointF(130.5, 42.0), QPointF(130.5, 42.4), QPointF(130.0, 42.4),
                      QPointF(130.0, 42.0)});
}

inline QPointF centre()
{
    return QPointF(130.25, 42.2);
}

/// A point `metres` from `from` towards `azimuthDeg`.
inline QPointF offset(QPointF from, double azimuthDeg, double metres)
{
    return Geodesic::direct(from, azimuthDeg, metres);
}

struct Scene
{
    TrackStore tracks;
    VesselRegistry vessels;

    /// A vessel on a straight course at a steady speed that is at `atAcquisition` at the
    /// acquisition, with fixes at the given minutes from it (negative: before).
    void addVessel(std::uint32_t mmsi, QPointF atAcquisition, double courseDeg, double knots,
                   std::initializer_list<double> fixMinutes)
    {
        for (const double minutes : fixMinutes) {
            const double metres = knots * 1852.0 * minutes / 60.0;
            const QPointF p = offset(atAcquisition, courseDeg, metres);
            TrackStore::Position position{mmsi, kAcquiredMs + std::int64_t(minutes * 60'000.0), p.x(), p.y()};
            position.sog = knots;
            position.cog = courseDeg;
            tracks.append(position);
        }
        vessels.notePosition(mmsi, false);
    }

    /// Its static report (type 5): name and length (0: none given).
    void describe(std::uint32_t mmsi, const std::string &name, int lengthM)
    {
        ais::AisMessage m;
        m.type = 5;
        m.mmsi = mmsi;
        m.shipname = name;
        m.toBow = lengthM / 2;
        m.toStern = lengthM - lengthM / 2;
        vessels.noteStatic(m, kAcquiredMs - 3'600'000);
    }
};

inline VesselDetection detectionAt(QPointF lonLat, double lengthM = 0)
{
    VesselDetection d;
    d.lonLat = lonLat;
    d.lengthM = lengthM;
    d.widthM = lengthM / 6;
    d.confidence = 0.9;
    return d;
}

} // namespace sightline::testscene
