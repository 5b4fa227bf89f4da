#pragma once

#include "support/workbenchtest.h"

/// SAR imagery on the map: a float GRD GeoTIFF opens as backscatter in dB (its sea grey, not
/// black), and the Style dock switches it to the plain stretch and back and sets the dB range,
/// each change undoable and kept in the project.
class TestSarDisplay : public WorkbenchTest
{
    Q_OBJECT
private Q_SLOTS:
    void sarImageOpensInDecibelsAndTheStyleDockSwitchesIt();
};
