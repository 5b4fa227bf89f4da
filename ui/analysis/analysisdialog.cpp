#include "ui/analysis/analysisdialog.h"

#include "layers/layerstack.h"
#include "layers/vectorlayer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace sightline {

namespace {
constexpr int kSourceRole = Qt::UserRole;
constexpr int kLayerNameRole = Qt::UserRole + 1;

QString durationTip(const QString &what)
{
    return QObject::tr("%1, in hours (0.25 is 15 minutes).").arg(what);
}
} // namespace

AnalysisDialog::AnalysisDialog(AnalysisKind kind, const LayerStack *layers, const QString &tracksSummary,
                               QWidget *parent)
    : QDialog(parent)
    , mKind(kind)
{
    setObjectName(QStringLiteral("analysisDialog"));
    setWindowTitle(tr("Find %1").arg(analysisKindLabel(kind)));
    auto *layout = new QVBoxLayout(this);
    auto *tracks = new QLabel(tracksSummary, this);
    tracks->setWordWrap(true);
    layout->addWidget(tracks);

    auto *thresholds = new QGroupBox(tr("Thresholds"), this);
    mForm = new QFormLayout(thresholds);
    layout->addWidget(thresholds);
    mDefaults.kind = kind;
    const AnalysisRequest &d = mDefaults;
    switch (kind) {
    case AnalysisKind::Gaps:
        addNumber(
            QStringLiteral("min-gap"), tr("Silence of at least"), d.gaps.minGapHours, 24 * 365, 2, tr(" h"),
            [](auto &r, double v) { r.gaps.minGapHours = v; },
            durationTip(tr("The shortest silence reported as a gap (Global Fishing Watch uses 12 h)")));
        addNumber(
            QStringLiteral("max-speed"), tr("Reachable at up to"), d.gaps.maxSpeedKnots, 60, 1, tr(" kn"),
            [](auto &r, double v) { r.gaps.maxSpeedKnots = v; },
            tr("The fastest the vessel could have sailed while dark: sizes the reachable area."));
        addNumber(
            QStringLiteral("port-distance"), tr("In port within"), d.gaps.portDistanceKm, 100, 1, tr(" km"),
            [](auto &r, double v) { r.gaps.portDistanceKm = v; },
            tr("An end inside a port outline, or this close to a port point, is in port."));
        addNumber(
            QStringLiteral("near-shore"), tr("Near shore within"), d.gaps.nearShoreKm, 500, 1, tr(" km"),
            [](auto &r, double v) { r.gaps.nearShoreKm = v; }, tr("Needs a land layer, below."));
        addReceptionNumbers(d.gaps.reception,
                            [](AnalysisRequest &r) -> ReceptionParameters & { return r.gaps.reception; });
        break;
    case AnalysisKind::PortCalls:
    case AnalysisKind::Voyages:
        addNumber(
            QStringLiteral("entry"), tr("Enter a port point within"), d.portCalls.entryDistanceKm, 50, 1,
            tr(" km"), [](auto &r, double v) { r.portCalls.entryDistanceKm = v; },
            tr("Global Fishing Watch: 3 km. Port outlines are entered when inside."));
        addNumber(
            QStringLiteral("exit"), tr("Leave beyond"), d.portCalls.exitDistanceKm, 50, 1, tr(" km"),
            [](auto &r, double v) { r.portCalls.exitDistanceKm = v; },
            tr("Larger than the entry distance, so a ship on the line makes one call (GFW: 4 km)."));
        addNumber(
            QStringLiteral("stop-start"), tr("Stopped below"), d.portCalls.stopStartKnots, 5, 2, tr(" kn"),
            [](auto &r, double v) { r.portCalls.stopStartKnots = v; }, tr("GFW: 0.2 kn."));
        addNumber(
            QStringLiteral("stop-end"), tr("Moving again above"), d.portCalls.stopEndKnots, 5, 2, tr(" kn"),
            [](auto &r, double v) { r.portCalls.stopEndKnots = v; }, tr("GFW: 0.5 kn."));
        addNumber(
            QStringLiteral("in-port-gap"), tr("Silence in port counts as a stay from"),
            d.portCalls.inPortGapHours, 240, 2, tr(" h"),
            [](auto &r, double v) { r.portCalls.inPortGapHours = v; },
            durationTip(tr("A silence inside a port this long is a gap in port")));
        addNumber(
            QStringLiteral("min-duration"), tr("Calls last at least"), d.portCalls.minDurationHours, 240, 2,
            tr(" h"), [](auto &r, double v) { r.portCalls.minDurationHours = v; },
            durationTip(tr("Shorter visits are passing through")));
        addFlag(
            QStringLiteral("infer"), tr("Infer possible calls while dark"), d.portCalls.inferFromGaps,
            [](auto &r, bool v) { r.portCalls.inferFromGaps = v; },
            tr("Ports inside a dark period's reachable area, with time to stay, are listed as possible "
               "calls (confidence 1)."));
        addNumber(
            QStringLiteral("dark-gap"), tr("Dark periods of at least"), d.portCalls.darkGapHours, 24 * 365, 2,
            tr(" h"), [](auto &r, double v) { r.portCalls.darkGapHours = v; },
            durationTip(tr("Silences this long are searched for possible calls")));
        addNumber(
            QStringLiteral("max-speed"), tr("Sailing at up to"), d.portCalls.maxSpeedKnots, 60, 1, tr(" kn"),
            [](auto &r, double v) { r.portCalls.maxSpeedKnots = v; },
            tr("Sizes the reachable area of a dark period."));
        addNumber(
            QStringLiteral("min-stay"), tr("Staying at least"), d.portCalls.inferredMinStayHours, 240, 2,
            tr(" h"), [](auto &r, double v) { r.portCalls.inferredMinStayHours = v; },
            durationTip(tr("The time a possible call leaves in port")));
        addReceptionNumbers(d.portCalls.reception, [](AnalysisRequest &r) -> ReceptionParameters & {
            return r.portCalls.reception;
        });
        break;
    case AnalysisKind::Encounters:
        addNumber(
            QStringLiteral("distance"), tr("Within"), d.encounters.maxDistanceM, 20000, 0, tr(" m"),
            [](auto &r, double v) { r.encounters.maxDistanceM = v; }, tr("GFW: 500 m."));
        addNumber(
            QStringLiteral("min-duration"), tr("For at least"), d.encounters.minDurationHours, 240, 2,
            tr(" h"), [](auto &r, double v) { r.encounters.minDurationHours = v; },
            durationTip(tr("GFW: 2 h")));
        addNumber(
            QStringLiteral("max-speed"), tr("Median speed below"), d.encounters.maxMedianSpeedKnots, 30, 1,
            tr(" kn"), [](auto &r, double v) { r.encounters.maxMedianSpeedKnots = v; }, tr("GFW: 2 kn."));
        addNumber(
            QStringLiteral("step"), tr("Compared every"), d.encounters.stepMinutes, 240, 0, tr(" min"),
            [](auto &r, double v) { r.encounters.stepMinutes = v; },
            tr("Positions are interpolated to these common times (GFW: 10 min)."));
        addNumber(
            QStringLiteral("max-interpolation"), tr("Never across a silence over"),
            d.encounters.maxInterpolationMinutes, 24 * 60, 0, tr(" min"),
            [](auto &r, double v) { r.encounters.maxInterpolationMinutes = v; },
            tr("No position is made up across a longer silence."));
        break;
    case AnalysisKind::Loitering:
        addNumber(
            QStringLiteral("max-speed"), tr("Below"), d.loitering.maxSpeedKnots, 30, 1, tr(" kn"),
            [](auto &r, double v) { r.loitering.maxSpeedKnots = v; },
            tr("At every position of the stretch."));
        addNumber(
            QStringLiteral("min-duration"), tr("For at least"), d.loitering.minDurationHours, 240, 2,
            tr(" h"), [](auto &r, double v) { r.loitering.minDurationHours = v; },
            durationTip(tr("The shortest stretch")));
        addNumber(
            QStringLiteral("max-gap"), tr("Broken by a silence over"), d.loitering.maxGapHours, 240, 2,
            tr(" h"), [](auto &r, double v) { r.loitering.maxGapHours = v; },
            durationTip(tr("A longer silence")));
        addFlag(
            QStringLiteral("include-port"), tr("Include ships in port"), d.loitering.includeInPort,
            [](auto &r, bool v) { r.loitering.includeInPort = v; },
            tr("A ship at her berth is not loitering; tick to list those stretches too, flagged."));
        break;
    case AnalysisKind::Spoofing:
        addNumber(
            QStringLiteral("max-speed"), tr("Faster than"), d.spoofing.maxSpeedKnots, 1000, 0, tr(" kn"),
            [](auto &r, double v) { r.spoofing.maxSpeedKnots = v; },
            tr("Implied speed between consecutive fixes that no merchant ship makes."));
        addNumber(
            QStringLiteral("min-jump"), tr("Over at least"), d.spoofing.minJumpKm, 100, 2, tr(" km"),
            [](auto &r, double v) { r.spoofing.minJumpKm = v; }, tr("Shorter jumps are GPS noise."));
        break;
    case AnalysisKind::Stops:
        addNumber(
            QStringLiteral("max-diameter"), tr("Diameter at most"), d.stops.maxDiameterM, 100000, 0, tr(" m"),
            [](auto &r, double v) { r.stops.maxDiameterM = v; },
            tr("No two positions of a stop are further apart (MovingPandas' max_diameter); a ship at anchor "
               "swings through a few hundred metres."));
        addNumber(
            QStringLiteral("min-duration"), tr("For at least"), d.stops.minDurationHours, 24 * 365, 2, tr(" h"),
            [](auto &r, double v) { r.stops.minDurationHours = v; }, durationTip(tr("The shortest stop")));
        addNumber(
            QStringLiteral("max-silence"), tr("Ended by a silence over"), d.stops.maxGapHours, 24 * 365, 2,
            tr(" h"), [](auto &r, double v) { r.stops.maxGapHours = v; },
            tr("A ship that went dark and came back where it went quiet was not stopped meanwhile: the gaps "
               "answer that. 0: no silence ends a stop, as in MovingPandas."));
        addNumber(
            QStringLiteral("port-distance"), tr("Named after a port within"), d.stops.portDistanceKm, 100, 1,
            tr(" km"), [](auto &r, double v) { r.stops.portDistanceKm = v; },
            tr("A stop whose centre is in a port outline, or this close to a port point, takes its name."));
        break;
    }

    // The cleaning before the detectors: the same for every analysis, recorded with each run.
    auto *cleaningBox = new QGroupBox(tr("Cleaning"), this);
    cleaningBox->setObjectName(QStringLiteral("cleaningBox"));
    mForm = new QFormLayout(cleaningBox);
    layout->addWidget(cleaningBox);
    addFlag(
        QStringLiteral("clean"), tr("Set aside positions that cannot be true"), d.cleaning.enabled,
        [](auto &r, bool v) { r.cleaning.enabled = v; },
        kind == AnalysisKind::Spoofing
            ? tr("The spoofing check looks at every position; the marks show on the map, hollow.")
            : tr("Out-of-range values, repeated reports, outliers and one MMSI in two places are marked, "
                 "never deleted, and not used by the analysis; the map shows them hollow."));
    addNumber(
        QStringLiteral("clean-max-speed"), tr("Reached and left faster than"), d.cleaning.maxSpeedKnots, 1000,
        0, tr(" kn"), [](auto &r, double v) { r.cleaning.maxSpeedKnots = v; },
        tr("A position the ship would have had to reach and leave faster than this is an outlier."));
    addNumber(
        QStringLiteral("clean-min-jump"), tr("Jumps of at least"), d.cleaning.minJumpKm, 100, 2, tr(" km"),
        [](auto &r, double v) { r.cleaning.minJumpKm = v; }, tr("Shorter jumps are GPS noise."));
    addNumber(
        QStringLiteral("clean-duplicate"), tr("Same report within a second and"), d.cleaning.duplicateMetres,
        1000, 0, tr(" m"), [](auto &r, double v) { r.cleaning.duplicateMetres = v; },
        tr("A report this close to the one before, in the same second, is that report again."));

    if (kind != AnalysisKind::Spoofing) {
        auto *portsBox = new QGroupBox(analysisNeedsPorts(kind) ? tr("Ports") : tr("Ports (optional)"), this);
        auto *portsLayout = new QVBoxLayout(portsBox);
        mPortList = new QListWidget(portsBox);
        mPortList->setObjectName(QStringLiteral("portSources"));
        mPortList->setMaximumHeight(110);
        for (const auto &layer : layers->layers()) {
            if (layer->kind() != Layer::Kind::Vector)
                continue;
            auto *item = new QListWidgetItem(layer->name(), mPortList);
            item->setData(kSourceRole, layer->source());
            if (auto vector = std::dynamic_pointer_cast<VectorLayer>(layer))
                item->setData(kLayerNameRole, vector->data().layerName());
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            const bool port = layer->name().contains(QLatin1String("port"), Qt::CaseInsensitive);
            item->setCheckState(port ? Qt::Checked : Qt::Unchecked);
        }
        portsLayout->addWidget(mPortList);
        auto *row = new QHBoxLayout;
        mPortSummary = new QLabel(portsBox);
        mPortSummary->setObjectName(QStringLiteral("portSummary"));
        mPortSummary->setWordWrap(true);
        row->addWidget(mPortSummary, 1);
        auto *addFile = new QPushButton(tr("Add File…"), portsBox);
        connect(addFile, &QPushButton::clicked, this, [this] {
            const QString path = QFileDialog::getOpenFileName(
                this, tr("Port polygons or points"), QString(),
                tr("Vector files (*.geojson *.json *.gpkg *.shp *.kml *.csv *.fgb);;All files (*)"));
            if (!path.isEmpty())
                addPortFile(path);
        });
        row->addWidget(addFile);
        portsLayout->addLayout(row);
        if (kind == AnalysisKind::Gaps) {
            auto *landRow = new QFormLayout;
            mLandCombo = new QComboBox(portsBox);
            mLandCombo->setObjectName(QStringLiteral("landLayer"));
            mLandCombo->addItem(tr("None"));
            for (const auto &layer : layers->layers())
                if (layer->kind() == Layer::Kind::Vector)
                    if (auto vector = std::dynamic_pointer_cast<VectorLayer>(layer))
                        mLandCombo->addItem(layer->name(),
                                            QStringList{layer->source(), vector->data().layerName()});
            mLandCombo->setToolTip(tr("Land or coastline polygons, for the distance of each end to shore."));
            connect(mLandCombo, &QComboBox::currentIndexChanged, this, [this] {
                mLand = PortSet{};
                const QStringList source = mLandCombo->currentData().toStringList();
                QString error;
                if (source.size() == 2 && !mLand.loadFile(source[0], source[1], &error))
                    mPortProblems << error;
            });
            landRow->addRow(tr("Land layer"), mLandCombo);
            portsLayout->addLayout(landRow);
        }
        if (kind == AnalysisKind::Voyages) {
            auto *tripRow = new QHBoxLayout;
            mPortA = new QComboBox(portsBox);
            mPortA->setObjectName(QStringLiteral("roundTripPortA"));
            mPortB = new QComboBox(portsBox);
            mPortB->setObjectName(QStringLiteral("roundTripPortB"));
            tripRow->addWidget(new QLabel(tr("Count round trips between"), portsBox));
            tripRow->addWidget(mPortA, 1);
            tripRow->addWidget(new QLabel(tr("and"), portsBox));
            tripRow->addWidget(mPortB, 1);
            portsLayout->addLayout(tripRow);
        }
        layout->addWidget(portsBox);
        connect(mPortList, &QListWidget::itemChanged, this, &AnalysisDialog::reloadPorts);
        reloadPorts();
    }

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Find"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &AnalysisDialog::restoreDefaults);
    layout->addWidget(buttons);
}

