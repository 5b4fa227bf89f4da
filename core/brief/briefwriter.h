#pragma once

#include "brief/brief.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>

class QIODevice;

namespace sightline {

struct BriefInputs;

/// What an export made, and what it had to leave out.
struct BriefExportResult
{
    int pages = 0;
    int figures = 0;
    QStringList problems; ///< layers missing or failing to draw: printed on the page too, never fatal
    bool cancelled = false;
};

/// Lays the brief out over its pages and writes it as PDF to `out`, through QPdfWriter and the
/// renderers the canvas uses: text stays text with its fonts embedded, vectors stay vectors, and
/// imagery is embedded once per figure at the brief's resolution. The same brief and inputs give
/// the same bytes; the PDF's creation date is briefTimestampMs(). Reads only its arguments, so it may
/// run on a worker thread (given layers no other thread changes meanwhile: Layer::snapshot). `progress`
/// (0..1, once a page item) returning false stops it: false, with `result->cancelled`, nothing written.
bool writeBriefPdf(const Brief &brief, const BriefInputs &inputs, QIODevice &out, BriefExportResult *result,
                   QString *error, const std::function<bool(double)> &progress = {});
/// The same into a file, replaced only once the whole PDF is written.
bool writeBriefPdfFile(const Brief &brief, const BriefInputs &inputs, const QString &path,
                       BriefExportResult *result, QString *error);

/// The time a brief is dated and its PDF stamped with: SOURCE_DATE_EPOCH (seconds) when it is set,
/// as reproducible builds do, else now.
std::int64_t briefTimestampMs();

} // namespace sightline
