#pragma once

#include "analysis/trajectorygeneralize.h"

#include <QDialog>

class QDoubleSpinBox;
class QSpinBox;

namespace sightline {

class Layer;

/// Facts about a layer: source, format, CRS, size, bands, overviews, stretch and metadata,
/// selectable for copying. A track layer's dialog also holds its display options (the
/// simplification of its lines), applied by the caller when the dialog is accepted.
class LayerPropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LayerPropertiesDialog(const Layer &layer, QWidget *parent = nullptr);

    /// Whether the dialog shows a track layer's display options (OK and Cancel, not Close).
    bool editsTrackDisplay() const { return mTolerance != nullptr; }
    /// The simplification the display options say (a track layer's dialog only).
    GeneralizeParameters generalize() const;

private:
    QDoubleSpinBox *mTolerance = nullptr;
    QSpinBox *mMinInterval = nullptr;
};

} // namespace sightline
