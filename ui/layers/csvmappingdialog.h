#pragma once

#include "tracks/csvimport.h"

#include <QDialog>

#include <array>

class QComboBox;
class QLabel;

namespace sightline {

/// Asks which column of an unknown CSV holds the MMSI, the time, the position
/// and the optional fields, with a preview of the first rows.
class CsvMappingDialog : public QDialog
{
    Q_OBJECT
public:
    CsvMappingDialog(const QString &path, const QStringList &header, QWidget *parent = nullptr);

    CsvColumnMapping mapping() const;
    QComboBox *columnCombo(CsvColumnMapping::Field field) const { return mColumns[field]; }
    QComboBox *timeFormatCombo() const { return mTimeFormat; }

private:
    void updateOk();

    std::array<QComboBox *, CsvColumnMapping::FieldCount> mColumns{};
    QComboBox *mTimeFormat;
    QComboBox *mSpeedUnit;
    class QPushButton *mOk = nullptr;
};

} // namespace sightline
