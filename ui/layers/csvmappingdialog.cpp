#include "ui/layers/csvmappingdialog.h"

#include "layers/trackfilelayers.h"
#include "ui/common/messagebar.h"
#include "util/gdalutil.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sightline {

namespace {
constexpr int kPreviewRows = 5;
}

CsvMappingDialog::CsvMappingDialog(const QString &path, const QStringList &header, QWidget *parent)
    : QDialog(parent)
    , mTimeFormat(new QComboBox(this))
    , mSpeedUnit(new QComboBox(this))
{
    setObjectName(QStringLiteral("csvMappingDialog"));
    setWindowTitle(tr("Columns of %1").arg(QFileInfo(path).fileName()));
    auto *intro = new QLabel(tr("This CSV matches no known export. Say which columns hold what; "
                                "MMSI, time, latitude and longitude are needed."),
                             this);
    intro->setWordWrap(true);

    // The first rows, so the choice is made looking at the data.
    auto *preview = new QTableWidget(0, int(header.size()), this);
    preview->setObjectName(QStringLiteral("csvPreview"));
    preview->setHorizontalHeaderLabels(header);
    preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    preview->verticalHeader()->hide();
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        file.readLine(); // the header
        for (int r = 0; r < kPreviewRows && !file.atEnd(); ++r) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            const QChar delimiter = line.count(QLatin1Char(';')) > line.count(QLatin1Char(','))
                                        ? QLatin1Char(';')
                                        : QLatin1Char(',');
            const QStringList fields = line.split(delimiter);
            preview->insertRow(r);
            for (int c = 0; c < fields.size() && c < header.size(); ++c)
                preview->setItem(r, c, new QTableWidgetItem(fields[c]));
        }
    }
    preview->resizeColumnsToContents();
    preview->setMaximumHeight(170);

    // Guess what can be guessed from the names; the user corrects the rest.
    const CsvColumnMapping guess = [&] {
        CsvColumnMapping best;
        int bestCount = -1;
        for (const CsvPreset &preset : csvPresets()) {
            const CsvColumnMapping m = mappingFromPreset(preset, header);
            const int count =
                int(std::count_if(m.column.begin(), m.column.end(), [](int c) { return c >= 0; }));
            if (count > bestCount) {
                best = m;
                bestCount = count;
            }
        }
        return best;
    }();

    auto *form = new QFormLayout();
    for (int f = 0; f < CsvColumnMapping::FieldCount; ++f) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("column_%1").arg(f));
        combo->addItem(tr("— none —"), -1);
        for (int c = 0; c < header.size(); ++c)
            combo->addItem(header[c], c);
        combo->setCurrentIndex(guess.column[f] + 1);
        connect(combo, &QComboBox::currentIndexChanged, this, &CsvMappingDialog::updateOk);
        mColumns[f] = combo;
        const bool required = f <= CsvColumnMapping::Lon;
        form->addRow(QString::fromLatin1(CsvColumnMapping::fieldName(CsvColumnMapping::Field(f))) +
                         (required ? QStringLiteral(" *") : QString()),
                     combo);
    }
    mTimeFormat->setObjectName(QStringLiteral("timeFormat"));
    mTimeFormat->addItem(tr("ISO 8601 (2023-08-15T12:00:00Z, 2023-08-15 12:00:00)"),
                         int(CsvColumnMapping::TimeFormat::Iso));
    mTimeFormat->addItem(tr("Day/month/year (15/08/2023 12:00:00)"),
                         int(CsvColumnMapping::TimeFormat::DayMonthYear));
    mTimeFormat->addItem(tr("Unix seconds"), int(CsvColumnMapping::TimeFormat::UnixSeconds));
    mTimeFormat->setCurrentIndex(mTimeFormat->findData(int(guess.timeFormat)));
    form->addRow(tr("Time format (UTC)"), mTimeFormat);
    mSpeedUnit->addItem(tr("knots"), 1.0);
    mSpeedUnit->addItem(tr("tenths of a knot"), 0.1);
    mSpeedUnit->setCurrentIndex(guess.speedScale < 1 ? 1 : 0);
    form->addRow(tr("Speed unit"), mSpeedUnit);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mOk = buttons->button(QDialogButtonBox::Ok);
    mOk->setText(tr("Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(preview);
    layout->addLayout(form);
    layout->addWidget(buttons);
    updateOk();
}

CsvColumnMapping CsvMappingDialog::mapping() const
{
    CsvColumnMapping m;
    m.preset = QStringLiteral("custom columns");
    for (int f = 0; f < CsvColumnMapping::FieldCount; ++f)
        m.column[f] = mColumns[f]->currentData().toInt();
    m.timeFormat = CsvColumnMapping::TimeFormat(mTimeFormat->currentData().toInt());
    m.speedScale = mSpeedUnit->currentData().toDouble();
    return m;
}

void CsvMappingDialog::updateOk()
{
    if (mOk)
        mOk->setEnabled(mapping().isComplete());
}

QStringList CsvMappingDialog::chooseTrackColumns(const QStringList &paths,
                                                 QHash<QString, CsvColumnMapping> *mappings,
                                                 MessageBar *messages, QWidget *parent)
{
    QStringList resolved;
    for (const QString &source : paths) {
        const QString path = isLocalPath(source) ? QFileInfo(source).absoluteFilePath() : source;
        // A known export reads as it is; any other CSV gets its columns chosen.
        if (isTrackTablePath(path) && !path.endsWith(QLatin1String(".gpx"), Qt::CaseInsensitive)) {
            QString error;
            const QStringList header = readCsvHeader(path, &error);
            if (header.isEmpty()) {
                messages->showMessage(MessageBar::Level::Error,
                                      tr("Could not import: %1").arg(error.toHtmlEscaped()));
                continue;
            }
            CsvColumnMapping mapping = detectCsvMapping(header);
            if (!mapping.isComplete()) {
                CsvMappingDialog dialog(path, header, parent);
                if (dialog.exec() != QDialog::Accepted)
                    continue;
                mapping = dialog.mapping();
            }
            mappings->insert(path, mapping);
        }
        resolved << path;
    }
    return resolved;
}

} // namespace sightline
