#pragma once

#include <QRectF>
#include <QString>

namespace sightline {

/// A coordinate reference system as a value: cheap to copy and safe to pass
/// between threads. The PROJ objects behind it are made per thread by Transform.
class Crs
{
public:
    Crs() = default;

    /// Accepts what analysts and GDAL hand us: "EPSG:3857", "epsg:32652",
    /// a bare EPSG code, WKT, PROJJSON or a PROJ string. Invalid input gives an
    /// invalid Crs and, if asked, a message saying why.
    static Crs fromUserInput(const QString &text, QString *error = nullptr);
    static Crs wgs84();
    static Crs webMercator();

    bool isValid() const { return !mDefinition.isEmpty(); }
    /// What PROJ is given to build this CRS (an authority code or WKT).
    const QString &definition() const { return mDefinition; }
    /// "EPSG:32652", or empty when the CRS has no known authority code.
    const QString &authId() const { return mAuthId; }
    const QString &name() const { return mName; }
    bool isGeographic() const { return mGeographic; }
    /// Human-readable label: the authority code and name when known.
    QString description() const;
    /// Where the CRS may be used, as a lon/lat box (whole world when PROJ does not say).
    /// Web Mercator's stops at ±85.06°, where its northings would run off to infinity.
    QRectF areaOfUseWgs84() const;
    /// WKT2 of the CRS (computed on demand).
    QString toWkt() const;

    bool operator==(const Crs &other) const { return mDefinition == other.mDefinition; }
    bool operator!=(const Crs &other) const { return !(*this == other); }

private:
    QString mDefinition;
    QString mAuthId;
    QString mName;
    bool mGeographic = false;
};

} // namespace sightline
