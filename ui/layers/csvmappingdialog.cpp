#include "ui/layers/csvmappingdialog.h"

#include "layers/trackfilelayers.h"
#include "ui/common/messagebar.h"
#include "util/gdalutil.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sightline {

namespace {
constexpr int kPreviewRows = 5;
// Rows whose times tell the time format.
constexpr int kDetectionRows = 50;
} // namespace

CsvMappingDialog::CsvMappingDialog(const QString &path, const QStringList &header, QWidget *parent)
    : QDialog(parent)
    , mTimeFormat(new QComboBox(this))
    , mTimePattern(new QLineEdit(this))
    , mTimeExample(new QLabel(this))
    , mSpeedUnit(new QComboBox(this))
{
    setObjectName(QStringLiteral("csvMappingDialog"));
    setWindowTitle(tr("Columns of %1").arg(QFileInfo(path).fileName()));
    auto *intro = new QLabel(tr("This CSV is no known export. The columns below are guessed from their "
                                "names and the first rows; correct what is wrong. MMSI, time, latitude and "
                                "longitude are needed."),
                             this);
    intro->setWordWrap(true);

    // The first rows, so the choice is made looking at the data.
    auto *preview = new QTableWidget(0, int(header.size()), this);
    preview->setObjectName(QStringLiteral("csvPreview"));
    preview->setHorizontalHeaderLabels(header);
    preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    preview->verticalHeader()->hide();
    const CsvPreview rows = readCsvPreview(path, kDetectionRows, nullptr);
    for (int r = 0; r < kPreviewRows && r < rows.rows.size(); ++r) {
        preview->insertRow(r);
        for (int c = 0; c < rows.rows[r].size() && c < header.size(); ++c)
            preview->setItem(r, c, new QTableWidgetItem(QString::fromUtf8(rows.rows[r][c])));
    }
    mSampleRows = rows.rows;
    preview->resizeColumnsToContents();
    preview->setMaximumHeight(170);

    // Guess what can be guessed from the names and the first rows; the user corrects the rest.
    CsvColumnMapping guess = detectCsvMapping(rows.rows.isEmpty() ? CsvPreview{header, {}} : rows);
    if (!guess.isComplete()) {
        // The preset that names most of the columns, when the generic names found fewer.
        auto named = [](const CsvColumnMapping &m) {
            return int(std::count_if(m.column.begin(), m.column.end(), [](int c) { return c >= 0; }));
        };
        for (const CsvPreset &preset : csvPresets()) {
            const CsvColumnMapping m = mappingFromPreset(preset, header);
            if (named(m) > named(guess)) {
                const auto timeFormat = guess.timeFormat;
                guess = m;
                guess.timeFormat = timeFormat;
            }
        }
    }

    auto *form = new QFormLayout();
    for (int f = 0; f < CsvColumnMapping::FieldCount; ++f) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("column_%1").arg(f));
        combo->addItem(tr("— none —"), -1);
        for (int c = 0; c < header.size(); ++c)
            combo->addItem(header[c], c);
        combo->setCurrentIndex(guess.column[f] + 1);
        connect(combo, &QComboBox::currentIndexChanged, this, &CsvMappingDialog::updateOk);
        // Another time column: its first values say how its times are written.
        if (f == CsvColumnMapping::Time)
            connect(combo, &QComboBox::currentIndexChanged, this, &CsvMappingDialog::detectTimeFormat);
        mColumns[f] = combo;
        const bool required = f <= CsvColumnMapping::Lon;
        form->addRow(QString::fromLatin1(CsvColumnMapping::fieldName(CsvColumnMapping::Field(f))) +
                         (required ? QStringLiteral(" *") : QString()),
                     combo);
    }
    mTimeFormat->setObjectName(QStringLiteral("timeFormat"));
    mTimeFormat->addItem(tr("ISO 8601 (2023-08-15T12:00:00Z, 2023-08-15 12:00:00)"), QStringLiteral("iso"));
    mTimeFormat->addItem(tr("Day/month/year (15/08/2023 12:00:00)"), QStringLiteral("dmy"));
    mTimeFormat->addItem(tr("Unix seconds (1692100800)"), QStringLiteral("unix"));
    mTimeFormat->addItem(tr("Unix milliseconds (1692100800000)"), QStringLiteral("unix-ms"));
    mTimeFormat->addItem(tr("Pattern…"), QString());
    const QString guessedFormat = guess.timeFormat ? guess.timeFormat->text() : QStringLiteral("iso");
    const int known = mTimeFormat->findData(guessedFormat);
    mTimeFormat->setCurrentIndex(known >= 0 ? known : mTimeFormat->count() - 1);
    mTimePattern->setObjectName(QStringLiteral("timePattern"));
    mTimePattern->setPlaceholderText(tr("%d.%m.%Y %H:%M:%S"));
    mTimePattern->setToolTip(tr("%Y year, %y two-digit year, %m month, %b month name, %d day, %H hour, "
                                "%M minute, %S second, %f fraction, %z zone; other characters as they are"));
    if (known < 0)
        mTimePattern->setText(guessedFormat);
    mTimePattern->setEnabled(known < 0);
    connect(mTimeFormat, &QComboBox::currentIndexChanged, this, [this] {
        mTimePattern->setEnabled(mTimeFormat->currentData().toString().isEmpty());
        updateOk();
    });
    connect(mTimePattern, &QLineEdit::textChanged, this, &CsvMappingDialog::updateOk);
    form->addRow(tr("Time format (UTC)"), mTimeFormat);
    form->addRow(tr("Time pattern"), mTimePattern);
    mTimeExample->setObjectName(QStringLiteral("timeExample"));
    form->addRow(QString(), mTimeExample);
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
    m.timeFormat = timeFormat();
    m.speedScale = mSpeedUnit->currentData().toDouble();
    return m;
}

