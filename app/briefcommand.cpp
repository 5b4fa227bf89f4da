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

CommandLine briefCommandLine()
{
    CommandLine cl(
        QStringLiteral("brief"),
        QStringLiteral(
            "brief --project P.gpkg [--definition FILE.json] [--template NAME|FILE.json]\n"
            "         [--preset screen|print] [--dpi N] [--page A4|Letter] [--landscape|--portrait]\n"
            "         [--store] -o OUT.pdf"),
        QStringLiteral("Writes the project's brief as PDF: its stored brief, else the template's. The PDF is "
                       "dated SOURCE_DATE_EPOCH when it is set: the same inputs give the same bytes."));
    cl.addOptions({
        projectOption(QStringLiteral("The project whose brief is written (its stored brief, else the "
                                     "template's).")),
        outputOption(QStringLiteral("OUT.pdf"), QStringLiteral("The PDF to write.")),
        QCommandLineOption(QStringLiteral("definition"),
                           QStringLiteral("Write this brief (JSON, as the composer stores it) instead of the "
                                          "project's."),
                           QStringLiteral("FILE.json")),
        QCommandLineOption(
            QStringLiteral("template"),
            QStringLiteral("A built-in template (standard, letter) or a JSON file; with a brief in "
                           "the project (or --definition) it sets only the page (size, "
                           "orientation, resolution, margins)."),
            QStringLiteral("NAME|FILE.json")),
        QCommandLineOption(QStringLiteral("preset"),
                           QStringLiteral("Imagery resolution: screen (150 dpi) or print (300 dpi)."),
                           QStringLiteral("screen|print")),
        QCommandLineOption(QStringLiteral("dpi"), QStringLiteral("Imagery resolution, 36 to 1200."),
                           QStringLiteral("N")),
        QCommandLineOption(QStringLiteral("page"), QStringLiteral("Paper size (A4, Letter, A3, Legal)."),
                           QStringLiteral("SIZE")),
        QCommandLineOption(QStringLiteral("landscape"), QStringLiteral("Landscape pages.")),
        QCommandLineOption(QStringLiteral("portrait"), QStringLiteral("Portrait pages.")),
        QCommandLineOption(QStringLiteral("store"),
                           QStringLiteral("Keep the brief as written in the project (the composer then opens "
                                          "it).")),
    });
    SourceAccessArguments::addOptions(cl);
    return cl;
}

} // namespace

int runBriefCommand(const QStringList &args)
{
    CommandLine cl = briefCommandLine();
    if (const auto done = cl.parse(args))
        return *done;
    const QString projectPath = cl.value(QStringLiteral("project")),
                  output = cl.value(QStringLiteral("output"));
    if (projectPath.isEmpty() || output.isEmpty())
        return cl.usageError(projectPath.isEmpty() ? QStringLiteral("no project (--project P.gpkg)")
                                                   : QStringLiteral("no output (-o OUT.pdf)"));
    const QString definitionPath = cl.value(QStringLiteral("definition")),
                  templateName = cl.value(QStringLiteral("template")),
                  preset = cl.value(QStringLiteral("preset")), page = cl.value(QStringLiteral("page"));
    if (!preset.isEmpty() && !briefPresetDpi(preset))
        return cl.valueError(QStringLiteral("--preset must be screen or print, not '%1'").arg(preset));
    int dpi = 0;
    if (cl.isSet(QStringLiteral("dpi"))) {
        const QString text = cl.value(QStringLiteral("dpi"));
        bool ok = false;
        dpi = text.toInt(&ok);
        if (!ok || dpi < 36 || dpi > 1200)
            return cl.valueError(
                QStringLiteral("--dpi must be a whole number from 36 to 1200, not '%1'").arg(text));
    }
    std::optional<QPageLayout::Orientation> orientation;
    for (const QString &name : cl.optionNames()) { // the last one given wins
        if (name == QLatin1String("landscape"))
            orientation = QPageLayout::Landscape;
        else if (name == QLatin1String("portrait"))
            orientation = QPageLayout::Portrait;
    }
    const bool store = cl.isSet(QStringLiteral("store"));
    const SourceAccessArguments access = SourceAccessArguments::read(cl);

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
