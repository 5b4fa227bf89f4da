#include "geo/coordinateformat.h"

#include <GeographicLib/MGRS.hpp>
#include <GeographicLib/UTMUPS.hpp>

#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

namespace sightline {

namespace {

constexpr QChar kDegree(0x00B0);

ParsedCoordinate failed(const QString &message)
{
    ParsedCoordinate result;
    result.error = message;
    return result;
}

bool roundsToZero(double value, int decimals)
{
    return std::abs(value) < 0.5 * std::pow(10.0, -decimals);
}

QString hemisphereDecimal(double value, int decimals, QChar positive, QChar negative)
{
    const bool zero = roundsToZero(value, decimals);
    return QString::number(zero ? 0.0 : std::abs(value), 'f', decimals) + kDegree +
           (zero || value > 0 ? positive : negative);
}

QString signedDecimal(double value, int decimals)
{
    return QString::number(roundsToZero(value, decimals) ? 0.0 : value, 'f', decimals);
}

QString dms(double value, int secondDecimals, QChar positive, QChar negative)
{
    // Round once in units of the last printed digit, so 59.96" carries into the minutes.
    const auto scale = std::int64_t(std::llround(std::pow(10.0, secondDecimals)));
    const auto total = std::int64_t(std::llround(std::abs(value) * 3600.0 * double(scale)));
    const std::int64_t degrees = total / (3600 * scale);
    const std::int64_t minutes = total % (3600 * scale) / (60 * scale);
    const std::int64_t secondUnits = total % (60 * scale);
    QString seconds = QString::number(secondUnits / scale).rightJustified(2, u'0');
    if (secondDecimals > 0)
        seconds += u'.' + QString::number(secondUnits % scale).rightJustified(secondDecimals, u'0');
    return QString::number(degrees) + kDegree + QString::number(minutes).rightJustified(2, u'0') + u'\'' +
           seconds + u'"' + (total == 0 || value > 0 ? positive : negative);
}

// ---- parsing ---------------------------------------------------------------

enum class Unit
{
    None,
    Degrees,
    Minutes,
    Seconds,
    Beyond
};

Unit nextUnit(Unit u)
{
    switch (u) {
    case Unit::None:
        return Unit::Degrees;
    case Unit::Degrees:
        return Unit::Minutes;
    case Unit::Minutes:
        return Unit::Seconds;
    case Unit::Seconds:
    case Unit::Beyond:
        break;
    }
    return Unit::Beyond;
}

struct Token
{
    enum class Kind
    {
        Number,
        Hemisphere,
        Comma
    } kind = Kind::Number;
    double value = 0.0;
    bool signedNumber = false; // written with an explicit + or -
    Unit unit = Unit::None;    // the mark written after the number, if any
    QChar hemisphere;
    qsizetype begin = 0;
    qsizetype end = 0;
};

struct Component
{
    QList<Token> parts;
    QChar hemisphere;
    qsizetype begin = -1;
    qsizetype end = -1;

