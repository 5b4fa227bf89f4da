#include "ui/time/acquisitiontimedialog.h"

#include "ui/common/datetimefield.h"
#include "ui/common/formwidgets.h"
#include "layers/rasterlayer.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sightline {

AcquisitionTimeDialog::AcquisitionTimeDialog(const RasterLayer &layer, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Acquisition Time – %1").arg(layer.name()));
    setObjectName(QStringLiteral("acquisitionTimeDialog"));
    const std::int64_t fromData = layer.acquiredFromDataMs();
    const QString said = fromData ? QDateTime::fromMSecsSinceEpoch(fromData, Qt::UTC)
                                        .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                                  : tr("nothing (no date in the metadata or the file name)");
    auto *data = new QLabel(said, this);
    data->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mByHand = new QCheckBox(tr("Set by hand:"), this);
    mByHand->setObjectName(QStringLiteral("acquiredByHand"));
    mTime = new DateTimeField(this);
    mTime->setObjectName(QStringLiteral("acquiredTime"));
    mTime->setMsecs(layer.acquiredMs());
    mByHand->setChecked(layer.isAcquiredByHand());
    mTime->setEnabled(mByHand->isChecked());
    connect(mByHand, &QCheckBox::toggled, mTime, &QWidget::setEnabled);
    mOnlyInWindow = new QCheckBox(tr("Show only when acquired inside the map's time window"), this);
    mOnlyInWindow->setObjectName(QStringLiteral("onlyInTimeWindow"));
    mOnlyInWindow->setChecked(layer.showsOnlyInTimeWindow());
    mOnlyInWindow->setToolTip(tr("Images before and after an event stack and take turns as the time window "
                                 "moves. An image of unknown date is always shown."));

    QFormLayout *form = makeEditorForm(nullptr);
    form->addRow(tr("The data says:"), data);
    form->addRow(mByHand, mTime);
    form->addRow(QString(), mOnlyInWindow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    auto updateOk = [this, ok] { ok->setEnabled(!mByHand->isChecked() || mTime->isAcceptable()); };
    connect(mByHand, &QCheckBox::toggled, this, updateOk);
    connect(mTime, &DateTimeField::acceptableChanged, this, updateOk);
    updateOk();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

std::int64_t AcquisitionTimeDialog::acquiredByHandMs() const
{
    return mByHand->isChecked() ? mTime->msecs().value_or(0) : 0;
}

void AcquisitionTimeDialog::accept()
{
    if (mByHand->isChecked() && !mTime->isAcceptable()) {
        mTime->setFocus();
        return;
    }
    QDialog::accept();
}

bool AcquisitionTimeDialog::showsOnlyInTimeWindow() const
{
    return mOnlyInWindow->isChecked();
}

void AcquisitionTimeDialog::applyTo(RasterLayer &layer) const
{
    layer.setAcquiredMs(acquiredByHandMs());
    layer.setShowsOnlyInTimeWindow(showsOnlyInTimeWindow());
}

} // namespace sightline
