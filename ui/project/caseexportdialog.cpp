#include "ui/project/caseexportdialog.h"

#include "project/project.h"
#include "ui/common/backgroundtask.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace sightline {

namespace {

QString describeBox(const QRectF &box)
{
    auto n = [](double v) { return QString::number(v, 'f', 3); };
    return QStringLiteral("%1, %2, %3, %4")
        .arg(n(box.left()), n(box.top()), n(box.left() + box.width()), n(box.top() + box.height()));
}

} // namespace

CaseExportDialog::CaseExportDialog(const QString &projectPath, const TimeWindow &window,
                                   std::optional<QRectF> mapViewWgs84, QWidget *parent)
    : QDialog(parent)
    , mProjectPath(projectPath)
    , mWindow(window)
    , mMapView(mapViewWgs84)
{
    setWindowTitle(tr("Export Case"));
    setObjectName(QStringLiteral("caseExportDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    mFormat = new QComboBox(this);
    mFormat->setObjectName(QStringLiteral("exportFormat"));
    for (CaseFormat f : {CaseFormat::Kmz, CaseFormat::Kml, CaseFormat::GeoJson, CaseFormat::GeoPackage,
                         CaseFormat::FlatGeobuf})
        mFormat->addItem(caseFormatName(f), int(f));
    mFormat->setToolTip(
        tr("KMZ opens in Google Earth with its icons and plays the tracks on its time slider; "
           "GeoJSON, GeoPackage and FlatGeobuf open in QGIS and other GIS"));
    form->addRow(tr("&Format:"), mFormat);
    auto *pathRow = new QHBoxLayout;
    mPath = new QLineEdit(this);
    mPath->setObjectName(QStringLiteral("exportPath"));
    const QFileInfo project(projectPath);
    mPath->setText(project.dir().filePath(project.completeBaseName() + QStringLiteral("-export.kmz")));
    auto *browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    browse->setObjectName(QStringLiteral("exportBrowse"));
    pathRow->addWidget(mPath);
    pathRow->addWidget(browse);
    auto *pathLabel = new QLabel(tr("F&ile:"), this);
    pathLabel->setBuddy(mPath); // a row of a layout has no buddy of its own
    form->addRow(pathLabel, pathRow);
    layout->addLayout(form);

    auto *what = new QGroupBox(tr("What"), this);
    auto *whatLayout = new QVBoxLayout(what);
    auto check = [&](const QString &name, const QString &text, bool on, const QString &tip) {
        auto *box = new QCheckBox(text, what);
        box->setObjectName(name);
        box->setChecked(on);
        box->setToolTip(tip);
        whatLayout->addWidget(box);
        return box;
    };
    mTracks = check(QStringLiteral("exportTracks"), tr("&Tracks"), true,
                    tr("One track a vessel (in Google Earth it plays on the time slider)"));
    mEvents = check(QStringLiteral("exportEvents"), tr("&Events"), true,
                    tr("What the movement analyses found: gaps, port calls, voyages, …"));
    mSightings = check(QStringLiteral("exportSightings"), tr("&Sightings"), true, tr("What analysts saw"));
    mAnnotations = check(QStringLiteral("exportAnnotations"), tr("&Annotations"), true,
                         tr("The figures' arrows, labels and highlights"));
    mPositions = check(QStringLiteral("exportPositions"), tr("Every &position as a point"), false,
                       tr("Each AIS position as a point of its own (GIS formats; large)"));
    layout->addWidget(what);
    layout->addWidget(makeTrackShapeBox());

    auto *when = new QGroupBox(tr("When"), this);
    auto *whenLayout = new QVBoxLayout(when);
    mAllTime = new QRadioButton(tr("All &time"), when);
    mAllTime->setObjectName(QStringLiteral("exportAllTime"));
    mTimeWindow =
        new QRadioButton(window.isOpen() ? tr("The time slider's window (none set)")
                                         : tr("The time slider's window: %1").arg(describeTimeWindow(window)),
                         when);
    mTimeWindow->setObjectName(QStringLiteral("exportTimeWindow"));
    mTimeWindow->setEnabled(!window.isOpen());
    (window.isOpen() ? mAllTime : mTimeWindow)->setChecked(true);
    whenLayout->addWidget(mAllTime);
    whenLayout->addWidget(mTimeWindow);
    layout->addWidget(when);

    auto *where = new QGroupBox(tr("Where"), this);
    auto *whereLayout = new QVBoxLayout(where);
    mEverywhere = new QRadioButton(tr("E&verywhere"), where);
    mEverywhere->setObjectName(QStringLiteral("exportEverywhere"));
    mMapViewOnly = new QRadioButton(mapViewWgs84 ? tr("The &map view (%1)").arg(describeBox(*mapViewWgs84))
                                                 : tr("The &map view (none)"),
                                    where);
    mMapViewOnly->setObjectName(QStringLiteral("exportMapView"));
    mMapViewOnly->setEnabled(mapViewWgs84.has_value());
    mEverywhere->setChecked(true);
    whereLayout->addWidget(mEverywhere);
    whereLayout->addWidget(mMapViewOnly);
    layout->addWidget(where);

    mReplace = new QCheckBox(tr("&Replace files that exist"), this);
    mReplace->setObjectName(QStringLiteral("exportReplace"));
    layout->addWidget(mReplace);

    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("exportStatus"));
    mStatus->setWordWrap(true);
    mStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(mStatus);

    mTask = new BackgroundTask(QStringLiteral("export"), this);
    layout->addWidget(mTask->makeStrip(this));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    mExport = buttons->addButton(tr("E&xport"), QDialogButtonBox::AcceptRole);
    mExport->setObjectName(QStringLiteral("exportButton"));
    mExport->setDefault(true);
    layout->addWidget(buttons);

    connect(mFormat, &QComboBox::currentIndexChanged, this, &CaseExportDialog::formatChanged);
    connect(browse, &QToolButton::clicked, this, &CaseExportDialog::browse);
    connect(mExport, &QPushButton::clicked, this, &CaseExportDialog::startExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mTask, &BackgroundTask::started, this, [this] { mExport->setEnabled(false); });
    connect(mTask, &BackgroundTask::finished, this, [this](bool delivered) {
        mExport->setEnabled(true);
        if (!delivered && mTask->wasCancelled())
            mStatus->setText(tr("Cancelled: nothing was written."));
    });
    connect(mTask, &BackgroundTask::failed, this,
            [this](const QString &message) { mStatus->setText(tr("The export failed: %1").arg(message)); });
}

QGroupBox *CaseExportDialog::makeTrackShapeBox()
{
    auto *box = new QGroupBox(tr("Track lines"), this);
    box->setObjectName(QStringLiteral("exportTrackShape"));
    auto *form = new QFormLayout(box);
    auto *splitRow = new QHBoxLayout;
    mSplit = new QComboBox(box);
    mSplit->setObjectName(QStringLiteral("exportSplit"));
    using By = TrackSplitRule::By;
    mSplit->addItem(tr("One line a vessel"), int(By::None));
    mSplit->addItem(tr("At silences longer than"), int(By::Gap));
    mSplit->addItem(tr("Between stops"), int(By::Stop));
    mSplit->addItem(tr("By day (UTC)"), int(By::Day));
    mSplit->addItem(tr("By week (UTC, from Monday)"), int(By::Week));
    mSplit->addItem(tr("By month (UTC)"), int(By::Month));
    mSplit->setToolTip(tr("Cut each track into several lines, numbered in the 'segment' column, as "
                          "MovingPandas' splitters do. Between stops: the moves, each stop (the "
                          "diameter and duration below) left out."));
    mSplitGapHours = new QDoubleSpinBox(box);
    mSplitGapHours->setObjectName(QStringLiteral("exportSplitGap"));
    mSplitGapHours->setRange(0.01, 24 * 365);
    mSplitGapHours->setDecimals(2);
    mSplitGapHours->setSuffix(tr(" h"));
    mSplitGapHours->setValue(TrackSplitRule{}.gapHours);
    mSplitGapHours->setToolTip(tr("The map breaks tracks at silences over 2 h."));
    mSplitGapHours->setEnabled(false);
    splitRow->addWidget(mSplit, 1);
    splitRow->addWidget(mSplitGapHours);
    form->addRow(tr("S&plit:"), splitRow);

    // A stop as `--split stop:DIAMETER,DURATION` and Analysis → Stops take it.
    const StopParameters stop = TrackSplitRule{}.stops;
    auto *stopRow = new QHBoxLayout;
    mStopDiameter = new QDoubleSpinBox(box);
    mStopDiameter->setObjectName(QStringLiteral("exportStopDiameter"));
    mStopDiameter->setRange(1, 100000);
    mStopDiameter->setDecimals(0);
    mStopDiameter->setSuffix(tr(" m"));
    mStopDiameter->setValue(stop.maxDiameterM);
    mStopDiameter->setToolTip(tr("A stop: no two of its positions further apart than this."));
    mStopDuration = new QDoubleSpinBox(box);
    mStopDuration->setObjectName(QStringLiteral("exportStopDuration"));
    mStopDuration->setRange(0.01, 24 * 365);
    mStopDuration->setDecimals(2);
    mStopDuration->setSuffix(tr(" h"));
    mStopDuration->setValue(stop.minDurationHours);
    mStopDuration->setToolTip(tr("A stop lasts at least this long."));
    auto *stopDiameterLabel = new QLabel(tr("&Diameter"), box);
    stopDiameterLabel->setBuddy(mStopDiameter);
    auto *stopDurationLabel = new QLabel(tr("for at &least"), box);
    stopDurationLabel->setBuddy(mStopDuration);
    stopRow->addWidget(stopDiameterLabel);
    stopRow->addWidget(mStopDiameter, 1);
    stopRow->addWidget(stopDurationLabel);
    stopRow->addWidget(mStopDuration, 1);
    form->addRow(tr("Stops:"), stopRow);
    auto splitChanged = [this] {
        const By by = By(mSplit->currentData().toInt());
        mSplitGapHours->setEnabled(by == By::Gap);
        mStopDiameter->setEnabled(by == By::Stop);
        mStopDuration->setEnabled(by == By::Stop);
    };
    connect(mSplit, &QComboBox::currentIndexChanged, this, splitChanged);
    splitChanged();

    mGeneralize = new QDoubleSpinBox(box);
    mGeneralize->setObjectName(QStringLiteral("exportGeneralize"));
    mGeneralize->setRange(0, 100000);
    mGeneralize->setDecimals(0);
    mGeneralize->setSuffix(tr(" m"));
    mGeneralize->setSpecialValueText(tr("Off"));
    mGeneralize->setToolTip(tr("Douglas-Peucker: drop the positions closer than this to the line kept. "
                               "Positions as points are all written whatever this says."));
    form->addRow(tr("Simplify &within:"), mGeneralize);
    mMinInterval = new QSpinBox(box);
    mMinInterval->setObjectName(QStringLiteral("exportMinInterval"));
    mMinInterval->setRange(0, 24 * 3600);
    mMinInterval->setSuffix(tr(" s"));
    mMinInterval->setSpecialValueText(tr("Off"));
    mMinInterval->setToolTip(tr("Keep a position only this long after the last one kept; the first and "
                                "last of each line are always kept."));
    form->addRow(tr("At most one position e&very:"), mMinInterval);
    connect(mTracks, &QCheckBox::toggled, box, &QWidget::setEnabled);
    return box;
}

CaseExportDialog::~CaseExportDialog()
{
    mTask->cancelAndWait();
}

CaseFormat CaseExportDialog::format() const
{
    return CaseFormat(mFormat->currentData().toInt());
}

QString CaseExportDialog::outputPath() const
{
    return mPath->text().trimmed();
}

CaseSelection CaseExportDialog::selection() const
{
    CaseSelection s;
    s.layers.clear();
    const std::pair<QCheckBox *, CaseLayer> boxes[] = {{mTracks, CaseLayer::Tracks},
                                                       {mEvents, CaseLayer::Events},
                                                       {mSightings, CaseLayer::Sightings},
                                                       {mAnnotations, CaseLayer::Annotations},
                                                       {mPositions, CaseLayer::Positions}};
    for (const auto &[box, layer] : boxes)
        if (box->isChecked())
            s.layers << layer;
    if (mTimeWindow->isChecked())
        s.window = mWindow;
    if (mMapViewOnly->isChecked())
        s.extentWgs84 = mMapView;
    s.trackShape.split.by = TrackSplitRule::By(mSplit->currentData().toInt());
    s.trackShape.split.gapHours = mSplitGapHours->value();
    s.trackShape.split.stops.maxDiameterM = mStopDiameter->value();
    s.trackShape.split.stops.minDurationHours = mStopDuration->value();
    s.trackShape.generalize.toleranceM = mGeneralize->value();
    s.trackShape.generalize.minIntervalMs = std::int64_t(mMinInterval->value()) * 1000;
    return s;
}

void CaseExportDialog::formatChanged()
{
    // The file follows the format: its suffix is what other tools go by.
    const QString path = outputPath();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    mPath->setText(
        info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + caseFormatSuffix(format())));
}

