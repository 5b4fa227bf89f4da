#include "projectcommand.h"

#include "commandlineparsing.h"
#include "layers/layer.h"
#include "layers/layeropening.h"
#include "layers/layerstack.h"
#include "project/layerstyleio.h"
#include "project/project.h"
#include "project/projectlayers.h"
#include "project/sourcepolicy.h"
#include "util/gdalutil.h"

#include <QFileInfo>
#include <QTextStream>

namespace sightline {

namespace {

constexpr auto kUsage =
    "usage: sightline project create P.gpkg [FILE...] [--extent W,S,E,N]\n"
    "       sightline project info P.gpkg [--allow-network] [--allow-path PATH]...\n"
    "  info lists each layer with what opening it would do: 'ok', 'needs: …' (network or files outside\n"
    "  the project's folder not allowed yet) or 'refused: …'. Nothing is opened or contacted.\n";

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int createProject(const QStringList &args)
{
    QString path, extentText;
    QStringList files;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--extent")) {
            if (++i >= args.size()) {
                err() << "sightline project create: --extent needs W,S,E,N\n" << kUsage;
                return 2;
            }
            extentText = args[i];
        } else if (a.startsWith(QLatin1String("--"))) {
            err() << "sightline project create: unknown option " << a << "\n" << kUsage;
            return 2;
        } else if (path.isEmpty()) {
            path = a;
        } else {
            files << a;
        }
    }
    if (path.isEmpty()) {
        err() << "sightline project create: no project file given\n" << kUsage;
        return 2;
    }
    QString error;
    QRectF extent;
    if (!extentText.isEmpty()) {
        extent = parseExtentArgument(extentText, &error);
        if (extent.isEmpty()) {
            err() << "sightline project create: --extent: " << error << "\n";
            return 2;
        }
    }
    // Every layer is opened first: a project is only made when there is something sound to put in it.
    QList<ProjectLayer> entries;
    QRectF all;
    bool missing = false;
    for (const QString &file : std::as_const(files)) {
        if (const SourceVerdict verdict = checkUserSource(file); !verdict.allowed()) {
            err() << "sightline project create: " << describeSource(file) << ": refused: " << verdict.reason
                  << " (left out)\n";
            missing = true;
            continue;
        }
        const auto layers =
            openLayers(QFileInfo::exists(file) ? QFileInfo(file).absoluteFilePath() : file, &error);
        if (layers.isEmpty()) {
            err() << "sightline project create: cannot open " << error << " (left out)\n";
            missing = true;
            continue;
        }
        for (const auto &layer : layers) {
            // Named on the command line by the user: this machine may open it from the project again.
            sourceconsent::rememberUserSource(layer->source(), QFileInfo(path).absoluteFilePath());
            entries << projectLayerFor(*layer);
            all = all.isNull() ? layer->extentWgs84() : all.united(layer->extentWgs84());
        }
    }
    auto project = Project::create(path, &error);
    if (!project) {
        err() << "sightline project create: " << error << "\n";
        return 2;
    }
    if (!project->setLayers(entries) || ((!extent.isEmpty() || !all.isEmpty()) &&
                                         !project->setCurrentView(extent.isEmpty() ? all : extent))) {
        err() << "sightline project create: " << project->lastError() << "\n";
        return 2;
    }
    out() << "created " << QFileInfo(path).absoluteFilePath() << " with " << entries.size() << " layer(s)\n";
    return missing ? 1 : 0;
}

int projectInfo(const QStringList &args)
{
    QString path;
    SourceAccessArguments access;
    for (int i = 0; i < args.size(); ++i) {
        if (QString accessError; access.take(args, i, &accessError))
            continue;
        else if (!accessError.isEmpty() || args[i].startsWith(QLatin1String("--")) || !path.isEmpty()) {
            err() << "sightline project info: "
                  << (accessError.isEmpty() ? QStringLiteral("unexpected argument '%1'").arg(args[i]) : accessError)
                  << "\n"
                  << kUsage << SourceAccessArguments::kUsage;
            return 2;
        }
        path = args[i];
    }
    if (path.isEmpty()) {
        err() << kUsage;
        return 2;
    }
    QString error;
    const auto project = Project::open(path, Project::Mode::ReadOnly, &error);
    if (!project) {
        err() << "sightline project info: " << error << "\n";
        return 2;
    }
    reportProjectNotices(*project, "project info");
    const SourcePermissions permissions = access.permissionsFor(*project);
    out() << "project\t" << project->path() << "\n";
    for (const ProjectLayer &l : projectLayerEntries(*project)) {
        const SourceVerdict verdict =
            l.source == project->path() ? SourceVerdict{SourceVerdict::Access::Allowed, l.source, {}, {}, {}, {}}
                                        : checkProjectSource(l.source, permissions);
        const QString judged = verdict.access == SourceVerdict::Access::Allowed ? QStringLiteral("ok")
                               : verdict.access == SourceVerdict::Access::Refused
                                   ? QStringLiteral("refused: ") + verdict.reason
                                   : QStringLiteral("needs: ") + verdict.reason;
        out() << "layer\t" << l.name << "\t" << describeSource(l.source)
              << (l.layerName.isEmpty() ? QString() : QStringLiteral("|%1").arg(l.layerName)) << "\t"
              << (l.visible ? "visible" : "hidden") << "\t" << judged << "\n";
    }
    if (const auto view = project->currentView())
        out() << "view\t" << view->left() << "," << view->top() << "," << view->right() << ","
              << view->bottom() << "\n";
    for (const SavedView &v : project->views())
        out() << "saved view\t" << v.name << "\n";
    out() << "sightings\t" << project->sightings().size() << "\n";
    for (const QString &problem : project->problems()) // damage: read-only; rows that cannot be read
        err() << "sightline project info: warning: '" << project->path() << "': " << problem << "\n";
    return 0;
}

} // namespace

int runProjectCommand(const QStringList &args)
{
    const QString verb = args.value(0);
    if (verb == QLatin1String("create"))
        return createProject(args.mid(1));
    if (verb == QLatin1String("info"))
        return projectInfo(args.mid(1));
    err() << kUsage;
    return 2;
}

} // namespace sightline
