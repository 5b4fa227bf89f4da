#include "tracks/csvheader.h"

#include "tracks/csvrecord.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace sightline {

namespace {

// Enough of a file for its header and the rows detection looks at.
constexpr qint64 kPreviewBytes = 1 << 20;

QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *n : list)
        out << QString::fromLatin1(n);
    return out;
}

// Lower case without a leading '#': how the presets name their columns.
QString presetName(const QString &header)
{
    QString h = header.trimmed().toLower();
    if (h.startsWith(QLatin1Char('#')))
        h = h.mid(1).trimmed();
    return h;
}

bool hasAny(const QStringList &header, const QStringList &wanted)
{
    return std::any_of(header.begin(), header.end(),
                       [&](const QString &h) { return wanted.contains(presetName(h)); });
}

// Generic names of each field, best first: when two columns could be the field, the one
// whose name comes first here wins ("latitude" over "y").
const std::array<QStringList, CsvColumnMapping::FieldCount> &genericNames()
{
    using F = CsvColumnMapping;
    static const std::array<QStringList, F::FieldCount> n = [] {
        std::array<QStringList, F::FieldCount> a;
        a[F::Mmsi] = names({"mmsi", "ssvid", "sourcemmsi", "userid", "mmsinumber"});
        a[F::Time] = names({"basedatetime", "timestamp", "datetime", "time", "postime", "timeutc", "ts", "t",
                            "date", "epoch", "unixtime"});
        a[F::Lat] = names({"latitude", "lat", "y"});
        a[F::Lon] = names({"longitude", "lon", "long", "lng", "x"});
        a[F::Sog] = names({"sog", "speedoverground", "speed"});
        a[F::Cog] = names({"cog", "courseoverground", "course"});
        a[F::Heading] = names({"heading", "trueheading", "hdg"});
        a[F::Status] = names({"navigationalstatus", "navigationstatus", "navstatus", "status"});
        a[F::Name] = names({"vesselname", "shipname", "name"});
        a[F::Imo] = names({"imo", "imonumber"});
        a[F::CallSign] = names({"callsign"});
        a[F::ShipType] = names({"shiptype", "vesseltype", "shipandcargotype", "type"});
        return a;
    }();
    return n;
}

// Words that only give a unit or a reference, never the meaning.
bool isUnitWord(const QString &w)
{
    static const QStringList units =
        names({"deg", "degs", "degree", "degrees", "dd",  "decimal", "wgs84", "kn",      "kt",
               "kts", "knot", "knots",  "utc",     "gmt", "z",       "iso",   "iso8601", "unix",
               "s",   "sec",  "secs",   "seconds", "ms",  "millis",  "in"});
    return units.contains(w);
}

} // namespace

const char *CsvColumnMapping::fieldName(Field f)
{
    static const char *const n[] = {"MMSI",        "Time (UTC)", "Latitude",  "Longitude",
                                    "Speed (kn)",  "Course",     "Heading",   "Navigation status",
                                    "Vessel name", "IMO",        "Call sign", "Ship type"};
    return f < FieldCount ? n[f] : "?";
}

const char *CsvColumnMapping::fieldKey(Field f)
{
    static const char *const n[] = {"mmsi",    "time",   "lat",  "lon", "sog",      "cog",
                                    "heading", "status", "name", "imo", "callsign", "type"};
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
        dma.timeFormat = CsvTimeFormat{CsvTimeFormat::Kind::DayMonthYear, {}};
        p.push_back(dma);

        // MarineTraffic's position exports: MMSI,IMO,SHIP_ID,LAT,LON,SPEED,HEADING,COURSE,STATUS,
        // TIMESTAMP,DSRC,UTC_SECONDS[,SHIPNAME,SHIPTYPE,CALLSIGN,...], SPEED in tenths of a knot.
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
        mt.markers = names({"ship_id", "dsrc", "utc_seconds"});
        mt.speedScale = 0.1;
        p.push_back(mt);

        // Global Fishing Watch: ssvid,timestamp,lat,lon,speed_knots,course,... (AIS positions) or
        // mmsi,timestamp,distance_from_shore,distance_from_port,speed,course,lat,lon,is_fishing,source
        // (the training data), speeds in knots, times ISO or Unix seconds.
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
        gfw.markers = names({"ssvid", "speed_knots", "is_fishing", "distance_from_shore",
                             "distance_from_port", "seg_id", "vessel_id"});
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
        xy.markers = names({"basedatetime", "voyageid"});
        p.push_back(xy);
        return p;
    }();
    return presets;
}

