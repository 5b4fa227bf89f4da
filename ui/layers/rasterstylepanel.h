#pragma once

#include <QWidget>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QUndoStack;

namespace sightline {

class LayerStack;
class RasterLayer;

/// How the current single-band raster is shown: its values stretched as they are, or — for SAR
/// imagery, which is almost black that way — as backscatter in dB between a minimum and a
/// maximum (2–98 % of the image's values at first), from amplitude or from power. Each change
/// is "Restyle layer 'X'" on the undo stack and is kept in the project.
class RasterStylePanel : public QWidget
{
    Q_OBJECT
public:
    explicit RasterStylePanel(LayerStack *layers, QWidget *parent = nullptr);
    void setUndoStack(QUndoStack *undo) { mUndo = undo; }
    /// Shows the layer's display when it is a single-band raster; hides itself otherwise.
    void showLayer(const QString &layerId);
    bool hasLayer() const { return bool(mLayer); }

    QComboBox *display() const { return mDisplay; }
    QComboBox *values() const { return mValues; }
    QDoubleSpinBox *minimumDb() const { return mMinDb; }
    QDoubleSpinBox *maximumDb() const { return mMaxDb; }
    QPushButton *resetRange() const { return mReset; }

private:
    void load();
    void apply(bool recomputeRange);

    LayerStack *mLayers;
    std::shared_ptr<RasterLayer> mLayer;
    QUndoStack *mUndo = nullptr;
    bool mLoading = false;
    QComboBox *mDisplay;
    QComboBox *mValues;
    QDoubleSpinBox *mMinDb;
    QDoubleSpinBox *mMaxDb;
    QPushButton *mReset;
    QLabel *mNote;
};

} // namespace sightline