void CsvMappingDialog::detectTimeFormat()
{
    const int column = mColumns[CsvColumnMapping::Time]->currentData().toInt();
    QList<QByteArray> samples;
    for (const QList<QByteArray> &row : std::as_const(mSampleRows))
        if (column >= 0 && column < row.size())
            samples << row[column];
    const auto detected = detectCsvTimeFormat(samples);
    if (!detected)
        return;
    const int known = mTimeFormat->findData(detected->text());
    if (known >= 0)
        mTimeFormat->setCurrentIndex(known);
}

std::optional<CsvTimeFormat> CsvMappingDialog::timeFormat() const
{
    const QString chosen = mTimeFormat->currentData().toString();
    return CsvTimeFormat::fromText(chosen.isEmpty() ? mTimePattern->text() : chosen);
}

void CsvMappingDialog::updateOk()
{
    // The first time of the preview read as chosen, so a wrong format shows before the import.
    const CsvColumnMapping m = mapping();
    const int column = m.column[CsvColumnMapping::Time];
    QString example;
    bool readable = m.timeFormat.has_value();
    if (column >= 0 && !mSampleRows.isEmpty() && column < mSampleRows.front().size()) {
        const QByteArray text = mSampleRows.front()[column];
        std::int64_t ms = 0;
        readable = readable && parseCsvTime(std::string_view(text.constData(), std::size_t(text.size())),
                                            *m.timeFormat, ms);
        example = readable ? tr("'%1' reads as %2")
                                 .arg(QString::fromUtf8(text),
                                      QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs))
                           : tr("'%1' does not read in this format").arg(QString::fromUtf8(text));
    }
    mTimeExample->setText(example);
    if (mOk)
        mOk->setEnabled(m.isComplete() && readable);
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
            // A known export reads as it is; columns guessed from generic names are shown first.
            const bool known = std::any_of(csvPresets().begin(), csvPresets().end(),
                                           [&](const CsvPreset &p) { return p.name == mapping.preset; });
            if (!mapping.isComplete() || !known) {
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
