#include "layers/tracklayer.h"

#include "ais/aismessage.h"
#include "geo/tilemath.h"
#include "geo/transform.h"
#include "layers/trackrenderer.h"

#include <QDateTime>

#include <cmath>

namespace sightline {

namespace {

std::shared_ptr<const ProjectedTracks> project(const TrackStore &store, const Crs &crs)
{
    auto result = std::make_shared<ProjectedTracks>();
    result->tracks.resize(store.tracks().size());
    const bool mercator = crs.authId() == QLatin1String("EPSG:3857");
    const bool lonLat = crs.authId() == QLatin1String("EPSG:4326");
    const Transform transform(Crs::wgs84(), crs);
    std::vector<double> xs, ys;
    for (std::size_t t = 0; t < store.tracks().size(); ++t) {
        const VesselTrack &track = store.tracks()[t];
        ProjectedTracks::Track &out = result->tracks[t];
        const std::size_t n = track.size();
        if (n == 0)
            continue;
        xs.resize(n);
        ys.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const double lon = track.lonE7()[i] * 1e-7, lat = track.latE7()[i] * 1e-7;
            if (mercator) {
                // Closed form: PROJ per point would cost more than the whole render.
                const QPointF m = TileMath::lonLatToMercator(QPointF(lon, lat));
                xs[i] = m.x();
                ys[i] = m.y();
            } else {
                xs[i] = lon;
                ys[i] = lat;
            }
        }
        if (!mercator && !lonLat)
            transform.forward(xs.data(), ys.data(), n);
        out.originX = xs[0];
        out.originY = ys[0];
        out.xy.resize(2 * n);
        double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
        for (std::size_t i = 0; i < n; ++i) {
            if (xs[i] == HUGE_VAL) { // not representable in this CRS: park it on the origin
                xs[i] = out.originX;
                ys[i] = out.originY;
            }
            out.xy[2 * i] = float(xs[i] - out.originX);
            out.xy[2 * i + 1] = float(ys[i] - out.originY);
            minX = std::min(minX, xs[i]);
            maxX = std::max(maxX, xs[i]);
            minY = std::min(minY, ys[i]);
            maxY = std::max(maxY, ys[i]);
        }
        out.bounds = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
    }
    return result;
}

} // namespace

TrackLayer::TrackLayer(QString name, QString source, std::shared_ptr<const TrackStore> store,
                       std::shared_ptr<const VesselRegistry> registry)
    : mSource(std::move(source))
    , mStore(std::move(store))
    , mRegistry(std::move(registry))
{
    setName(name);
}

std::shared_ptr<const ProjectedTracks> TrackLayer::projected(const Crs &crs) const
{
    return projectedTracks(*mCache, *mStore, crs);
}

std::shared_ptr<const GeneralizedTracks> TrackLayer::generalized() const
{
    if (!mStyle.generalize.isActive())
        return nullptr;
    return mCache->generalized.get(*mStore, mCleaning, mStyle.generalize, mStyle.gapThresholdMs);
}

std::shared_ptr<const ProjectedTracks> projectedTracks(TrackLayer::ProjectionCacheHandle &cache,
                                                       const TrackStore &store, const Crs &crs)
{
    // One computation per CRS; a second render of the same CRS waits for the first.
    std::lock_guard lock(cache.mutex);
    const std::string key = crs.definition().toStdString();
    auto it = cache.byCrs.find(key);
    if (it != cache.byCrs.end())
        return it->second;
    auto result = project(store, crs);
    cache.byCrs.emplace(key, result);
    return result;
}

std::unique_ptr<LayerRenderer> TrackLayer::createRenderer(const MapSettings &settings) const
{
    return std::make_unique<TrackRenderer>(mStore, mRegistry, mCache, mStyle, mHighlighted, settings,
                                           mCleaning);
}

QColor TrackLayer::vesselColour(std::uint32_t mmsi)
{
    // A well-mixed hash of the MMSI picks one of twelve distinct hues and one of two
    // shades, so neighbouring MMSIs (ships of one owner) do not look alike.
    std::uint32_t h = mmsi;
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    static const QRgb palette[] = {0xd62728, 0x1f77b4, 0x2ca02c, 0xff7f0e, 0x9467bd, 0x8c564b,
                                   0xe377c2, 0x17becf, 0xbcbd22, 0x393b79, 0xad494a, 0x637939};
    QColor c = QColor::fromRgb(palette[h % 12]);
    return (h >> 8) % 2 ? c : c.darker(125);
}

QList<LayerProperty> TrackLayer::properties() const
{
    QList<LayerProperty> p;
    p << LayerProperty(QStringLiteral("Source"), mSource);
    p << LayerProperty(QStringLiteral("Vessels"), QString::number(mStore->vesselCount()));
    p << LayerProperty(QStringLiteral("Positions"), QString::number(mStore->positionCount()));
    p << LayerProperty(QStringLiteral("Memory per position"),
                       QStringLiteral("%1 bytes").arg(mStore->bytesPerPosition(), 0, 'f', 1));
    auto iso = [](std::int64_t ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
    };
    if (mStore->positionCount() > 0)
        p << LayerProperty(
            QStringLiteral("Time span (UTC)"),
            QStringLiteral("%1 – %2").arg(iso(mStore->firstTimeMs()), iso(mStore->lastTimeMs())));
    const QRectF e = mStore->boundsWgs84();
    p << LayerProperty(QStringLiteral("Extent (WGS84)"), QStringLiteral("%1, %2 – %3, %4")
                                                             .arg(e.left(), 0, 'f', 5)
                                                             .arg(e.top(), 0, 'f', 5)
                                                             .arg(e.right(), 0, 'f', 5)
                                                             .arg(e.bottom(), 0, 'f', 5));
    return p;
}

