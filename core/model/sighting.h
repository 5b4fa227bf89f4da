#pragma once

#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace sightline {

/// The lon/lat box of some points (empty for none; zero-sized for one).
QRectF boundsOfLonLat(const QList<QPointF> &points);

/// Where a sighting is: a point, the numbered marks of a count, a line or an area,
/// in lon/lat degrees. A polygon's ring is stored open (first vertex not repeated).
struct SightingGeometry
{
    enum class Type
    {
        Point,
        MultiPoint,
        Line,
        Polygon
    };
    Type type = Type::Point;
    QList<QPointF> lonLat;

    bool isValid() const;
    QRectF boundsWgs84() const;
    bool operator==(const SightingGeometry &) const = default;
};

/// What an analyst saw on an image, with its evidence (DESIGN.md, data model).
struct Sighting
{
    std::int64_t id = 0; ///< 0 until stored
    QString kind = QStringLiteral("other");
    SightingGeometry geometry;
    std::int64_t observedAtMs = 0; ///< UTC; 0 when unknown
    QString imagerySource;         ///< scene id or file name
    QString imageryProvider;
    std::int64_t imageryAcquiredMs = 0; ///< UTC; 0 when unknown
    double imageryResolutionM = 0;      ///< ground sample distance; 0 when unknown
    int count = 0;                      ///< objects counted; 0 when not a count
    std::uint32_t vesselMmsi = 0;       ///< linked vessel, 0 for none
    QString vesselName;
    QChar sourceReliability = QLatin1Char('F'); ///< Admiralty A (reliable) – F (cannot be judged)
    int informationCredibility = 6;             ///< Admiralty 1 (confirmed) – 6 (cannot be judged)
    QString analyst;
    QString notes;
    QStringList tags;
    std::int64_t createdMs = 0;
    std::int64_t updatedMs = 0;
    int version = 0;

    /// "B2": the Admiralty grading as analysts write it.
    QString grading() const;
    /// A one-line title: "73 rail cars", "Vessel: ANGARA", "Pits".
    QString title() const;
    /// Empty when the sighting can be stored; otherwise what is wrong, for the form.
    QString validate() const;
    bool operator==(const Sighting &) const = default;
};

/// The kinds DESIGN.md names, in the order the form lists them.
QStringList sightingKinds();
/// The kind as a person reads it: "rail cars" → "Rail cars".
QString sightingKindLabel(const QString &kind);
/// Admiralty scale meanings, for tooltips: 'B' → "Usually reliable", 2 → "Probably true".
QString sourceReliabilityMeaning(QChar grade);
QString informationCredibilityMeaning(int grade);

/// The sighting's fields (not its geometry) as JSON, times in ISO 8601 UTC, as
/// GeoJSON properties, the audit log and the interchange formats write them.
QJsonObject sightingToJson(const Sighting &sighting);
/// Reads what sightingToJson wrote (unknown keys ignored; missing ones keep their
/// defaults). The geometry is left as it is in `into`.
Sighting sightingFromJson(const QJsonObject &json, Sighting into = {});

/// "rail, Tumangang , " → ["rail", "Tumangang"].
QStringList splitTags(const QString &text);

/// "2023-10-14T02:00:00Z" (milliseconds only when there are some); empty for 0.
QString utcIsoString(std::int64_t ms);
/// UTC milliseconds of an ISO 8601 time ("Z" or an offset; none means UTC); 0 when it is not one.
std::int64_t parseUtcIso(const QString &text);

/// Sightings with a time first, oldest first, then those without one; ties by id. The order the
/// brief numbers them in, and the timeline with it.
void sortSightingsChronologically(QList<Sighting> &sightings);

} // namespace sightline