void AnalysisDialog::addNumber(const QString &option, const QString &label, double value, double max,
                               int decimals, const QString &suffix,
                               const std::function<void(AnalysisRequest &, double)> &apply,
                               const QString &tip)
{
    auto *box = new QDoubleSpinBox(this);
    box->setObjectName(option);
    box->setRange(0, max);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setValue(value);
    box->setToolTip(tip + QLatin1Char(' ') +
                    tr("Default %1%2.").arg(QLocale().toString(value, 'f', decimals), suffix));
    mForm->addRow(label, box);
    mNumbers.push_back({option, box, value, apply});
}

void AnalysisDialog::addFlag(const QString &option, const QString &label, bool value,
                             const std::function<void(AnalysisRequest &, bool)> &apply, const QString &tip)
{
    auto *box = new QCheckBox(label, this);
    box->setObjectName(option);
    box->setChecked(value);
    box->setToolTip(tip);
    mForm->addRow(QString(), box);
    mFlags.push_back({option, box, value, apply});
}

void AnalysisDialog::addReceptionNumbers(const ReceptionParameters &d,
                                         ReceptionParameters &(*of)(AnalysisRequest &))
{
    addNumber(
        QStringLiteral("reception-cell"), tr("Reception cells of"), d.cellDeg, 10, 3, tr("°"),
        [of](auto &r, double v) { of(r).cellDeg = v; },
        tr("Where and when others were heard is counted in cells this many degrees across."));
    addNumber(
        QStringLiteral("reception-bin"), tr("Reception time bins of"), d.binHours, 240, 2, tr(" h"),
        [of](auto &r, double v) { of(r).binHours = v; },
        durationTip(tr("The time bins of the reception model")));
    addNumber(
        QStringLiteral("min-reception-cells"), tr("Cause unknown below"), d.minCellsWithData, 1000, 0,
        tr(" cell-bins"), [of](auto &r, double v) { of(r).minCellsWithData = int(std::lround(v)); },
        tr("A dark path with fewer cell-bins where other vessels are ever heard has too little evidence."));
    addNumber(
        QStringLiteral("switched-off-score"), tr("Switched off from a score of"), d.switchedOffScore, 1, 2,
        QString(), [of](auto &r, double v) { of(r).switchedOffScore = v; },
        tr("The share of the dark path where others were heard then (0–1)."));
    addNumber(
        QStringLiteral("coverage-hole-score"), tr("Out of coverage up to a score of"), d.coverageHoleScore, 1,
        2, QString(), [of](auto &r, double v) { of(r).coverageHoleScore = v; },
        tr("Nobody heard along the path while others are heard there at other times."));
}

