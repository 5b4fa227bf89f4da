#include "util/datetimetext.h"

#include "util/utctime.h"

#include <QRegularExpression>
#include <QStringList>

namespace sightline {

namespace {

const char *const kMonthNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};
const char *const kMonthShort[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool isLeap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : days[month - 1];
}

/// 1–12 for "Oct", "oct.", "October", "sept"; 0 for anything else.
int monthFromName(QString name)
{
    name = name.toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.size() < 3)
        return 0;
    for (int m = 0; m < 12; ++m)
        if (QLatin1String(kMonthNames[m]).startsWith(name))
            return m + 1;
    return 0;
}

/// The time of day and zone that may follow a date: "", " 02:30", "T02:30:15.5Z", " 02:30 UTC",
/// ", 02:30 +09:00". False when what follows the date is not one.
struct TimeOfDay
{
    int hour = 0, minute = 0;
    double second = 0;
    std::int64_t offsetMs = 0;
    bool given = false;
};

bool readTimeOfDay(const QString &rest, TimeOfDay *out, QString *error)
{
    static const QRegularExpression timeRe(QStringLiteral(
        R"(^(?:(?:[T ]|,\s*)\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?|T(\d{2})(\d{2})(?:(\d{2}))?)?)"
        R"(\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = timeRe.match(rest);
    if (!m.hasMatch()) {
        *error = QStringLiteral("'%1' is not a time of day (HH:mm, HH:mm:ss, then Z or ±hh:mm)").arg(rest.trimmed());
        return false;
    }
    const QString h = m.captured(1).isEmpty() ? m.captured(5) : m.captured(1);
    const QString mi = m.captured(1).isEmpty() ? m.captured(6) : m.captured(2);
    const QString s = m.captured(1).isEmpty() ? m.captured(7) : m.captured(3);
    out->given = !h.isEmpty();
    out->hour = h.toInt();
    out->minute = mi.toInt();
    out->second = s.toInt();
    if (!m.captured(4).isEmpty())
        out->second += (QStringLiteral("0.") + m.captured(4)).toDouble();
    if (out->hour > 23 || out->minute > 59 || out->second >= 60) {
        *error = QStringLiteral("%1:%2 is not a time of day").arg(h, mi);
        return false;
    }
    const QString zone = m.captured(8);
    if (zone.size() >= 3 && (zone[0] == QLatin1Char('+') || zone[0] == QLatin1Char('-'))) {
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt(), minutes = digits.mid(2).toInt();
        if (hours > 14 || minutes > 59) {
            *error = QStringLiteral("%1 is not a time zone offset").arg(zone);
            return false;
        }
        out->offsetMs = (zone[0] == QLatin1Char('-') ? -1 : 1) * (hours * 3600 + minutes * 60) * 1000LL;
    }
    return true;
}

/// The UTC time of a checked calendar date and a time of day, or why not.
std::optional<ParsedDateTime> compose(int year, int month, int day, const TimeOfDay &t, QString *error)
{
    if (month < 1 || month > 12) {
        *error = QStringLiteral("%1 is not a month (1–12)").arg(month);
        return std::nullopt;
    }
    if (year < 1800 || year > 2200) {
        *error = QStringLiteral("%1 is not a year this workbench expects").arg(year);
        return std::nullopt;
    }
    if (day < 1 || day > daysInMonth(year, month)) {
        QString name = QLatin1String(kMonthNames[month - 1]);
        name[0] = name[0].toUpper();
        *error = QStringLiteral("%1 %2 has no day %3").arg(name).arg(year).arg(day);
        return std::nullopt;
    }
    ParsedDateTime p;
    p.ms = unixMsFromUtc(year, month, day, t.hour, t.minute, t.second) - t.offsetMs;
    p.dateOnly = !t.given;
    return p;
}

} // namespace

std::optional<ParsedDateTime> parseIsoDateTime(const QString &text)
{
    static const QRegularExpression extended(QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})(.*)$)"));
    static const QRegularExpression basic(QStringLiteral(R"(^(\d{4})(\d{2})(\d{2})(T.*)?$)"));
    const QString t = text.trimmed();
    auto m = extended.match(t);
    const bool isBasic = !m.hasMatch();
    if (isBasic)
        m = basic.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    TimeOfDay time;
    QString error;
    // ISO's separator is "T"; a space is what people (and many exports) write instead.
    if (!readTimeOfDay(m.captured(4), &time, &error))
        return std::nullopt;
    return compose(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), time, &error);
}

