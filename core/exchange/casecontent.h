#pragma once

#include "analysis/movementevent.h"
#include "exchange/trackpieces.h"
#include "map/timewindow.h"
#include "model/annotation.h"
#include "model/sighting.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace sightline {

class Project;
class TrackStore;
class VesselRegistry;

/// The layers of a case that travel to other tools.
enum class CaseLayer
{
    Tracks,      ///< one line (or gx:Track) per vessel
    Positions,   ///< every position as a point: asked for by name, not part of "all"
    Events,      ///< what the movement analyses found
    Sightings,   ///< what analysts saw
    Annotations, ///< the figures' arrows, labels and highlights
};

/// "tracks", "positions", "events", "sightings", "annotations".
QString caseLayerKey(CaseLayer layer);
std::optional<CaseLayer> caseLayerFromKey(const QString &key);
/// What an export holds when not told: everything but the positions as points.
QList<CaseLayer> defaultCaseLayers();

/// What to take out of a case: which layers, the time window (positions, events and sightings
/// in it; sightings without a time are left out when the window is not open; annotations have no
/// time and are kept) and a lon/lat box (what lies in it or crosses it).
struct CaseSelection
{
    QList<CaseLayer> layers = defaultCaseLayers();
    TimeWindow window;
    std::optional<QRectF> extentWgs84;
    /// How the tracks go out as lines: cut at silences, stops or periods, and thinned.
    TrackLineShape trackShape;

    bool wants(CaseLayer layer) const { return layers.contains(layer); }
};

/// One vessel's positions in the selection, oldest first.
struct VesselPath
{
    std::uint32_t mmsi = 0;
    QString name; ///< the current name, empty when none was broadcast
    std::uint32_t imo = 0;
    QString callsign;
    int shipType = 0;
    std::vector<std::int64_t> timesMs;
    QList<QPointF> lonLat;
    std::vector<double> sogKnots; ///< NaN when the report had none
    std::vector<double> cogDegrees;

    /// "ANGARA" or "MMSI 273…": how the vessel is named in other tools.
    QString label() const;
};

/// What an export writes, already filtered.
struct CaseContent
{
    QString title; ///< the project's name
    std::vector<VesselPath> vessels;
    std::vector<MovementEvent> events;
    QList<Sighting> sightings;
    QList<Annotation> annotations;
    /// Whether the vessels go out as tracks (lines) too, or only as positions (points, in the GIS
    /// formats; KML has no other way than its tracks).
    bool trackLines = true;
    /// Where the lines (and KML's tracks) are cut and how they are thinned; positions as points
    /// are every position whatever the shape.
    TrackLineShape trackShape;

    /// "12 vessels (3,100 positions), 40 events, 8 sightings, 2 annotations", the empty ones left
    /// out; "nothing" when all are.
    QString summary() const;
    bool isEmpty() const;
    /// The label of a vessel in `vessels`, or "MMSI n" for one not there.
    QString vesselLabel(std::uint32_t mmsi) const;
};

/// The selection of `project`'s tracks, events, sightings and annotations. Tracks are read from
/// the project file's AIS tables; nothing is written. Problems reading rows are in the project's
/// problems(). False, with *error, when the tracks cannot be read.
bool loadCaseContent(const Project &project, const CaseSelection &selection, CaseContent &content,
                     QString *error);

/// The same from values already in memory (the workbench's, the tests'): positions of `store`
/// in the window and the box, events meeting both, sightings and annotations in the box.
CaseContent selectCaseContent(const QString &title, const TrackStore &store, const VesselRegistry &registry,
                              const std::vector<MovementEvent> &events, const QList<Sighting> &sightings,
                              const QList<Annotation> &annotations, const CaseSelection &selection);

} // namespace sightline
