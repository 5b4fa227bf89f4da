#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace sightline {

struct SarScene;

/// Which pixels of a scene are land (or within the shore buffer of it): one byte a pixel,
/// non-zero for land. Built from polygons (a land/coast layer, or the project's land layer).
struct LandMask
{
    int width = 0, height = 0;
    std::vector<std::uint8_t> land;
    bool isLand(int col, int row) const { return land[std::size_t(row) * std::size_t(width) + std::size_t(col)] != 0; }
};

/// Burns the polygons of `source` (an OGR dataset path; `layerName` empty for its first layer)
/// into a mask the size of `scene`, grown by `shoreBufferM`. Lines count as coast only when they
/// close. On failure `error` names the file and the feature at fault.
std::optional<LandMask> landMaskFromLayer(const SarScene &scene, const QString &source, const QString &layerName,
                                          double shoreBufferM, QString *error);

} // namespace sightline
