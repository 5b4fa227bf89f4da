#pragma once

#include "ui/map/measuretool.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace sightline {

class LayerStack;

/// Shows what the measure tool measured, in km, nautical miles and miles, and
/// chooses what it measures: a distance, an area, or the nearest feature of a layer.
class MeasurePanel : public QWidget
{
    Q_OBJECT
public:
    MeasurePanel(MeasureTool *tool, LayerStack *layers, QWidget *parent = nullptr);
    QString resultText() const;
    QComboBox *modeCombo() const { return mMode; }
    QComboBox *layerCombo() const { return mLayer; }

private:
    void show(const Measurement &m);
    void refreshLayers();
    void applyTarget();
    /// In route mode, the layer that looks most like a railway (its style, then its name).
    void chooseRailwayLayer();

    MeasureTool *mTool;
    LayerStack *mLayers;
    QComboBox *mMode;
    QComboBox *mLayer;
    bool mLayerChosen = false;
    QLabel *mResult;
};

} // namespace sightline
