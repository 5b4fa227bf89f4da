#include "analysis/gapreception.h"

#include "analysis/localdistance.h"
#include "analysis/receptionmodel.h"
#include "tracks/trackstore.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace sightline {

namespace {

using Key = ReceptionModel::Key;

/// The vessels heard in a cell-bin, less `mmsi`.
std::size_t othersAt(const ReceptionModel &model, Key key, std::uint32_t mmsi)
{
    const auto vessels = model.vesselsAt(key);
    return vessels.size() - (std::binary_search(vessels.begin(), vessels.end(), mmsi) ? 1 : 0);
}

double rounded(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

} // namespace

PathReception assessPath(const ReceptionModel &model, const TrackStore &tracks, std::uint32_t mmsi,
                         QPointF from, std::int64_t startMs, QPointF to, std::int64_t endMs,
                         const ReceptionParameters &parameters)
{
    PathReception result;
    const double dLon = LocalPlane::wrapLon(to.x() - from.x()), dLat = to.y() - from.y();
    const std::int64_t dt = std::max<std::int64_t>(1, endMs - startMs);
    // Four samples a bin and four a cell crossed, so no cell-bin the path touches is skipped
    // (but a corner it barely clips may be).
    const double crossings = std::max(std::abs(dLon), std::abs(dLat)) / model.cellDeg();
    const auto samples = std::int64_t(
        std::clamp(4.0 * std::max(double(dt) / double(model.binMs()), crossings) + 1.0, 1.0, 200000.0));
    std::vector<Key> keys;
    for (std::int64_t k = 0; k < samples; ++k) {
        const double f = (double(k) + 0.5) / double(samples);
        double lon = from.x() + f * dLon;
        lon = lon > 180.0 ? lon - 360.0 : lon < -180.0 ? lon + 360.0 : lon;
        const Key key =
            model.keyAt(QPointF(lon, from.y() + f * dLat), startMs + std::int64_t(f * double(dt)));
        if (key != ReceptionModel::kNoKey && (keys.empty() || keys.back() != key))
            keys.push_back(key);
    }
    // The hours that straddle the silence's ends also hold the time before and after it (the
    // vessel's own last and first reports, others heard minutes before it went quiet): left out
    // when the silence spans enough whole hours to judge by.
    const bool wholeBinsOnly = endMs - startMs > 2 * model.binMs();
    const auto straddles = [&](Key key) {
        return model.binStartMs(key) < startMs || model.binStartMs(key) + model.binMs() > endMs;
    };
    std::vector<std::uint32_t> heardVessels;
    std::vector<std::uint16_t> heardSources;
    std::vector<Key> seenKeys;
    for (const Key key : keys) {
        if (std::find(seenKeys.begin(), seenKeys.end(), key) != seenKeys.end())
            continue; // a path that doubles back through a cell-bin counts it once
        if (wholeBinsOnly && straddles(key))
            continue;
        seenKeys.push_back(key);
        const Key cell = ReceptionModel::cellOf(key);
        if (result.cells.empty() || result.cells.back().bounds != model.cellBounds(cell)) {
            PathReception::Cell c;
            c.bounds = model.cellBounds(cell);
            c.withData = model.cellHeardBesides(key, mmsi);
            result.cells.push_back(c);
        }
        PathReception::Cell &c = result.cells.back();
        ++c.bins;
        ++result.cellBins;
        if (!c.withData)
            continue;
        ++result.cellBinsWithData;
        if (othersAt(model, key, mmsi) == 0) {
            // The bins of the gap's own ends hold the vessel's last and first reports: a receiver
            // that heard those proves nothing about the silence between.
            const bool endBin =
                model.binStartMs(key) <= startMs || model.binStartMs(key) + model.binMs() > endMs;
            const auto receivers = model.cellSources(key);
            if (!endBin && std::any_of(receivers.begin(), receivers.end(),
                                       [&](std::uint16_t s) { return model.sourceHeardIn(s, key); })) {
                ++result.cellBinsReceiverUp;
                ++c.binsReceiverUp;
            }
            continue;
        }
        ++result.cellBinsHeard;
        ++c.binsHeard;
        for (std::uint32_t v : model.vesselsAt(key))
            if (v != mmsi)
                heardVessels.push_back(v);
        const auto sources = model.sourcesAt(key);
        heardSources.insert(heardSources.end(), sources.begin(), sources.end());
        // Per cell, the distinct vessels of its bins so far (the cell's bins are consecutive).
        std::vector<std::uint32_t> inCell;
        for (const Key k : seenKeys)
            if (ReceptionModel::cellOf(k) == cell)
                for (std::uint32_t v : model.vesselsAt(k))
                    if (v != mmsi)
                        inCell.push_back(v);
        std::sort(inCell.begin(), inCell.end());
        c.vessels = int(std::unique(inCell.begin(), inCell.end()) - inCell.begin());
    }
    std::sort(heardVessels.begin(), heardVessels.end());
    result.vesselsHeard = int(std::unique(heardVessels.begin(), heardVessels.end()) - heardVessels.begin());
    std::sort(heardSources.begin(), heardSources.end());
    heardSources.erase(std::unique(heardSources.begin(), heardSources.end()), heardSources.end());
    for (std::uint16_t s : heardSources)
        if (s != TrackStore::kNoSource)
            result.receivers << QString::fromStdString(tracks.sourceName(s));

    result.disablingScore =
        (result.cellBinsHeard + result.cellBinsReceiverUp + 0.5) / (result.cellBinsWithData + 1.0);
    if (result.cellBinsWithData < parameters.minCellsWithData)
        result.likelyCause = QStringLiteral("unknown");
    else if (result.disablingScore >= parameters.switchedOffScore)
        result.likelyCause = QStringLiteral("switched_off");
    else if (result.disablingScore <= parameters.coverageHoleScore)
        result.likelyCause = QStringLiteral("out_of_coverage");
    else
        result.likelyCause = QStringLiteral("unknown");
    return result;
}

void PathReception::writeTo(QJsonObject &details) const
{
    details.insert(QStringLiteral("likely_cause"), likelyCause);
    details.insert(QStringLiteral("disabling_score"), rounded(disablingScore));
    details.insert(QStringLiteral("reception_cell_bins"), cellBins);
    details.insert(QStringLiteral("reception_cell_bins_with_data"), cellBinsWithData);
    details.insert(QStringLiteral("reception_cell_bins_heard"), cellBinsHeard);
    details.insert(QStringLiteral("reception_cell_bins_receiver_up"), cellBinsReceiverUp);
    details.insert(QStringLiteral("vessels_heard_meanwhile"), vesselsHeard);
    details.insert(QStringLiteral("receivers_meanwhile"), QJsonArray::fromStringList(receivers));
    // [west, south, size, bins, bins heard, vessels heard, others ever heard there (0/1), bins with
    // a receiver of the cell up]: what the map shades along the path.
    QJsonArray array;
    for (const Cell &c : cells)
        array.append(QJsonArray{rounded(c.bounds.x()), rounded(c.bounds.y()), c.bounds.width(), c.bins,
                                c.binsHeard, c.vessels, c.withData ? 1 : 0, c.binsReceiverUp});
    details.insert(QStringLiteral("reception_cells"), array);
}

PlaceReception assessPlace(const ReceptionModel &model, std::uint32_t mmsi, QPointF lonLat,
                           std::int64_t startMs, std::int64_t endMs)
{
    const Key first = model.keyAt(lonLat, std::max(startMs, std::int64_t(0)));
    if (first == ReceptionModel::kNoKey || !model.cellHeardBesides(first, mmsi))
        return PlaceReception::NoData;
    // As along a path: the hours straddling the window's ends are left out when it has whole ones.
    const bool wholeBinsOnly = endMs - startMs > 2 * model.binMs();
    for (std::int64_t t = startMs; t <= endMs + model.binMs() - 1; t += model.binMs()) {
        const Key key = model.keyAt(lonLat, std::min(t, endMs));
        if (key == ReceptionModel::kNoKey)
            continue;
        const bool straddles =
            model.binStartMs(key) < startMs || model.binStartMs(key) + model.binMs() > endMs;
        if (!(wholeBinsOnly && straddles) && othersAt(model, key, mmsi) > 0)
            return PlaceReception::Heard;
    }
    return PlaceReception::Silent;
}

QString placeReceptionKey(PlaceReception reception)
{
    switch (reception) {
    case PlaceReception::Heard:
        return QStringLiteral("heard");
    case PlaceReception::Silent:
        return QStringLiteral("silent");
    case PlaceReception::NoData:
        return QStringLiteral("no_data");
    }
    return {};
}

} // namespace sightline
