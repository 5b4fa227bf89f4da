#pragma once

#include "analysis/movementevent.h"

#include <QByteArray>
#include <QString>

namespace sightline {

// The icons a KMZ carries (files/NAME.png), drawn as the workbench draws its marks, so that Google
// Earth shows a case as the map showed it. Each is 64 px square, for Google Earth's scale 1 at
// its usual 32 px on screen, sharp on high-density screens.

/// "vessel": a white ship dot that the style tints with the vessel's colour.
QString vesselIconName();
/// "event-gap", "event-port-call", …
QString eventIconName(EventType type);
/// "sighting-vessel", "sighting-rail-cars", …
QString sightingIconName(const QString &kind);

/// The PNG of an icon named by one of the above; empty for a name none of them gives.
QByteArray renderCaseIcon(const QString &name);

} // namespace sightline
