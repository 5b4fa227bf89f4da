#pragma once

#include "tracks/csvimport.h"

#include <QDialog>
#include <QHash>

#include <array>

class QComboBox;
class QLabel;
class QLineEdit;

namespace sightline {

class MessageBar;

/// Asks which column of a CSV that is no known export holds the MMSI, the time, the position
/// and the optional fields, and how its times are written, with a preview of the first rows;
/// what generic column names and the first times give is chosen already.
class CsvMappingDialog : public QDialog
{
    Q_OBJECT
public:
    CsvMappingDialog(const QString &path, const QStringList &header, QWidget *parent = nullptr);

    /// The track files of `paths` (made absolute) with the columns of each CSV in `mappings`:
    /// a known export reads as it is, any other CSV gets its columns chosen in this dialog. One
    /// whose dialog is cancelled, or whose header cannot be read (said in `messages`), is left out.
    static QStringList chooseTrackColumns(const QStringList &paths,
                                          QHash<QString, CsvColumnMapping> *mappings, MessageBar *messages,
                                          QWidget *parent);

    CsvColumnMapping mapping() const;
    QComboBox *columnCombo(CsvColumnMapping::Field field) const { return mColumns[field]; }

    QComboBox *timeFormatCombo() const { return mTimeFormat; }
    QLineEdit *timePatternEdit() const { return mTimePattern; }
    QLabel *timeExample() const { return mTimeExample; }

private:
    void updateOk();
    void detectTimeFormat();
    std::optional<CsvTimeFormat> timeFormat() const;

    std::array<QComboBox *, CsvColumnMapping::FieldCount> mColumns{};
    QComboBox *mTimeFormat;
    QLineEdit *mTimePattern;
    QLabel *mTimeExample;
    QList<QList<QByteArray>> mSampleRows;
    QComboBox *mSpeedUnit;
    class QPushButton *mOk = nullptr;
};

} // namespace sightline
