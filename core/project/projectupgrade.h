#pragma once

#include <QString>

class GDALDataset;

namespace sightline {

/// What every project of this schema holds beyond the tables of projectTables(): the sightings'
/// views, track lines when there are positions but no lines yet, and Sightline's rows of
/// layer_styles. Idempotent; inside the caller's transaction. False, with `error`, on failure.
bool completeProject(GDALDataset *ds, QString *error = nullptr);

/// Brings the project at `path`, written by schema `fromVersion`, to kProjectSchemaVersion in one
/// transaction: nothing is changed when any step fails (the reason, without the path, in `error`). From
/// version 1: events become points (where each happened) with the path of those that moved in event_paths, so
/// no event is a zero-length line; sightings gain geometry_type and their views; the JSON columns
/// are declared JSON; the track lines and layer styles are made.
bool upgradeProject(const QString &path, int fromVersion, QString *error = nullptr);

} // namespace sightline
