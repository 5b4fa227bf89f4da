#pragma once

#include "model/sighting.h"

#include <QList>
#include <QPair>
#include <QString>

namespace sightline {

/// A sighting's fields as a person reads them, in the form's order, for the
/// Identify panel and briefs: ("Observed (UTC)", "2023-10-05 02:03"), ("Grading",
/// "B2 – usually reliable, probably true"), … Unknown values are left out.
QList<QPair<QString, QString>> sightingFields(const Sighting &sighting);

} // namespace sightline
