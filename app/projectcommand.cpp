#include "projectcommand.h"

#include "commandlineparsing.h"
#include "commandlinevalues.h"
#include "layers/layer.h"
#include "layers/layeropening.h"
#include "layers/layerstack.h"
#include "project/layerstyleio.h"
#include "project/project.h"
#include "project/projectlayers.h"
#include "project/sourcepolicy.h"
#include "tracks/aisbroadcasttables.h"
#include "util/gdalutil.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>

namespace sightline {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int createProject(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("project create"),
        QStringLiteral("project create P.gpkg [FILE...] [--extent W,S,E,N]"),
        QStringLiteral("Makes a project holding the layers (bottom first, with the styles the "
                       "workbench gives them), framed on the extent, else on all of them. It never "
                       "overwrites a file."));
    cl.addPositionalArgument(QStringLiteral("P.gpkg"), QStringLiteral("The project to make."));
    cl.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A layer to put in it, bottom first."),
                             CommandLine::Count::Many);
    cl.addOption(extentOption(QStringLiteral("WGS84 degrees to frame the project on.")));
    if (const auto done = cl.parse(args))
        return *done;
    const QStringList files = cl.positionalArguments().mid(1);
    const QString path = cl.positionalArguments().value(0);
    if (path.isEmpty())
        return cl.usageError(QStringLiteral("no project file given"));
    QString error;
    QRectF extent;
    if (cl.isSet(QStringLiteral("extent"))) {
        const auto given =
            parseExtentValue(QStringLiteral("--extent"), cl.value(QStringLiteral("extent")), &error);
        if (!given)
            return cl.valueError(error);
        extent = *given;
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

/// One layer of a project and what opening it would do.
struct LayerAccess
{
    ProjectLayer layer;
    SourceVerdict verdict;

    QString access() const
    {
        return verdict.access == SourceVerdict::Access::Allowed   ? QStringLiteral("ok")
               : verdict.access == SourceVerdict::Access::Refused ? QStringLiteral("refused")
                                                                  : QStringLiteral("needs");
    }
};

QString utcOrUnknown(std::int64_t ms)
{
    return ms < 0 ? QStringLiteral("?") : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QJsonValue utcOrNull(std::int64_t ms)
{
    return ms < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(utcOrUnknown(ms));
}

QJsonValue coordinateOrNull(double v)
{
    return std::isnan(v) ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
}

/// What `project info --format json` prints: the same facts as the text, named.
QJsonObject projectInfoJson(const Project &project, const QList<LayerAccess> &layers, qsizetype sightings,
                            const std::vector<BaseStation> &receivers, const std::vector<AidToNavigation> &aids,
                            const std::vector<SafetyMessage> &safety)
{
    QJsonArray layerList;
    for (const LayerAccess &l : layers)
        layerList.append(QJsonObject{{QStringLiteral("name"), l.layer.name},
                                     {QStringLiteral("source"), describeSource(l.layer.source)},
                                     {QStringLiteral("layer"), l.layer.layerName},
                                     {QStringLiteral("visible"), l.layer.visible},
                                     {QStringLiteral("access"), l.access()},
                                     {QStringLiteral("reason"), l.verdict.reason}});
    QJsonObject info{{QStringLiteral("project"), project.path()}, {QStringLiteral("layers"), layerList}};
    if (const auto view = project.currentView())
        info.insert(QStringLiteral("view"), QJsonObject{{QStringLiteral("west"), view->left()},
                                                        {QStringLiteral("south"), view->top()},
                                                        {QStringLiteral("east"), view->right()},
                                                        {QStringLiteral("north"), view->bottom()}});
    QJsonArray views;
    for (const SavedView &v : project.views())
        views.append(v.name);
    info.insert(QStringLiteral("saved_views"), views);
    info.insert(QStringLiteral("sightings"), qint64(sightings));
    QJsonArray receiverList;
    for (const BaseStation &b : receivers)
        receiverList.append(QJsonObject{{QStringLiteral("mmsi"), qint64(b.mmsi)},
                                        {QStringLiteral("lon"), coordinateOrNull(b.lon)},
                                        {QStringLiteral("lat"), coordinateOrNull(b.lat)},
                                        {QStringLiteral("first_heard"), utcOrNull(b.firstHeardMs)},
                                        {QStringLiteral("last_heard"), utcOrNull(b.lastHeardMs)},
                                        {QStringLiteral("reports"), qint64(b.reports)},
                                        {QStringLiteral("sources"), QJsonArray::fromStringList(b.sources)}});
    info.insert(QStringLiteral("receivers"), receiverList);
    QJsonArray aidList;
    for (const AidToNavigation &a : aids)
        aidList.append(QJsonObject{{QStringLiteral("mmsi"), qint64(a.mmsi)},
                                   {QStringLiteral("name"), a.name},
                                   {QStringLiteral("aid_type"), a.aidTypeText()},
                                   {QStringLiteral("virtual"), a.virtualAid},
                                   {QStringLiteral("off_position"), a.offPosition},
                                   {QStringLiteral("lon"), coordinateOrNull(a.lon)},
                                   {QStringLiteral("lat"), coordinateOrNull(a.lat)},
                                   {QStringLiteral("first_heard"), utcOrNull(a.firstHeardMs)},
                                   {QStringLiteral("last_heard"), utcOrNull(a.lastHeardMs)}});
    info.insert(QStringLiteral("aids_to_navigation"), aidList);
    QJsonArray safetyList;
    for (const SafetyMessage &m : safety)
        safetyList.append(QJsonObject{{QStringLiteral("mmsi"), qint64(m.mmsi)},
                                      {QStringLiteral("to"), m.destMmsi ? QJsonValue(qint64(m.destMmsi))
                                                                        : QJsonValue(QJsonValue::Null)},
                                      {QStringLiteral("time"), utcOrNull(m.timeMs)},
                                      {QStringLiteral("text"), m.text}});
    info.insert(QStringLiteral("safety_messages"), safetyList);
    return info;
}

int projectInfo(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("project info"),
        QStringLiteral("project info P.gpkg [--format text|json] [--allow-network] [--allow-path PATH]..."),
        QStringLiteral("Lists each layer with what opening it would do: 'ok', 'needs: …' (network or "
                       "files outside the project's folder not allowed yet) or 'refused: …', then "
                       "the view, the sightings and what the AIS logs said of receivers, aids to "
                       "navigation and safety. Nothing is opened or contacted."));
    cl.addPositionalArgument(QStringLiteral("P.gpkg"), QStringLiteral("The project, read-only."));
    cl.addOption(listingFormatOption());
    SourceAccessArguments::addOptions(cl);
    if (const auto done = cl.parse(args))
        return *done;
    const QString path = cl.positionalArguments().value(0);
    if (path.isEmpty())
        return cl.usageError(QStringLiteral("no project file given"));
    QString error;
    const bool json = listingAsJson(cl, &error);
    if (!error.isEmpty())
        return cl.valueError(error);
    const SourceAccessArguments access = SourceAccessArguments::read(cl);
    const auto project = Project::open(path, Project::Mode::ReadOnly, &error);
    if (!project) {
        err() << "sightline project info: " << error << "\n";
        return 2;
    }
    reportProjectNotices(*project, "project info");
    const SourcePermissions permissions = access.permissionsFor(*project);
    QList<LayerAccess> layers;
    for (const ProjectLayer &l : projectLayerEntries(*project))
        layers << LayerAccess{l, l.source == project->path()
                                     ? SourceVerdict{SourceVerdict::Access::Allowed, l.source, {}, {}, {}, {}}
                                     : checkProjectSource(l.source, permissions)};
    // What the AIS logs said besides positions: where the receivers stand, the aids, the safety messages.
    const std::vector<BaseStation> receivers = readBaseStations(project->path());
    const std::vector<AidToNavigation> aids = readAidsToNavigation(project->path());
    const std::vector<SafetyMessage> safety = readSafetyMessages(project->path());
    const qsizetype sightings = project->sightings().size(); // read before the problems: it finds some
    for (const QString &problem : project->problems()) // damage: read-only; rows that cannot be read
        err() << "sightline project info: warning: '" << project->path() << "': " << problem << "\n";
    if (json) {
        out() << QJsonDocument(projectInfoJson(*project, layers, sightings, receivers, aids, safety))
                     .toJson(QJsonDocument::Indented);
        return 0;
    }

    out() << "project\t" << project->path() << "\n";
    for (const LayerAccess &l : std::as_const(layers))
        out() << "layer\t" << l.layer.name << "\t" << describeSource(l.layer.source)
              << (l.layer.layerName.isEmpty() ? QString() : QStringLiteral("|%1").arg(l.layer.layerName))
              << "\t" << (l.layer.visible ? "visible" : "hidden") << "\t"
              << (l.verdict.allowed() ? l.access() : l.access() + QStringLiteral(": ") + l.verdict.reason) << "\n";
    if (const auto view = project->currentView())
        out() << "view\t" << view->left() << "," << view->top() << "," << view->right() << ","
              << view->bottom() << "\n";
    for (const SavedView &v : project->views())
        out() << "saved view\t" << v.name << "\n";
    out() << "sightings\t" << sightings << "\n";
    const auto heard = [](std::int64_t first, std::int64_t last) {
        return QStringLiteral("%1..%2").arg(utcOrUnknown(first), utcOrUnknown(last));
    };
    const auto place = [](double lon, double lat) {
        return std::isnan(lon) ? QStringLiteral("no position")
                               : QStringLiteral("%1,%2").arg(lon, 0, 'f', 5).arg(lat, 0, 'f', 5);
    };
    out() << "receivers\t" << receivers.size() << "\n";
    for (const BaseStation &b : receivers)
        out() << "receiver\t" << b.mmsi << "\t" << place(b.lon, b.lat) << "\t" << heard(b.firstHeardMs, b.lastHeardMs)
              << "\t" << b.reports << " reports\t" << b.sources.join(QLatin1Char(',')) << "\n";
    out() << "aids to navigation\t" << aids.size() << "\n";
    for (const AidToNavigation &a : aids)
        out() << "aid to navigation\t" << a.mmsi << "\t" << a.name << "\t" << a.aidTypeText()
              << (a.virtualAid ? "\tvirtual" : "\treal") << (a.offPosition ? "\toff position" : "\ton position")
              << "\t" << place(a.lon, a.lat) << "\t" << heard(a.firstHeardMs, a.lastHeardMs) << "\n";
    out() << "safety messages\t" << safety.size() << "\n";
    for (const SafetyMessage &m : safety)
        out() << "safety message\t" << m.mmsi << "\t"
              << (m.destMmsi ? QStringLiteral("to %1").arg(m.destMmsi) : QStringLiteral("broadcast")) << "\t"
              << (m.timeMs < 0 ? QStringLiteral("no time") : utcOrUnknown(m.timeMs)) << "\t" << m.text << "\n";
    return 0;
}

} // namespace

int runProjectCommand(const QStringList &args)
{
    const SubcommandGroup group{
        QStringLiteral("project"),
        QStringLiteral("subcommand"),
        QStringLiteral("subcommands"),
        {{QStringLiteral("create"), QStringLiteral("a new project holding the given layers"), createProject},
         {QStringLiteral("info"), QStringLiteral("a project's layers, view and sightings"), projectInfo}},
        {}};
    return group.run(args);
}

} // namespace sightline
