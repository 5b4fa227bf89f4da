#include "ui/time/animationexportdialog.h"

#include "ui/common/datetimefield.h"
#include "ui/common/formwidgets.h"
#include "render/animationwriter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTimeZone>
#include <QVBoxLayout>

namespace sightline {

namespace {

constexpr std::int64_t kHour = 3600 * 1000;
const auto kFolderKey = QStringLiteral("animation/exportDir");

DateTimeField *utcEdit(std::int64_t ms, QWidget *parent)
{
    auto *edit = new DateTimeField(parent);
    edit->setMsecs(ms);
    return edit;
}

} // namespace

AnimationExportDialog::AnimationExportDialog(const TimeWindow &range, QSize mapSize, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export Animation"));
    setObjectName(QStringLiteral("animationExportDialog"));
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    const std::int64_t to = range.toMs ? range.toMs : now;
    const std::int64_t from = range.fromMs ? range.fromMs : to - 7 * 24 * kHour;

    mFrom = utcEdit(from, this);
    mFrom->setObjectName(QStringLiteral("animationFrom"));
    mTo = utcEdit(to, this);
    mTo->setObjectName(QStringLiteral("animationTo"));
    mStep = new QComboBox(this);
    mStep->setObjectName(QStringLiteral("animationStep"));
    for (const auto &[label, hours] : std::vector<std::pair<QString, int>>{{tr("1 hour"), 1},
                                                                           {tr("3 hours"), 3},
                                                                           {tr("6 hours"), 6},
                                                                           {tr("12 hours"), 12},
                                                                           {tr("1 day"), 24},
                                                                           {tr("1 week"), 168}})
        mStep->addItem(label, qint64(hours) * kHour);
    // About a hundred frames over the range by default.
    const std::int64_t span = std::max<std::int64_t>(kHour, to - from);
    int pick = 0;
    for (int i = 0; i < mStep->count(); ++i)
        if (mStep->itemData(i).toLongLong() * 100 <= span)
            pick = i;
    mStep->setCurrentIndex(pick);
    mTrail = new QComboBox(this);
    mTrail->addItem(tr("Everything since the start"), qint64(0));
    for (const auto &[label, hours] : std::vector<std::pair<QString, int>>{{tr("Last 12 hours"), 12},
                                                                           {tr("Last day"), 24},
                                                                           {tr("Last 3 days"), 72},
                                                                           {tr("Last week"), 168}})
        mTrail->addItem(label, qint64(hours) * kHour);
    mSize = new QComboBox(this);
    mSize->addItem(tr("As the map (%1 × %2)").arg(mapSize.width()).arg(mapSize.height()), mapSize);
    mSize->addItem(QStringLiteral("1280 × 720"), QSize(1280, 720));
    mSize->addItem(QStringLiteral("1920 × 1080"), QSize(1920, 1080));
    mSize->addItem(QStringLiteral("960 × 540"), QSize(960, 540));
    mFps = new QDoubleSpinBox(this);
    mFps->setRange(0.5, 30);
    mFps->setDecimals(1);
    mFps->setValue(4);
    mFps->setSuffix(tr(" frames/s"));
    mTitle = new QLineEdit(this);
    mTitle->setObjectName(QStringLiteral("animationTitle"));
    mTitle->setPlaceholderText(tr("Burned in at the top of every frame"));
    mLegend = new QCheckBox(tr("Legend of the layers in view"), this);
    mLegend->setChecked(true);
    mSkip = new QCheckBox(tr("Skip frames where nothing new happened"), this);
    mSkip->setObjectName(QStringLiteral("animationSkipUnchanged"));
    mSkip->setToolTip(tr("No frame where no position, event, sighting or image falls since the last one: "
                         "the frame before stays up longer"));
    mPath = new QLineEdit(this);
    mPath->setObjectName(QStringLiteral("animationPath"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &AnimationExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(mPath, 1);
    pathRow->addWidget(browse);

    QFormLayout *form = makeEditorForm(nullptr);
    form->addRow(tr("From:"), mFrom);
    form->addRow(tr("To:"), mTo);
    form->addRow(tr("One frame every:"), mStep);
    form->addRow(tr("Each frame shows:"), mTrail);
    form->addRow(tr("Frame size:"), mSize);
    form->addRow(tr("Rate:"), mFps);
    form->addRow(tr("Title:"), mTitle);
    form->addRow(QString(), mLegend);
    form->addRow(QString(), mSkip);
    form->addRow(tr("Save as:"), pathRow);
    const bool ffmpeg = !AnimationWriter::ffmpegProgram().isEmpty();
    form->addRow(QString(), makeHintLabel(ffmpeg ? tr("Animated PNG (.png), GIF (.gif) or MP4 video (.mp4).")
                                                 : tr("Animated PNG (.png) or GIF (.gif). MP4 needs Debian's "
                                                      "ffmpeg package, which is not installed."),
                                          this));
    mButtons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mButtons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(mButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(mButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mButtons);

    const QString folder = QSettings().value(kFolderKey, QDir::homePath()).toString();
    mPath->setText(QDir(folder).filePath(QStringLiteral("animation.png")));
    for (DateTimeField *field : {mFrom, mTo})
        connect(field, &DateTimeField::timeChanged, this, &AnimationExportDialog::validate);
    connect(mPath, &QLineEdit::textChanged, this, &AnimationExportDialog::validate);
    connect(mStep, &QComboBox::currentIndexChanged, this, &AnimationExportDialog::validate);
    validate();
}

AnimationPlan AnimationExportDialog::plan() const
{
    AnimationPlan p;
    p.range = {mFrom->msecs().value_or(0), mTo->msecs().value_or(0)};
    p.stepMs = mStep->currentData().toLongLong();
    p.trailMs = mTrail->currentData().toLongLong();
    p.title = mTitle->text().trimmed();
    p.legend = mLegend->isChecked();
    p.skipUnchanged = mSkip->isChecked();
    return p;
}

QSize AnimationExportDialog::frameSize() const
{
    return mSize->currentData().toSize();
}

double AnimationExportDialog::framesPerSecond() const
{
    return mFps->value();
}

QString AnimationExportDialog::path() const
{
    return mPath->text().trimmed();
}

void AnimationExportDialog::setPath(const QString &path)
{
    mPath->setText(path);
}

void AnimationExportDialog::browse()
{
    QFileDialog dialog(this, tr("Save Animation"), QFileInfo(path()).absolutePath(),
                       tr("Animated PNG (*.png);;GIF (*.gif);;MP4 video (*.mp4)"));
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.selectFile(QFileInfo(path()).fileName());
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty()) {
        setPath(dialog.selectedFiles().first());
        QSettings().setValue(kFolderKey, QFileInfo(path()).absolutePath());
    }
}

void AnimationExportDialog::validate()
{
    QString problem;
    const AnimationPlan p = plan();
    const auto format = AnimationWriter::formatForPath(path());
    if (!mFrom->isAcceptable())
        problem = tr("From: %1").arg(mFrom->problem());
    else if (!mTo->isAcceptable())
        problem = tr("To: %1").arg(mTo->problem());
    else if (p.range.toMs <= p.range.fromMs)
        problem = tr("The end must come after the start.");
    else if (animationFrameTimes(p).size() > 10000)
        problem = tr("More than 10,000 frames: choose a longer step.");
    else if (!format)
        problem = tr("Save as .png (animated PNG), .gif or .mp4.");
    else if (*format == AnimationWriter::Format::Mp4 && AnimationWriter::ffmpegProgram().isEmpty())
        problem = tr("MP4 needs Debian's ffmpeg package: install it, or save as .png or .gif.");
    QPushButton *ok = mButtons->button(QDialogButtonBox::Ok);
    ok->setEnabled(problem.isEmpty());
    ok->setToolTip(problem.isEmpty() ? tr("%n frame(s)", nullptr, int(animationFrameTimes(p).size()))
                                     : problem);
}

} // namespace sightline
