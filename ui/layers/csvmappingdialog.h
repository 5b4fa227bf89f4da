#pragma once

#include "tracks/csvimport.h"

#include <QDialog>
#include <QHash>

#include <array>

class QComboBox;
class QLabel;

namespace sightline {

class MessageBar;

/// Asks which column of an unknown CSV holds the MMSI, the time, the position
/// and the optional fields, with a preview of the first rows.
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

private:
    void updateOk();

    std::array<QComboBox *, CsvColumnMapping::FieldCount> mColumns{};
    QComboBox *mTimeFormat;
    QComboBox *mSpeedUnit;
    class QPushButton *mOk = nullptr;
};

} // namespace sightline
