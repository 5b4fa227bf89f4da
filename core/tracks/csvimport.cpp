#include "tracks/csvimport.h"

#include "ais/aismessage.h"
#include "tracks/csvrecord.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QFile>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <unordered_map>

namespace sightline {

namespace {

constexpr int kMaxExamples = 3;
// Rows whose times choose the format when the mapping leaves it open.
constexpr int kTimeSampleRows = 200;

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Locale-free and allocation-free; "1e-3", "+5" and "-0.5" as strtod reads them.
bool parseNumber(std::string_view s, double &v)
{
    s = trimmed(s);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    if (s.empty())
        return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && end == s.data() + s.size() && std::isfinite(v);
}

bool parseUnsigned(std::string_view s, std::uint64_t &v)
{
    s = trimmed(s);
    if (s.empty())
        return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && end == s.data() + s.size())
        return true;
    // "273145020.0": some exports write every number as a float.
    double d = 0;
    if (!parseNumber(s, d) || d < 0 || d != std::floor(d) || d > 1e15)
        return false;
    v = std::uint64_t(d);
    return true;
}

int statusFromText(std::string_view raw)
{
    const std::string_view s = trimmed(raw);
    std::uint64_t code = 0;
    if (parseUnsigned(s, code))
        return code < 16 ? int(code) : -1;
    const QString t = text(s);
    for (int st = 0; st < 16; ++st)
        if (t.compare(QString::fromLatin1(ais::navigationStatusText(st)), Qt::CaseInsensitive) == 0)
            return st;
    // The DMA spells one status differently from the ITU text.
    if (t.compare(QLatin1String("Restricted maneuverability"), Qt::CaseInsensitive) == 0)
        return 3;
    return -1;
}

// Vessel details repeat on every row of a vessel; the registry hears them once per run of equal
// details, with the run's first and last time, instead of once per row.
class StaticDetails
{
public:
    explicit StaticDetails(VesselRegistry &registry)
        : mRegistry(registry)
    {
    }
    ~StaticDetails()
    {
        for (auto &[mmsi, run] : mRuns)
            flush(mmsi, run);
    }
    void note(std::uint32_t mmsi, std::string_view name, std::string_view callsign, std::string_view imoText,
              std::string_view typeText, std::int64_t ms)
    {
        name = trimmed(name);
        callsign = trimmed(callsign);
        imoText = trimmed(imoText);
        if (imoText.size() >= 3 && (imoText[0] | 0x20) == 'i' && (imoText[1] | 0x20) == 'm' &&
            (imoText[2] | 0x20) == 'o')
            imoText.remove_prefix(3);
        std::uint64_t imo = 0, type = 0;
        if (!parseUnsigned(imoText, imo) || imo > 0xffffffffu)
            imo = 0;
        if (!parseUnsigned(typeText, type) || type > 255)
            type = 0;
        if (name.empty() && callsign.empty() && !imo)
            return;
        auto [it, inserted] = mRuns.try_emplace(mmsi);
        Run &run = it->second;
        if (!inserted &&
            (run.name != name || run.callsign != callsign || run.imo != imo || run.type != int(type))) {
            flush(mmsi, run);
            inserted = true;
        }
        if (inserted) {
            run.name.assign(name);
            run.callsign.assign(callsign);
            run.imo = std::uint32_t(imo);
            run.type = int(type);
            run.firstMs = run.lastMs = ms;
        }
        run.firstMs = std::min(run.firstMs, ms);
        run.lastMs = std::max(run.lastMs, ms);
    }

private:
    struct Run
    {
        std::string name, callsign;
        std::uint32_t imo = 0;
        int type = 0;
        std::int64_t firstMs = 0, lastMs = 0;
    };
    void flush(std::uint32_t mmsi, const Run &run)
    {
        ais::AisMessage details;
        details.type = 5;
        details.mmsi = mmsi;
        details.shipname = run.name;
        details.callsign = run.callsign;
        details.imo = run.imo;
        details.shiptype = run.type;
        mRegistry.noteStatic(details, run.firstMs);
        if (run.lastMs != run.firstMs)
            mRegistry.noteStatic(details, run.lastMs);
    }

