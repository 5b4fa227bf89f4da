#pragma once

#include <gdal_priv.h>

#include <QString>

#include <cmath>

namespace sightline {

/// What a raster's metadata and name say about it as SAR backscatter. A SAR image spans several
/// decades of power, so on a linear stretch nearly all of it — the sea — shows almost black
/// under a few bright ships and shores; in decibels it spreads over the grey scale.
struct BackscatterGuess
{
    /// One band of 16-bit or wider numbers, named or described as SAR (Sentinel-1, ICEYE,
    /// Capella, Umbra, GRD, sigma0, a VV/VH/HH/HV polarisation, …).
    bool sar = false;
    /// The values are amplitude (power is their square), as GRD products ship; false when the
    /// metadata says intensity, power or sigma0.
    bool amplitude = true;
    /// The band's unit is already dB: a linear stretch of it is right as it is.
    bool alreadyDecibels = false;
};

BackscatterGuess guessBackscatter(GDALDataset &ds, const QString &source);

/// 10·log10 of power, from amplitude (20·log10) or power; NaN for 0, negatives and no data.
inline float toDecibels(float value, bool amplitude)
{
    if (!(value > 0.0f))
        return std::nanf("");
    return (amplitude ? 20.0f : 10.0f) * std::log10(value);
}

/// The 2nd and 98th percentiles of a band's values in dB, from a sample of at most 1024 × 1024
/// pixels (read from an overview when there is one): the stretch a SAR image is shown with.
bool decibelPercentiles(GDALRasterBand &band, bool amplitude, double *low, double *high);

} // namespace sightline
