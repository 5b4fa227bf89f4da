#pragma once

#include <QPointF>

#include <cstdint>
#include <functional>
#include <vector>

namespace sightline {

struct DetectionParameters;

/// The three CFAR windows as half-sizes in pixels along columns (x) and rows (y): a window of
/// half-size h spans 2h + 1 pixels. Square on the ground, so rectangular in pixels when the
/// pixels are not square.
struct CfarWindows
{
    int targetX = 0, targetY = 0;
    int guardX = 0, guardY = 0;
    int backgroundX = 0, backgroundY = 0;
};

/// SNAP's window sizes: n = ⌊metres / spacing⌋ + 1 pixels, the target and background windows
/// centred with half-size (n − 1)/2 and the guard with n/2 (integer division). SNAP divides by
/// the mean of range and azimuth spacing; here each axis by its own, which is the same on
/// square pixels and keeps the windows square in metres on others.
CfarWindows cfarWindows(const DetectionParameters &parameters, QPointF pixelSpacingM);

/// SNAP's detector design parameter: t with a Gaussian upper tail of `pfa`, t = √2·erf⁻¹(1 − 2·pfa)
/// (4.97 for SNAP's default 10^-6.5).
double cfarThresholdFactor(double pfa);

/// A pixel whose target-window mean stands out from the sea of its background ring.
struct CfarHit
{
    int col = 0, row = 0;
    float value = 0;      ///< the pixel's own power
    float targetMean = 0; ///< mean over its target window
    float seaMean = 0;    ///< mean of its background ring (background window minus guard window)
    float threshold = 0;  ///< seaMean + t·σ of the ring
};

/// What the test reads: the scene's power (row-major, NaN or ≤ 0 where there is no data) and an
/// optional land mask (non-zero: land), both width × height.
struct CfarImage
{
    const float *power = nullptr;
    const std::uint8_t *land = nullptr;
    int width = 0, height = 0;
};

/// Two-parameter CFAR over rows [rowBegin, rowEnd): a sea pixel is a hit when its target-window
/// mean exceeds mean + t·σ of the background ring. Land and no-data pixels are left out of every
/// window through running column sums (x, x² and a count, in double), so each pixel costs the
/// same whatever the window sizes. A ring with fewer than a quarter of its pixels at sea says
/// nothing and gives no hit. Appends hits in row-major order; `cancelled` is polled every row
/// (stops early, returning false).
bool cfarRows(const CfarImage &image, const CfarWindows &windows, double t, int rowBegin, int rowEnd,
              std::vector<CfarHit> &hits, const std::function<bool()> &cancelled);

} // namespace sightline
