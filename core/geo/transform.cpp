#include "geo/transform.h"

#include "geo/projcontext.h"

#include <QHash>

#include <cmath>
#include <limits>
#include <vector>

namespace sightline {

namespace {

// PJ objects per thread, keyed by the CRS pair; a PJ may only be used with the
// context (and so the thread) it was made in.
struct TransformCache
{
    QHash<QString, ProjPtr *> entries;
    ~TransformCache()
    {
        for (ProjPtr *p : std::as_const(entries))
            delete p;
    }
};

PJ *cachedOperation(const Crs &source, const Crs &destination, QString *error)
{
    // The context must be made before the cache: thread-locals die in reverse
    // order, and the cached PJ objects need their context when destroyed.
    PJ_CONTEXT *ctx = threadProjContext();
    thread_local TransformCache cache;
    const QString key = source.definition() + QChar(0x1f) + destination.definition();
    if (auto it = cache.entries.constFind(key); it != cache.entries.constEnd())
        return (*it)->get();

    ProjPtr raw(proj_create_crs_to_crs(ctx, source.definition().toUtf8().constData(),
                                       destination.definition().toUtf8().constData(), nullptr));
    PJ *result = nullptr;
    if (raw) {
        ProjPtr normalized(proj_normalize_for_visualization(ctx, raw.get()));
        if (normalized)
            result = normalized.get();
        cache.entries.insert(key, new ProjPtr(std::move(normalized)));
    }
    if (!result && error) {
        const int code = proj_context_errno(ctx);
        *error = QStringLiteral("no transformation from %1 to %2: %3")
                     .arg(source.description(), destination.description(),
                          QString::fromUtf8(proj_context_errno_string(ctx, code)));
    }
    return result;
}

} // namespace

Transform::Transform(const Crs &source, const Crs &destination)
    : mSource(source)
    , mDestination(destination)
{
    if (!source.isValid() || !destination.isValid()) {
        mError = QStringLiteral("transform needs two valid CRSs");
        return;
    }
    if (source == destination) {
        mIdentity = true;
        return;
    }
    mPj = cachedOperation(source, destination, &mError);
    if (!mPj && mError.isEmpty())
        mError = QStringLiteral("no transformation from %1 to %2")
                     .arg(source.description(), destination.description());
}

QPointF Transform::forward(QPointF p) const
{
    double x = p.x(), y = p.y();
    apply(&x, &y, 1, false);
    return {x, y};
}

QPointF Transform::inverse(QPointF p) const
{
    double x = p.x(), y = p.y();
    apply(&x, &y, 1, true);
    return {x, y};
}

std::size_t Transform::forward(double *x, double *y, std::size_t count) const
{
    return apply(x, y, count, false);
}

std::size_t Transform::inverse(double *x, double *y, std::size_t count) const
{
    return apply(x, y, count, true);
}

std::size_t Transform::apply(double *x, double *y, std::size_t count, bool inverse) const
{
    if (mIdentity)
        return count;
    if (!mPj) {
        for (std::size_t i = 0; i < count; ++i)
            x[i] = y[i] = HUGE_VAL;
        return 0;
    }
    proj_trans_generic(mPj, inverse ? PJ_INV : PJ_FWD, x, sizeof(double), count, y, sizeof(double), count,
                       nullptr, 0, 0, nullptr, 0, 0);
    // proj_trans_generic's own error code is only that of the last point; count per point instead.
    std::size_t ok = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (std::isfinite(x[i]) && std::isfinite(y[i]) && x[i] != HUGE_VAL)
            ++ok;
        else
            x[i] = y[i] = HUGE_VAL;
    }
    return ok;
}

QRectF Transform::forwardBounds(const QRectF &rect, int pointsPerEdge) const
{
    return bounds(rect, pointsPerEdge, false);
}

QRectF Transform::inverseBounds(const QRectF &rect, int pointsPerEdge) const
{
    return bounds(rect, pointsPerEdge, true);
}

QRectF Transform::bounds(const QRectF &rect, int pointsPerEdge, bool inverse) const
{
    if (mIdentity)
        return rect;
    // Sample a grid, not just the edges: a pole or the antimeridian can sit inside.
    const int n = std::max(pointsPerEdge, 2);
    std::vector<double> xs, ys;
    xs.reserve(std::size_t(n) * n);
    ys.reserve(std::size_t(n) * n);
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i < n; ++i) {
            xs.push_back(rect.left() + rect.width() * i / (n - 1));
            ys.push_back(rect.top() + rect.height() * j / (n - 1));
        }
    }
    apply(xs.data(), ys.data(), xs.size(), inverse);
    double minX = std::numeric_limits<double>::max(), minY = minX;
    double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (xs[i] == HUGE_VAL)
            continue;
        minX = std::min(minX, xs[i]);
        maxX = std::max(maxX, xs[i]);
        minY = std::min(minY, ys[i]);
        maxY = std::max(maxY, ys[i]);
    }
    if (minX > maxX)
        return {};
    return QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
}

} // namespace sightline
