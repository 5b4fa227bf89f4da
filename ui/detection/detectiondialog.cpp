#include "ui/detection/detectiondialog.h"

#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "ui/common/datetimefield.h"
#include "ui/common/formwidgets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sightline {

namespace {

QDoubleSpinBox *metresBox(double value, double max, const QString &name, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0, max);
    box->setDecimals(0);
    box->setSingleStep(25);
    box->setSuffix(QStringLiteral(" m"));
    box->setValue(value);
    return box;
}

bool saysLand(const QString &text)
{
    return text.contains(QLatin1String("land"), Qt::CaseInsensitive) ||
           text.contains(QLatin1String("coast"), Qt::CaseInsensitive);
}

} // namespace

DetectionDialog::DetectionDialog(const LayerStack *layers, QWidget *parent)
    : QDialog(parent)
    , mLayers(layers)
    , mImage(new QComboBox(this))
    , mBrowse(new QPushButton(tr("Choose a File…"), this))
    , mAcquired(new DateTimeField(this))
    , mLand(new QComboBox(this))
    , mProblem(new QLabel(this))
{
    setObjectName(QStringLiteral("detectionDialog"));
    setWindowTitle(tr("Detect Vessels in Image"));
    const DetectionParameters defaults;
    mTarget = metresBox(defaults.targetWindowM, 5000, QStringLiteral("detectionTargetWindow"), this);
    mGuard = metresBox(defaults.guardWindowM, 20000, QStringLiteral("detectionGuardWindow"), this);
    mBackground = metresBox(defaults.backgroundWindowM, 50000, QStringLiteral("detectionBackgroundWindow"), this);
    mShore = metresBox(defaults.shoreBufferM, 20000, QStringLiteral("detectionShoreBuffer"), this);
    mMinLength = metresBox(defaults.minLengthM, 1000, QStringLiteral("detectionMinLength"), this);
    mMinLength->setSingleStep(5);
    mPfa = new QDoubleSpinBox(this);
    mPfa->setObjectName(QStringLiteral("detectionPfa"));
    mPfa->setRange(-15, -1);
    mPfa->setDecimals(1);
    mPfa->setSingleStep(0.5);
    mPfa->setPrefix(QStringLiteral("10^"));
    mPfa->setValue(defaults.pfaExponent);

    mImage->setObjectName(QStringLiteral("detectionImage"));
    mImage->setEditable(true); // a path may be typed or pasted
    mImage->setInsertPolicy(QComboBox::NoInsert);
    for (const auto &layer : layers->layers())
        if (auto raster = std::dynamic_pointer_cast<RasterLayer>(layer))
            mImage->addItem(raster->name(), raster->source());
    mBrowse->setObjectName(QStringLiteral("detectionBrowse"));
    connect(mBrowse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("SAR Image"), QString(),
            tr("SAR images (*.tif *.tiff *.safe *.zip manifest.safe);;All files (*)"));
        if (path.isEmpty())
            return;
        mImage->addItem(QFileInfo(path).fileName(), path);
        mImage->setCurrentIndex(mImage->count() - 1);
    });
    connect(mImage, &QComboBox::currentIndexChanged, this, &DetectionDialog::imageChosen);
    connect(mImage, &QComboBox::editTextChanged, this, &DetectionDialog::imageChosen);

    mAcquired->setObjectName(QStringLiteral("detectionAcquired"));
    mAcquired->setOptional(true);
    mAcquired->lineEdit()->setPlaceholderText(tr("from the image's metadata"));

    mLand->setObjectName(QStringLiteral("detectionLand"));
    mLand->addItem(tr("None (open sea)"));
    for (const auto &layer : layers->layers())
        if (layer->kind() == Layer::Kind::Vector) {
            mLand->addItem(layer->name(), layer->source());
            if (mLand->currentIndex() == 0 && (saysLand(layer->name()) || saysLand(QFileInfo(layer->source()).fileName())))
                mLand->setCurrentIndex(mLand->count() - 1);
        }

    mProblem->setObjectName(QStringLiteral("detectionProblem"));
    mProblem->setWordWrap(true);
    mProblem->setStyleSheet(QStringLiteral("color: #b00020"));
    mProblem->hide();

    auto *imageRow = new QHBoxLayout;
    imageRow->addWidget(mImage, 1);
    imageRow->addWidget(mBrowse);
    QFormLayout *form = makeEditorForm(nullptr);
    // A row of two widgets has no buddy of its own: the label names the image box, so that its
    // mnemonic works and its ampersand is not shown.
    auto *imageLabel = new QLabel(tr("&Image:"), this);
    imageLabel->setBuddy(mImage);
    form->addRow(imageLabel, imageRow);
    form->addRow(tr("&Acquired (UTC):"), mAcquired);
    form->addRow(QString(), makeHintLabel(tr("Empty: the time the image's metadata gives."), this));
    form->addRow(tr("&Land:"), mLand);
    form->addRow(tr("&Shore buffer:"), mShore);
    form->addRow(tr("&Target window:"), mTarget);
    form->addRow(tr("&Guard window:"), mGuard);
    form->addRow(tr("&Background window:"), mBackground);
    form->addRow(tr("False-alarm &probability:"), mPfa);
    form->addRow(tr("Shortest &vessel:"), mMinLength);
    form->addRow(QString(), makeHintLabel(tr("ESA SNAP's adaptive thresholding defaults: target 75 m, guard 400 m, "
                                             "background 1,000 m, 10^-6.5."),
                                          this));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Detect"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("detectionRun"));
    connect(buttons, &QDialogButtonBox::accepted, this, &DetectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DetectionDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mProblem);
    layout->addWidget(buttons);
    imageChosen();
}

void DetectionDialog::imageChosen()
{
    // A layer's time (its metadata's, or set by hand) is the one the map and the timeline use.
    // Another image empties the field (its own metadata then says when), so that one image's time
    // is never carried over to another and matched against the wrong hour of AIS.
    const QString source = imagePath();
    for (const auto &layer : mLayers->layers())
        if (auto raster = std::dynamic_pointer_cast<RasterLayer>(layer); raster && raster->source() == source) {
            mAcquired->setMsecs(raster->acquiredMs());
            return;
        }
    mAcquired->setMsecs(0);
}

QString DetectionDialog::imagePath() const
{
    // A typed path is the text; a chosen layer's is its data.
    const int at = mImage->currentIndex();
    if (at >= 0 && mImage->itemText(at) == mImage->currentText())
        return mImage->itemData(at).toString();
    return mImage->currentText().trimmed();
}

std::optional<std::int64_t> DetectionDialog::acquiredMs() const
{
    return mAcquired->msecs();
}

VesselSearch DetectionDialog::search() const
{
    VesselSearch s;
    s.detection.targetWindowM = mTarget->value();
    s.detection.guardWindowM = mGuard->value();
    s.detection.backgroundWindowM = mBackground->value();
    s.detection.pfaExponent = mPfa->value();
    s.detection.shoreBufferM = mShore->value();
    s.detection.minLengthM = mMinLength->value();
    s.landSource = mLand->currentData().toString();
    return s;
}

void DetectionDialog::accept()
{
    QString problem;
    if (imagePath().isEmpty())
        problem = tr("Choose the image to search: a raster layer on the map, or a file.");
    else if (!mAcquired->isAcceptable())
        problem = mAcquired->problem();
    else
        problem = search().detection.problem();
    mProblem->setText(problem);
    mProblem->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

} // namespace sightline
