#pragma once

#include "imagery/vesselsearch.h"

#include <QDialog>

#include <cstdint>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace sightline {

class DateTimeField;
class LayerStack;

/// Analysis → Detect Vessels in Image: which image (a raster layer on the map, or a file), where
/// land is (a vector layer, or open sea), the detection's parameters (SNAP's defaults) and the
/// acquisition time (the layer's, editable; empty: the image's metadata).
class DetectionDialog : public QDialog
{
    Q_OBJECT
public:
    DetectionDialog(const LayerStack *layers, QWidget *parent = nullptr);

    /// The image's path as chosen or typed.
    QString imagePath() const;
    /// The acquisition time entered; nothing to take the image's own.
    std::optional<std::int64_t> acquiredMs() const;
    /// Land, parameters: what the run takes.
    VesselSearch search() const;

    QComboBox *imageBox() const { return mImage; }
    QComboBox *landBox() const { return mLand; }
    DateTimeField *acquiredField() const { return mAcquired; }
    QDoubleSpinBox *pfaBox() const { return mPfa; }
    QLabel *problemLabel() const { return mProblem; }

public Q_SLOTS:
    void accept() override;

private:
    void imageChosen();

    const LayerStack *mLayers;
    QComboBox *mImage;
    QPushButton *mBrowse;
    DateTimeField *mAcquired;
    QComboBox *mLand;
    QDoubleSpinBox *mTarget, *mGuard, *mBackground, *mPfa, *mShore, *mMinLength;
    QLabel *mProblem;
};

} // namespace sightline
