#include "sightingscommand.h"

#include "project/project.h"
#include "project/sightinginterchange.h"

#include <QTextStream>

#include <memory>

namespace sightline {

namespace {

constexpr auto kUsage = "usage: sightline sightings export --project P.gpkg -o OUT.(geojson|kml|csv)\n"
                        "       sightline sightings import FILE... --project P.gpkg\n"
                        "       sightline sightings list --project P.gpkg\n"
                        "  export writes every sighting with all its fields (KML opens in Google Earth);\n"
                        "  import adds the sightings of a GeoJSON, KML or CSV file (a WKT column, or\n"
                        "  longitude/latitude columns), each committed as it is printed; list prints id,\n"
                        "  kind, observed at (UTC), count and title, tab-separated\n";

struct Arguments
{
    QString project;
    QString output;
    QStringList files;
};

/// The options every subcommand shares; false (after saying why) for anything else.
bool parseArguments(const QString &command, const QStringList &args, bool takesOutput, bool takesFiles,
                    Arguments &parsed)
{
    QTextStream err(stderr);
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == QLatin1String("--project") && hasValue) {
            parsed.project = args[++i];
        } else if (takesOutput && (a == QLatin1String("-o") || a == QLatin1String("--output")) && hasValue) {
            parsed.output = args[++i];
        } else if (a.startsWith(QLatin1Char('-'))) {
            err << "sightline sightings " << command << ": unknown option or missing value: " << a << "\n"
                << kUsage;
            return false;
        } else if (takesFiles) {
            parsed.files << a;
        } else {
            err << "sightline sightings " << command << ": unexpected argument " << a << "\n" << kUsage;
            return false;
        }
    }
    QString missing;
    if (parsed.project.isEmpty())
        missing = QStringLiteral("no --project");
    else if (takesOutput && parsed.output.isEmpty())
        missing = QStringLiteral("no -o OUT");
    else if (takesFiles && parsed.files.isEmpty())
        missing = QStringLiteral("no input file");
    if (!missing.isEmpty()) {
        err << "sightline sightings " << command << ": " << missing << "\n" << kUsage;
        return false;
    }
    return true;
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
    if (!parseArguments(QStringLiteral("export"), args, true, false, a))
        return 2;
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
    if (!parseArguments(QStringLiteral("import"), args, false, true, a))
        return 2;
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

int listCommand(const QStringList &args)
{
    Arguments a;
    if (!parseArguments(QStringLiteral("list"), args, false, false, a))
        return 2;
    const std::unique_ptr<Project> project =
        openProject(QStringLiteral("list"), a.project, Project::Mode::ReadOnly);
    if (!project)
        return 2;
    QTextStream out(stdout);
    // One record per line whatever a vessel's name holds.
    auto cell = [](QString text) {
        return text.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    };
    const QList<Sighting> sightings = project->sightings();
    warnAboutProblems(QStringLiteral("list"), *project);
    for (const Sighting &s : sightings)
        out << s.id << '\t' << s.kind << '\t' << utcIsoString(s.observedAtMs) << '\t' << s.count << '\t'
            << cell(s.title()) << '\n';
    return 0;
}

} // namespace

int runSightingsCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("export"))
        return exportCommand(args.mid(1));
    if (sub == QLatin1String("import"))
        return importCommand(args.mid(1));
    if (sub == QLatin1String("list"))
        return listCommand(args.mid(1));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    QTextStream(stderr) << "sightline sightings: "
                        << (sub.isEmpty() ? QStringLiteral("no subcommand")
                                          : QStringLiteral("unknown subcommand '%1'").arg(sub))
                        << "\n"
                        << kUsage;
    return 2;
}

} // namespace sightline
