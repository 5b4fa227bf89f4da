#include "imagery/objectshape.h"

#include <algorithm>
#include <cmath>

namespace sightline {

ObjectShape measureShape(const std::vector<QPoint> &pixels, const std::vector<double> &weights,
                         const GroundStep &step)
{
    ObjectShape shape;
    if (pixels.empty())
        return shape;
    const bool weighted = weights.size() == pixels.size();
    auto weightOf = [&](std::size_t i) { return weighted ? weights[i] : 1.0; };
    // Moments about the mean in pixel units, then carried to the ground: C_ground = J·C·Jᵀ.
    double mc = 0, mr = 0, n = 0;
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        const double w = weightOf(i);
        mc += w * pixels[i].x(), mr += w * pixels[i].y(), n += w;
    }
    if (!(n > 0))
        return measureShape(pixels, {}, step);
    mc /= n, mr /= n;
    double cc = 0, rr = 0, cr = 0;
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        const double w = weightOf(i);
        const double dc = pixels[i].x() - mc, dr = pixels[i].y() - mr;
        cc += w * dc * dc, rr += w * dr * dr, cr += w * dc * dr;
    }
    cc = cc / n + 1.0 / 12.0;
    rr = rr / n + 1.0 / 12.0;
    cr /= n;
    const double ax = step.alongCol.x(), ay = step.alongCol.y();
    const double bx = step.alongRow.x(), by = step.alongRow.y();
    const double ee = ax * ax * cc + 2 * ax * bx * cr + bx * bx * rr;
    const double nn = ay * ay * cc + 2 * ay * by * cr + by * by * rr;
    const double en = ax * ay * cc + (ax * by + ay * bx) * cr + bx * by * rr;

    const double half = 0.5 * (ee + nn);
    const double spread = std::sqrt(std::max(0.0, 0.25 * (ee - nn) * (ee - nn) + en * en));
    shape.lengthM = std::sqrt(12.0 * (half + spread));
    shape.widthM = std::sqrt(12.0 * std::max(0.0, half - spread));
    // The major axis at θ from east towards north; a heading is clockwise from north.
    const double theta = 0.5 * std::atan2(2 * en, ee - nn);
    double heading = std::atan2(std::cos(theta), std::sin(theta)) * 180.0 / M_PI;
    heading = std::fmod(heading + 360.0, 180.0);
    shape.headingDeg = heading;
    return shape;
}

} // namespace sightline
