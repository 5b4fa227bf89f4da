#include "tracks/csvimport.h"

#include "ais/aismessage.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QDateTime>
#include <QFile>

#include <cmath>

namespace sightline {

namespace {

constexpr int kMaxExamples = 3;

QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *n : list)
        out << QString::fromLatin1(n);
    return out;
}

char sniffDelimiter(const QByteArray &line)
{
    const char candidates[] = {',', ';', '\t', '|'};
    char best = ',';
    qsizetype most = -1;
    for (char c : candidates) {
        if (line.count(c) > most) {
            most = line.count(c);
            best = c;
        }
    }
    return best;
}

// One CSV record with quotes ("a, b" and "" inside quotes).
QList<QByteArray> splitCsv(const QByteArray &line, char delimiter)
{
    QList<QByteArray> fields;
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == delimiter) {
            fields << field;
            field.clear();
        } else if (c != '\r') {
            field += c;
        }
    }
    fields << field;
    return fields;
}

QString normalise(const QString &header)
{
    QString h = header.trimmed().toLower();
    if (h.startsWith(QLatin1Char('#')))
        h = h.mid(1).trimmed();
    return h;
}

bool parseTime(const QByteArray &text, CsvColumnMapping::TimeFormat format, std::int64_t &ms)
{
    const QString t = QString::fromLatin1(text).trimmed();
    if (t.isEmpty())
        return false;
    QDateTime dt;
    switch (format) {
    case CsvColumnMapping::TimeFormat::UnixSeconds: {
        bool ok = false;
        const double s = t.toDouble(&ok);
        if (!ok)
            return false;
        ms = std::llround(s * 1000.0);
        return true;
    }
    case CsvColumnMapping::TimeFormat::DayMonthYear:
        dt = QDateTime::fromString(t, QStringLiteral("dd/MM/yyyy HH:mm:ss"));
        break;
    case CsvColumnMapping::TimeFormat::Iso: {
        QString iso = t;
        iso.replace(QLatin1Char(' '), QLatin1Char('T'));
        if (iso.endsWith(QLatin1String(" UTC")) || iso.endsWith(QLatin1String("TUTC")))
            iso.chop(4);
        dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
        if (!dt.isValid())
            dt = QDateTime::fromString(iso, Qt::ISODate);
        break;
    }
    }
    if (!dt.isValid())
        return false;
    // Exports without a zone are UTC by convention (AIS times always are).
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC);
    ms = dt.toMSecsSinceEpoch();
    return true;
}

bool parseNumber(const QByteArray &text, double &v)
{
    const QByteArray t = text.trimmed();
    if (t.isEmpty())
        return false;
    bool ok = false;
    v = t.toDouble(&ok);
    return ok && std::isfinite(v);
}

int statusFromText(const QByteArray &text)
{
    bool ok = false;
    const int code = text.trimmed().toInt(&ok);
    if (ok)
        return code >= 0 && code < 16 ? code : -1;
    const QString t = QString::fromLatin1(text).trimmed();
    for (int s = 0; s < 16; ++s)
        if (t.compare(QString::fromLatin1(ais::navigationStatusText(s)), Qt::CaseInsensitive) == 0)
            return s;
    // The DMA spells one status differently from the ITU text.
    if (t.compare(QLatin1String("Restricted maneuverability"), Qt::CaseInsensitive) == 0)
        return 3;
    return -1;
}

} // namespace

const char *CsvColumnMapping::fieldName(Field f)
{
    static const char *const n[] = {"MMSI",        "Time (UTC)", "Latitude",  "Longitude",
                                    "Speed (kn)",  "Course",     "Heading",   "Navigation status",
                                    "Vessel name", "IMO",        "Call sign", "Ship type"};
    return f < FieldCount ? n[f] : "?";
}