    bool isEmpty() const { return parts.isEmpty() && hemisphere.isNull(); }
    void cover(const Token &t)
    {
        begin = begin < 0 ? t.begin : std::min(begin, t.begin);
        end = std::max(end, t.end);
    }
    bool isLatitude() const { return hemisphere == u'N' || hemisphere == u'S'; }
    bool isLongitude() const { return hemisphere == u'E' || hemisphere == u'W'; }
};

Unit unitMark(QChar c)
{
    switch (c.unicode()) {
    case 0x00B0: // °
    case 0x00BA: // º, what many keyboards offer for °
    case 0x02DA: // ˚
        return Unit::Degrees;
    case u'\'':
    case 0x2032: // ′
    case 0x2018: // ‘
    case 0x2019: // ’, word processors' "smart" apostrophe
    case 0x00B4: // ´
        return Unit::Minutes;
    case u'"':
    case 0x2033: // ″
    case 0x201C: // “
    case 0x201D: // ”
        return Unit::Seconds;
    default:
        return Unit::None;
    }
}

bool isMinus(QChar c)
{
    return c == u'-' || c.unicode() == 0x2212;
}

QString unitName(Unit u)
{
    switch (u) {
    case Unit::Degrees:
        return QStringLiteral("degrees");
    case Unit::Minutes:
        return QStringLiteral("minutes");
    case Unit::Seconds:
        return QStringLiteral("seconds");
    case Unit::None:
    case Unit::Beyond:
        break;
    }
    return QString();
}

std::optional<QList<Token>> tokenize(const QString &s, QString *error)
{
    QList<Token> tokens;
    const qsizetype n = s.size();
    qsizetype i = 0;
    auto lastNumberWithoutUnit = [&tokens]() -> Token * {
        if (tokens.isEmpty() || tokens.last().kind != Token::Kind::Number || tokens.last().unit != Unit::None)
            return nullptr;
        return &tokens.last();
    };
    while (i < n) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u',' || c == u';') {
            tokens.append({Token::Kind::Comma, 0.0, false, Unit::None, QChar(), i, i + 1});
            ++i;
            continue;
        }
        if (Unit u = unitMark(c); u != Unit::None) {
            qsizetype end = i + 1;
            // Two apostrophes are how plain keyboards type the seconds mark.
            if (u == Unit::Minutes && end < n && unitMark(s.at(end)) == Unit::Minutes) {
                u = Unit::Seconds;
                ++end;
            }
            Token *number = lastNumberWithoutUnit();
            if (!number) {
                *error = QStringLiteral("'%1' must follow a number in '%2'").arg(s.mid(i, end - i), s);
                return std::nullopt;
            }
            number->unit = u;
            number->end = end;
            i = end;
            continue;
        }
        if (c.isLetter()) {
            qsizetype end = i;
            while (end < n && s.at(end).isLetter())
                ++end;
            const QString word = s.mid(i, end - i);
            const QChar upper = c.toUpper();
            if (word.size() == 1 && (upper == u'N' || upper == u'S' || upper == u'E' || upper == u'W')) {
                tokens.append({Token::Kind::Hemisphere, 0.0, false, Unit::None, upper, i, end});
            } else if (Token *number = lastNumberWithoutUnit(); word.size() == 1 && upper == u'D' && number) {
                // GeographicLib and many GPS units write 42d15'N.
                number->unit = Unit::Degrees;
                number->end = end;
            } else {
                *error =
                    QStringLiteral("unexpected '%1' in '%2': expected numbers and the letters N, S, E or W")
                        .arg(word, s);
                return std::nullopt;
            }
            i = end;
            continue;
        }
        if (c.isDigit() || c == u'.' || c == u'+' || isMinus(c)) {
            const qsizetype begin = i;
            QString ascii;
            bool hasSign = false;
            if (c == u'+' || isMinus(c)) {
                hasSign = true;
                if (isMinus(c))
                    ascii += u'-';
                ++i;
            }
            qsizetype digits = 0;
            while (i < n && s.at(i).isDigit() && s.at(i).unicode() < 128) {
                ascii += s.at(i++);
                ++digits;
            }
            if (i < n && s.at(i) == u'.') {
                ascii += s.at(i++);
                while (i < n && s.at(i).isDigit() && s.at(i).unicode() < 128) {
                    ascii += s.at(i++);
                    ++digits;
                }
            }
            if (digits == 0) {
                *error = QStringLiteral("'%1' is not a number in '%2'")
                             .arg(s.mid(begin, std::max<qsizetype>(i - begin, 1)), s);
                return std::nullopt;
            }
            if (i < n && (s.at(i) == u'.' || s.at(i).isDigit())) {
                qsizetype end = i;
                while (end < n && (s.at(end) == u'.' || s.at(end).isDigit()))
                    ++end;
                *error = QStringLiteral("malformed number '%1' in '%2'").arg(s.mid(begin, end - begin), s);
                return std::nullopt;
            }
            Token t;
            t.kind = Token::Kind::Number;
            t.value = ascii.toDouble();
            t.signedNumber = hasSign;
            t.begin = begin;
            t.end = i;
            tokens.append(t);
            continue;
        }
        *error = QStringLiteral("unexpected '%1' in '%2'").arg(c, s);
        return std::nullopt;
    }
    return tokens;
}

// The unit each part stands for: written marks win, unmarked numbers take the next one.
QList<Unit> effectiveUnits(const QList<Token> &parts)
{
    QList<Unit> units;
    Unit previous = Unit::None;
    for (const Token &p : parts) {
        previous = p.unit != Unit::None ? p.unit : nextUnit(previous);
        units.append(previous);
    }
    return units;
}

