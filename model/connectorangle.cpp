#include "connectorangle.h"

#include <cmath>
#include <numbers>

namespace meadows {

namespace {
double cross(QPointF a, QPointF b) { return a.x() * b.y() - a.y() * b.x(); }
constexpr double kPi = std::numbers::pi;
} // namespace

double straightAngle(QPointF from, QPointF to)
{
    return std::atan2(-(to.y() - from.y()), to.x() - from.x()) * 180 / kPi;
}

double angleThrough(QPointF s, QPointF p, QPointF e)
{
    const double orientation = cross(p - s, e - p);
    // Collinear (or nearly): straight.
    if (std::abs(orientation) < 1e-6 * std::max(1.0, QPointF::dotProduct(e - s, e - s)))
        return straightAngle(s, e);
    // Circumcentre of s, p, e.
    const double ax = s.x(), ay = s.y(), bx = p.x(), by = p.y(), cx = e.x(), cy = e.y();
    const double d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
    const double ux = ((ax * ax + ay * ay) * (by - cy) + (bx * bx + by * by) * (cy - ay) + (cx * cx + cy * cy) * (ay - by)) / d;
    const double uy = ((ax * ax + ay * ay) * (cx - bx) + (bx * bx + by * by) * (ax - cx) + (cx * cx + cy * cy) * (bx - ax)) / d;
    const QPointF r = s - QPointF(ux, uy);
    // Tangent at s in the sense the arc travels from s through p to e.
    const double sense = orientation > 0 ? 1 : -1;
    const QPointF tangent = QPointF(-r.y(), r.x()) * sense;
    return std::atan2(-tangent.y(), tangent.x()) * 180 / kPi;
}

} // namespace meadows
