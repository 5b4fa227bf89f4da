#pragma once

#include <QString>

namespace sightline::test {

/// Writes a synthetic SAR GRD GeoTIFF (Float32 amplitude, UTM 32N at 10 m, `size` pixels square)
/// as SAR imagery looks: sea of speckled clutter around −20 dB (exponential power), land on the
/// left quarter around −5 dB and a few ships at +10 dB. On a linear stretch its sea is almost
/// black; in dB it is mid-grey. Returns the path, empty on failure.
QString writeSyntheticSarTiff(const QString &path, int size = 400);

} // namespace sightline::test
