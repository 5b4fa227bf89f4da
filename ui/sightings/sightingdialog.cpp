#include "ui/sightings/sightingdialog.h"

#include "layers/sightinglayer.h"
#include "ui/common/datetimefield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

namespace sightline {

namespace {
QIcon swatch(const QColor &c)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(c);
    p.setPen(c.darker(140));
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pm);
}
} // namespace

SightingDialog::SightingDialog(const Sighting &sighting, const QList<QPair<std::uint32_t, QString>> &vessels,
                               QWidget *parent)
    : QDialog(parent)
    , mSighting(sighting)
    , mKind(new QComboBox(this))
    , mTimeKnown(new QCheckBox(tr("known"), this))
    , mObservedAt(new DateTimeField(this))
    , mImagerySource(new QLineEdit(this))
    , mProvider(new QLineEdit(this))
    , mResolution(new QDoubleSpinBox(this))
    , mCount(new QSpinBox(this))
    , mVessel(new QComboBox(this))
    , mReliability(new QComboBox(this))
    , mCredibility(new QComboBox(this))
    , mAnalyst(new QLineEdit(this))
    , mNotes(new QPlainTextEdit(this))
    , mTags(new QLineEdit(this))
    , mProblem(new QLabel(this))
{
    setObjectName(QStringLiteral("sightingDialog"));
    setWindowTitle(sighting.id ? tr("Edit Sighting") : tr("New Sighting"));
    for (const QString &k : sightingKinds())
        mKind->addItem(swatch(sightingColour(k)), sightingKindLabel(k), k);
    mKind->setCurrentIndex(std::max(0, mKind->findData(sighting.kind)));

    mObservedAt->setObjectName(QStringLiteral("observedAt"));
    // Never "now": a time nobody observed would pass for one that somebody did.
    mTimeKnown->setChecked(sighting.observedAtMs != 0);
    mObservedAt->setMsecs(sighting.observedAtMs);
    mObservedAt->setEnabled(mTimeKnown->isChecked());
    connect(mTimeKnown, &QCheckBox::toggled, this, [this](bool known) {
        mObservedAt->setEnabled(known);
        if (known)
            mObservedAt->setFocus();
        updateSaveButton();
    });
    connect(mObservedAt, &DateTimeField::acceptableChanged, this, &SightingDialog::updateSaveButton);
    auto *when = new QHBoxLayout();
    when->addWidget(mObservedAt, 1);
    when->addWidget(mTimeKnown, 0, Qt::AlignTop);

    mImagerySource->setText(sighting.imagerySource);
    mImagerySource->setPlaceholderText(tr("scene id or file, e.g. LC08_L1TP_114031_20231005"));
    mProvider->setText(sighting.imageryProvider);
    mProvider->setPlaceholderText(tr("e.g. USGS Landsat 8, Maxar, Planet"));
    mResolution->setRange(0, 10000);
    mResolution->setDecimals(2);
    mResolution->setSuffix(tr(" m"));
    mResolution->setSpecialValueText(tr("unknown"));
    mResolution->setValue(sighting.imageryResolutionM);

    mCount->setRange(0, 1000000);
    mCount->setSpecialValueText(tr("not counted"));
    mCount->setValue(sighting.count);
    // A count made with the Count tool is its marks: its number is theirs.
    mCount->setEnabled(sighting.geometry.type != SightingGeometry::Type::MultiPoint);

    mVessel->setEditable(false);
    mVessel->addItem(tr("None"), 0u);
    for (const auto &[mmsi, name] : vessels)
        mVessel->addItem(QStringLiteral("%1 (%2)").arg(name).arg(mmsi), mmsi);
    if (sighting.vesselMmsi) {
        int at = mVessel->findData(sighting.vesselMmsi);
        if (at < 0) {
            mVessel->addItem(QStringLiteral("%1 (%2)").arg(sighting.vesselName).arg(sighting.vesselMmsi),
                             sighting.vesselMmsi);
            at = mVessel->count() - 1;
        }
        mVessel->setCurrentIndex(at);
    }

    for (char g = 'A'; g <= 'F'; ++g)
        mReliability->addItem(
            QStringLiteral("%1 – %2").arg(QLatin1Char(g)).arg(sourceReliabilityMeaning(QLatin1Char(g))),
            QString(QLatin1Char(g)));
    mReliability->setCurrentIndex(std::max(0, mReliability->findData(QString(sighting.sourceReliability))));
    for (int g = 1; g <= 6; ++g)
        mCredibility->addItem(QStringLiteral("%1 – %2").arg(g).arg(informationCredibilityMeaning(g)), g);
    mCredibility->setCurrentIndex(std::max(0, mCredibility->findData(sighting.informationCredibility)));

    mAnalyst->setText(sighting.analyst);
    mAnalyst->setPlaceholderText(tr("you, when empty"));
    mNotes->setPlainText(sighting.notes);
    mNotes->setPlaceholderText(tr("What was seen, and what it rests on"));
    mTags->setText(sighting.tags.join(QStringLiteral(", ")));
    mTags->setPlaceholderText(tr("comma-separated"));
    mProblem->setStyleSheet(QStringLiteral("color: #b3261e"));
    mProblem->setWordWrap(true);
    mProblem->setObjectName(QStringLiteral("sightingProblem"));

    auto *form = new QFormLayout();
    form->addRow(tr("Kind"), mKind);
    form->addRow(tr("Observed (UTC)"), when);
    form->addRow(tr("Imagery"), mImagerySource);
    form->addRow(tr("Provider"), mProvider);
    form->addRow(tr("Resolution"), mResolution);
    form->addRow(tr("Count"), mCount);
    form->addRow(tr("Vessel"), mVessel);
    form->addRow(tr("Source reliability"), mReliability);
    form->addRow(tr("Information credibility"), mCredibility);
    form->addRow(tr("Analyst"), mAnalyst);
    form->addRow(tr("Notes"), mNotes);
    form->addRow(tr("Tags"), mTags);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    mSave = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mProblem);
    layout->addWidget(buttons);
    updateSaveButton();
    resize(480, 580);
}

