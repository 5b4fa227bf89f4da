#pragma once

#include "model/sighting.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace sightline {

class DateTimeField;

/// The sighting form: what was seen, when, on which image, how many, which
/// vessel, how sure (Admiralty grading), by whom, notes and tags.
class SightingDialog : public QDialog
{
    Q_OBJECT
public:
    /// `vessels`: "NAME (MMSI)" choices from the open track layers, by MMSI.
    SightingDialog(const Sighting &sighting, const QList<QPair<std::uint32_t, QString>> &vessels,
                   QWidget *parent = nullptr);

    /// The sighting with the form's values (geometry and id as given).
    Sighting sighting() const;

    QComboBox *kind() const { return mKind; }
    QSpinBox *count() const { return mCount; }
    QLineEdit *imagerySource() const { return mImagerySource; }
    QPlainTextEdit *notes() const { return mNotes; }
    QComboBox *vessel() const { return mVessel; }
    QComboBox *reliability() const { return mReliability; }
    QComboBox *credibility() const { return mCredibility; }
    QLineEdit *tags() const { return mTags; }
    DateTimeField *observedAt() const { return mObservedAt; }

    void accept() override;

private Q_SLOTS:
    /// Save is offered only when the form can be saved as it stands.
    void updateSaveButton();

private:
    Sighting mSighting;
    QComboBox *mKind;
    QCheckBox *mTimeKnown;
    DateTimeField *mObservedAt;
    QLineEdit *mImagerySource;
    QLineEdit *mProvider;
    QDoubleSpinBox *mResolution;
    QSpinBox *mCount;
    QComboBox *mVessel;
    QComboBox *mReliability;
    QComboBox *mCredibility;
    QLineEdit *mAnalyst;
    QPlainTextEdit *mNotes;
    QLineEdit *mTags;
    QLabel *mProblem;
    QPushButton *mSave = nullptr;
};

} // namespace sightline
