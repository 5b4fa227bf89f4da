#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace sightline {

/// Name, kind and notes of a drawn feature.
class FeatureDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FeatureDialog(bool polygon, QWidget *parent = nullptr);
    QString name() const;
    QString kind() const;
    QString notes() const;
    QLineEdit *nameEdit() const { return mName; }
    QComboBox *kindCombo() const { return mKind; }

private:
    QLineEdit *mName;
    QComboBox *mKind;
    QPlainTextEdit *mNotes;
};

} // namespace sightline