DateTimeReading readDateTime(const QString &text)
{
    const QString t = text.trimmed().simplified();
    DateTimeReading r;
    if (t.isEmpty()) {
        r.error = QStringLiteral("No date given");
        return r;
    }
    static const QRegularExpression iso(QStringLiteral(R"(^\d{4}-\d{1,2}-\d{1,2}(?:$|[T ]))"));
    static const QRegularExpression isoBasic(QStringLiteral(R"(^\d{8}(?:$|T))"));
    static const QRegularExpression yearFirst(QStringLiteral(R"(^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(.*)$)"));
    static const QRegularExpression numeric(QStringLiteral(R"(^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(.*)$)"));
    static const QRegularExpression dayName(
        QStringLiteral(R"(^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9}\.?)[ -](\d{4})(.*)$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression nameDay(
        QStringLiteral(R"(^([A-Za-z]{3,9}\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(.*)$)"),
        QRegularExpression::CaseInsensitiveOption);

    int year = 0, month = 0, day = 0;
    QString rest;
    QRegularExpressionMatch m;
    if (iso.match(t).hasMatch() || isoBasic.match(t).hasMatch()) {
        static const QRegularExpression isoParts(QStringLiteral(R"(^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$)"));
        if (const auto p = isoParts.match(t); p.hasMatch()) {
            year = p.captured(1).toInt();
            month = p.captured(2).toInt();
            day = p.captured(3).toInt();
            rest = p.captured(4);
        } else if (auto parsed = parseIsoDateTime(t)) {
            r.value = parsed;
            return r;
        } else {
            r.error = QStringLiteral("'%1' is not an ISO 8601 date (2023-10-05 02:30)").arg(t);
            return r;
        }
    } else if ((m = yearFirst.match(t)).hasMatch()) {
        year = m.captured(1).toInt();
        month = m.captured(2).toInt();
        day = m.captured(3).toInt();
        rest = m.captured(4);
    } else if ((m = numeric.match(t)).hasMatch()) {
        const int first = m.captured(1).toInt(), second = m.captured(3).toInt();
        year = m.captured(4).toInt();
        rest = m.captured(5);
        if (second > 12 && first <= 12) {
            month = first; // only month-first makes sense of it
            day = second;
        } else {
            day = first;
            month = second;
            if (first <= 12 && second <= 12 && first != second)
                r.error = QStringLiteral("day/month"); // ambiguous: noted below once it is a date
        }
    } else if ((m = dayName.match(t)).hasMatch()) {
        day = m.captured(1).toInt();
        month = monthFromName(m.captured(2));
        year = m.captured(3).toInt();
        rest = m.captured(4);
        if (!month) {
            r.error = QStringLiteral("'%1' is not a month").arg(m.captured(2));
            return r;
        }
    } else if ((m = nameDay.match(t)).hasMatch()) {
        month = monthFromName(m.captured(1));
        day = m.captured(2).toInt();
        year = m.captured(3).toInt();
        rest = m.captured(4);
        if (!month) {
            r.error = QStringLiteral("'%1' is not a month").arg(m.captured(1));
            return r;
        }
    } else {
        r.error = QStringLiteral("'%1' is not a date: type 2023-10-05 02:30, 05/10/2023 02:30 or 5 Oct 2023 02:30")
                      .arg(t);
        return r;
    }

    const bool ambiguous = r.error == QLatin1String("day/month");
    r.error.clear();
    TimeOfDay time;
    if (!readTimeOfDay(rest, &time, &r.error))
        return r;
    r.value = compose(year, month, day, time, &r.error);
    if (r.value && ambiguous)
        r.value->reading = QStringLiteral("read day first: %1 %2; type %3 for month first")
                               .arg(day)
                               .arg(QLatin1String(kMonthShort[month - 1]))
                               .arg(QStringLiteral("%1-%2-%3")
                                        .arg(year)
                                        .arg(day, 2, 10, QLatin1Char('0'))
                                        .arg(month, 2, 10, QLatin1Char('0')));
    return r;
}

QString formatUtcMinutes(std::int64_t ms)
{
    std::int64_t days = ms / 86400000;
    std::int64_t inDay = ms % 86400000;
    if (inDay < 0) {
        inDay += 86400000;
        --days;
    }
    std::int64_t year = 0;
    unsigned month = 0, day = 0;
    civilFromDays(days, year, month, day);
    const int seconds = int(inDay / 1000 % 60);
    QString s = QStringLiteral("%1-%2-%3 %4:%5")
                    .arg(year, 4, 10, QLatin1Char('0'))
                    .arg(month, 2, 10, QLatin1Char('0'))
                    .arg(day, 2, 10, QLatin1Char('0'))
                    .arg(int(inDay / 3600000), 2, 10, QLatin1Char('0'))
                    .arg(int(inDay / 60000 % 60), 2, 10, QLatin1Char('0'));
    if (seconds)
        s += QStringLiteral(":%1").arg(seconds, 2, 10, QLatin1Char('0'));
    return s + QStringLiteral(" UTC");
}

} // namespace sightline
