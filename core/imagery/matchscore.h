#pragma once

namespace sightline {

/// How well a detection fits an AIS vessel's estimated position and size, 0–1: the product of
/// - the Gaussian likelihood of the distance, exp(−d²/2σ²) with σ half the uncertainty radius (a
///   detection on the radius scores e^−2 ≈ 0.14);
/// - the position's certainty, √(base radius / radius): a match to a position that is a long
///   guess is worth less than one to a fresh fix, so a vessel known to within 1.5 km wins a
///   detection over one that may be anywhere within 20 km (a fourfold radius halves the score);
/// - the length agreement, 1 − w·(1 − shorter/longer) with w the length weight: equal lengths
///   leave the score alone, a 30 m boat against a 300 m detection takes most of w off it, and an
///   unknown length on either side is neutral.
struct MatchScoreInput
{
    double distanceM = 0;
    double radiusM = 0;          ///< the vessel position's uncertainty (VesselPositionEstimate::radiusM)
    double baseRadiusM = 0;      ///< MatchParameters::baseRadiusM: a fresh fix's uncertainty
    double detectionLengthM = 0; ///< 0: unknown
    double aisLengthM = 0;       ///< 0: unknown
    double lengthWeight = 0;
};

double matchScore(const MatchScoreInput &input);

double distanceLikelihood(double distanceM, double radiusM);
double positionCertainty(double radiusM, double baseRadiusM);
double lengthAgreement(double detectionLengthM, double aisLengthM, double lengthWeight);

/// The furthest a detection can be from a position with this uncertainty and still score
/// `minScore` (lengths agreeing): pairs further apart are never looked at. Three radii at most, so
/// a minimum score of 0 does not make every pair a candidate.
double matchReachM(double radiusM, double baseRadiusM, double minScore);

} // namespace sightline