void CaseExportDialog::browse()
{
    const QString suffix = caseFormatSuffix(format());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Case"), outputPath(),
                                                      tr("%1 (*.%2)").arg(caseFormatName(format()), suffix));
    if (path.isEmpty())
        return;
    mPath->setText(QFileInfo(path).suffix().isEmpty() ? path + QLatin1Char('.') + suffix : path);
    // The file dialog asked before replacing.
    mReplace->setChecked(true);
}

void CaseExportDialog::startExport()
{
    QString path = outputPath();
    if (path.isEmpty()) {
        mStatus->setText(tr("Give the file to write."));
        return;
    }
    // A name without the format's suffix gets it; one with another format's suffix is refused, as a
    // .gpkg written as KMZ would mislead whoever opens it.
    const std::optional<CaseFormat> bySuffix = caseFormatForPath(path);
    if (!bySuffix) {
        path += QLatin1Char('.') + caseFormatSuffix(format());
        mPath->setText(path);
    } else if (*bySuffix != format()) {
        mStatus->setText(
            tr("'%1' is named as %2, not %3: change the name or the format.")
                .arg(QFileInfo(path).fileName(), caseFormatName(*bySuffix), caseFormatName(format())));
        return;
    }
    const CaseSelection s = selection();
    if (s.layers.isEmpty()) {
        mStatus->setText(tr("Choose at least one thing to export."));
        return;
    }
    mStatus->setText(tr("Exporting…"));
    const QString project = mProjectPath;
    const CaseFormat f = format();
    const bool replace = mReplace->isChecked();
    mTask->start(
        tr("Exporting the case"),
        [project, s, f, path, replace](TaskControl &control) {
            return run(project, s, f, path, replace, [&control](double p) { return control.progress(p); });
        },
        [this](const Outcome &outcome) { showOutcome(outcome); });
}

