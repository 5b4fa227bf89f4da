#pragma once

#include "brief/brief.h"
#include "brief/brieftable.h"
#include "model/sighting.h"
#include "render/timelinefigure.h"

#include <cstdint>

namespace sightline {

struct BriefInputs;

/// What the brief's tables and timeline hold, as data: the writer lays them out, tests read them.

/// "2023-10-14 02:00" (UTC); "unknown" for 0.
QString briefUtcMinutes(std::int64_t ms);
/// Where the tables and the callouts place a sighting: its point, else the middle of its box.
QPointF briefSightingPoint(const SightingGeometry &geometry);

/// Every sighting under its number (the callouts' numbers): what, when, where in DD and MGRS,
/// count, Admiralty grade, imagery source.
BriefTable briefSightingsTable(const BriefInputs &inputs, const QString &caption);
/// The events of `eventTypes` (keys; empty: all): type, vessel(s), start, end, hours, confidence, what.
BriefTable briefEventsTable(const BriefInputs &inputs, const QStringList &eventTypes, const QString &caption);
/// "Events: gaps, round trips", or the block's own heading.
QString briefEventsTableTitle(const BriefBlock &block);
/// The vessels with events or linked sightings (all of them when none has either), at most 60.
BriefTable briefVesselsTable(const BriefInputs &inputs, const QString &caption);
/// Every source file with its kind, provider, acquisition time, note and SHA-256; missing layers last.
BriefTable briefSourcesTable(const BriefInputs &inputs, const QString &caption);
/// A lane per vessel with events (12 at most, by name), their events, the sightings under their
/// numbers, and the imagery acquisitions.
TimelineData briefTimelineData(const BriefInputs &inputs);

} // namespace sightline
