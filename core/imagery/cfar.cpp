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

// NaN fails `x > 0`; infinity is no power either; land is not sea.
inline bool isSea(float x, std::uint8_t land)
{
    return x > 0.0f && x < INFINITY && !land;
}

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
        // One loop for each case, decided outside it (-O2 does not split loops on invariants).
        if (squares)
            image.land ? addRow<true, true>(image, row, sign) : addRow<true, false>(image, row, sign);
        else
            image.land ? addRow<false, true>(image, row, sign) : addRow<false, false>(image, row, sign);
    }

    template <bool Squares, bool HasLand> void addRow(const CfarImage &image, int row, double sign)
    {
        const std::size_t offset = std::size_t(row) * std::size_t(image.width);
        const float *p = image.power + offset;
        const std::uint8_t *land = HasLand ? image.land + offset : nullptr;
        const int step = sign > 0 ? 1 : -1;
        double *s = sum.data(), *q = sumSq.data();
        std::int32_t *n = count.data();
        // Without branches, so the compiler can vectorise: a pixel with no data adds zeros.
        for (int c = 0; c < image.width; ++c) {
            const float x = p[c];
            const bool ok = isSea(x, HasLand ? land[c] : 0);
            const double v = ok ? double(x) : 0.0;
            s[c] += sign * v;
            if constexpr (Squares)
                q[c] += sign * v * v;
            n[c] += ok ? step : 0;
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

// Running sums along a row of the column sums of all three windows, so any horizontal span is
// two look-ups. One loop for the eight sums: each is a chain of additions, and eight chains side
// by side keep the adder busy where one alone would wait on itself.
struct RowPrefix
{
    std::vector<double> targetSum, guardSum, guardSq, backgroundSum, backgroundSq;
    std::vector<std::int64_t> targetCount, guardCount, backgroundCount;

    explicit RowPrefix(int width)
        : targetSum(std::size_t(width) + 1)
        , guardSum(std::size_t(width) + 1)
        , guardSq(std::size_t(width) + 1)
        , backgroundSum(std::size_t(width) + 1)
        , backgroundSq(std::size_t(width) + 1)
        , targetCount(std::size_t(width) + 1)
        , guardCount(std::size_t(width) + 1)
        , backgroundCount(std::size_t(width) + 1)
    {
    }

    void build(const ColumnSums &target, const ColumnSums &guard, const ColumnSums &background)
    {
        const std::size_t n = target.sum.size();
        for (std::size_t c = 0; c < n; ++c) {
            targetSum[c + 1] = targetSum[c] + target.sum[c];
            targetCount[c + 1] = targetCount[c] + target.count[c];
            guardSum[c + 1] = guardSum[c] + guard.sum[c];
            guardSq[c + 1] = guardSq[c] + guard.sumSq[c];
            guardCount[c + 1] = guardCount[c] + guard.count[c];
            backgroundSum[c + 1] = backgroundSum[c] + background.sum[c];
            backgroundSq[c + 1] = backgroundSq[c] + background.sumSq[c];
            backgroundCount[c + 1] = backgroundCount[c] + background.count[c];
        }
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
    RowPrefix prefix(width);
    const std::int64_t fullRing = std::int64_t(2 * windows.backgroundX + 1) * (2 * windows.backgroundY + 1) -
                                  std::int64_t(2 * windows.guardX + 1) * (2 * windows.guardY + 1);
    const std::int64_t minRing = std::max<std::int64_t>(2, fullRing / 4);

    for (int row = rowBegin; row < rowEnd; ++row) {
        if (cancelled && cancelled())
            return false;
        for (ColumnSums *sums : {&target, &guard, &background})
            row == rowBegin ? sums->start(image, row) : sums->advance(image, row);
        prefix.build(target, guard, background);

        const std::size_t offset = std::size_t(row) * std::size_t(width);
        const float *p = image.power + offset;
        const std::uint8_t *land = image.land ? image.land + offset : nullptr;
        for (int c = 0; c < width; ++c) {
            const float x = p[c];
            if (!isSea(x, land ? land[c] : 0))
                continue;
            // Spans clipped to the image: [c − half, c + half] as prefix indices.
            auto lo = [c](int half) { return std::size_t(std::max(0, c - half)); };
            auto hi = [c, width](int half) { return std::size_t(std::min(width, c + half + 1)); };
            const std::size_t t0 = lo(windows.targetX), t1 = hi(windows.targetX);
            const std::size_t g0 = lo(windows.guardX), g1 = hi(windows.guardX);
            const std::size_t b0 = lo(windows.backgroundX), b1 = hi(windows.backgroundX);
            const std::int64_t nRing = (prefix.backgroundCount[b1] - prefix.backgroundCount[b0]) -
                                       (prefix.guardCount[g1] - prefix.guardCount[g0]);
            if (nRing < minRing)
                continue;
            const std::int64_t nTarget = prefix.targetCount[t1] - prefix.targetCount[t0];
            const double targetMean = (prefix.targetSum[t1] - prefix.targetSum[t0]) / double(nTarget);
            const double ringSum = (prefix.backgroundSum[b1] - prefix.backgroundSum[b0]) -
                                   (prefix.guardSum[g1] - prefix.guardSum[g0]);
            const double mean = ringSum / double(nRing);
            if (!(targetMean > mean))
                continue; // the threshold is never below the mean: no need for σ
            const double ringSq = (prefix.backgroundSq[b1] - prefix.backgroundSq[b0]) -
                                  (prefix.guardSq[g1] - prefix.guardSq[g0]);
            const double variance = std::max(0.0, ringSq / double(nRing) - mean * mean);
            const double threshold = mean + t * std::sqrt(variance);
            if (targetMean > threshold && variance > 0)
                hits.push_back({c, row, x, float(targetMean), float(mean), float(threshold)});
        }
    }
    return true;
}

} // namespace sightline