CaseExportDialog::Outcome CaseExportDialog::run(const QString &projectPath, const CaseSelection &selection,
                                                CaseFormat format, const QString &path, bool replace,
                                                const std::function<bool(double)> &progress)
{
    Outcome out;
    QString error;
    // A connection of its own, read-only: the window's stays on the UI thread.
    const std::unique_ptr<Project> project = Project::open(projectPath, Project::Mode::ReadOnly, &error);
    if (!project) {
        out.message = error;
        return out;
    }
    CaseContent content;
    if (!loadCaseContent(*project, selection, content, &error)) {
        out.message = error;
        return out;
    }
    if (content.isEmpty()) {
        out.message = QObject::tr("Nothing to export: the project holds none of what was chosen%1%2.")
                          .arg(selection.window.isOpen()
                                   ? QString()
                                   : QObject::tr(" in %1").arg(describeTimeWindow(selection.window)),
                               selection.extentWgs84 ? QObject::tr(" in the map view") : QString());
        return out;
    }
    const bool withPositions = selection.wants(CaseLayer::Positions);
    const QStringList files = caseExportFiles(content, path, format, withPositions);
    if (!replace)
        for (const QString &file : files)
            if (QFileInfo::exists(file)) {
                out.message = QObject::tr("'%1' exists: tick \"Replace files that exist\" to write over it.")
                                  .arg(QDir::toNativeSeparators(file));
                return out;
            }
    if (!exportCase(content, path, format, withPositions, &error, progress)) {
        out.message = error;
        return out;
    }
    out.ok = true;
    out.files = files;
    out.summary = content.summary();
    return out;
}

void CaseExportDialog::showOutcome(const Outcome &outcome)
{
    if (!outcome.ok) {
        mStatus->setText(outcome.message);
        return;
    }
    QStringList names;
    for (const QString &file : outcome.files)
        names << QDir::toNativeSeparators(file);
    mStatus->setText(tr("Written: %1 to %2").arg(outcome.summary, names.join(QStringLiteral(", "))));
    Q_EMIT exported(outcome.files, outcome.summary);
}

} // namespace sightline
