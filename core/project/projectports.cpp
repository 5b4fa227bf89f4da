#include "project/projectports.h"

#include "analysis/portset.h"
#include "project/project.h"
#include "project/sourcepolicy.h"

#include <QFileInfo>

namespace sightline {

namespace {

/// A project's layer is judged as every project source is (sourcepolicy.h): a received
/// project must not make an analysis read files or reach servers it may not.
bool admitted(const Project &project, const ProjectLayer &layer, QString *why)
{
    const SourceVerdict verdict = checkProjectSource(project.resolveSource(layer.source),
                                                     sourceconsent::permissionsFor(project.path()));
    if (verdict.allowed())
        return true;
    *why = QStringLiteral("layer '%1' is not read: %2%3")
               .arg(layer.name,
                    verdict.access == SourceVerdict::Access::Refused ? QStringLiteral("refused: ") : QString(),
                    verdict.reason);
    return false;
}

/// A source named on the command line or in the dialog: a project layer's name, or a
/// file with an optional "|LAYER".
bool loadSource(const Project &project, const QString &source, PortSet &into, QString *error,
                QStringList *problems)
{
    for (const ProjectLayer &layer : project.layers())
        if (layer.name.compare(source, Qt::CaseInsensitive) == 0) {
            QString why;
            if (!admitted(project, layer, &why)) {
                if (error)
                    *error = why;
                return false;
            }
            return into.loadFile(project.resolveSource(layer.source), layer.layerName, error, problems);
        }
    QString path = source, layerName;
    if (!QFileInfo::exists(path) && source.contains(QLatin1Char('|'))) {
        path = source.section(QLatin1Char('|'), 0, 0);
        layerName = source.section(QLatin1Char('|'), 1);
    }
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = QStringLiteral("'%1': neither a file nor a layer of the project").arg(source);
        return false;
    }
    return into.loadFile(path, layerName, error, problems);
}

} // namespace

bool loadAnalysisPorts(const Project &project, const QStringList &sources, double mergeMetres, PortSet &ports,
                       QString *error, QStringList *problems)
{
    if (sources.isEmpty()) {
        for (const ProjectLayer &layer : project.layers()) {
            const QString file = QFileInfo(layer.source).completeBaseName();
            if (!layer.name.contains(QLatin1String("port"), Qt::CaseInsensitive) &&
                !file.contains(QLatin1String("port"), Qt::CaseInsensitive))
                continue;
            QString why;
            // A layer that cannot be read is reported but does not stop the others.
            if ((!admitted(project, layer, &why) ||
                 !ports.loadFile(project.resolveSource(layer.source), layer.layerName, &why, problems)) &&
                problems)
                *problems << why;
        }
    }
    for (const QString &source : sources)
        if (!loadSource(project, source, ports, error, problems))
            return false;
    ports.dropPointsNearPolygons(mergeMetres);
    return true;
}

bool loadLandPolygons(const Project &project, const QString &source, PortSet &land, QString *error)
{
    return loadSource(project, source, land, error, nullptr);
}

} // namespace sightline