std::optional<QList<Component>> group(const QList<Token> &tokens, const QString &text, bool *sawComma,
                                      QString *error)
{
    QList<Component> components;
    Component current;
    const Token *previous = nullptr;
    auto finish = [&]() {
        if (!current.isEmpty())
            components.append(current);
        current = Component();
    };
    for (const Token &t : tokens) {
        switch (t.kind) {
        case Token::Kind::Comma:
            *sawComma = true;
            // After "42.25 N" the letter has already closed the coordinate.
            if (current.isEmpty() && (!previous || previous->kind == Token::Kind::Comma)) {
                *error = QStringLiteral("misplaced '%1' in '%2'").arg(text.mid(t.begin, 1), text);
                return std::nullopt;
            }
            finish();
            break;
        case Token::Kind::Hemisphere:
            if (current.parts.isEmpty() && !current.hemisphere.isNull()) {
                *error = QStringLiteral("two hemisphere letters in a row in '%1'").arg(text);
                return std::nullopt;
            }
            if (!current.parts.isEmpty() && !current.hemisphere.isNull())
                finish(); // "N42 15 E130 18": a leading letter starts the next coordinate
            current.hemisphere = t.hemisphere;
            current.cover(t);
            if (current.parts.size() > 0)
                finish(); // a trailing letter ends its coordinate
            break;
        case Token::Kind::Number: {
            bool startsNew = false;
            if (!current.parts.isEmpty()) {
                // A sign only ever leads a coordinate; after degrees, a mark no finer
                // than the previous one ("42°15' 130°") begins the next coordinate, and
                // so does a plain number after a fraction ("N42.25 130.3E"), since
                // nothing finer can follow a fractional part.
                const QList<Unit> units = effectiveUnits(current.parts);
                const double last = current.parts.last().value;
                startsNew =
                    t.signedNumber ||
                    (t.unit != Unit::None && units.first() == Unit::Degrees && t.unit <= units.last()) ||
                    (t.unit == Unit::None && current.parts.last().unit == Unit::None &&
                     last != std::floor(last));
            }
            if (startsNew)
                finish();
            current.parts.append(t);
            current.cover(t);
            break;
        }
        }
        previous = &t;
    }
    if (previous && previous->kind == Token::Kind::Comma) {
        *error = QStringLiteral("nothing after the last ',' in '%1'").arg(text);
        return std::nullopt;
    }
    finish();
    return components;
}

std::optional<double> componentValue(const Component &c, const QString &text, QString *error)
{
    const QString piece = text.mid(c.begin, c.end - c.begin);
    if (c.parts.isEmpty()) {
        *error = QStringLiteral("hemisphere letter '%1' has no number in '%2'").arg(c.hemisphere, text);
        return std::nullopt;
    }
    if (c.parts.size() > 3) {
        *error =
            QStringLiteral("too many numbers in '%1': give degrees, minutes and seconds at most").arg(piece);
        return std::nullopt;
    }
    const QList<Unit> units = effectiveUnits(c.parts);
    for (qsizetype i = 1; i < units.size(); ++i) {
        if (units[i] <= units[i - 1] || units[i] == Unit::Beyond) {
            *error = QStringLiteral("degrees, minutes and seconds are out of order in '%1'").arg(piece);
            return std::nullopt;
        }
    }
    const bool negative = std::signbit(c.parts.first().value); // also "-0 30", just south of the equator
    if (negative && !c.hemisphere.isNull()) {
        *error = QStringLiteral("use a minus sign or the hemisphere letter %1, not both, in '%2'")
                     .arg(c.hemisphere, piece);
        return std::nullopt;
    }
    double magnitude = 0.0;
    for (qsizetype i = 0; i < c.parts.size(); ++i) {
        const double v = std::abs(c.parts[i].value);
        const Unit u = units[i];
        if (i + 1 < c.parts.size() && v != std::floor(v)) {
            *error = QStringLiteral("%1 must be a whole number when %2 follow in '%3'")
                         .arg(unitName(u), unitName(units[i + 1]), piece);
            return std::nullopt;
        }
        if (u == Unit::Minutes && v >= 60.0) {
            *error = QStringLiteral("minutes must be below 60 in '%1'").arg(piece);
            return std::nullopt;
        }
        if (u == Unit::Seconds && v >= 60.0) {
            *error = QStringLiteral("seconds must be below 60 in '%1'").arg(piece);
            return std::nullopt;
        }
        magnitude += u == Unit::Degrees ? v : u == Unit::Minutes ? v / 60.0 : v / 3600.0;
    }
    const bool southOrWest = c.hemisphere == u'S' || c.hemisphere == u'W';
    return negative || southOrWest ? -magnitude : magnitude;
}

QString withoutSpaces(const QString &text)
{
    QString compact;
    compact.reserve(text.size());
    for (QChar c : text) {
        if (!c.isSpace())
            compact += c;
    }
    return compact;
}