void SightingDialog::updateSaveButton()
{
    const bool timeReadable = !mTimeKnown->isChecked() || mObservedAt->isAcceptable();
    mSave->setEnabled(timeReadable);
    mSave->setToolTip(timeReadable ? QString() : tr("Observed: %1").arg(mObservedAt->problem()));
}

Sighting SightingDialog::sighting() const
{
    Sighting s = mSighting;
    s.kind = mKind->currentData().toString();
    s.observedAtMs = mTimeKnown->isChecked() ? mObservedAt->msecs().value_or(0) : 0;
    s.imagerySource = mImagerySource->text().trimmed();
    s.imageryProvider = mProvider->text().trimmed();
    s.imageryResolutionM = mResolution->value();
    if (s.geometry.type != SightingGeometry::Type::MultiPoint)
        s.count = mCount->value();
    s.vesselMmsi = mVessel->currentData().toUInt();
    s.vesselName = s.vesselMmsi ? mVessel->currentText().section(QStringLiteral(" ("), 0, 0) : QString();
    s.sourceReliability = mReliability->currentData().toString().at(0);
    s.informationCredibility = mCredibility->currentData().toInt();
    s.analyst = mAnalyst->text().trimmed();
    s.notes = mNotes->toPlainText().trimmed();
    s.tags = splitTags(mTags->text());
    return s;
}

void SightingDialog::accept()
{
    // Enter saves past a disabled Save button: refuse here too, never save a time nobody typed.
    if (mTimeKnown->isChecked() && !mObservedAt->isAcceptable()) {
        mProblem->setText(tr("Observed: %1").arg(mObservedAt->problem()));
        mObservedAt->setFocus();
        return;
    }
    const QString problem = sighting().validate();
    if (!problem.isEmpty()) {
        mProblem->setText(problem);
        return;
    }
    QDialog::accept();
}

} // namespace sightline
