#pragma once

#include "render/animationframes.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QDialogButtonBox;

namespace sightline {

class DateTimeField;

/// File → Export Animation: the map over a time range, frame by frame — from, to, step, trail,
/// frame size and rate, title, legend, skipping frames with nothing new, and where (.png animated
/// PNG, .gif, or .mp4 when Debian's ffmpeg is installed).
class AnimationExportDialog : public QDialog
{
    Q_OBJECT
public:
    /// `range` is the time window on the map (or the data's span) the export starts from.
    AnimationExportDialog(const TimeWindow &range, QSize mapSize, QWidget *parent = nullptr);

    AnimationPlan plan() const;
    QSize frameSize() const;
    double framesPerSecond() const;
    QString path() const;
    void setPath(const QString &path);

    DateTimeField *fromEdit() const { return mFrom; }
    DateTimeField *toEdit() const { return mTo; }
    QComboBox *stepCombo() const { return mStep; }
    QLineEdit *titleEdit() const { return mTitle; }

private:
    void browse();
    void validate();

    DateTimeField *mFrom;
    DateTimeField *mTo;
    QComboBox *mStep;
    QComboBox *mTrail;
    QComboBox *mSize;
    QDoubleSpinBox *mFps;
    QLineEdit *mTitle;
    QCheckBox *mLegend;
    QCheckBox *mSkip;
    QLineEdit *mPath;
    QDialogButtonBox *mButtons;
};

} // namespace sightline