    VesselRegistry &mRegistry;
    std::unordered_map<std::uint32_t, Run> mRuns;
};

// The first times of the file decide its format when the mapping leaves it open.
std::optional<CsvTimeFormat> timeFormatOfFirstRows(const char *begin, const char *end, char delimiter,
                                                   int column, QString *firstValue)
{
    CsvRecordReader reader(begin, end);
    std::vector<std::string_view> fields;
    QList<QByteArray> samples;
    while (samples.size() < kTimeSampleRows && reader.next(delimiter, fields))
        if (column < int(fields.size()) && !trimmed(fields[std::size_t(column)]).empty())
            samples << QByteArray(fields[std::size_t(column)].data(),
                                  qsizetype(fields[std::size_t(column)].size()));
    const auto detected = detectCsvTimeFormat(samples);
    if (!detected && !samples.isEmpty() && firstValue) {
        // The example is a time no format reads, not one that was only outvoted.
        auto readable = [](const QByteArray &s) {
            std::int64_t ms = 0;
            for (const auto kind : {CsvTimeFormat::Kind::UnixSeconds, CsvTimeFormat::Kind::Iso,
                                    CsvTimeFormat::Kind::DayMonthYear}) {
                CsvTimeFormat f;
                f.kind = kind;
                if (parseCsvTime(std::string_view(s.constData(), std::size_t(s.size())), f, ms))
                    return true;
            }
            return false;
        };
        const auto unread = std::find_if(samples.cbegin(), samples.cend(), std::not_fn(readable));
        *firstValue = QString::fromUtf8(unread != samples.cend() ? *unread : samples.front());
    }
    return detected;
}

} // namespace

const char *CsvImportReport::reasonText(Reason r)
{
    switch (r) {
    case MalformedRow:
        return "malformed row";
    case BadValue:
        return "unreadable value";
    case NoTime:
        return "no time";
    case PositionOutOfRange:
        return "position out of range";
    case InvalidMmsi:
        return "invalid MMSI";
    case ReasonCount:
        break;
    }
    return "?";
}

QString CsvImportReport::describe() const
{
    std::int64_t rejectedTotal = 0;
    for (auto n : rejected)
        rejectedTotal += n;
    const QString layout =
        timeFormat.isEmpty() ? preset : QStringLiteral("%1, times %2").arg(preset, timeFormat);
    QString out = QStringLiteral("%1 (%2): %3 rows read, %4 positions kept, %5 rejected")
                      .arg(file, layout)
                      .arg(rows)
                      .arg(positionsKept)
                      .arg(rejectedTotal);
    if (duplicatesRemoved)
        out += QStringLiteral(", %1 repeated positions merged").arg(duplicatesRemoved);
    for (int r = 0; r < ReasonCount; ++r) {
        if (!rejected[r])
            continue;
        out += QStringLiteral("\n  %1: %2").arg(QString::fromLatin1(reasonText(Reason(r)))).arg(rejected[r]);
        for (const auto &[line, detail] : examples[r])
            out += QStringLiteral("\n    %1:%2: %3").arg(file).arg(line).arg(detail);
    }
    if (cancelled)
        out += QStringLiteral("\nimport cancelled: the rest of the file was not read");
    return out;
}

