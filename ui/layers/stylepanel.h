#pragma once

#include "layers/vectorstyle.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QPushButton;
class QSlider;
class QTableWidget;
class QUndoStack;

namespace sightline {

class LayerStack;
class VectorLayer;

/// Edits the style of the current vector layer: stroke, fill, opacity, point
/// symbol, railway ticks, label field, and categories by an attribute
/// (Classify fills them with the field's values). Changes apply at once.
class StylePanel : public QWidget
{
    Q_OBJECT
public:
    explicit StylePanel(LayerStack *layers, QWidget *parent = nullptr);
    void showLayer(const QString &layerId);
    /// Each change goes on this stack as "Restyle layer 'X'" (project/layerhistory.h).
    void setUndoStack(QUndoStack *undo) { mUndo = undo; }

    QDoubleSpinBox *strokeWidth() const { return mStrokeWidth; }
    QComboBox *labelField() const { return mLabelField; }
    QComboBox *categoryField() const { return mCategoryField; }
    QTableWidget *categories() const { return mCategories; }
    QPushButton *classifyButton() const { return mClassify; }
    /// Sets a colour as the colour dialog would (tests, scripted use).
    void setStrokeColour(const QColor &colour);
    void setFillColour(const QColor &colour);

private:
    void load();
    void apply();
    void classify();
    void pickColour(bool fill);

    LayerStack *mLayers;
    std::shared_ptr<VectorLayer> mLayer;
    VectorStyle mStyle;
    QUndoStack *mUndo = nullptr;
    bool mLoading = false;
    bool mApplying = false;
    QPushButton *mStroke;
    QDoubleSpinBox *mStrokeWidth;
    QComboBox *mPenStyle;
    QPushButton *mFill;
    QSlider *mFillOpacity;
    QComboBox *mShape;
    QDoubleSpinBox *mPointSize;
    QCheckBox *mRailway;
    QComboBox *mLabelField;
    QComboBox *mCategoryField;
    QPushButton *mClassify;
    QTableWidget *mCategories;
};

} // namespace sightline
