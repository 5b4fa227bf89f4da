#include "imagery/cfar.h"

#include "imagery/detectionparameters.h"

#include <algorithm>
#include <cmath>

namespace sightline {

CfarWindows cfarWindows(const DetectionParameters &parameters, QPointF pixelSpacingM)
{
    auto pixels = [](double metres, double spacing) { return int(metres / spacing) + 1; };
    CfarWindows w;
    w.targetX = (pixels(parameters.targetWindowM, pixelSpacingM.x()) - 1) / 2;
    w.targetY = (pixels(parameters.targetWindowM, pixelSpacingM.y()) - 1) / 2;
    w.guardX = pixels(parameters.guardWindowM, pixelSpacingM.x()) / 2;
    w.guardY = pixels(parameters.guardWindowM, pixelSpacingM.y()) / 2;
    w.backgroundX = (pixels(parameters.backgroundWindowM, pixelSpacingM.x()) - 1) / 2;
    w.backgroundY = (pixels(parameters.backgroundWindowM, pixelSpacingM.y()) - 1) / 2;
    // A ring needs pixels: the background reaches at least one past the guard.
    w.backgroundX = std::max(w.backgroundX, w.guardX + 1);
    w.backgroundY = std::max(w.backgroundY, w.guardY + 1);
    return w;
}

double cfarThresholdFactor(double pfa)
{
    // Solve ½·erfc(t/√2) = pfa by bisection: erfc is monotonic, and this is done once a run.
    // (SNAP's √2·erf⁻¹(1 − 2·pfa) is the same number; erfc keeps the digits 1 − 2·pfa loses.)
    double lo = 0, hi = 40;
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (lo + hi);
        (0.5 * std::erfc(mid / std::sqrt(2.0)) > pfa ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

namespace {

// Sums down each column over the rows a window spans, kept as the window slides down a row at a
// time: one row in, one row out. `squares` only where σ is needed (the guard and background).
struct ColumnSums
{
    int half = 0;
    bool squares = false;
    std::vector<double> sum, sumSq;
    std::vector<std::int32_t> count;

    ColumnSums(int width, int halfRows, bool withSquares)
        : half(halfRows)
        , squares(withSquares)
        , sum(std::size_t(width), 0.0)
        , sumSq(withSquares ? std::size_t(width) : 0, 0.0)
        , count(std::size_t(width), 0)
    {
    }

    void addRow(const CfarImage &image, int row, double sign)
    {
        const std::size_t offset = std::size_t(row) * std::size_t(image.width);
        const float *p = image.power + offset;
        const std::uint8_t *land = image.land ? image.land + offset : nullptr;
        const int step = sign > 0 ? 1 : -1;
        for (int c = 0; c < image.width; ++c) {
            const float x = p[c];
            // NaN fails `x > 0`; infinity is no power either.
            if (!(x > 0.0f) || x == INFINITY || (land && land[c]))
                continue;
            sum[std::size_t(c)] += sign * double(x);
            if (squares)
                sumSq[std::size_t(c)] += sign * double(x) * double(x);
            count[std::size_t(c)] += step;
        }
    }

    // The window's rows for `row`, summed from scratch (a band's first row).
    void start(const CfarImage &image, int row)
    {
        for (int r = std::max(0, row - half); r <= std::min(image.height - 1, row + half); ++r)
            addRow(image, r, +1);
    }

    // From the window of `row` − 1 to that of `row`.
    void advance(const CfarImage &image, int row)
    {
        if (row + half < image.height)
            addRow(image, row + half, +1);
        if (row - half - 1 >= 0)
            addRow(image, row - half - 1, -1);
    }
};

// Running sums along a row of column sums, so any horizontal span is two look-ups.
struct RowPrefix
{
    std::vector<double> sum, sumSq;
    std::vector<std::int64_t> count;

    explicit RowPrefix(int width)
        : sum(std::size_t(width) + 1)
        , sumSq(std::size_t(width) + 1)
        , count(std::size_t(width) + 1)
    {
    }

    void build(const ColumnSums &columns)
    {
        const std::size_t n = columns.sum.size();
        for (std::size_t c = 0; c < n; ++c) {
            sum[c + 1] = sum[c] + columns.sum[c];
            count[c + 1] = count[c] + columns.count[c];
        }
        if (columns.squares)
            for (std::size_t c = 0; c < n; ++c)
                sumSq[c + 1] = sumSq[c] + columns.sumSq[c];
    }
};

} // namespace

bool cfarRows(const CfarImage &image, const CfarWindows &windows, double t, int rowBegin, int rowEnd,
              std::vector<CfarHit> &hits, const std::function<bool()> &cancelled)
{
    const int width = image.width;
    rowBegin = std::max(rowBegin, 0);
    rowEnd = std::min(rowEnd, image.height);
    if (width <= 0 || rowBegin >= rowEnd)
        return true;
    ColumnSums target(width, windows.targetY, false);
    ColumnSums guard(width, windows.guardY, true);
    ColumnSums background(width, windows.backgroundY, true);
    RowPrefix targetRow(width), guardRow(width), backgroundRow(width);
    const std::int64_t fullRing = std::int64_t(2 * windows.backgroundX + 1) * (2 * windows.backgroundY + 1) -
                                  std::int64_t(2 * windows.guardX + 1) * (2 * windows.guardY + 1);
    const std::int64_t minRing = std::max<std::int64_t>(2, fullRing / 4);

    for (int row = rowBegin; row < rowEnd; ++row) {
        if (cancelled && cancelled())
            return false;
        if (row == rowBegin) {
            target.start(image, row);
            guard.start(image, row);
            background.start(image, row);
        } else {
            target.advance(image, row);
            guard.advance(image, row);
            background.advance(image, row);
        }
        targetRow.build(target);
        guardRow.build(guard);
        backgroundRow.build(background);

        const std::size_t offset = std::size_t(row) * std::size_t(width);
        const float *p = image.power + offset;
        const std::uint8_t *land = image.land ? image.land + offset : nullptr;
        for (int c = 0; c < width; ++c) {
            const float x = p[c];
            if (!(x > 0.0f) || x == INFINITY || (land && land[c]))
                continue;
            auto span = [&](int half) {
                return std::pair<std::size_t, std::size_t>(std::size_t(std::max(0, c - half)),
                                                           std::size_t(std::min(width, c + half + 1)));
            };
            const auto [t0, t1] = span(windows.targetX);
            const std::int64_t nTarget = targetRow.count[t1] - targetRow.count[t0];
            const double targetMean = (targetRow.sum[t1] - targetRow.sum[t0]) / double(nTarget);
            const auto [g0, g1] = span(windows.guardX);
            const auto [b0, b1] = span(windows.backgroundX);
            const std::int64_t nRing = (backgroundRow.count[b1] - backgroundRow.count[b0]) -
                                       (guardRow.count[g1] - guardRow.count[g0]);
            if (nRing < minRing)
                continue;
            const double ringSum =
                (backgroundRow.sum[b1] - backgroundRow.sum[b0]) - (guardRow.sum[g1] - guardRow.sum[g0]);
            const double mean = ringSum / double(nRing);
            if (!(targetMean > mean))
                continue; // the threshold is never below the mean: no need for σ
            const double ringSq =
                (backgroundRow.sumSq[b1] - backgroundRow.sumSq[b0]) - (guardRow.sumSq[g1] - guardRow.sumSq[g0]);
            const double variance = std::max(0.0, ringSq / double(nRing) - mean * mean);
            const double threshold = mean + t * std::sqrt(variance);
            if (targetMean > threshold && variance > 0)
                hits.push_back({c, row, x, float(targetMean), float(mean), float(threshold)});
        }
    }
    return true;
}

} // namespace sightline