CsvPreview readCsvPreview(const QString &path, int rows, QString *error)
{
    CsvPreview preview;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("'%1': %2")
                         .arg(path, file.exists() ? file.errorString() : QStringLiteral("no such file"));
        return preview;
    }
    const QByteArray head = file.read(kPreviewBytes);
    CsvRecordReader reader(head.constData(), head.constData() + head.size());
    const char delimiter = CsvRecordReader::sniffDelimiter(reader.firstLine());
    std::vector<std::string_view> fields;
    if (reader.next(delimiter, fields))
        for (std::string_view f : fields)
            preview.header << QString::fromUtf8(f.data(), qsizetype(f.size())).trimmed();
    if (preview.header.size() < 3) {
        if (error)
            *error = QStringLiteral("'%1': line 1 is not a CSV header").arg(path);
        return CsvPreview();
    }
    while (preview.rows.size() < rows && reader.next(delimiter, fields)) {
        // The last line of a truncated read may be cut short: leave it out.
        if (reader.atEnd() && file.bytesAvailable() > 0)
            break;
        if (fields.size() == 1 && fields.front().empty())
            continue;
        QList<QByteArray> row;
        for (std::string_view f : fields)
            row << QByteArray(f.data(), qsizetype(f.size()));
        preview.rows << row;
    }
    return preview;
}

QStringList readCsvHeader(const QString &path, QString *error)
{
    return readCsvPreview(path, 0, error).header;
}

QString canonicalCsvHeader(const QString &header)
{
    QString h = header.trimmed().toLower();
    // Units in brackets: "Latitude (deg)", "SOG [kn]", "speed {knots}".
    static const QRegularExpression bracketed(QStringLiteral("[\\(\\[\\{][^\\)\\]\\}]*[\\)\\]\\}]"));
    h.remove(bracketed);
    // "lat_deg", "speed-knots", "# Timestamp", "Time UTC", "BaseDateTime".
    static const QRegularExpression separators(QStringLiteral("[^a-z0-9]+"));
    QStringList words = h.split(separators, Qt::SkipEmptyParts);
    QStringList kept;
    for (const QString &w : std::as_const(words))
        if (!isUnitWord(w))
            kept << w;
    // A name that is only a unit ("UTC") keeps it.
    return kept.isEmpty() ? words.join(QString()) : kept.join(QString());
}

CsvColumnMapping mappingFromPreset(const CsvPreset &preset, const QStringList &header)
{
    CsvColumnMapping m;
    m.preset = preset.name;
    m.timeFormat = preset.timeFormat;
    m.speedScale = preset.speedScale;
    for (int f = 0; f < CsvColumnMapping::FieldCount; ++f)
        for (int c = 0; c < header.size() && m.column[f] < 0; ++c)
            if (preset.headers[f].contains(presetName(header[c])))
                m.column[f] = c;
    return m;
}

CsvColumnMapping mappingFromGenericNames(const QStringList &header)
{
    CsvColumnMapping m;
    m.preset = QStringLiteral("generic column names");
    QStringList canonical;
    for (const QString &h : header)
        canonical << canonicalCsvHeader(h);
    std::vector<bool> taken(std::size_t(header.size()), false);
    for (int f = 0; f < CsvColumnMapping::FieldCount; ++f) {
        int best = -1, bestRank = 1 << 30;
        for (int c = 0; c < canonical.size(); ++c) {
            const int rank = int(genericNames()[f].indexOf(canonical[c]));
            if (rank >= 0 && rank < bestRank && !taken[std::size_t(c)]) {
                best = c;
                bestRank = rank;
            }
        }
        if (best >= 0) {
            m.column[f] = best;
            taken[std::size_t(best)] = true;
        }
    }
    return m;
}

