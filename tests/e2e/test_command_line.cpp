#include <catch2/catch.hpp>

#include "sightlineprocess.h"

#include <QProcessEnvironment>

using namespace sightline::test;

namespace {

const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);

// Help and mistakes need no work: anything slower than this has hung (a workbench waiting for a
// display, or open offscreen with no one to close it).
constexpr int kQuick = 30000;

QProcessEnvironment withoutDisplay()
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return env;
}

/// Where a workbench would open, and then wait for its window to be closed: a mistake taken for
/// files to open shows here as a run that never ends.
QProcessEnvironment withOffscreenDisplay()
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

QStringList words(const char *line)
{
    return QString::fromLatin1(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("every command's --help and -h print its usage on stdout and exit 0", "[e2e][cli]")
{
    struct Case
    {
        const char *command;
        const char *mentions; ///< an option or subcommand of its own
    };
    const QList<Case> cases = {
        {"", "--version"},
        {"render", "--extent"},
        {"animate", "--step"},
        {"brief", "--template"},
        {"analyze", "port-calls"},
        {"analyze gaps", "--min-gap"},
        {"analyze port-calls", "--no-infer"},
        {"analyze voyages", "--between"},
        {"analyze encounters", "--max-interpolation"},
        {"analyze loitering", "--include-port"},
        {"analyze spoofing", "--min-jump"},
        {"ais", "import"},
        {"ais decode", "--format"},
        {"ais import", "--time-fallback"},
        {"sightings", "export"},
        {"sightings export", "--output"},
        {"sightings import", "FILE"},
        {"sightings list", "--project"},
        {"project", "info"},
        {"project create", "--extent"},
        {"project info", "--allow-network"},
    };
    for (const Case &c : cases) {
        for (const char *help : {"--help", "-h"}) {
            const QStringList args = words(c.command) << QString::fromLatin1(help);
            CAPTURE(args.join(QLatin1Char(' ')).toStdString());
            const Run r = runSightline(args, withoutDisplay(), kQuick);
            CAPTURE(r.err.toStdString());
            CHECK(r.exitCode == 0);
            CHECK(r.out.startsWith(QStringLiteral("Usage: sightline ") + QString::fromLatin1(c.command)));
            CHECK(r.out.contains(QString::fromLatin1(c.mentions)));
        }
    }
    // Help wins over a mistake on the same line: it is how one finds the fix.
    const Run r = runSightline(words("render --bogus --help"), withoutDisplay(), kQuick);
    CHECK(r.exitCode == 0);
    CHECK(r.out.startsWith(QStringLiteral("Usage: sightline render")));
}

TEST_CASE("sightline --help lists the commands, help is its alias, --version names the libraries",
          "[e2e][cli]")
{
    Run r = runSightline({QStringLiteral("--help")}, withoutDisplay(), kQuick);
    CHECK(r.exitCode == 0);
    for (const char *command : {"render", "animate", "brief", "analyze", "ais", "sightings", "project"})
        CHECK(r.out.contains(QStringLiteral("\n  %1 ").arg(QString::fromLatin1(command))));
    CHECK(r.out.contains(QStringLiteral("--project")));

    const Run alias = runSightline({QStringLiteral("help")}, withoutDisplay(), kQuick);
    CHECK(alias.exitCode == 0);
    CHECK(alias.out == r.out);
    r = runSightline(words("help ais import"), withoutDisplay(), kQuick);
    CHECK(r.exitCode == 0);
    CHECK(r.out.startsWith(QStringLiteral("Usage: sightline ais import")));

    for (const char *version : {"--version", "-v"}) {
        CAPTURE(version);
        r = runSightline({QString::fromLatin1(version)}, withoutDisplay(), kQuick);
        CHECK(r.exitCode == 0);
        CHECK(r.out.startsWith(QStringLiteral("sightline ")));
        CHECK(r.out.contains(QStringLiteral("GDAL")));
    }
    // Qt's own options still reach the application object.
    r = runSightline(words("-style fusion --version"), withoutDisplay(), kQuick);
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("PROJ")));
}

