#include "model/ringorientation.h"

#include <algorithm>

namespace sightline {

double signedRingArea(const QList<QPointF> &ring)
{
    double twiceArea = 0;
    for (qsizetype i = 0; i < ring.size(); ++i) {
        const QPointF &a = ring[i];
        const QPointF &b = ring[(i + 1) % ring.size()];
        twiceArea += a.x() * b.y() - b.x() * a.y();
    }
    return twiceArea;
}

QList<QPointF> orientedRing(QList<QPointF> ring, bool exterior)
{
    const double area = signedRingArea(ring);
    // Reversed after the first vertex, so the ring still starts where the analyst started it.
    if ((exterior && area < 0) || (!exterior && area > 0))
        std::reverse(ring.begin() + 1, ring.end());
    return ring;
}

} // namespace sightline