bool looksLikeMgrs(const QString &text)
{
    static const QRegularExpression utm(QStringLiteral("^\\d{1,2}[A-Z]{3}\\d*$"),
                                        QRegularExpression::CaseInsensitiveOption);
    // Polar references need digits, or the band set apart as we print it ("Z FD"):
    // otherwise words such as "Bay" would land in Antarctica.
    static const QRegularExpression ups(QStringLiteral("^[ABYZ][A-Z]{2}\\d{2,}$"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression upsSquare(QStringLiteral("^[ABYZ]\\s+[A-Z]{2}$"),
                                              QRegularExpression::CaseInsensitiveOption);
    const QString compact = withoutSpaces(text);
    return utm.match(compact).hasMatch() || ups.match(compact).hasMatch() || upsSquare.match(text).hasMatch();
}

} // namespace

QString CoordinateFormat::toDecimalDegrees(double lon, double lat, int decimals)
{
    if (!std::isfinite(lon) || !std::isfinite(lat))
        return {};
    decimals = std::clamp(decimals, 0, 12);
    return hemisphereDecimal(lat, decimals, u'N', u'S') + u' ' + hemisphereDecimal(lon, decimals, u'E', u'W');
}

QString CoordinateFormat::toDecimalPair(double lon, double lat, int decimals)
{
    if (!std::isfinite(lon) || !std::isfinite(lat))
        return {};
    decimals = std::clamp(decimals, 0, 12);
    return signedDecimal(lat, decimals) + QStringLiteral(", ") + signedDecimal(lon, decimals);
}

QString CoordinateFormat::toDms(double lon, double lat, int secondDecimals)
{
    if (!std::isfinite(lon) || !std::isfinite(lat))
        return {};
    secondDecimals = std::clamp(secondDecimals, 0, 6);
    return dms(lat, secondDecimals, u'N', u'S') + u' ' + dms(lon, secondDecimals, u'E', u'W');
}

QString CoordinateFormat::toMgrs(double lon, double lat, int precisionDigits, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };
    if (!std::isfinite(lon) || !std::isfinite(lat))
        return fail(QStringLiteral("no MGRS reference for a position that is not a number"));
    if (std::abs(lat) > 90.0)
        return fail(QStringLiteral("no MGRS reference for latitude %1: it must be within ±90°").arg(lat));
    if (precisionDigits < 0 || precisionDigits > 11)
        return fail(QStringLiteral("MGRS precision must be 0 to 11 digits, not %1").arg(precisionDigits));
    std::string mgrs;
    try {
        int zone = 0;
        bool northp = false;
        double x = 0.0, y = 0.0;
        GeographicLib::UTMUPS::Forward(lat, lon, zone, northp, x, y);
        GeographicLib::MGRS::Forward(zone, northp, x, y, lat, precisionDigits, mgrs);
    } catch (const std::exception &e) {
        return fail(QStringLiteral("no MGRS reference for %1: %2")
                        .arg(toDecimalPair(lon, lat), QString::fromUtf8(e.what())));
    }
    // Split as printed on maps: grid zone, 100 km square, easting, northing.
    const QString compact = QString::fromStdString(mgrs);
    qsizetype zoneEnd = 0;
    while (zoneEnd < compact.size() && compact.at(zoneEnd).isDigit())
        ++zoneEnd;
    ++zoneEnd; // the latitude band (UTM) or hemisphere (UPS) letter
    const QString digits = compact.mid(zoneEnd + 2);
    QString spaced = compact.left(zoneEnd) + u' ' + compact.mid(zoneEnd, 2);
    if (!digits.isEmpty())
        spaced += u' ' + digits.left(digits.size() / 2) + u' ' + digits.mid(digits.size() / 2);
    return spaced;
}

QString CoordinateFormat::format(double lon, double lat, Style style)
{
    switch (style) {
    case Style::DecimalHemisphere:
        return toDecimalDegrees(lon, lat);
    case Style::DecimalPair:
        return toDecimalPair(lon, lat);
    case Style::Dms:
        return toDms(lon, lat);
    case Style::Mgrs:
        return toMgrs(lon, lat);
    }
    return {};
}

