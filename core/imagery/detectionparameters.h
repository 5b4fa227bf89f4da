#pragma once

#include <QJsonObject>
#include <QString>

namespace sightline {

/// Ship detection in SAR by two-parameter CFAR, as ESA SNAP's Adaptive Thresholding: a pixel is a
/// target when its target-window mean stands out from the background ring's sea (mean + t·σ, t
/// from the false-alarm probability); the guard window keeps the ship itself out of the sea's
/// statistics. Defaults are SNAP's published ones.
struct DetectionParameters
{
    double targetWindowM = 75;
    double guardWindowM = 400;
    double backgroundWindowM = 1000;
    double pfaExponent = -6.5;     ///< false-alarm probability 10^pfaExponent
    double shoreBufferM = 500;     ///< land grown by this much before detecting: no pier is a ship
    double minLengthM = 20;        ///< smaller objects are dropped (speckle, buoys)
    double maxLengthM = 500;       ///< larger ones too (land left unmasked, wind fronts)
    /// Adds nothing of its own beyond these; kept with each detection run like an analysis's.
    QJsonObject toJson() const;
    /// What makes these meaningless (a window not inside the next, a Pfa not in (0, 1), a size
    /// range upside down), or empty when they are usable.
    QString problem() const;
};

/// How detections are matched to AIS: Global Fishing Watch's idea of a position whose uncertainty
/// grows with the time to the nearest fixes and the vessel's speed, with Skylight's fixed radius
/// as the floor.
struct MatchParameters
{
    double baseRadiusM = 1500;      ///< the uncertainty of a vessel with a fix at the acquisition
    double maxSpeedKnots = 25;      ///< caps a reported speed when growing the uncertainty
    double maxExtrapolationHours = 2; ///< a vessel with no fix this close to the acquisition is not placed
    double lengthWeight = 0.3;      ///< how much disagreeing length lowers a match's score (0: ignored)
    double minScore = 0.05;         ///< pairs below this are not a match
    QJsonObject toJson() const;
    QString problem() const;
};

} // namespace sightline