const std::vector<CsvPreset> &csvPresets()
{
    using F = CsvColumnMapping;
    static const std::vector<CsvPreset> presets = [] {
        std::vector<CsvPreset> p;
        CsvPreset noaa;
        noaa.name = QStringLiteral("NOAA MarineCadastre");
        noaa.headers[F::Mmsi] = names({"mmsi"});
        noaa.headers[F::Time] = names({"basedatetime"});
        noaa.headers[F::Lat] = names({"lat"});
        noaa.headers[F::Lon] = names({"lon"});
        noaa.headers[F::Sog] = names({"sog"});
        noaa.headers[F::Cog] = names({"cog"});
        noaa.headers[F::Heading] = names({"heading"});
        noaa.headers[F::Status] = names({"status"});
        noaa.headers[F::Name] = names({"vesselname"});
        noaa.headers[F::Imo] = names({"imo"});
        noaa.headers[F::CallSign] = names({"callsign"});
        noaa.headers[F::ShipType] = names({"vesseltype"});
        p.push_back(noaa);

        CsvPreset dma;
        dma.name = QStringLiteral("Danish Maritime Authority");
        dma.headers[F::Mmsi] = names({"mmsi"});
        dma.headers[F::Time] = names({"timestamp"});
        dma.headers[F::Lat] = names({"latitude"});
        dma.headers[F::Lon] = names({"longitude"});
        dma.headers[F::Sog] = names({"sog"});
        dma.headers[F::Cog] = names({"cog"});
        dma.headers[F::Heading] = names({"heading"});
        dma.headers[F::Status] = names({"navigational status"});
        dma.headers[F::Name] = names({"name"});
        dma.headers[F::Imo] = names({"imo"});
        dma.headers[F::CallSign] = names({"callsign"});
        dma.timeFormat = F::TimeFormat::DayMonthYear;
        p.push_back(dma);

        CsvPreset mt;
        mt.name = QStringLiteral("MarineTraffic export");
        mt.headers[F::Mmsi] = names({"mmsi"});
        mt.headers[F::Time] = names({"timestamp"});
        mt.headers[F::Lat] = names({"lat"});
        mt.headers[F::Lon] = names({"lon"});
        mt.headers[F::Sog] = names({"speed"});
        mt.headers[F::Cog] = names({"course"});
        mt.headers[F::Heading] = names({"heading"});
        mt.headers[F::Status] = names({"status"});
        mt.headers[F::Name] = names({"shipname"});
        mt.headers[F::Imo] = names({"imo"});
        mt.headers[F::CallSign] = names({"callsign"});
        mt.headers[F::ShipType] = names({"shiptype"});
        mt.speedScale = 0.1; // MarineTraffic reports speed in tenths of a knot
        p.push_back(mt);

        CsvPreset gfw;
        gfw.name = QStringLiteral("Global Fishing Watch");
        gfw.headers[F::Mmsi] = names({"ssvid", "mmsi"});
        gfw.headers[F::Time] = names({"timestamp"});
        gfw.headers[F::Lat] = names({"lat"});
        gfw.headers[F::Lon] = names({"lon"});
        gfw.headers[F::Sog] = names({"speed_knots", "speed"});
        gfw.headers[F::Cog] = names({"course"});
        gfw.headers[F::Heading] = names({"heading"});
        gfw.headers[F::Name] = names({"shipname", "vessel_name"});
        p.push_back(gfw);

        CsvPreset xy;
        xy.name = QStringLiteral("MarineCadastre via QGIS/MovingPandas (X, Y)");
        xy.headers[F::Mmsi] = names({"mmsi"});
        xy.headers[F::Time] = names({"basedatetime", "t", "time"});
        xy.headers[F::Lat] = names({"y"});
        xy.headers[F::Lon] = names({"x"});
        xy.headers[F::Sog] = names({"sog"});
        xy.headers[F::Cog] = names({"cog"});
        xy.headers[F::Heading] = names({"heading"});
        xy.headers[F::Status] = names({"status"});
        p.push_back(xy);
        return p;
    }();
    return presets;
}

QStringList readCsvHeader(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("'%1': %2")
                         .arg(path, file.exists() ? file.errorString() : QStringLiteral("no such file"));
        return {};
    }
    const QByteArray line = file.readLine().trimmed();
    QStringList header;
    for (const QByteArray &f : splitCsv(line, sniffDelimiter(line)))
        header << QString::fromUtf8(f).trimmed();
    if (header.size() < 3 && error)
        *error = QStringLiteral("'%1': line 1 is not a CSV header").arg(path);
    return header.size() < 3 ? QStringList() : header;
}

CsvColumnMapping mappingFromPreset(const CsvPreset &preset, const QStringList &header)
{
    CsvColumnMapping m;
    m.preset = preset.name;
    m.timeFormat = preset.timeFormat;
    m.speedScale = preset.speedScale;
    for (int f = 0; f < CsvColumnMapping::FieldCount; ++f)
        for (int c = 0; c < header.size() && m.column[f] < 0; ++c)
            if (preset.headers[f].contains(normalise(header[c])))
                m.column[f] = c;
    return m;
}

CsvColumnMapping detectCsvMapping(const QStringList &header)
{
    for (const CsvPreset &preset : csvPresets()) {
        CsvColumnMapping m = mappingFromPreset(preset, header);
        if (m.isComplete())
            return m;
    }
    return CsvColumnMapping();
}

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
    QString text = QStringLiteral("%1 (%2): %3 rows read, %4 positions kept, %5 rejected")
                       .arg(file, preset)
                       .arg(rows)
                       .arg(positionsKept)
                       .arg(rejectedTotal);
    if (duplicatesRemoved)
        text += QStringLiteral(", %1 repeated positions merged").arg(duplicatesRemoved);
    for (int r = 0; r < ReasonCount; ++r) {
        if (!rejected[r])
            continue;
        text += QStringLiteral("\n  %1: %2").arg(QString::fromLatin1(reasonText(Reason(r)))).arg(rejected[r]);
        for (const auto &[line, detail] : examples[r])
            text += QStringLiteral("\n    %1:%2: %3").arg(file).arg(line).arg(detail);
    }
    if (cancelled)
        text += QStringLiteral("\nimport cancelled: the rest of the file was not read");
    return text;
}