ParsedCoordinate CoordinateFormat::fromMgrs(const QString &text)
{
    const QString compact = withoutSpaces(text).toUpper();
    if (compact.isEmpty())
        return failed(QStringLiteral("empty MGRS reference"));
    try {
        int zone = 0, precision = 0;
        bool northp = false;
        double x = 0.0, y = 0.0, lat = 0.0, lon = 0.0;
        GeographicLib::MGRS::Reverse(compact.toStdString(), zone, northp, x, y, precision, true);
        if (!std::isfinite(x) || !std::isfinite(y))
            return failed(QStringLiteral("invalid MGRS reference '%1'").arg(text.trimmed()));
        GeographicLib::UTMUPS::Reverse(zone, northp, x, y, lat, lon);
        ParsedCoordinate result;
        result.ok = true;
        result.lonLat = QPointF(lon, lat);
        return result;
    } catch (const std::exception &e) {
        return failed(QStringLiteral("invalid MGRS reference '%1': %2")
                          .arg(text.trimmed(), QString::fromUtf8(e.what())));
    }
}

ParsedCoordinate CoordinateFormat::parse(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return failed(QStringLiteral("empty position: type a latitude and longitude such as '42.25, 130.3' "
                                     "or an MGRS reference such as '52T FN 12345 67890'"));
    if (looksLikeMgrs(text))
        return fromMgrs(text);

    QString error;
    const std::optional<QList<Token>> tokens = tokenize(text, &error);
    if (!tokens)
        return failed(error);
    bool sawComma = false;
    std::optional<QList<Component>> grouped = group(*tokens, text, &sawComma, &error);
    if (!grouped)
        return failed(error);
    QList<Component> &components = *grouped;

    if (components.isEmpty())
        return failed(QStringLiteral("no numbers in '%1'").arg(text));
    if (components.size() == 1) {
        const Component only = components.first();
        bool plain = only.hemisphere.isNull();
        for (const Token &t : only.parts)
            plain = plain && t.unit == Unit::None;
        const qsizetype count = only.parts.size();
        if (plain && !sawComma && (count == 2 || count == 4 || count == 6)) {
            // "42.25 130.3" or "42 15 00 130 18 00": half is latitude, half longitude.
            Component first, second;
            for (qsizetype i = 0; i < count; ++i) {
                Component &target = i < count / 2 ? first : second;
                target.parts.append(only.parts[i]);
                target.cover(only.parts[i]);
            }
            components = {first, second};
        } else if (count == 1) {
            return failed(QStringLiteral("'%1' is a single number: give both latitude and longitude, "
                                         "e.g. '42.25, 130.3'")
                              .arg(text));
        } else {
            return failed(QStringLiteral("only one coordinate found in '%1': separate latitude and longitude "
                                         "with a comma, or mark them with N/S and E/W")
                              .arg(text));
        }
    }
    if (components.size() > 2)
        return failed(
            QStringLiteral("more than two coordinates in '%1': expected latitude and longitude").arg(text));

    const Component &a = components[0];
    const Component &b = components[1];
    const QString aText = text.mid(a.begin, a.end - a.begin);
    const QString bText = text.mid(b.begin, b.end - b.begin);
    if (a.isLatitude() && b.isLatitude())
        return failed(QStringLiteral("two latitudes ('%1' and '%2'): one of them must be a longitude, E or W")
                          .arg(aText, bText));
    if (a.isLongitude() && b.isLongitude())
        return failed(QStringLiteral("two longitudes ('%1' and '%2'): one of them must be a latitude, N or S")
                          .arg(aText, bText));

    const std::optional<double> aValue = componentValue(a, text, &error);
    if (!aValue)
        return failed(error);
    const std::optional<double> bValue = componentValue(b, text, &error);
    if (!bValue)
        return failed(error);

    // Without letters, analysts write latitude first; one letter settles both.
    const bool swapped = a.isLongitude() || b.isLatitude();
    const double lat = swapped ? *bValue : *aValue;
    const double lon = swapped ? *aValue : *bValue;
    const QString latText = swapped ? bText : aText;
    const QString lonText = swapped ? aText : bText;
    const bool lettered = !a.hemisphere.isNull() || !b.hemisphere.isNull();

    if (std::abs(lat) > 90.0) {
        QString message =
            QStringLiteral("latitude '%1' is out of range: it must be between 90°S and 90°N").arg(latText);
        if (!lettered && std::abs(lon) <= 90.0)
            message += QStringLiteral(" (latitude comes first, e.g. '42.25, 130.3')");
        return failed(message);
    }
    if (std::abs(lon) > 180.0)
        return failed(QStringLiteral("longitude '%1' is out of range: it must be between 180°W and 180°E")
                          .arg(lonText));

    ParsedCoordinate result;
    result.ok = true;
    result.lonLat = QPointF(lon, lat);
    return result;
}

} // namespace sightline
