#pragma once

#include "exchange/casecontent.h"

#include <QStringList>

class QIODevice;

namespace sightline {

/// A case as KML 2.2 for Google Earth, with the gx extension:
///   Tracks        one Placemark a vessel, named by its name (or MMSI), with MMSI, IMO and call sign
///                 as ExtendedData, a TimeSpan of its first and last fix, and a gx:Track with a
///                 <when> and a <gx:coord> a fix, so that the time slider plays it (a vessel of one
///                 fix: a Point with its TimeStamp)
///   Events        a folder a type: each a Placemark at its place (and a line to its other end when
///                 it has one) with a TimeSpan from start to end and a description of its fields
///   Sightings     a folder a kind: each a Placemark with the TimeStamp of its observation
///   Annotations   each a Placemark in its own colour (no time: figures hold whatever the slider)
/// Shared <Style>s a vessel colour, event type and sighting kind, in the workbench's colours. With
/// `embedIcons` (a KMZ) the styles name icons files/NAME.png (caseicons.h), and the names used are
/// added to *iconsUsed; without, the styles tint Google Earth's own pin.
void writeCaseKml(QIODevice &out, const CaseContent &content, bool embedIcons,
                  QStringList *iconsUsed = nullptr);

} // namespace sightline
