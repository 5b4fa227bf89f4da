#pragma once

#include <QPointF>
#include <QString>

namespace sightline {

/// Outcome of reading a position typed by a person: the point, or a message
/// that names what is wrong with the text.
struct ParsedCoordinate
{
    bool ok = false;
    QPointF lonLat; // x = longitude, y = latitude, degrees
    QString error;
};

/// Writes and reads positions the way analysts exchange them: decimal
/// degrees, degrees-minutes-seconds and MGRS. Written forms put latitude
/// first, as people read them; all points are QPointF(lon, lat).
class CoordinateFormat
{
public:
    enum class Style
    {
        DecimalHemisphere,
        DecimalPair,
        Dms,
        Mgrs
    };

    /// "42.25000°N 130.30000°E"
    static QString toDecimalDegrees(double lon, double lat, int decimals = 5);
    /// "42.250000, 130.300000": signed, latitude first, ready to paste into a search box.
    static QString toDecimalPair(double lon, double lat, int decimals = 6);
    /// "42°15'00.0\"N 130°18'00.0\"E"
    static QString toDms(double lon, double lat, int secondDecimals = 1);
    /// "52T FN 12345 67890" for precisionDigits = 5 (1 m); 0 gives the 100 km
    /// square alone. Digits run 0..11. Empty, with a message if asked, when the
    /// position has no MGRS reference (out of range or not a number).
    static QString toMgrs(double lon, double lat, int precisionDigits = 5, QString *error = nullptr);
    static QString format(double lon, double lat, Style style);

    /// The centre of the cell an MGRS reference names; spaces and case are ignored.
    static ParsedCoordinate fromMgrs(const QString &text);

    /// Reads a position in any of the forms above, and also "42.25 N, 130.3 E",
    /// "-33.9 151.2", "42°15'30.5\"N 130°18'E", "42 15 00 N, 130 18 00 E",
    /// "N42 15 00 E130 18 00". Numbers without hemisphere letters are taken as
    /// latitude then longitude.
    static ParsedCoordinate parse(const QString &text);
};

} // namespace sightline
