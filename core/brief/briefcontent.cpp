#include "brief/briefcontent.h"

#include "brief/briefinputs.h"
#include "geo/coordinateformat.h"
#include "layers/layer.h"
#include "layers/rasterlayer.h"
#include "layers/tracklayer.h"
#include "layers/rasterprovenance.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QDateTime>

#include <map>
#include <set>

namespace sightline {

namespace {

template <typename F> void forEachTrackLayer(const BriefInputs &inputs, F &&f)
{
    for (const auto &layer : inputs.layers)
        if (layer && layer->kind() == Layer::Kind::Track)
            f(static_cast<const TrackLayer &>(*layer));
}

} // namespace

QPointF briefSightingPoint(const SightingGeometry &g)
{
    if (g.lonLat.isEmpty())
        return {};
    return g.type == SightingGeometry::Type::Point ? g.lonLat.first() : g.boundsWgs84().center();
}

QString briefUtcMinutes(std::int64_t ms)
{
    if (!ms)
        return QStringLiteral("unknown");
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

BriefTable briefSightingsTable(const BriefInputs &inputs, const QString &caption)
{
    BriefTable table;
    table.caption = caption;
    table.columns = {
        {QStringLiteral("No."), 0.45, Qt::AlignRight},   {QStringLiteral("What"), 1.5},
        {QStringLiteral("Observed (UTC)"), 1.15},        {QStringLiteral("Position (DD / MGRS)"), 1.75},
        {QStringLiteral("Count"), 0.55, Qt::AlignRight}, {QStringLiteral("Grade"), 0.55},
        {QStringLiteral("Imagery source"), 2.0}};
    table.emptyText = QStringLiteral("No sightings in the project.");
    for (int i = 0; i < inputs.sightings.size(); ++i) {
        const Sighting &s = inputs.sightings[i];
        QString position;
        if (!s.geometry.lonLat.isEmpty()) {
            const QPointF at = briefSightingPoint(s.geometry);
            position = CoordinateFormat::toDecimalPair(at.x(), at.y(), 5) + QLatin1Char('\n') +
                       CoordinateFormat::toMgrs(at.x(), at.y(), 5);
        }
        QStringList source;
        if (!s.imagerySource.isEmpty())
            source << s.imagerySource;
        if (!s.imageryProvider.isEmpty())
            source << s.imageryProvider;
        if (s.imageryAcquiredMs)
            source << QStringLiteral("acquired %1").arg(briefUtcMinutes(s.imageryAcquiredMs));
        table.rows << QStringList{QString::number(i + 1),
                                  s.title(),
                                  briefUtcMinutes(s.observedAtMs),
                                  position,
                                  s.count > 0 ? QStringLiteral("%L1").arg(s.count) : QString(),
                                  s.grading(),
                                  source.join(QStringLiteral(", "))};
    }
    return table;
}

QString briefEventsTableTitle(const BriefBlock &block)
{
    if (!block.heading.isEmpty())
        return block.heading;
    QStringList labels;
    for (const QString &key : block.eventTypes)
        if (const auto type = eventTypeFromKey(key))
            labels << eventTypeLabel(*type).toLower() + QLatin1Char('s');
    return labels.isEmpty() ? QStringLiteral("Events found in the tracks")
                            : QStringLiteral("Events: ") + labels.join(QStringLiteral(", "));
}

BriefTable briefEventsTable(const BriefInputs &inputs, const QStringList &eventTypes, const QString &caption)
{
    BriefTable table;
    table.caption = caption;
    table.columns = {{QStringLiteral("No."), 0.45, Qt::AlignRight},
                     {QStringLiteral("Type"), 0.85},
                     {QStringLiteral("Vessel"), 1.45},
                     {QStringLiteral("Start (UTC)"), 1.05},
                     {QStringLiteral("End (UTC)"), 1.05},
                     {QStringLiteral("Hours"), 0.55, Qt::AlignRight},
                     {QStringLiteral("Conf."), 0.45, Qt::AlignRight},
                     {QStringLiteral("What was found"), 3.0}};
    table.emptyText = QStringLiteral("No events of these types: run the analyses (Analysis menu) first.");
    int n = 0;
    for (const MovementEvent &e : inputs.events) {
        if (!eventTypes.isEmpty() && !eventTypes.contains(eventTypeKey(e.type)))
            continue;
        QString vessel = inputs.vesselName(e.mmsi);
        if (e.otherMmsi)
            vessel += QStringLiteral(" and ") + inputs.vesselName(e.otherMmsi);
        QString what = e.summary();
        if (!e.place.isEmpty() && !what.contains(e.place))
            what = e.place + QStringLiteral(": ") + what;
        table.rows << QStringList{QString::number(++n),
                                  eventTypeLabel(e.type),
                                  vessel,
                                  briefUtcMinutes(e.startMs),
                                  briefUtcMinutes(e.endMs),
                                  QString::number(e.durationHours(), 'f', 1),
                                  e.confidence ? QString::number(e.confidence) : QString(),
                                  what};
    }
    return table;
}

BriefTable briefVesselsTable(const BriefInputs &inputs, const QString &caption)
{
    constexpr std::size_t kMostRows = 60;
    BriefTable table;
    table.caption = caption;
    table.columns = {{QStringLiteral("MMSI"), 1.0},
                     {QStringLiteral("Name"), 1.2},
                     {QStringLiteral("IMO"), 0.8},
                     {QStringLiteral("Call sign"), 0.75},
                     {QStringLiteral("Flag"), 0.9},
                     {QStringLiteral("Positions"), 0.8, Qt::AlignRight},
                     {QStringLiteral("First – last position (UTC)"), 1.9},
                     {QStringLiteral("Events"), 1.5}};
    table.emptyText = QStringLiteral("No AIS tracks in the project.");
    std::map<std::uint32_t, std::map<EventType, int>> eventsOf;
    for (const MovementEvent &e : inputs.events) {
        ++eventsOf[e.mmsi][e.type];
        if (e.otherMmsi)
            ++eventsOf[e.otherMmsi][e.type];
    }
    std::set<std::uint32_t> linked;
    for (const Sighting &s : inputs.sightings)
        if (s.vesselMmsi)
            linked.insert(s.vesselMmsi);
    const bool all = eventsOf.empty() && linked.empty();
    std::set<std::uint32_t> listed;
    int left = 0;
    forEachTrackLayer(inputs, [&](const TrackLayer &tracks) {
        for (const VesselInfo &v : tracks.registry().vessels()) {
            if (listed.count(v.mmsi) || (!all && !eventsOf.count(v.mmsi) && !linked.count(v.mmsi)))
                continue;
            if (listed.size() >= kMostRows) {
                ++left;
                continue;
            }
            listed.insert(v.mmsi);
            const VesselTrack *track = tracks.store().track(v.mmsi);
            QStringList counts;
            for (const auto &[type, count] : eventsOf[v.mmsi])
                counts << QStringLiteral("%1 %2").arg(count).arg(eventTypeLabel(type).toLower());
            table.rows << QStringList{QString::number(v.mmsi),
                                      v.currentName(),
                                      v.imo ? QString::number(v.imo) : QString(),
                                      v.callsign,
                                      VesselRegistry::flagOf(v.mmsi),
                                      track ? QStringLiteral("%L1").arg(track->size()) : QStringLiteral("0"),
                                      track ? briefUtcMinutes(track->firstTimeMs()) + QStringLiteral(" – ") +
                                                  briefUtcMinutes(track->lastTimeMs())
                                            : QString(),
                                      counts.join(QStringLiteral(", "))};
        }
    });
    if (left)
        table.rows << QStringList{QString(), QStringLiteral("and %1 more vessels").arg(left)};
    return table;
}

BriefTable briefSourcesTable(const BriefInputs &inputs, const QString &caption)
{
    BriefTable table;
    table.caption = caption;
    table.columns = {{QStringLiteral("Source"), 1.45, Qt::AlignLeft, false, true},
                     {QStringLiteral("Kind"), 0.65},
                     {QStringLiteral("Provider, acquired"), 1.3},
                     {QStringLiteral("Note"), 0.8},
                     {QStringLiteral("File and SHA-256"), 2.6, Qt::AlignLeft, true}};
    table.emptyText = QStringLiteral("No data files.");
    for (const BriefSource &s : inputs.sources) {
        QString provider = s.provider;
        if (s.acquiredMs)
            provider +=
                (provider.isEmpty() ? QString() : QStringLiteral(", ")) + briefUtcMinutes(s.acquiredMs);
        table.rows << QStringList{
            s.name, s.kind, provider, s.note,
            s.file + QLatin1Char('\n') +
                (s.sha256.isEmpty() ? QStringLiteral("(no checksum: not a local file)") : s.sha256)};
    }
    for (const QString &missing : inputs.missingReasons)
        table.rows << QStringList{missing, QStringLiteral("Missing"), QString(), QStringLiteral("not drawn"),
                                  QString()};
    return table;
}

TimelineData briefTimelineData(const BriefInputs &inputs)
{
    constexpr int kMostLanes = 12;
    TimelineData data;
    std::set<std::uint32_t> withEvents;
    for (const MovementEvent &e : inputs.events) {
        if (e.mmsi) // a dark vessel seen in an image has no lane of its own
            withEvents.insert(e.mmsi);
        data.events.push_back(e);
    }
    QList<std::pair<QString, std::uint32_t>> vessels;
    for (std::uint32_t mmsi : withEvents)
        vessels.append({inputs.vesselName(mmsi), mmsi});
    std::sort(vessels.begin(), vessels.end());
    if (vessels.size() > kMostLanes)
        vessels.resize(kMostLanes);
    for (const auto &[name, mmsi] : vessels) {
        TimelineLane lane;
        lane.label = name;
        lane.mmsi = mmsi;
        lane.colour = TrackLayer::vesselColour(mmsi);
        forEachTrackLayer(inputs, [&, mmsi = mmsi](const TrackLayer &tracks) {
            if (const VesselTrack *t = tracks.store().track(mmsi))
                lane.positionTimesMs.insert(lane.positionTimesMs.end(), t->times(), t->times() + t->size());
        });
        std::sort(lane.positionTimesMs.begin(), lane.positionTimesMs.end());
        data.lanes << lane;
    }
    for (int i = 0; i < inputs.sightings.size(); ++i) {
        const Sighting &s = inputs.sightings[i];
        if (s.observedAtMs)
            data.sightings << TimelineSighting{i + 1, s.observedAtMs, s.kind, s.vesselMmsi};
    }
    for (const auto &layer : inputs.layers) {
        if (layer && layer->kind() == Layer::Kind::Raster) {
            const ImageryProvenance p =
                imageryProvenanceOf(static_cast<const RasterLayer &>(*layer).info(), layer->name());
            if (p.acquiredMs)
                data.acquisitions.append({p.acquiredMs, layer->name()});
        }
    }
    return data;
}

} // namespace sightline