bool importCsvTracks(const QString &path, const CsvColumnMapping &m, TrackStore &store,
                     VesselRegistry &registry, CsvImportReport &report,
                     const std::function<bool(double)> &progress, QString *error)
{
    report.file = path;
    report.preset = m.preset.isEmpty() ? QStringLiteral("custom columns") : m.preset;
    if (!m.isComplete()) {
        if (error)
            *error = QStringLiteral("'%1': choose the MMSI, time, latitude and longitude columns").arg(path);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("'%1': %2")
                         .arg(path, file.exists() ? file.errorString() : QStringLiteral("no such file"));
        return false;
    }
    const qint64 size = std::max<qint64>(1, file.size());
    const QByteArray headerLine = file.readLine();
    const char delimiter = sniffDelimiter(headerLine);
    const int needed = *std::max_element(m.column.begin(), m.column.end()) + 1;
    auto reject = [&report](CsvImportReport::Reason r, std::int64_t line, QString detail) {
        ++report.rejected[r];
        if (int(report.examples[r].size()) < kMaxExamples)
            report.examples[r].emplace_back(line, std::move(detail));
    };
    auto column = [&m](const QList<QByteArray> &fields, CsvColumnMapping::Field f) -> QByteArray {
        const int c = m.column[f];
        return c >= 0 && c < fields.size() ? fields[c] : QByteArray();
    };
    std::int64_t line = 1;
    while (!file.atEnd()) {
        const QByteArray raw = file.readLine();
        ++line;
        if (raw.trimmed().isEmpty())
            continue;
        ++report.rows;
        if (progress && line % 65536 == 0 && !progress(double(file.pos()) / double(size))) {
            report.cancelled = true;
            break;
        }
        const QList<QByteArray> fields = splitCsv(raw.trimmed(), delimiter);
        if (fields.size() < needed) {
            reject(CsvImportReport::MalformedRow, line,
                   QStringLiteral("%1 fields, the columns need %2").arg(fields.size()).arg(needed));
            continue;
        }
        bool ok = false;
        const qulonglong mmsi = column(fields, CsvColumnMapping::Mmsi).trimmed().toULongLong(&ok);
        if (!ok || mmsi < 1000000 || mmsi > 999999999) {
            reject(
                CsvImportReport::InvalidMmsi, line,
                QStringLiteral("MMSI '%1'").arg(QString::fromLatin1(column(fields, CsvColumnMapping::Mmsi))));
            continue;
        }
        std::int64_t ms = 0;
        if (!parseTime(column(fields, CsvColumnMapping::Time), m.timeFormat, ms)) {
            reject(
                CsvImportReport::NoTime, line,
                QStringLiteral("time '%1'").arg(QString::fromLatin1(column(fields, CsvColumnMapping::Time))));
            continue;
        }
        double lat = 0, lon = 0;
        if (!parseNumber(column(fields, CsvColumnMapping::Lat), lat) ||
            !parseNumber(column(fields, CsvColumnMapping::Lon), lon)) {
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
        if (parseNumber(column(fields, CsvColumnMapping::Sog), v) && v >= 0 && v * m.speedScale < 102.3)
            p.sog = v * m.speedScale;
        if (parseNumber(column(fields, CsvColumnMapping::Cog), v) && v >= 0 && v < 360)
            p.cog = v;
        if (parseNumber(column(fields, CsvColumnMapping::Heading), v) && v >= 0 && v < 360)
            p.heading = int(v);
        if (m.column[CsvColumnMapping::Status] >= 0)
            p.status = statusFromText(column(fields, CsvColumnMapping::Status));
        store.append(p);
        registry.notePosition(std::uint32_t(mmsi), false);
        ++report.positionsKept;

        // Vessel details, where the export has them.
        ais::AisMessage details;
        details.type = 5;
        details.mmsi = std::uint32_t(mmsi);
        details.shipname = column(fields, CsvColumnMapping::Name).trimmed().toStdString();
        details.callsign = column(fields, CsvColumnMapping::CallSign).trimmed().toStdString();
        QByteArray imo = column(fields, CsvColumnMapping::Imo).trimmed();
        if (imo.toUpper().startsWith("IMO"))
            imo = imo.mid(3);
        details.imo = imo.toUInt();
        details.shiptype = column(fields, CsvColumnMapping::ShipType).trimmed().toInt();
        if (!details.shipname.empty() || details.imo || !details.callsign.empty())
            registry.noteStatic(details, ms);
    }
    report.duplicatesRemoved = std::int64_t(store.finalize());
    report.positionsKept -= report.duplicatesRemoved;
    return true;
}

} // namespace sightline
