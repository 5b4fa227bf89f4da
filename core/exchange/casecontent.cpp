#include "exchange/casecontent.h"

#include "project/project.h"
#include "tracks/trackgeopackage.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QLocale>

#include <cmath>

namespace sightline {

namespace {

/// Whether two lon/lat boxes (y the southern edge) meet, edges included: QRectF::intersects
/// refuses a box of no width, and a single point is one.
bool boxesMeet(const QRectF &a, const QRectF &b)
{
    return a.x() <= b.x() + b.width() && b.x() <= a.x() + a.width() && a.y() <= b.y() + b.height() &&
           b.y() <= a.y() + a.height();
}

bool pointIn(const QRectF &box, double lon, double lat)
{
    return lon >= box.x() && lon <= box.x() + box.width() && lat >= box.y() && lat <= box.y() + box.height();
}

QRectF boxOf(QPointF a, QPointF b)
{
    return QRectF(QPointF(std::min(a.x(), b.x()), std::min(a.y(), b.y())),
                  QPointF(std::max(a.x(), b.x()), std::max(a.y(), b.y())));
}

QString counted(qsizetype n, const QString &one, const QString &many)
{
    // Grouped as English writes it ("39,118"), whatever the machine's locale, so logs read alike.
    return QStringLiteral("%1 %2").arg(QLocale(QLocale::English).toString(qint64(n)), n == 1 ? one : many);
}

} // namespace

QString caseLayerKey(CaseLayer layer)
{
    switch (layer) {
    case CaseLayer::Tracks:
        return QStringLiteral("tracks");
    case CaseLayer::Positions:
        return QStringLiteral("positions");
    case CaseLayer::Events:
        return QStringLiteral("events");
    case CaseLayer::Sightings:
        return QStringLiteral("sightings");
    case CaseLayer::Annotations:
        return QStringLiteral("annotations");
    }
    return {};
}

std::optional<CaseLayer> caseLayerFromKey(const QString &key)
{
    for (CaseLayer layer : {CaseLayer::Tracks, CaseLayer::Positions, CaseLayer::Events, CaseLayer::Sightings,
                            CaseLayer::Annotations})
        if (key.compare(caseLayerKey(layer), Qt::CaseInsensitive) == 0)
            return layer;
    return std::nullopt;
}

QList<CaseLayer> defaultCaseLayers()
{
    return {CaseLayer::Tracks, CaseLayer::Events, CaseLayer::Sightings, CaseLayer::Annotations};
}

QString VesselPath::label() const
{
    return name.isEmpty() ? QStringLiteral("MMSI %1").arg(mmsi) : name;
}

QString CaseContent::summary() const
{
    qsizetype positions = 0;
    for (const VesselPath &v : vessels)
        positions += v.lonLat.size();
    // What there is, not what was not asked for: "40 events" rather than "0 vessels, 40 events".
    QStringList parts;
    if (!vessels.empty())
        parts << QStringLiteral("%1 (%2)").arg(
            counted(qsizetype(vessels.size()), QStringLiteral("vessel"), QStringLiteral("vessels")),
            counted(positions, QStringLiteral("position"), QStringLiteral("positions")));
    if (!events.empty())
        parts << counted(qsizetype(events.size()), QStringLiteral("event"), QStringLiteral("events"));
    if (!sightings.isEmpty())
        parts << counted(sightings.size(), QStringLiteral("sighting"), QStringLiteral("sightings"));
    if (!annotations.isEmpty())
        parts << counted(annotations.size(), QStringLiteral("annotation"), QStringLiteral("annotations"));
    return parts.isEmpty() ? QStringLiteral("nothing") : parts.join(QStringLiteral(", "));
}

bool CaseContent::isEmpty() const
{
    return vessels.empty() && events.empty() && sightings.isEmpty() && annotations.isEmpty();
}

QString CaseContent::vesselLabel(std::uint32_t mmsi) const
{
    for (const VesselPath &v : vessels)
        if (v.mmsi == mmsi)
            return v.label();
    return QStringLiteral("MMSI %1").arg(mmsi);
}

CaseContent selectCaseContent(const QString &title, const TrackStore &store, const VesselRegistry &registry,
                              const std::vector<MovementEvent> &events, const QList<Sighting> &sightings,
                              const QList<Annotation> &annotations, const CaseSelection &selection)
{
    CaseContent content;
    content.title = title;
    content.trackLines = selection.wants(CaseLayer::Tracks);
    content.trackShape = selection.trackShape;
    const TimeWindow &window = selection.window;
    const std::optional<QRectF> &box = selection.extentWgs84;

    if (selection.wants(CaseLayer::Tracks) || selection.wants(CaseLayer::Positions)) {
        for (const VesselTrack &track : store.tracks()) {
            const auto [first, last] = track.rangeForTime(window.fromMs ? window.fromMs : INT64_MIN,
                                                          window.toMs ? window.toMs : INT64_MAX);
            VesselPath path;
            path.mmsi = track.mmsi();
            if (const VesselInfo *info = registry.find(track.mmsi())) {
                path.name = info->currentName();
                path.imo = info->imo;
                path.callsign = info->callsign;
                path.shipType = info->shipType;
            }
            for (std::size_t i = first; i < last; ++i) {
                // Divided, not multiplied by 1e-7: the nearest double to the stored degrees, so files
                // read "42.88206" rather than "42.882059999999996".
                const QPointF lonLat(track.lonE7()[i] / 1e7, track.latE7()[i] / 1e7);
                if (box && !pointIn(*box, lonLat.x(), lonLat.y()))
                    continue;
                path.timesMs.push_back(track.timeMs(i));
                path.lonLat.append(lonLat);
                path.sogKnots.push_back(track.sog(i));
                path.cogDegrees.push_back(track.cog(i));
            }
            if (!path.timesMs.empty())
                content.vessels.push_back(std::move(path));
        }
    }

    if (selection.wants(CaseLayer::Events)) {
        for (const MovementEvent &e : events) {
            if (!window.overlaps(e.startMs, e.endMs))
                continue;
            if (box && !boxesMeet(*box, boxOf(e.from, e.to)))
                continue;
            content.events.push_back(e);
        }
    }

    if (selection.wants(CaseLayer::Sightings)) {
        for (const Sighting &s : sightings) {
            // The map keeps a sighting without a time whatever the window; an export for a window
            // is a record of that window, so only what is known to fall in it goes.
            if (!window.isOpen() && (!s.observedAtMs || !window.contains(s.observedAtMs)))
                continue;
            if (box && !boxesMeet(*box, s.geometry.boundsWgs84()))
                continue;
            content.sightings.append(s);
        }
    }

    if (selection.wants(CaseLayer::Annotations)) {
        for (const Annotation &a : annotations)
            if (!box || boxesMeet(*box, a.boundsWgs84()))
                content.annotations.append(a);
    }
    return content;
}

bool loadCaseContent(const Project &project, const CaseSelection &selection, CaseContent &content,
                     QString *error)
{
    TrackStore store;
    VesselRegistry registry;
    const bool wantsTracks = selection.wants(CaseLayer::Tracks) || selection.wants(CaseLayer::Positions);
    if (wantsTracks && TrackGeoPackage::hasTracks(project.path())) {
        if (!TrackGeoPackage::read(project.path(), store, registry, error))
            return false;
    }
    content = selectCaseContent(
        project.title(), store, registry,
        selection.wants(CaseLayer::Events) ? project.events() : std::vector<MovementEvent>{},
        selection.wants(CaseLayer::Sightings) ? project.sightings() : QList<Sighting>{},
        selection.wants(CaseLayer::Annotations) ? project.annotations() : QList<Annotation>{}, selection);
    return true;
}

} // namespace sightline
