#pragma once

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QPointF>
#include <QString>
#include <QTextStream>

#include <cstdint>
#include <utility>

namespace sightline::test {

/// A ship twelve hours at her berth in Rajin, a report every three minutes, with one report
/// 3,800 km away ten seconds after the one at 06:00: the bad fix of a real capture. Known answer:
/// one port call, no voyage, one position set aside by the cleaning (an outlier).
struct BerthScenario
{
    static constexpr std::uint32_t kMmsi = 273111222;
    static constexpr double kBerthLon = 130.30, kBerthLat = 42.24;
    /// 3,800 km from the berth towards 200° (the geodesic's end, from PROJ's geod), in the Sulu Sea.
    static constexpr double kOutlierLon = 119.08545, kOutlierLat = 9.40588;
    static QDateTime start() { return QDateTime(QDate(2023, 10, 1), QTime(0, 0), Qt::UTC); }
    static QDateTime outlierTime() { return start().addSecs(6 * 3600 + 10); }

    /// Writes the positions in MarineCadastre's CSV layout (a layout Sightline reads as it is) and a
    /// point port "Rajin port" as GeoJSON into `dir`: {csv path, ports path}.
    static std::pair<QString, QString> write(const QString &dir)
    {
        const QString csv = QDir(dir).filePath(QStringLiteral("berth_with_outlier.csv"));
        const QString ports = QDir(dir).filePath(QStringLiteral("ports.geojson"));
        QFile c(csv);
        if (!c.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        QTextStream out(&c);
        out << "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,"
               "Width,Draft,Cargo,TransceiverClass\n";
        auto row = [&](const QDateTime &t, double lat, double lon) {
            out << kMmsi << ',' << t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) << ','
                << QString::number(lat, 'f', 6) << ',' << QString::number(lon, 'f', 6)
                << ",0.0,360.0,511,BERTH TEST,,,70,5,,,,,A\n";
        };
        for (int k = 0; k <= 240; ++k) {
            // A few metres of GPS jitter around the berth.
            row(start().addSecs(k * 180), kBerthLat + (k % 2) * 2e-5, kBerthLon + (k % 3 - 1) * 2e-5);
            if (k == 120)
                row(outlierTime(), kOutlierLat, kOutlierLon);
        }
        c.close();
        QFile p(ports);
        if (!p.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        p.write(QStringLiteral(R"({"type": "FeatureCollection", "features": [{"type": "Feature",
 "properties": {"name": "Rajin port"}, "geometry": {"type": "Point", "coordinates": [%1, %2]}}]})")
                    .arg(kBerthLon)
                    .arg(kBerthLat)
                    .toUtf8());
        return {csv, ports};
    }
};

} // namespace sightline::test
