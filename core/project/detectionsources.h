#pragma once

#include <QString>

#include <optional>

namespace sightline {

class Project;

/// Where a vessel detection reads land from: an OGR source and its layer, as the user named it.
struct LandSource
{
    QString path;      ///< empty: no land layer (open sea)
    QString layerName; ///< empty for the source's first layer
    QString name;      ///< as reported: the project layer's name, or the file
};

/// The image a detection reads: the name of one of the project's layers (judged as every project
/// source is) or a file the user named (judged as a file they opened: /vsi* prefixes and inline
/// XML refused). The absolute path, or nothing with `error` naming what is wrong.
std::optional<QString> resolveDetectionImage(const Project &project, const QString &image, QString *error);

/// The land for a detection: `source` a project layer's name or a file ("FILE" or "FILE|LAYER");
/// empty for the project's layer named like "land" or "coast", if it has one (else open sea).
std::optional<LandSource> resolveLandSource(const Project &project, const QString &source, QString *error);

} // namespace sightline
