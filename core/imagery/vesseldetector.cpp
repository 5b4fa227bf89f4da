#include "imagery/vesseldetector.h"

#include "geo/geodesic.h"
#include "imagery/cfar.h"
#include "imagery/landmask.h"
#include "imagery/objectshape.h"
#include "imagery/sarscene.h"

#include <QThread>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>

namespace sightline {

namespace {

// Hits this close (in pixels, either axis) are one object: a ship's speckle leaves holes and
// its hits need not touch, where two ships side by side still keep some sea between them.
constexpr int kMergeDistancePx = 2;

std::vector<CfarHit> runCfar(const SarScene &scene, const LandMask *land, const CfarWindows &windows, double t,
                             const DetectionProgress &progress)
{
    const CfarImage image{scene.power.data(), land ? land->land.data() : nullptr, scene.width, scene.height};
    const int threads = std::max(1, QThread::idealThreadCount());
    // Several bands a thread: a loaded machine's threads finish unevenly, and the caller's thread
    // reports progress after each of its own bands.
    const int bandRows = std::max(64, scene.height / (threads * 8) + 1);
    const int bands = (scene.height + bandRows - 1) / bandRows;
    std::vector<std::vector<CfarHit>> bandHits(std::size_t(bands), std::vector<CfarHit>{});
    std::atomic_int nextBand{0}, rowsDone{0};
    const std::function<bool()> cancelled = [&progress] { return progress.cancelled(); };
    auto work = [&](bool reporting) {
        for (int band; (band = nextBand.fetch_add(1)) < bands;) {
            const int begin = band * bandRows, end = std::min(scene.height, begin + bandRows);
            if (!cfarRows(image, windows, t, begin, end, bandHits[std::size_t(band)], cancelled))
                return;
            rowsDone += end - begin;
            if (reporting && progress.report)
                progress.report(0.9 * rowsDone.load() / scene.height);
        }
    };
    std::vector<std::thread> helpers;
    for (int i = 1; i < threads; ++i)
        helpers.emplace_back(work, false);
    work(true);
    for (std::thread &helper : helpers)
        helper.join();
    std::vector<CfarHit> hits;
    for (auto &band : bandHits)
        hits.insert(hits.end(), band.begin(), band.end());
    return hits; // row-major: bands in order, each in order
}

// Union–find over the hits, joining those within kMergeDistancePx; returns each hit's object.
std::vector<int> clusterHits(const std::vector<CfarHit> &hits, int height)
{
    std::vector<int> parent(hits.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&parent](int i) {
        while (parent[std::size_t(i)] != i)
            i = parent[std::size_t(i)] = parent[std::size_t(parent[std::size_t(i)])];
        return i;
    };
    // Where each row's hits begin in the row-major list.
    std::vector<int> rowStart(std::size_t(height) + 1, 0);
    for (const CfarHit &h : hits)
        ++rowStart[std::size_t(h.row) + 1];
    std::partial_sum(rowStart.begin(), rowStart.end(), rowStart.begin());
    for (int i = 0; i < int(hits.size()); ++i) {
        const CfarHit &h = hits[std::size_t(i)];
        for (int row = std::max(0, h.row - kMergeDistancePx); row <= h.row; ++row) {
            auto first = hits.begin() + rowStart[std::size_t(row)];
            auto last = hits.begin() + rowStart[std::size_t(row) + 1];
            auto from = std::lower_bound(first, last, h.col - kMergeDistancePx,
                                         [](const CfarHit &a, int col) { return a.col < col; });
            for (auto it = from; it != last && it->col <= h.col + kMergeDistancePx; ++it) {
                const int j = int(it - hits.begin());
                if (j >= i)
                    break;
                const int a = find(i), b = find(j);
                if (a != b)
                    parent[std::size_t(std::max(a, b))] = std::min(a, b);
            }
        }
    }
    for (int i = 0; i < int(hits.size()); ++i)
        parent[std::size_t(i)] = find(i);
    return parent;
}

// The geolocation's local linear form at `pixel`, in (east, north) metres a pixel step.
GroundStep groundStep(const SarGeolocation &geo, QPointF pixel)
{
    auto towards = [&](QPointF to) {
        const GeodesicInverse g = Geodesic::inverse(geo.lonLat(pixel), geo.lonLat(to));
        const double az = g.azimuth1Deg * M_PI / 180.0;
        return QPointF(g.distanceMetres * std::sin(az), g.distanceMetres * std::cos(az));
    };
    return {towards(pixel + QPointF(1, 0)), towards(pixel + QPointF(0, 1))};
}

// 0–1: how far the object's best target mean stood above its threshold, counted in the
// threshold's own height above the sea (1: just at it), and how elongated it is, as ships are.
double confidenceOf(double contrast, const ObjectShape &shape)
{
    const double byContrast = std::clamp(1.0 - 1.0 / (contrast * contrast), 0.0, 1.0);
    const double aspect = shape.widthM > 0 ? shape.lengthM / shape.widthM : 1.0;
    const double byShape = std::clamp((aspect - 1.0) / 2.0, 0.0, 1.0);
    // Small ships at coarse pixels are round blobs: shape only adds, it never vetoes.
    return byContrast * (0.7 + 0.3 * byShape);
}

VesselDetection measureObject(const std::vector<const CfarHit *> &members, const SarScene &scene)
{
    // The object is its pixels that stand out on their own: the target window's mean spreads a
    // bright ship's hits a few pixels around it, which would add that much to its length.
    std::vector<const CfarHit *> core;
    for (const CfarHit *h : members)
        if (h->value > h->threshold)
            core.push_back(h);
    if (core.empty())
        core = members;

    VesselDetection d;
    double weight = 0, col = 0, row = 0, contrast = 0;
    std::vector<QPoint> pixels;
    std::vector<double> weights;
    pixels.reserve(core.size());
    weights.reserve(core.size());
    for (const CfarHit *h : core) {
        const double w = std::max(0.0, double(h->value) - double(h->seaMean));
        weight += w, col += w * (h->col + 0.5), row += w * (h->row + 0.5);
        d.peakRatio = std::max(d.peakRatio, double(h->value) / double(h->seaMean));
        pixels.emplace_back(h->col, h->row);
        weights.push_back(w);
    }
    for (const CfarHit *h : members)
        contrast = std::max(contrast, (double(h->targetMean) - h->seaMean) / (double(h->threshold) - h->seaMean));
    if (weight > 0) {
        d.pixel = QPointF(col / weight, row / weight);
    } else {
        for (const QPoint &p : pixels)
            d.pixel += QPointF(p.x() + 0.5, p.y() + 0.5);
        d.pixel /= double(pixels.size());
    }
    const ObjectShape shape = measureShape(pixels, weights, groundStep(scene.geolocation, d.pixel));
    d.lengthM = shape.lengthM;
    d.widthM = shape.widthM;
    d.headingDeg = shape.headingDeg;
    d.pixelCount = int(members.size());
    d.confidence = confidenceOf(contrast, shape);
    d.lonLat = scene.geolocation.lonLat(d.pixel);
    return d;
}

} // namespace

std::vector<VesselDetection> detectVessels(const SarScene &scene, const LandMask *land,
                                           const DetectionParameters &parameters,
                                           const DetectionProgress &progress)
{
    const std::size_t pixels = std::size_t(scene.width) * std::size_t(scene.height);
    if (!parameters.problem().isEmpty() || scene.width <= 0 || scene.height <= 0 || scene.power.size() != pixels ||
        !scene.geolocation.isValid())
        return {};
    if (land && (land->width != scene.width || land->height != scene.height || land->land.size() != pixels))
        land = nullptr; // a mask of another scene says nothing about this one
    const QPointF spacing = scene.geolocation.pixelSpacingM(QPointF(scene.width / 2.0, scene.height / 2.0));
    if (!std::isfinite(spacing.x()) || !std::isfinite(spacing.y()) || spacing.x() <= 0 || spacing.y() <= 0)
        return {};

    const CfarWindows windows = cfarWindows(parameters, spacing);
    const double t = cfarThresholdFactor(std::pow(10.0, parameters.pfaExponent));
    const std::vector<CfarHit> hits = runCfar(scene, land, windows, t, progress);
    if (progress.cancelled())
        return {};

    const std::vector<int> object = clusterHits(hits, scene.height);
    std::vector<int> order(hits.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&object](int a, int b) { return object[std::size_t(a)] < object[std::size_t(b)]; });
    std::vector<VesselDetection> detections;
    std::vector<const CfarHit *> members;
    for (std::size_t i = 0; i < order.size(); ++i) {
        members.push_back(&hits[std::size_t(order[i])]);
        const bool last = i + 1 == order.size() ||
                          object[std::size_t(order[i + 1])] != object[std::size_t(order[i])];
        if (!last)
            continue;
        if (progress.cancelled())
            return {};
        VesselDetection d = measureObject(members, scene);
        members.clear();
        if (d.lengthM >= parameters.minLengthM && d.lengthM <= parameters.maxLengthM)
            detections.push_back(std::move(d));
    }
    // Surest first: what a reader of the list looks at first.
    std::stable_sort(detections.begin(), detections.end(),
                     [](const VesselDetection &a, const VesselDetection &b) { return a.confidence > b.confidence; });
    if (progress.report)
        progress.report(1.0);
    return detections;
}

} // namespace sightline
