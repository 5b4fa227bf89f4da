#include "ui/project/trackimportactions.h"

#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"
#include "project/layerstyleio.h"
#include "project/project.h"
#include "project/projectsession.h"
#include "ui/common/loadstatus.h"
#include "ui/common/messagebar.h"
#include "ui/layers/csvmappingdialog.h"
#include "ui/layers/layerpanel.h"
#include "ui/project/projectcontroller.h"
#include "ui/project/projecttrackimport.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace sightline {

TrackImportActions::TrackImportActions(LayerStack *layers, LayerPanel *layerPanel, ProjectController *project,
                                       MessageBar *messages, LoadStatus *load, QWidget *window)
    : QObject(window)
    , mLayers(layers)
    , mLayerPanel(layerPanel)
    , mProject(project)
    , mMessages(messages)
    , mLoad(load)
    , mWindow(window)
    , mImport(new QAction(QIcon(QStringLiteral(":/icons/import-ais.svg")),
                          tr("&Import Tracks (AIS, CSV, GPX)…"), this))
    , mImportFolder(new QAction(tr("Import Tracks from &Folder…"), this))
{
    mImport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    mImport->setObjectName(QStringLiteral("actionImportAis"));
    mImport->setToolTip(tr("Read vessel tracks from AIS (NMEA), CSV or GPX logs"));
    connect(mImport, &QAction::triggered, this, &TrackImportActions::importDialog);
    // A folder of daily files (or of daily zips) in one go, each file named in the report.
    mImportFolder->setObjectName(QStringLiteral("actionImportTrackFolder"));
    mImportFolder->setToolTip(tr("Read every track file and archive of a folder"));
    connect(mImportFolder, &QAction::triggered, this, [this] {
        QSettings settings;
        const QString folder =
            QFileDialog::getExistingDirectory(mWindow, tr("Import Tracks from Folder"),
                                              settings.value(QStringLiteral("lastAisDir")).toString());
        if (folder.isEmpty())
            return;
        settings.setValue(QStringLiteral("lastAisDir"), folder);
        importAisLogs({folder});
    });
}

namespace {
// "day.zip/aisdk.csv" for a file inside an archive, the file's own name otherwise.
QString shortTrackFileName(const QString &name)
{
    QString container = name;
    while (!QFileInfo(container).isFile()) {
        const qsizetype slash = container.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0)
            return QFileInfo(name).fileName();
        container.truncate(slash);
    }
    return QFileInfo(container).fileName() + name.mid(container.size());
}
} // namespace

void TrackImportActions::importDialog()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastAisDir")).toString();
    const QStringList files = QFileDialog::getOpenFileNames(
        mWindow, tr("Import Tracks"), dir,
        tr("Tracks (*.nmea *.ais *.aivdm *.txt *.log *.csv *.gpx *.zip *.gz *.tgz *.tar);;AIS NMEA "
           "logs (*.nmea *.ais *.aivdm *.txt *.log);;"
           "CSV exports (*.csv);;GPX (*.gpx);;All files (*)"));
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastAisDir"), QFileInfo(files.first()).absolutePath());
    importAisLogs(files);
}

void TrackImportActions::importAisLogs(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (!mProject->session()) {
        // Tracks belong in a project, as sightings do; declining keeps them as a layer read from the file.
        QMessageBox ask(QMessageBox::Question, tr("Keep the tracks in a project?"),
                        tr("Imported tracks are kept in a project file, so they stay with the case when "
                           "the log is moved or handed over.\n\nCreate a project now, or open the tracks "
                           "as a layer read from the file?"),
                        QMessageBox::Cancel, mWindow);
        ask.setObjectName(QStringLiteral("importNeedsProjectDialog"));
        QPushButton *create = ask.addButton(tr("New Project…"), QMessageBox::AcceptRole);
        create->setObjectName(QStringLiteral("newProjectButton"));
        QPushButton *layerOnly = ask.addButton(tr("Layer Only"), QMessageBox::RejectRole);
        layerOnly->setObjectName(QStringLiteral("layerOnlyButton"));
        ask.setDefaultButton(create);
        ask.exec();
        if (ask.clickedButton() == layerOnly) {
            Q_EMIT openAsLayerRequested(paths);
            return;
        }
        if (ask.clickedButton() != create)
            return;
        const QString path = QFileDialog::getSaveFileName(mWindow, tr("New Project"), QString(),
                                                          tr("Sightline project (*.gpkg)"));
        if (path.isEmpty() || !mProject->newProject(path))
            return;
    }
    if (mProject->isReadOnly()) {
        mMessages->showMessage(MessageBar::Level::Warning,
                               tr("%1 is open read-only: the tracks open as a layer read from the file and "
                                  "are not kept in the project.")
                                   .arg(mProject->title().toHtmlEscaped()));
        Q_EMIT openAsLayerRequested(paths);
        return;
    }
    importIntoProject(paths);
}

void TrackImportActions::importIntoProject(const QStringList &paths)
{
    QHash<QString, CsvColumnMapping> mappings;
    const QStringList files = CsvMappingDialog::chooseTrackColumns(paths, &mappings, mMessages, mWindow);
    if (files.isEmpty())
        return;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    mLoad->begin(1, tr("Importing %n file(s) into the project…", nullptr, int(files.size())));
    mLoad->showImport(cancel);
    // The project's own writes wait while the import's transaction holds the file.
    mProject->holdWrites(true);
    auto *watcher = new QFutureWatcher<ProjectTrackImportOutcome>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, mLoad, &LoadStatus::setImportProgress);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, cancel] {
        mLoad->hideImport(cancel);
        mLoad->finishOne();
        mProject->holdWrites(false);
        if (watcher->future().resultCount() > 0)
            onImportFinished(watcher->future().result());
        watcher->deleteLater();
    });
    watcher->setFuture(
        importTracksIntoProject(mProject->session()->project().path(), files, mappings, cancel));
}

