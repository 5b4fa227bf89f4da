#include "tracks/csvtime.h"

#include <cmath>

namespace sightline {

namespace {

struct Fields
{
    std::int64_t year = 1970;
    int month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
    int offsetMinutes = 0; ///< east of UTC
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Exactly `n` digits at p.
bool fixedDigits(const char *&p, const char *end, int n, int &value)
{
    if (end - p < n)
        return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (!isDigit(p[i]))
            return false;
        v = v * 10 + (p[i] - '0');
    }
    value = v;
    p += n;
    return true;
}

// One or two digits (strptime's %m, %d, %H ...).
bool shortDigits(const char *&p, const char *end, int &value)
{
    if (p == end || !isDigit(*p))
        return false;
    value = *p++ - '0';
    if (p != end && isDigit(*p))
        value = value * 10 + (*p++ - '0');
    return true;
}

// A decimal fraction after the point: milliseconds, further digits dropped (truncated).
bool fraction(const char *&p, const char *end, int &millis)
{
    if (p == end || !isDigit(*p))
        return false;
    int v = 0, n = 0;
    for (; p != end && isDigit(*p); ++p, ++n)
        if (n < 3)
            v = v * 10 + (*p - '0');
    for (; n < 3; ++n)
        v *= 10;
    millis = v;
    return true;
}

bool startsWithNoCase(const char *p, const char *end, const char *word)
{
    for (; *word; ++word, ++p)
        if (p == end || (*p | 0x20) != (*word | 0x20))
            return false;
    return true;
}

// Z, UTC, GMT, or ±hh[[:]mm]; p is left after it.
bool zone(const char *&p, const char *end, int &offsetMinutes)
{
    if (p == end)
        return false;
    if (*p == 'Z' || *p == 'z') {
        ++p;
        offsetMinutes = 0;
        return true;
    }
    if (startsWithNoCase(p, end, "utc") || startsWithNoCase(p, end, "gmt")) {
        p += 3;
        offsetMinutes = 0;
        if (p == end || (*p != '+' && *p != '-'))
            return true;
    }
    if (*p != '+' && *p != '-')
        return false;
    const int sign = *p++ == '-' ? -1 : 1;
    int h = 0, m = 0;
    if (!fixedDigits(p, end, 2, h))
        return false;
    if (p != end && *p == ':')
        ++p;
    if (p != end && isDigit(*p) && !fixedDigits(p, end, 2, m))
        return false;
    if (h > 23 || m > 59)
        return false;
    offsetMinutes = sign * (h * 60 + m);
    return true;
}

bool isLeap(std::int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(std::int64_t y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

bool toMillis(const Fields &f, std::int64_t &ms)
{
    if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > daysInMonth(f.year, f.month) || f.hour > 23 ||
        f.minute > 59 || f.second > 59)
        return false;
    const std::int64_t days = daysFromCivil(f.year, unsigned(f.month), unsigned(f.day));
    const std::int64_t seconds = days * 86400 + f.hour * 3600 + f.minute * 60 + f.second;
    ms = seconds * 1000 + f.millis - std::int64_t(f.offsetMinutes) * 60000;
    return true;
}

void skipSpaces(const char *&p, const char *end)
{
    while (p != end && (*p == ' ' || *p == '\t'))
        ++p;
}

// hh:mm[:ss[.fff]] then an optional zone, to the end of the text.
bool timeOfDayAndZone(const char *&p, const char *end, Fields &f)
{
    if (!fixedDigits(p, end, 2, f.hour) || p == end || *p++ != ':' || !fixedDigits(p, end, 2, f.minute))
        return false;
    if (p != end && *p == ':') {
        ++p;
        if (!fixedDigits(p, end, 2, f.second))
            return false;
        if (p != end && (*p == '.' || *p == ',')) {
            ++p;
            if (!fraction(p, end, f.millis))
                return false;
        }
    }
    skipSpaces(p, end);
    if (p != end && !zone(p, end, f.offsetMinutes))
        return false;
    return p == end;
}

bool parseIso(const char *p, const char *end, std::int64_t &ms)
{
    Fields f;
    int year = 0;
    if (!fixedDigits(p, end, 4, year) || p == end || *p++ != '-' || !fixedDigits(p, end, 2, f.month) ||
        p == end || *p++ != '-' || !fixedDigits(p, end, 2, f.day))
        return false;
    f.year = year;
    if (p != end) {
        if (*p != 'T' && *p != 't' && *p != ' ')
            return false;
        ++p;
        if (!timeOfDayAndZone(p, end, f))
            return false;
    }
    return toMillis(f, ms);
}

bool parseDayMonthYear(const char *p, const char *end, std::int64_t &ms)
{
    Fields f;
    int year = 0;
    if (!shortDigits(p, end, f.day) || p == end || (*p != '/' && *p != '.' && *p != '-'))
        return false;
    const char separator = *p++;
    if (!shortDigits(p, end, f.month) || p == end || *p++ != separator || !fixedDigits(p, end, 4, year))
        return false;
    f.year = year;
    if (p != end) {
        if (*p != ' ' && *p != 'T')
            return false;
        ++p;
        if (!timeOfDayAndZone(p, end, f))
            return false;
    }
    return toMillis(f, ms);
}

// [-]digits[.digits] as a whole number of `unit`ths of a second, rounded.
bool parseUnix(const char *p, const char *end, int perSecond, std::int64_t &ms)
{
    bool negative = false;
    if (p != end && (*p == '-' || *p == '+'))
        negative = *p++ == '-';
    if (p == end || !isDigit(*p))
        return false;
    std::int64_t whole = 0;
    int digits = 0;
    for (; p != end && isDigit(*p); ++p)
        if (++digits > 16) // beyond any time a track can have
            return false;
        else
            whole = whole * 10 + (*p - '0');
    double frac = 0;
    if (p != end && *p == '.') {
        ++p;
        double scale = 0.1;
        for (; p != end && isDigit(*p); ++p, scale /= 10)
            frac += (*p - '0') * scale;
    }
    if (p != end)
        return false;
    const std::int64_t value =
        perSecond == 1 ? whole * 1000 + std::llround(frac * 1000) : whole + std::llround(frac);
    ms = negative ? -value : value;
    return true;
}

const char *const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                               "jul", "aug", "sep", "oct", "nov", "dec"};

bool parsePattern(const char *p, const char *end, const std::string &pattern, std::int64_t &ms)
{
    Fields f;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c != '%' || i + 1 == pattern.size()) {
            if (p == end || *p != c)
                return false;
            ++p;
            continue;
        }
        int v = 0;
        switch (pattern[++i]) {
        case 'Y':
            if (!fixedDigits(p, end, 4, v))
                return false;
            f.year = v;
            break;
        case 'y':
            if (!fixedDigits(p, end, 2, v))
                return false;
            f.year = v < 69 ? 2000 + v : 1900 + v; // POSIX's rule
            break;
        case 'm':
            if (!shortDigits(p, end, f.month))
                return false;
            break;
        case 'b': {
            int month = 0;
            while (month < 12 && !startsWithNoCase(p, end, kMonths[month]))
                ++month;
            if (month == 12)
                return false;
            f.month = month + 1;
            p += 3;
            break;
        }
        case 'd':
            if (!shortDigits(p, end, f.day))
                return false;
            break;
        case 'H':
            if (!shortDigits(p, end, f.hour))
                return false;
            break;
        case 'M':
            if (!shortDigits(p, end, f.minute))
                return false;
            break;
        case 'S':
            if (!shortDigits(p, end, f.second))
                return false;
            break;
        case 'f':
            if (!fraction(p, end, f.millis))
                return false;
            break;
        case 'z':
            if (!zone(p, end, f.offsetMinutes))
                return false;
            break;
        case '%':
            if (p == end || *p++ != '%')
                return false;
            break;
        default:
            return false;
        }
    }
    return p == end && toMillis(f, ms);
}

} // namespace