TrackLayer::Pick TrackLayer::nearest(QPointF lonLat, double tol) const
{
    Pick best;
    double bestD = tol * tol;
    const QRectF box(lonLat - QPointF(tol, tol), QSizeF(2 * tol, 2 * tol));
    for (const TrackStore::Hit &h : mStore->query(box, std::numeric_limits<std::int64_t>::min(),
                                                  std::numeric_limits<std::int64_t>::max())) {
        const VesselTrack *t = mStore->track(h.mmsi);
        const double dx = (t->lon(h.index) - lonLat.x()) * std::cos(lonLat.y() * M_PI / 180);
        const double dy = t->lat(h.index) - lonLat.y();
        const double d = dx * dx + dy * dy;
        if (d <= bestD) {
            bestD = d;
            best = Pick{h.mmsi, h.index, true};
        }
    }
    return best;
}

QList<LayerProperty> TrackLayer::describePosition(std::uint32_t mmsi, std::size_t index) const
{
    QList<LayerProperty> p;
    const VesselTrack *t = mStore->track(mmsi);
    if (!t || index >= t->size())
        return p;
    const VesselInfo *v = mRegistry->find(mmsi);
    p << LayerProperty(QStringLiteral("Vessel"), mRegistry->displayName(mmsi));
    p << LayerProperty(QStringLiteral("MMSI"), QString::number(mmsi));
    if (v && v->imo)
        p << LayerProperty(QStringLiteral("IMO"), QString::number(v->imo));
    if (v && !v->callsign.isEmpty())
        p << LayerProperty(QStringLiteral("Call sign"), v->callsign);
    const QString flag = VesselRegistry::flagOf(mmsi);
    if (!flag.isEmpty())
        p << LayerProperty(QStringLiteral("Flag (from MID)"), flag);
    if (v && v->shipType)
        p << LayerProperty(QStringLiteral("Ship type"),
                           QStringLiteral("%1 – %2")
                               .arg(v->shipType)
                               .arg(QString::fromLatin1(ais::shipTypeText(v->shipType))));
    if (v && v->length() > 0)
        p << LayerProperty(QStringLiteral("Size"),
                           QStringLiteral("%1 × %2 m").arg(v->length()).arg(v->beam()));
    p << LayerProperty(QStringLiteral("Time (UTC)"),
                       QDateTime::fromMSecsSinceEpoch(t->timeMs(index), Qt::UTC).toString(Qt::ISODateWithMs));
    if (t->flags(index) & VesselTrack::TimeFromBaseStation)
        p << LayerProperty(QStringLiteral("Time source"),
                           QStringLiteral("base-station UTC (the log had no receive time)"));
    p << LayerProperty(QStringLiteral("Position"),
                       QStringLiteral("%1, %2").arg(t->lat(index), 0, 'f', 6).arg(t->lon(index), 0, 'f', 6));
    if (!std::isnan(t->sog(index)))
        p << LayerProperty(QStringLiteral("Speed"), QStringLiteral("%1 kn").arg(t->sog(index), 0, 'f', 1));
    if (!std::isnan(t->cog(index)))
        p << LayerProperty(QStringLiteral("Course"), QStringLiteral("%1°").arg(t->cog(index), 0, 'f', 1));
    if (t->heading(index) >= 0)
        p << LayerProperty(QStringLiteral("Heading"), QStringLiteral("%1°").arg(t->heading(index)));
    if (t->status(index) >= 0)
        p << LayerProperty(QStringLiteral("Navigation status"),
                           QString::fromLatin1(ais::navigationStatusText(t->status(index))));
    // Where the report was heard: the receiver (tag-block source) and the channel, as the log gave them.
    const QString source = QString::fromStdString(mStore->sourceName(t->sourceId(index)));
    const QString channel =
        t->channel(index) ? QStringLiteral("channel %1").arg(QLatin1Char(t->channel(index))) : QString();
    if (!source.isEmpty() || !channel.isEmpty())
        p << LayerProperty(QStringLiteral("Heard by"),
                           source.isEmpty()    ? channel
                           : channel.isEmpty() ? source
                                               : QStringLiteral("%1, %2").arg(source, channel));
    if (!t->heardBy().empty()) {
        QStringList receivers;
        for (std::uint16_t id : t->heardBy())
            receivers << QString::fromStdString(mStore->sourceName(id));
        p << LayerProperty(QStringLiteral("Receivers that heard the vessel"), receivers.join(QStringLiteral(", ")));
    }
    p << LayerProperty(QStringLiteral("Position in track"),
                       QStringLiteral("%1 of %2").arg(index + 1).arg(t->size()));
    if (mCleaning) {
        const auto track = std::size_t(t - mStore->tracks().data());
        if (const CleaningMark mark = mCleaning->markAt(track, index); mark != CleaningMark::Kept)
            p << LayerProperty(QStringLiteral("Set aside by the cleaning"),
                               QStringLiteral("%1 (%2): the analyses do not use this position")
                                   .arg(cleaningMarkText(mark), cleaningMarkKey(mark)));
    }
    return p;
}

} // namespace sightline
