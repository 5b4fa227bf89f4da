#pragma once

#include <QString>
#include <QStringList>

namespace sightline {

class PortSet;
class Project;

/// Loads the ports an analysis of `project` runs against. Each of `sources` is a file
/// (any vector GDAL reads, "FILE" or "FILE|LAYER") or the name of one of the project's
/// layers. With no sources, every project layer whose name says "port" is used. Point
/// ports within `mergeMetres` of a drawn port outline are the same port from a coarser
/// source and are dropped. Problems with single features go to `problems`; false, with
/// `error` naming the file or layer, when a source cannot be read at all.
bool loadAnalysisPorts(const Project &project, const QStringList &sources, double mergeMetres, PortSet &ports,
                       QString *error, QStringList *problems = nullptr);

/// The same for a land (coastline) layer: a file or a project layer's name.
bool loadLandPolygons(const Project &project, const QString &source, PortSet &land, QString *error);

} // namespace sightline
