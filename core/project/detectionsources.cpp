#include "project/detectionsources.h"

#include "project/project.h"
#include "project/sourcepolicy.h"

#include <QFileInfo>

namespace sightline {

namespace {

const ProjectLayer *layerNamed(const QList<ProjectLayer> &layers, const QString &name)
{
    for (const ProjectLayer &layer : layers)
        if (layer.name.compare(name, Qt::CaseInsensitive) == 0)
            return &layer;
    return nullptr;
}

/// A project's layer is read only when the source policy lets the project read it.
std::optional<QString> admittedSource(const Project &project, const ProjectLayer &layer, QString *error)
{
    const QString source = project.resolveSource(layer.source);
    const SourceVerdict verdict = checkProjectSource(source, sourceconsent::permissionsFor(project.path()));
    if (verdict.allowed())
        return source;
    *error = QStringLiteral("layer '%1' is not read: %2%3")
                 .arg(layer.name,
                      verdict.access == SourceVerdict::Access::Refused ? QStringLiteral("refused: ") : QString(),
                      verdict.reason);
    return std::nullopt;
}

/// A file the user named on the command line or in a dialog: what is refused from a project is
/// refused here too; a local one must exist.
std::optional<QString> userFile(const QString &path, QString *error)
{
    const SourceVerdict verdict = checkUserSource(path);
    if (verdict.access == SourceVerdict::Access::Refused) {
        *error = QStringLiteral("'%1' is refused: %2").arg(path, verdict.reason);
        return std::nullopt;
    }
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("'%1': no such file or folder").arg(path);
        return std::nullopt;
    }
    return QFileInfo(path).absoluteFilePath();
}

bool isRasterFile(const QString &path)
{
    static const QStringList raster = {QStringLiteral("tif"), QStringLiteral("tiff"), QStringLiteral("jp2"),
                                       QStringLiteral("vrt"), QStringLiteral("mbtiles"), QStringLiteral("png"),
                                       QStringLiteral("jpg"), QStringLiteral("safe"), QStringLiteral("zip")};
    return raster.contains(QFileInfo(path).suffix().toLower());
}

} // namespace

std::optional<QString> resolveDetectionImage(const Project &project, const QString &image, QString *error)
{
    const QList<ProjectLayer> layers = project.layers();
    if (const ProjectLayer *layer = layerNamed(layers, image); layer && !QFileInfo::exists(image))
        return admittedSource(project, *layer, error);
    return userFile(image, error);
}

std::optional<LandSource> resolveLandSource(const Project &project, const QString &source, QString *error)
{
    const QList<ProjectLayer> layers = project.layers();
    // "none" says open sea: no land layer, not even the project's (a file of that name is rare
    // enough to be given as ./none).
    if (source.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return LandSource{};
    if (source.isEmpty()) {
        for (const ProjectLayer &layer : layers) {
            const QString file = QFileInfo(layer.source).completeBaseName();
            const auto says = [&](const QString &text) {
                return text.contains(QLatin1String("land"), Qt::CaseInsensitive) ||
                       text.contains(QLatin1String("coast"), Qt::CaseInsensitive);
            };
            if ((!says(layer.name) && !says(file)) || isRasterFile(layer.source))
                continue;
            const auto path = admittedSource(project, layer, error);
            if (!path)
                return std::nullopt;
            return LandSource{*path, layer.layerName, layer.name};
        }
        return LandSource{};
    }
    if (const ProjectLayer *layer = layerNamed(layers, source); layer && !QFileInfo::exists(source)) {
        const auto path = admittedSource(project, *layer, error);
        if (!path)
            return std::nullopt;
        return LandSource{*path, layer->layerName, layer->name};
    }
    QString path = source, layerName;
    if (!QFileInfo::exists(path) && source.contains(QLatin1Char('|'))) {
        path = source.section(QLatin1Char('|'), 0, 0);
        layerName = source.section(QLatin1Char('|'), 1);
    }
    if (!QFileInfo::exists(path) && checkUserSource(path).access != SourceVerdict::Access::Refused) {
        *error = QStringLiteral("'%1': neither a file nor a layer of the project").arg(source);
        return std::nullopt;
    }
    const auto file = userFile(path, error);
    if (!file)
        return std::nullopt;
    return LandSource{*file, layerName, source};
}

} // namespace sightline
