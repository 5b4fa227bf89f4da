#include "briefcommand.h"

#include "commandlineparsing.h"

#include "brief/brief.h"
#include "brief/briefinputs.h"
#include "brief/briefwriter.h"
#include "project/project.h"
#include "project/projectlayers.h"
#include "project/sourcepolicy.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

namespace sightline {

namespace {

constexpr auto kUsage =
    "usage: sightline brief --project P.gpkg [--definition FILE.json] [--template NAME|FILE.json]\n"
    "                       [--preset screen|print] [--dpi N] [--page A4|Letter] [--landscape|--portrait]\n"
    "                       [--store] -o OUT.pdf\n"
    "  --project     the project whose brief is written (its stored brief, else the template's)\n"
    "  --definition  write this brief (JSON, as the composer stores it) instead of the project's\n"
    "  --template    a built-in template (standard, letter) or a JSON file; with a brief in the\n"
    "                project (or --definition) it sets only the page (size, orientation, resolution, "
    "margins)\n"
    "  --preset      imagery resolution: screen (150 dpi) or print (300 dpi); --dpi sets any other\n"
    "  --page        paper size (A4, Letter, A3, Legal)\n"
    "  --store       keep the brief as written in the project (the composer then opens it)\n"
    "The PDF is dated SOURCE_DATE_EPOCH when it is set: the same inputs give the same bytes.\n";

QString usage()
{
    return QString::fromLatin1(kUsage) + QString::fromLatin1(SourceAccessArguments::kUsage);
}

} // namespace

int runBriefCommand(const QStringList &args)
{
    QString projectPath, definitionPath, templateName, preset, page, output;
    int dpi = 0;
    std::optional<QPageLayout::Orientation> orientation;
    bool store = false;
    SourceAccessArguments access;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (QString accessError; access.take(args, i, &accessError)) {
            continue;
        } else if (!accessError.isEmpty()) {
            err() << "sightline brief: " << accessError << "\n" << usage();
            return 2;
        }
        auto value = [&](QString *target) {
            if (i + 1 >= args.size()) {
                err() << "sightline brief: " << a << " needs a value\n" << usage();
                return false;
            }
            *target = args[++i];
            return true;
        };
        if (a == QLatin1String("--project")) {
            if (!value(&projectPath))
                return 2;
        } else if (a == QLatin1String("--definition")) {
            if (!value(&definitionPath))
                return 2;
        } else if (a == QLatin1String("--template")) {
            if (!value(&templateName))
                return 2;
        } else if (a == QLatin1String("--preset")) {
            if (!value(&preset))
                return 2;
            if (!briefPresetDpi(preset)) {
                err() << "sightline brief: --preset must be screen or print, not '" << preset << "'\n";
                return 2;
            }
        } else if (a == QLatin1String("--dpi")) {
            QString text;
            if (!value(&text))
                return 2;
            bool ok = false;
            dpi = text.toInt(&ok);
            if (!ok || dpi < 36 || dpi > 1200) {
                err() << "sightline brief: --dpi must be a whole number from 36 to 1200, not '" << text
                      << "'\n";
                return 2;
            }
        } else if (a == QLatin1String("--page")) {
            if (!value(&page))
                return 2;
        } else if (a == QLatin1String("--landscape")) {
            orientation = QPageLayout::Landscape;
        } else if (a == QLatin1String("--portrait")) {
            orientation = QPageLayout::Portrait;
        } else if (a == QLatin1String("--store")) {
            store = true;
        } else if (a == QLatin1String("-o") || a == QLatin1String("--output")) {
            if (!value(&output))
                return 2;
        } else if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            QTextStream(stdout) << usage();
            return 0;
        } else {
            err() << "sightline brief: unknown argument '" << a << "'\n" << usage();
            return 2;
        }
    }
    if (projectPath.isEmpty() || output.isEmpty()) {
        err() << "sightline brief: "
              << (projectPath.isEmpty() ? "no project (--project P.gpkg)" : "no output (-o OUT.pdf)") << "\n"
              << usage();
        return 2;
    }

    QString error;
    // Read-only unless the brief is to be stored: an export works while the workbench has the project open.
    const auto project =
        Project::open(projectPath, store ? Project::Mode::ReadWrite : Project::Mode::ReadOnly, &error);
    if (!project) {
        err() << "sightline brief: --project: " << error << "\n";
        return 2;
    }
    reportProjectNotices(*project, "brief");
    std::optional<Brief> layout;
    if (!templateName.isEmpty()) {
        layout = loadBriefTemplate(templateName, &error);
        if (!layout) {
            err() << "sightline brief: --template: " << error << "\n";
            return 2;
        }
    }
    Brief brief;
    if (!definitionPath.isEmpty()) {
        const auto given = loadBriefTemplate(definitionPath, &error);
        if (!given) {
            err() << "sightline brief: --definition: " << error << "\n";
            return 2;
        }
        brief = instantiateBriefTemplate(*given, project->title());
        if (layout)
            brief.page = layout->page;
    } else if (const auto stored = project->briefDefinition()) {
        brief = briefFromJson(*stored, &error);
        if (!error.isEmpty()) {
            err() << "sightline brief: the brief stored in '" << projectPath << "': " << error << "\n";
            return 2;
        }
        if (layout)
            brief.page = layout->page;
    } else {
        if (!layout)
            layout = loadBriefTemplate(QStringLiteral("standard"), &error);
        if (!layout) {
            err() << "sightline brief: " << error << "\n";
            return 2;
        }
        brief = instantiateBriefTemplate(*layout, project->title());
    }
    if (!preset.isEmpty())
        brief.page.dpi = briefPresetDpi(preset);
    if (dpi)
        brief.page.dpi = dpi;
    if (orientation)
        brief.page.orientation = *orientation;
    if (!page.isEmpty()) {
        QJsonObject json = briefToJson(brief);
        QJsonObject pageJson = json.value(QStringLiteral("page")).toObject();
        pageJson[QStringLiteral("size")] = page;
        json[QStringLiteral("page")] = pageJson;
        brief = briefFromJson(json, &error);
        if (!error.isEmpty()) {
            err() << "sightline brief: --page: " << error << "\n";
            return 2;
        }
    }

    QElapsedTimer timer;
    timer.start();
    QStringList problems;
    const auto layers = openProjectLayers(*project, access.permissionsFor(*project), &problems);
    const BriefInputs inputs = briefInputsFromProject(*project, layers, problems);
    BriefExportResult result;
    if (!writeBriefPdfFile(brief, inputs, output, &result, &error)) {
        err() << "sightline brief: " << error << "\n";
        return 2;
    }
    for (const QString &p : std::as_const(result.problems))
        err() << "sightline brief: warning: " << p << " (noted on the page)\n";
    if (store && !project->setBriefDefinition(briefToJson(brief))) {
        err() << "sightline brief: the PDF is written, but the brief could not be stored: "
              << project->lastError() << "\n";
        return 2;
    }
    err() << "sightline brief: " << result.pages << " pages, " << result.figures << " figures, "
          << inputs.sightings.size() << " sightings, " << int(inputs.events.size()) << " events, "
          << briefPresetName(brief.page.dpi) << " " << brief.page.dpi << " dpi -> " << output << " ("
          << QFileInfo(output).size() / 1024 << " KiB, " << timer.elapsed() << " ms)\n";
    return 0;
}

} // namespace sightline