bool importCsvTracks(const QString &path, const CsvColumnMapping &m, TrackStore &store,
                     VesselRegistry &registry, CsvImportReport &report,
                     const std::function<bool(double)> &progress, QString *error)
{
    report.file = path;
    report.preset = m.preset.isEmpty() ? QStringLiteral("custom columns") : m.preset;
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m.isComplete())
        return fail(QStringLiteral("'%1': choose the MMSI, time, latitude and longitude columns").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("'%1': %2")
                        .arg(path, file.exists() ? file.errorString() : QStringLiteral("no such file")));
    const qint64 size = file.size();
    // Mapped, the file is split in place: no copy of a line, no field allocated per row.
    const char *data = size > 0 ? reinterpret_cast<const char *>(file.map(0, size)) : "";
    if (size > 0 && !data)
        return fail(QStringLiteral("'%1': %2").arg(path, file.errorString()));
    const char *const end = data + size;
    CsvRecordReader reader(data, end);
    const char delimiter = CsvRecordReader::sniffDelimiter(reader.firstLine());
    std::vector<std::string_view> fields;
    fields.reserve(64);
    reader.next(delimiter, fields); // the header

    const int timeColumn = m.column[CsvColumnMapping::Time];
    CsvTimeFormat timeFormat;
    if (m.timeFormat) {
        timeFormat = *m.timeFormat;
    } else {
        QString first;
        const auto detected = timeFormatOfFirstRows(reader.position(), end, delimiter, timeColumn, &first);
        if (!detected && !first.isEmpty())
            return fail(QStringLiteral("'%1': the times (such as '%2') are none of ISO 8601, day/month/year, "
                                       "Unix seconds or milliseconds; give their format (--time-format)")
                            .arg(path, first));
        timeFormat = detected.value_or(CsvTimeFormat());
    }
    report.timeFormat = timeFormat.describe();

    int needed = 0;
    for (int c : m.column)
        needed = std::max(needed, c + 1);
    auto reject = [&report](CsvImportReport::Reason r, std::int64_t line, QString detail) {
        ++report.rejected[r];
        if (int(report.examples[r].size()) < kMaxExamples)
            report.examples[r].emplace_back(line, std::move(detail));
    };
    auto column = [&m, &fields](CsvColumnMapping::Field f) -> std::string_view {
        const int c = m.column[f];
        return c >= 0 && c < int(fields.size()) ? fields[std::size_t(c)] : std::string_view();
    };
    const bool hasDetails = m.column[CsvColumnMapping::Name] >= 0 ||
                            m.column[CsvColumnMapping::CallSign] >= 0 || m.column[CsvColumnMapping::Imo] >= 0;
    StaticDetails details(registry);
    std::uint32_t lastMmsi = 0;
    while (!reader.atEnd()) {
        const std::int64_t line = reader.line();
        reader.next(delimiter, fields);
        if (fields.size() == 1 && trimmed(fields.front()).empty())
            continue;
        ++report.rows;
        if (progress && report.rows % kCsvRowsPerProgress == 0 &&
            !progress(double(reader.position() - data) / double(std::max<qint64>(1, size)))) {
            report.cancelled = true;
            break;
        }
        if (int(fields.size()) < needed) {
            reject(CsvImportReport::MalformedRow, line,
                   QStringLiteral("%1 fields, the columns need %2").arg(fields.size()).arg(needed));
            continue;
        }
        std::uint64_t mmsi = 0;
        if (!parseUnsigned(column(CsvColumnMapping::Mmsi), mmsi) || mmsi < 1000000 || mmsi > 999999999) {
            reject(CsvImportReport::InvalidMmsi, line,
                   QStringLiteral("MMSI '%1'").arg(text(column(CsvColumnMapping::Mmsi))));
            continue;
        }
        std::int64_t ms = 0;
        if (!parseCsvTime(column(CsvColumnMapping::Time), timeFormat, ms)) {
            reject(CsvImportReport::NoTime, line,
                   QStringLiteral("time '%1'").arg(text(column(CsvColumnMapping::Time))));
            continue;
        }
        double lat = 0, lon = 0;
        if (!parseNumber(column(CsvColumnMapping::Lat), lat) ||
            !parseNumber(column(CsvColumnMapping::Lon), lon)) {
            reject(CsvImportReport::BadValue, line, QStringLiteral("latitude or longitude is not a number"));
            continue;
        }
        if (std::abs(lat) > 90 || std::abs(lon) > 180) {
            reject(CsvImportReport::PositionOutOfRange, line,
                   QStringLiteral("lat %1, lon %2").arg(lat).arg(lon));
            continue;
        }
        TrackStore::Position p{std::uint32_t(mmsi), ms, lon, lat};
        double v = 0;
        if (parseNumber(column(CsvColumnMapping::Sog), v) && v >= 0 && v * m.speedScale < 102.3)
            p.sog = v * m.speedScale;
        if (parseNumber(column(CsvColumnMapping::Cog), v) && v >= 0 && v < 360)
            p.cog = v;
        if (parseNumber(column(CsvColumnMapping::Heading), v) && v >= 0 && v < 360)
            p.heading = int(v);
        if (m.column[CsvColumnMapping::Status] >= 0)
            p.status = statusFromText(column(CsvColumnMapping::Status));
        store.append(p);
        // Rows of one vessel come in runs: the registry is asked once per run.
        if (std::uint32_t(mmsi) != lastMmsi) {
            registry.notePosition(std::uint32_t(mmsi), false);
            lastMmsi = std::uint32_t(mmsi);
        }
        ++report.positionsKept;
        if (hasDetails)
            details.note(std::uint32_t(mmsi), column(CsvColumnMapping::Name),
                         column(CsvColumnMapping::CallSign), column(CsvColumnMapping::Imo),
                         column(CsvColumnMapping::ShipType), ms);
    }
    report.duplicatesRemoved = std::int64_t(store.finalize());
    report.positionsKept -= report.duplicatesRemoved;
    return true;
}

} // namespace sightline
