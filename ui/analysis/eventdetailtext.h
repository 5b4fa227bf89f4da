#pragma once

#include <QJsonValue>
#include <QString>

namespace sightline {

/// How an event's detail reads in the Events dock: "Went dark" for "dark_start_ms", "At port B
/// from" for "at_b_from"; other keys by their words, with the unit suffix dropped ("Distance"
/// for "distance_km") because the value carries it.
QString eventDetailLabel(const QString &key);

/// The detail's value for a person: times as "2023-08-16 22:41 UTC" (the key ends in _ms, or
/// the value is an ISO time), hours as "51.2 h" or "3 d 4 h", kilometres, metres, knots and
/// minutes with their unit, a [lon, lat] pair as degrees, yes/no, lists joined.
QString eventDetailValue(const QString &key, const QJsonValue &value);

} // namespace sightline