QDoubleSpinBox *AnalysisDialog::field(const QString &option) const
{
    for (const NumberField &f : mNumbers)
        if (f.option == option)
            return f.box;
    return nullptr;
}

QCheckBox *AnalysisDialog::flag(const QString &option) const
{
    for (const FlagField &f : mFlags)
        if (f.option == option)
            return f.box;
    return nullptr;
}

QComboBox *AnalysisDialog::roundTripPort(int which) const
{
    return which == 0 ? mPortA : mPortB;
}

void AnalysisDialog::addPortFile(const QString &path)
{
    if (!mPortList)
        return;
    auto *item = new QListWidgetItem(QFileInfo(path).fileName(), mPortList);
    item->setData(kSourceRole, path);
    item->setToolTip(path);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked); // emits itemChanged: the ports are reloaded
}

void AnalysisDialog::restoreDefaults()
{
    for (const NumberField &f : mNumbers)
        f.box->setValue(f.defaultValue);
    for (const FlagField &f : mFlags)
        f.box->setChecked(f.defaultValue);
}

void AnalysisDialog::reloadPorts()
{
    mPorts = PortSet{};
    mPortProblems.clear();
    for (int i = 0; i < mPortList->count(); ++i) {
        const QListWidgetItem *item = mPortList->item(i);
        if (item->checkState() != Qt::Checked)
            continue;
        QString error;
        if (!mPorts.loadFile(item->data(kSourceRole).toString(), item->data(kLayerNameRole).toString(),
                             &error, &mPortProblems))
            mPortProblems << error;
    }
    mPorts.dropPointsNearPolygons(mDefaults.portCalls.entryDistanceKm * 1000);
    int polygons = 0;
    for (const Port &p : mPorts.ports())
        polygons += !p.isPoint();
    mPortSummary->setText(
        mPorts.empty() ? tr("No ports ticked.")
                       : tr("%1 ports (%2 outlines, %3 points)%4")
                             .arg(mPorts.size())
                             .arg(polygons)
                             .arg(int(mPorts.size()) - polygons)
                             .arg(mPortProblems.isEmpty()
                                      ? QString()
                                      : tr("; %n feature(s) skipped", nullptr, int(mPortProblems.size()))));
    if (!mPortA)
        return;
    const QString a = mPortA->currentText(), b = mPortB->currentText();
    mPortA->clear();
    mPortB->clear();
    mPortA->addItem(tr("(none)"));
    mPortB->addItem(tr("(none)"));
    for (const Port &p : mPorts.ports()) {
        mPortA->addItem(p.name);
        mPortB->addItem(p.name);
    }
    // Keep the choice across reloads; the first time, the suggested pair (where the vessels went),
    // else the first two ports.
    int ia = mPortA->findText(a), ib = mPortB->findText(b);
    if (ia <= 0 || ib <= 0) {
        const int sa = mPortA->findText(mSuggestedA, Qt::MatchFixedString),
                  sb = mPortB->findText(mSuggestedB, Qt::MatchFixedString);
        if (sa > 0 && sb > 0 && sa != sb) {
            ia = sa;
            ib = sb;
        }
    }
    mPortA->setCurrentIndex(ia > 0 ? ia : (mPorts.size() >= 2 ? 1 : 0));
    mPortB->setCurrentIndex(ib > 0 ? ib : (mPorts.size() >= 2 ? 2 : 0));
}

void AnalysisDialog::suggestRoundTripPorts(const QString &portA, const QString &portB)
{
    mSuggestedA = portA;
    mSuggestedB = portB;
    if (!mPortA)
        return;
    const int a = mPortA->findText(portA, Qt::MatchFixedString), b = mPortB->findText(portB, Qt::MatchFixedString);
    if (a > 0 && b > 0 && a != b) {
        mPortA->setCurrentIndex(a);
        mPortB->setCurrentIndex(b);
    }
}

AnalysisRequest AnalysisDialog::request() const
{
    AnalysisRequest r = mDefaults;
    for (const NumberField &f : mNumbers)
        f.apply(r, f.box->value());
    for (const FlagField &f : mFlags)
        f.apply(r, f.box->isChecked());
    if (mPortA && mPortA->currentIndex() > 0 && mPortB->currentIndex() > 0) {
        r.roundTripPortA = mPortA->currentText();
        r.roundTripPortB = mPortB->currentText();
    }
    return r;
}

} // namespace sightline