CsvColumnMapping detectCsvMapping(const QStringList &header)
{
    for (const CsvPreset &preset : csvPresets()) {
        if (!preset.markers.isEmpty() && !hasAny(header, preset.markers))
            continue;
        CsvColumnMapping m = mappingFromPreset(preset, header);
        if (m.isComplete())
            return m;
    }
    return mappingFromGenericNames(header);
}

CsvColumnMapping detectCsvMapping(const CsvPreview &preview)
{
    CsvColumnMapping m = detectCsvMapping(preview.header);
    const int timeColumn = m.column[CsvColumnMapping::Time];
    if (timeColumn < 0)
        return m;
    QList<QByteArray> samples;
    for (const QList<QByteArray> &row : preview.rows)
        if (timeColumn < row.size())
            samples << row[timeColumn];
    if (const auto detected = detectCsvTimeFormat(samples))
        m.timeFormat = *detected;
    return m;
}

std::optional<std::vector<std::pair<CsvColumnMapping::Field, QString>>> parseCsvColumnSpec(const QString &spec,
                                                                                         QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QStringList parts = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return fail(QStringLiteral("--columns names no column (lat=COL,lon=COL,time=COL,mmsi=COL)"));
    std::vector<std::pair<CsvColumnMapping::Field, QString>> fields;
    for (const QString &part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(QStringLiteral("'%1' is not FIELD=COLUMN").arg(part));
        const QString key = part.left(eq).trimmed().toLower();
        int field = 0;
        while (field < CsvColumnMapping::FieldCount &&
               key != QLatin1String(CsvColumnMapping::fieldKey(CsvColumnMapping::Field(field))))
            ++field;
        if (field == CsvColumnMapping::FieldCount) {
            QStringList keys;
            for (int f = 0; f < CsvColumnMapping::FieldCount; ++f)
                keys << QString::fromLatin1(CsvColumnMapping::fieldKey(CsvColumnMapping::Field(f)));
            return fail(QStringLiteral("'%1' is no field; the fields are %2")
                            .arg(key, keys.join(QLatin1String(", "))));
        }
        fields.emplace_back(CsvColumnMapping::Field(field), part.mid(eq + 1).trimmed());
    }
    return fields;
}

bool applyCsvColumnSpec(CsvColumnMapping &mapping, const QStringList &header, const QString &spec,
                        QString *error)
{
    const auto fields = parseCsvColumnSpec(spec, error);
    if (!fields)
        return false;
    for (const auto &[field, column] : *fields) {
        int index = -1;
        for (int c = 0; c < header.size() && index < 0; ++c)
            if (header[c].compare(column, Qt::CaseInsensitive) == 0)
                index = c;
        bool isNumber = false;
        const int number = column.toInt(&isNumber);
        if (index < 0 && isNumber && number >= 1 && number <= header.size())
            index = number - 1;
        if (index < 0) {
            if (error)
                *error = QStringLiteral("%1=%2: the header has no column '%2'; its columns are: %3")
                             .arg(QString::fromLatin1(CsvColumnMapping::fieldKey(field)), column,
                                  header.join(QLatin1String(", ")));
            return false;
        }
        mapping.column[field] = index;
    }
    mapping.preset = QStringLiteral("columns given");
    return true;
}

QString describeMissingCsvColumns(const CsvColumnMapping &mapping, const QStringList &header)
{
    QStringList missing;
    for (const auto f :
         {CsvColumnMapping::Mmsi, CsvColumnMapping::Time, CsvColumnMapping::Lat, CsvColumnMapping::Lon})
        if (mapping.column[f] < 0)
            missing << QStringLiteral("%1 (%2)").arg(QString::fromLatin1(CsvColumnMapping::fieldName(f)),
                                                     QString::fromLatin1(CsvColumnMapping::fieldKey(f)));
    return QStringLiteral("no column could be mapped to %1; the header's columns are: %2")
        .arg(missing.join(QLatin1String(", ")), header.join(QLatin1String(", ")));
}

} // namespace sightline
