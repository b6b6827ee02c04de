#include "connectorarc.h"

#include <QLineF>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace meadows::diagram {

namespace {

constexpr double kPi = std::numbers::pi;

double cross(QPointF a, QPointF b) { return a.x() * b.y() - a.y() * b.x(); }
double length(QPointF p) { return std::hypot(p.x(), p.y()); }
QPointF unit(QPointF p)
{
    const double l = length(p);
    return l > 0 ? p / l : QPointF(1, 0);
}

// A curve as a function of t in [0, 1] from the source centre to the target centre.
using Curve = std::function<QPointF(double)>;

Curve arcOrLine(QPointF s, QPointF e, std::optional<double> angle)
{
    const auto line = [s, e](double t) { return s + (e - s) * t; };
    if (!angle)
        return line;
    const double a = *angle * kPi / 180;
    const QPointF d(std::cos(a), -std::sin(a)); // screen coordinates: y down
    const QPointF n(-d.y(), d.x());
    const QPointF se = s - e;
    const double denominator = 2 * QPointF::dotProduct(n, se);
    const double chord2 = QPointF::dotProduct(se, se);
    // Nearly straight: the circle would be huge. Draw the straight line.
    if (std::abs(denominator) < 1e-9 || std::abs(chord2 / denominator) > 1e5)
        return line;
    const double r = -chord2 / denominator;
    const QPointF c = s + n * r;
    const double radius = std::abs(r);
    const double sense = cross(s - c, d) >= 0 ? 1 : -1; // which way round the circle
    const double a0 = std::atan2(s.y() - c.y(), s.x() - c.x());
    double sweep = std::atan2(e.y() - c.y(), e.x() - c.x()) - a0;
    if (sense > 0)
        while (sweep <= 0) sweep += 2 * kPi;
    else
        while (sweep >= 0) sweep -= 2 * kPi;
    return [c, radius, a0, sweep](double t) {
        const double phi = a0 + sweep * t;
        return c + QPointF(std::cos(phi), std::sin(phi)) * radius;
    };
}

// The parameter where the curve crosses out of (leaving) or into (entering) an outline.
double crossing(const Curve &curve, const Outline &outline, bool leaving)
{
    if (!outline)
        return leaving ? 0 : 1;
    constexpr int steps = 96;
    double inside = leaving ? 0 : 1, outside = inside;
    bool found = false;
    for (int i = 1; i <= steps; ++i) {
        const double t = leaving ? double(i) / steps : 1 - double(i) / steps;
        if (!outline(curve(t))) {
            outside = t;
            inside = leaving ? double(i - 1) / steps : 1 - double(i - 1) / steps;
            found = true;
            break;
        }
    }
    if (!found)
        return leaving ? 0 : 1;
    for (int i = 0; i < 20; ++i) {
        const double m = (inside + outside) / 2;
        (outline(curve(m)) ? inside : outside) = m;
    }
    return outside;
}

} // namespace

ConnectorArc connectorArc(QPointF from, const Outline &fromOutline, QPointF to, const Outline &toOutline,
                          std::optional<double> angle, int segments)
{
    ConnectorArc out;
    if (QLineF(from, to).length() < 1)
        return out;
    const Curve curve = arcOrLine(from, to, angle);
    const double t0 = crossing(curve, fromOutline, true);
    const double t1 = crossing(curve, toOutline, false);
    if (t1 <= t0)
        return out;
    out.points.reserve(std::size_t(segments) + 1);
    for (int i = 0; i <= segments; ++i)
        out.points.push_back(curve(t0 + (t1 - t0) * i / segments));
    double left = out.points[0].x(), right = left, top = out.points[0].y(), bottom = top;
    for (const QPointF &p : out.points) {
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
    }
    out.bounds = QRectF(QPointF(left, top), QPointF(right, bottom)).adjusted(-0.01, -0.01, 0.01, 0.01);
    out.start = curve(t0);
    out.end = curve(t1);
    const double h = (t1 - t0) / 200;
    out.endDirection = unit(curve(t1) - curve(t1 - h));
    const double tm = (t0 + t1) / 2;
    out.middle = curve(tm);
    out.middleDirection = unit(curve(tm + h) - curve(tm - h));
    out.valid = true;
    return out;
}

QRectF polaritySignBox(QPointF c)
{
    return {c.x() - 4.5, c.y() - 6, 9, 12};
}

QPointF polaritySignCentre(QPointF end, QPointF dir, const QRectF &name, const QRectF &body)
{
    const QPointF normal(-dir.y(), dir.x());
    const QPointF base = end - dir * 10; // 2 px behind the arrowhead's base
    // The side of the line the name's centre is not on; an arrow aimed at the name's
    // centre keeps the left side.
    const double nameSide = name.isEmpty() ? 0 : QPointF::dotProduct(name.center() - base, normal);
    QPointF c = base + normal * (nameSide > 0.5 ? -9 : 9);
    const auto covers = [&](QPointF at) {
        const QRectF box = polaritySignBox(at);
        return (!name.isEmpty() && box.intersects(name)) || (!body.isEmpty() && box.intersects(body));
    };
    for (int step = 0; step < 6 && covers(c); ++step)
        c -= dir * 4;
    return c;
}

} // namespace meadows::diagram
