#pragma once

#include <QDialog>

#include <cstdint>

class QCheckBox;

namespace sightline {

class DateTimeField;
class RasterLayer;

/// Layer → Acquisition Time: when an image was taken — as its metadata or name say, or set by
/// hand — and whether it shows only when that time is inside the map's time window (so images
/// before and after an event take turns as the window moves).
class AcquisitionTimeDialog : public QDialog
{
    Q_OBJECT
public:
    AcquisitionTimeDialog(const RasterLayer &layer, QWidget *parent = nullptr);

    /// The time set by hand, or 0 for what the data says.
    std::int64_t acquiredByHandMs() const;
    bool showsOnlyInTimeWindow() const;
    /// Puts the choices on `layer`.
    void applyTo(RasterLayer &layer) const;
    /// Refuses a time set by hand that cannot be read.
    void accept() override;

    QCheckBox *byHandBox() const { return mByHand; }
    DateTimeField *timeEdit() const { return mTime; }
    QCheckBox *onlyInWindowBox() const { return mOnlyInWindow; }

private:
    QCheckBox *mByHand;
    DateTimeField *mTime;
    QCheckBox *mOnlyInWindow;
};

} // namespace sightline
