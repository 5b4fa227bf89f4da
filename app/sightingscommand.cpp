#include "sightingscommand.h"

#include "commandlineparsing.h"

#include "project/project.h"
#include "project/sightinginterchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <memory>
#include <optional>

namespace sightline {

namespace {

struct Arguments
{
    QString project;
    QString output;
    QStringList files;
};

/// The command line of one subcommand: --project for each, -o for export, files for import.
/// Nothing when the command should go on; else the exit code (help printed, or the mistake).
std::optional<int> parseArguments(const QString &command, const QString &synopsis, const QString &description,
                                  const QStringList &args, bool takesOutput, bool takesFiles,
                                  Arguments &parsed)
{
    CommandLine cl(QStringLiteral("sightings ") + command, QStringLiteral("sightings ") + synopsis,
                   description);
    cl.addOption(projectOption(QStringLiteral("The project whose sightings these are.")));
    if (takesOutput)
        cl.addOption(outputOption(QStringLiteral("OUT"), QStringLiteral("The file to write: .geojson, .json, "
                                                                        ".kml or .csv.")));
    if (takesFiles)
        cl.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("GeoJSON, KML or CSV (a WKT column, or longitude/latitude "
                                                "columns)."),
                                 CommandLine::Count::Many);
    if (const auto done = cl.parse(args))
        return done;
    parsed.project = cl.value(QStringLiteral("project"));
    parsed.output = takesOutput ? cl.value(QStringLiteral("output")) : QString();
    parsed.files = cl.positionalArguments();
    if (parsed.project.isEmpty())
        return cl.usageError(QStringLiteral("no --project"));
    if (takesOutput && parsed.output.isEmpty())
        return cl.usageError(QStringLiteral("no -o OUT"));
    if (takesFiles && parsed.files.isEmpty())
        return cl.usageError(QStringLiteral("no input file"));
    return std::nullopt;
}

QString sightingsCount(qsizetype n)
{
    return n == 1 ? QStringLiteral("1 sighting") : QStringLiteral("%1 sightings").arg(n);
}

std::unique_ptr<Project> openProject(const QString &command, const QString &path, Project::Mode mode)
{
    QString error;
    Project::OpenError reason = Project::OpenError::None;
    std::unique_ptr<Project> project = Project::open(path, mode, &error, &reason);
    if (!project) {
        QTextStream err(stderr);
        err << "sightline sightings " << command << ": " << error;
        if (reason == Project::OpenError::InUse)
            err << "; close it there first (export and list only read, and work while it is open)";
        err << "\n";
    }
    return project;
}

/// What is wrong with the project (damage found on open, rows that could not be read), as warnings.
void warnAboutProblems(const QString &command, const Project &project)
{
    QTextStream err(stderr);
    for (const QString &problem : project.problems())
        err << "sightline sightings " << command << ": warning: '" << project.path() << "': " << problem
            << "\n";
}

int exportCommand(const QStringList &args)
{
    QTextStream err(stderr);
    Arguments a;
    if (const auto done = parseArguments(
            QStringLiteral("export"), QStringLiteral("export --project P.gpkg -o OUT.(geojson|kml|csv)"),
            QStringLiteral(
                "Writes every sighting with all its fields (KML opens in Google Earth). The project "
                "is only read."),
            args, true, false, a))
        return *done;
    const std::optional<SightingFormat> format = sightingFormatForPath(a.output);
    if (!format) {
        err << "sightline sightings export: cannot tell the format of '" << a.output
            << "' from its name; end it in .geojson, .json, .kml or .csv\n";
        return 2;
    }
    const std::unique_ptr<Project> project =
        openProject(QStringLiteral("export"), a.project, Project::Mode::ReadOnly);
    if (!project)
        return 2;
    const QList<Sighting> sightings = project->sightings();
    warnAboutProblems(QStringLiteral("export"), *project);
    QString error;
    if (!exportSightings(sightings, a.output, *format, &error)) {
        err << "sightline sightings export: " << error << "\n";
        return 2;
    }
    err << "'" << a.project << "': " << sightingsCount(sightings.size()) << " written to '" << a.output
        << "'\n";
    return 0;
}

int importCommand(const QStringList &args)
{
    QTextStream err(stderr), out(stdout);
    Arguments a;
    if (const auto done = parseArguments(
            QStringLiteral("import"), QStringLiteral("import FILE... --project P.gpkg"),
            QStringLiteral("Adds the sightings of each file, each committed as it is printed (\"added ID "
                           "TITLE\"); features that cannot be read are named on stderr."),
            args, false, true, a))
        return *done;
    const std::unique_ptr<Project> project =
        openProject(QStringLiteral("import"), a.project, Project::Mode::ReadWrite);
    if (!project)
        return 2;
    if (project->isReadOnly()) { // damaged, or made by a newer Sightline
        err << "sightline sightings import: " << project->readOnlyReason() << "\n";
        return 1;
    }
    int status = 0;
    for (const QString &file : std::as_const(a.files)) {
        QString error;
        QStringList problems;
        const std::optional<QList<Sighting>> sightings = readSightings(file, &error, &problems);
        if (!sightings) {
            err << "sightline sightings import: " << error << "\n";
            status = 2;
            continue;
        }
        for (const QString &problem : std::as_const(problems))
            err << problem << "\n";
        err.flush();
        int added = 0;
        for (const Sighting &s : *sightings) {
            const std::int64_t id = project->addSighting(s);
            if (!id) {
                err << "sightline sightings import: " << project->lastError() << "; stopped after " << added
                    << " of " << sightings->size() << " from '" << file << "' (those are stored)\n";
                return 2;
            }
            ++added;
            // Printed only once committed, and flushed, so every line seen is in the file.
            out << "added " << id << " " << s.title() << "\n";
            out.flush();
        }
        err << "'" << a.project << "': added " << sightingsCount(added) << " from '" << file << "'";
        if (!problems.isEmpty())
            err << ", skipped " << problems.size() << " (listed above)";
        err << "\n";
        if (!problems.isEmpty() && status == 0)
            status = 1;
    }
    return status;
}

QJsonObject sightingListing(const Sighting &s)
{
    QJsonObject o{{QStringLiteral("id"), qint64(s.id)},
                  {QStringLiteral("kind"), s.kind},
                  {QStringLiteral("observed_at"), s.observedAtMs ? QJsonValue(utcIsoString(s.observedAtMs))
                                                                 : QJsonValue(QJsonValue::Null)},
                  {QStringLiteral("count"), s.count},
                  {QStringLiteral("title"), s.title()},
                  {QStringLiteral("grading"), s.grading()},
                  {QStringLiteral("imagery_source"), s.imagerySource}};
    if (s.vesselMmsi)
        o.insert(QStringLiteral("mmsi"), qint64(s.vesselMmsi));
    return o;
}

int listCommand(const QStringList &args)
{
    CommandLine cl(QStringLiteral("sightings list"),
                   QStringLiteral("sightings list --project P.gpkg [--format text|json]"),
                   QStringLiteral("Prints id, kind, observed at (UTC), count and title of each sighting, "
                                  "tab-separated; with --format json, an array of objects that also give "
                                  "the grading, the imagery source and the linked vessel."));
    cl.addOption(projectOption(QStringLiteral("The project whose sightings these are.")));
    cl.addOption(listingFormatOption());
    if (const auto done = cl.parse(args))
        return *done;
    const QString projectPath = cl.value(QStringLiteral("project"));
    if (projectPath.isEmpty())
        return cl.usageError(QStringLiteral("no --project"));
    QString error;
    const bool json = listingAsJson(cl, &error);
    if (!error.isEmpty())
        return cl.valueError(error);
    const std::unique_ptr<Project> project =
        openProject(QStringLiteral("list"), projectPath, Project::Mode::ReadOnly);
    if (!project)
        return 2;
    QTextStream out(stdout);
    const QList<Sighting> sightings = project->sightings();
    warnAboutProblems(QStringLiteral("list"), *project);
    if (json) {
        QJsonArray list;
        for (const Sighting &s : sightings)
            list.append(sightingListing(s));
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return 0;
    }
    // One record per line whatever a vessel's name holds.
    auto cell = [](QString text) {
        return text.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    };
    for (const Sighting &s : sightings)
        out << s.id << '\t' << s.kind << '\t' << utcIsoString(s.observedAtMs) << '\t' << s.count << '\t'
            << cell(s.title()) << '\n';
    return 0;
}

} // namespace

int runSightingsCommand(const QStringList &args)
{
    const SubcommandGroup group{
        QStringLiteral("sightings"),
        QStringLiteral("subcommand"),
        QStringLiteral("subcommands"),
        {{QStringLiteral("export"), QStringLiteral("a project's sightings to GeoJSON, KML or CSV"),
          exportCommand},
         {QStringLiteral("import"), QStringLiteral("sightings from GeoJSON, KML or CSV into a project"),
          importCommand},
         {QStringLiteral("list"), QStringLiteral("a project's sightings, one a line"), listCommand}},
        {}};
    return group.run(args);
}

} // namespace sightline