void TrackImportActions::onImportFinished(const ProjectTrackImportOutcome &outcome)
{
    const QString report = outcome.report();
    mLoad->keepReport(report);
    const bool sameProject =
        mProject->session() && mProject->session()->project().path() == outcome.projectPath;
    if (outcome.tracks && sameProject)
        showProjectTracks(outcome.tracks);
    if (sameProject)
        for (const auto &layer : outcome.broadcastLayers)
            showProjectBroadcastLayer(layer);
    if (sameProject && outcome.safetyMessagesKept() > 0)
        mProject->reloadEvents();
    QStringList said;
    bool failed = false;
    for (int i = 0; i < outcome.results.size(); ++i) {
        const TrackImportResult &r = outcome.results[i];
        const QString file = shortTrackFileName(outcome.files.value(i)).toHtmlEscaped();
        switch (r.outcome) {
        case TrackImportResult::Outcome::Imported:
            break;
        case TrackImportResult::Outcome::ImportedBefore:
            said << tr("%1 was imported into this project before (same SHA-256): nothing added.").arg(file);
            break;
        case TrackImportResult::Outcome::Cancelled:
            said << tr("Import of %1 cancelled: nothing of it was added to the project.").arg(file);
            break;
        case TrackImportResult::Outcome::NothingKept:
        case TrackImportResult::Outcome::Failed:
            failed = true;
            said << tr("Could not import: %1").arg(r.error.toHtmlEscaped());
            break;
        }
    }
    if (!outcome.readBackError.isEmpty()) {
        failed = true;
        said << tr("The project's tracks could not be read back: %1")
                    .arg(outcome.readBackError.toHtmlEscaped());
    }
    if (outcome.positionsWritten() > 0) {
        std::int64_t vessels = 0;
        QStringList rejected; // "0 rejected" from each report's first line
        for (const TrackImportResult &r : outcome.results) {
            vessels += r.vesselsWritten;
            if (r.outcome == TrackImportResult::Outcome::Imported)
                rejected << r.report.section(QLatin1Char('\n'), 0, 0).section(QStringLiteral(", "), -1);
        }
        said.prepend(tr("Imported %1 positions of %2 vessels into the project. %3.")
                         .arg(outcome.positionsWritten())
                         .arg(vessels)
                         .arg(rejected.join(QStringLiteral("; ")).toHtmlEscaped()));
    }
    // Each file read is named, those inside an archive or a folder too.
    QStringList imported;
    for (int i = 0; i < outcome.results.size(); ++i)
        if (outcome.results[i].outcome == TrackImportResult::Outcome::Imported)
            imported << shortTrackFileName(outcome.files.value(i));
    if (imported.size() > 1 || (imported.size() == 1 && !outcome.sources.contains(outcome.files.value(0))))
        said << tr("Read %1.").arg(imported.join(QStringLiteral(", ")).toHtmlEscaped());
    if (outcome.broadcastsKept() > 0) {
        std::int64_t receivers = 0, aids = 0;
        for (const TrackImportResult &r : outcome.results) {
            receivers += r.baseStationsKept;
            aids += r.aidsToNavigationKept;
        }
        said << tr("Kept %1 receivers (base stations), %2 aids to navigation and %3 safety messages.")
                    .arg(receivers)
                    .arg(aids)
                    .arg(outcome.safetyMessagesKept());
    }
    const MessageBar::Level level = failed ? MessageBar::Level::Error : MessageBar::Level::Info;
    if (report.isEmpty())
        mMessages->showMessage(level, said.join(QLatin1Char(' ')));
    else
        mMessages->showMessage(level, said.join(QLatin1Char(' ')), tr("Details"),
                               [this] { mLoad->showReport(); });
    for (const QString &file : outcome.sources)
        Q_EMIT sourceOpened(file, !failed);
}

void TrackImportActions::showProjectBroadcastLayer(const std::shared_ptr<Layer> &layer)
{
    // Read again with what the import added, keeping its place and the analyst's style; a new one
    // goes on top of the data.
    const auto *fresh = static_cast<const VectorLayer *>(layer.get());
    for (const auto &existing : mLayers->layers()) {
        const auto *vector = dynamic_cast<const VectorLayer *>(existing.get());
        if (!vector || vector->source() != fresh->source() ||
            vector->data().layerName() != fresh->data().layerName())
            continue;
        const int at = mLayers->indexOf(existing->id());
        applyProjectLayer(*layer, projectLayerFor(*existing));
        mLayers->remove(existing->id());
        mLayers->add(layer);
        mLayers->move(mLayers->indexOf(layer->id()), at);
        return;
    }
    mLayers->add(layer);
}

void TrackImportActions::showProjectTracks(const std::shared_ptr<TrackLayer> &tracks)
{
    // The project's track layer is read again with the new vessels, keeping its place and style.
    std::shared_ptr<Layer> old;
    for (const auto &layer : mLayers->layers())
        if (layer->kind() == Layer::Kind::Track && layer->source() == tracks->source())
            old = layer;
    const bool first = mLayers->count() == 0 || (mLayers->count() == 1 && old);
    if (old) {
        const int at = mLayers->indexOf(old->id());
        applyProjectLayer(*tracks, projectLayerFor(*old));
        mLayers->remove(old->id());
        mLayers->add(tracks);
        mLayers->move(mLayers->indexOf(tracks->id()), at);
    } else {
        mLayers->add(tracks);
    }
    mLayerPanel->selectLayer(tracks->id());
    if (first)
        Q_EMIT firstLayerOpened(tracks->id());
}

} // namespace sightline