bool parseCsvTime(std::string_view text, const CsvTimeFormat &format, std::int64_t &ms)
{
    const char *p = text.data();
    const char *end = p + text.size();
    while (p != end && (*p == ' ' || *p == '\t'))
        ++p;
    while (end != p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
        --end;
    if (p == end)
        return false;
    switch (format.kind) {
    case CsvTimeFormat::Kind::Iso:
        return parseIso(p, end, ms);
    case CsvTimeFormat::Kind::DayMonthYear:
        return parseDayMonthYear(p, end, ms);
    case CsvTimeFormat::Kind::UnixSeconds:
        return parseUnix(p, end, 1, ms);
    case CsvTimeFormat::Kind::UnixMillis:
        return parseUnix(p, end, 1000, ms);
    case CsvTimeFormat::Kind::Pattern:
        return parsePattern(p, end, format.pattern, ms);
    }
    return false;
}

std::optional<CsvTimeFormat> CsvTimeFormat::fromText(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    CsvTimeFormat f;
    if (t.compare(QLatin1String("iso"), Qt::CaseInsensitive) == 0)
        f.kind = Kind::Iso;
    else if (t.compare(QLatin1String("dmy"), Qt::CaseInsensitive) == 0)
        f.kind = Kind::DayMonthYear;
    else if (t.compare(QLatin1String("unix"), Qt::CaseInsensitive) == 0)
        f.kind = Kind::UnixSeconds;
    else if (t.compare(QLatin1String("unix-ms"), Qt::CaseInsensitive) == 0)
        f.kind = Kind::UnixMillis;
    else if (t.contains(QLatin1Char('%'))) {
        f.kind = Kind::Pattern;
        f.pattern = t.toStdString();
        // A pattern without a day or a year would give times in 1970; say so now, not per row.
        for (const char *needed : {"%d", "%H", "%M"})
            if (f.pattern.find(needed) == std::string::npos) {
                if (error)
                    *error = QStringLiteral("the time pattern '%1' has no %2").arg(t, QLatin1String(needed));
                return std::nullopt;
            }
        if (f.pattern.find("%Y") == std::string::npos && f.pattern.find("%y") == std::string::npos) {
            if (error)
                *error = QStringLiteral("the time pattern '%1' has no year (%Y or %y)").arg(t);
            return std::nullopt;
        }
    } else {
        if (error)
            *error =
                QStringLiteral("the time format '%1' is none of iso, dmy, unix, unix-ms or a pattern such "
                               "as '%d.%m.%Y %H:%M:%S'")
                    .arg(t);
        return std::nullopt;
    }
    return f;
}

QString CsvTimeFormat::text() const
{
    switch (kind) {
    case Kind::Iso:
        return QStringLiteral("iso");
    case Kind::DayMonthYear:
        return QStringLiteral("dmy");
    case Kind::UnixSeconds:
        return QStringLiteral("unix");
    case Kind::UnixMillis:
        return QStringLiteral("unix-ms");
    case Kind::Pattern:
        return QString::fromStdString(pattern);
    }
    return {};
}

QString CsvTimeFormat::describe() const
{
    switch (kind) {
    case Kind::Iso:
        return QStringLiteral("ISO 8601 (UTC unless a zone is given)");
    case Kind::DayMonthYear:
        return QStringLiteral("day/month/year (UTC)");
    case Kind::UnixSeconds:
        return QStringLiteral("Unix seconds");
    case Kind::UnixMillis:
        return QStringLiteral("Unix milliseconds");
    case Kind::Pattern:
        return QStringLiteral("pattern %1").arg(QString::fromStdString(pattern));
    }
    return {};
}

std::optional<CsvTimeFormat> detectCsvTimeFormat(const QList<QByteArray> &samples)
{
    // A format is taken when it reads most of the times: a bad row near the top is the import's
    // to reject and report, not a reason to refuse the whole file.
    auto reads = [&samples](const CsvTimeFormat &f) {
        int read = 0, given = 0;
        for (const QByteArray &s : samples) {
            if (s.trimmed().isEmpty())
                continue;
            ++given;
            std::int64_t ms = 0;
            read += parseCsvTime(std::string_view(s.constData(), std::size_t(s.size())), f, ms);
        }
        return read * 2 > given;
    };
    CsvTimeFormat f;
    f.kind = CsvTimeFormat::Kind::UnixSeconds;
    if (reads(f)) {
        // 1e11 seconds is the year 5138; 1e11 milliseconds is March 1973.
        double largest = 0;
        for (const QByteArray &s : samples)
            largest = std::max(largest, std::abs(s.trimmed().toDouble()));
        if (largest >= 1e11)
            f.kind = CsvTimeFormat::Kind::UnixMillis;
        return f;
    }
    for (const auto kind : {CsvTimeFormat::Kind::Iso, CsvTimeFormat::Kind::DayMonthYear}) {
        f.kind = kind;
        if (reads(f))
            return f;
    }
    return std::nullopt;
}

} // namespace sightline