TEST_CASE("unknown commands, unknown options and missing values exit 2 at once, never opening the workbench",
          "[e2e][cli]")
{
    struct Case
    {
        QStringList args;
        QString mustSay;
    };
    const QList<Case> cases = {
        {words("-V"), QStringLiteral("sightline: unknown option -V")},
        {words("--bogus file.tif"), QStringLiteral("sightline: unknown option --bogus")},
        {words("classify vessels image.tif"), QStringLiteral("sightline: unknown command 'classify'")},
        {words("help classify"), QStringLiteral("sightline: unknown command 'classify'")},
        {words("render --bogus"), QStringLiteral("sightline render: unknown option --bogus")},
        {words("render x.tif -o"), QStringLiteral("sightline render: missing value after '-o'")},
        {words("animate --project p.gpkg stray"),
         QStringLiteral("sightline animate: unexpected argument 'stray'")},
        {words("brief --store=yes"), QStringLiteral("sightline brief: unexpected value after '--store'")},
        {words("analyze gaps --project"),
         QStringLiteral("sightline analyze gaps: missing value after '--project'")},
        {words("analyze rendezvous"), QStringLiteral("sightline analyze: unknown analysis 'rendezvous'")},
        {words("ais"), QStringLiteral("sightline ais: which subcommand? (decode, import)")},
        {words("ais frobnicate"), QStringLiteral("sightline ais: unknown subcommand 'frobnicate'")},
        {words("ais import --bogus"), QStringLiteral("sightline ais import: unknown option --bogus")},
        {words("sightings list -x"), QStringLiteral("sightline sightings list: unknown option -x")},
        {words("project info --allow-path"), QStringLiteral("sightline project info: missing value after")},
        {words("/no/such/image.tif"), QStringLiteral("sightline: '/no/such/image.tif': no such file")},
        {words("--project /no/such/p.gpkg"),
         QStringLiteral("sightline: --project '/no/such/p.gpkg': no such file")},
        {QStringList{kDemo + QStringLiteral("/basemap_fareast_landsea.tif"), QStringLiteral("--extent"),
                     QStringLiteral("1,2,3")},
         QStringLiteral("sightline: --extent needs four numbers")},
        {words("--extent"), QStringLiteral("sightline: missing value after '--extent'")},
    };
    for (const auto &[environment, env] :
         {std::pair{"no display", withoutDisplay()}, std::pair{"offscreen", withOffscreenDisplay()}}) {
        for (const Case &c : cases) {
            CAPTURE(environment, c.args.join(QLatin1Char(' ')).toStdString());
            const Run r = runSightline(c.args, env, kQuick);
            CAPTURE(r.err.toStdString());
            CHECK(r.exitCode == 2); // -1: it hung, and was killed
            CHECK(r.err.contains(c.mustSay));
            CHECK(r.out.isEmpty());
        }
    }
    // The commands there are, with what each does, follow an unknown one.
    const Run r = runSightline(words("classify vessels image.tif"), withoutDisplay(), kQuick);
    CHECK(r.err.contains(QStringLiteral("\n  render ")));
    CHECK(r.err.contains(QStringLiteral("\n  analyze ")));
}

TEST_CASE("files and projects that exist still go to the workbench", "[e2e][cli]")
{
    // Without a display the workbench says so (exit 3) instead of a usage mistake (exit 2).
    const Run r = runSightline({kDemo + QStringLiteral("/basemap_fareast_landsea.tif"),
                                QStringLiteral("--extent"), QStringLiteral("130.25,42.15,130.75,42.45"),
                                QStringLiteral("-style"), QStringLiteral("fusion")},
                               withoutDisplay(), kQuick);
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains(QStringLiteral("no display")));
    // URLs and connection strings are not paths: they are not looked for on disk.
    const Run url =
        runSightline({QStringLiteral("https://tiles.example/{z}/{x}/{y}.png")}, withoutDisplay(), kQuick);
    CHECK(url.exitCode == 3);
}
