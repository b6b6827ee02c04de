#include "loopmarkers.h"

#include "diagramgeometry.h"
#include "layoutquality.h"

#include "model/names.h"
#include "solver/analysis/causalmodel.h"
#include "solver/analysis/loopfinder.h"

#include <QLineF>
#include <algorithm>
#include <cmath>
#include <queue>

namespace meadows::diagram {

namespace {

// Distances in the maximum norm: a square of half-side s centred at p misses a rectangle
// or segment exactly when p's distance to it exceeds s.
double distanceToRect(QPointF p, const QRectF &r)
{
    const double dx = std::max({r.left() - p.x(), 0.0, p.x() - r.right()});
    const double dy = std::max({r.top() - p.y(), 0.0, p.y() - r.bottom()});
    return std::max(dx, dy);
}

// max(|u0 + t du|, |v0 + t dv|) over t in [0, 1] is convex and piecewise linear: its least
// value is at an end or where a part is zero or the two parts are equal.
double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const double u0 = a.x() - p.x(), v0 = a.y() - p.y(), du = b.x() - a.x(), dv = b.y() - a.y();
    const auto at = [&](double t) { return std::max(std::abs(u0 + t * du), std::abs(v0 + t * dv)); };
    double best = std::min(at(0), at(1));
    const auto tryT = [&](double num, double den) {
        if (std::abs(den) > 1e-12)
            best = std::min(best, at(std::clamp(num / den, 0.0, 1.0)));
    };
    tryT(-u0, du);
    tryT(-v0, dv);
    tryT(v0 - u0, du - dv);
    tryT(-(u0 + v0), du + dv);
    return best;
}

double distanceToPolyline(QPointF p, const std::vector<QPointF> &line)
{
    double best = line.size() == 1 ? std::max(std::abs(line[0].x() - p.x()), std::abs(line[0].y() - p.y())) : 1e18;
    for (std::size_t i = 1; i < line.size(); ++i)
        best = std::min(best, distanceToSegment(p, line[i - 1], line[i]));
    return best;
}

// How large a marker (its ring's half-side) may be at p: positive only inside the outline
// and off every obstacle. Each part changes by at most as much as p moves (in the maximum
// norm), which the search below relies on.
struct Clearance {
    const std::vector<QPointF> &outline;
    const MarkerObstacles &obstacles;

    double operator()(QPointF p) const
    {
        double edge = 1e18;
        for (std::size_t i = 0; i < outline.size(); ++i)
            edge = std::min(edge, distanceToSegment(p, outline[i], outline[(i + 1) % outline.size()]));
        double c = insideOutline(outline, p) ? edge - kMarkerClearance : -edge;
        for (const QRectF &r : obstacles.boxes)
            c = std::min(c, distanceToRect(p, r) - kMarkerClearance);
        for (const std::vector<QPointF> &line : obstacles.lines)
            c = std::min(c, distanceToPolyline(p, line) - kMarkerClearance);
        for (const std::vector<QPointF> &pipe : obstacles.pipes)
            c = std::min(c, distanceToPolyline(p, pipe) - kMarkerClearance - kPipeHalfWidth);
        return c;
    }
};

} // namespace

QRectF markerBox(QPointF at, double scale)
{
    const double r = kMarkerReach * scale;
    return {at.x() - r, at.y() - r, 2 * r, 2 * r};
}

// Polylabel's search (Garcia-Castellanos and Lombardo, 2007) over square cells: a cell's
// clearance can exceed its centre's by at most its half-side, so cells that cannot beat the
// best found by more than half a pixel are dropped.
MarkerSpot markerSpotInside(const std::vector<QPointF> &outline, const MarkerObstacles &obstacles, double spare)
{
    MarkerSpot spot;
    const QRectF bounds = polylineBounds(outline);
    if (outline.size() < 3 || bounds.width() <= 0 || bounds.height() <= 0)
        return spot;
    const Clearance clearance{outline, obstacles};
    struct Cell {
        QPointF centre;
        double half, value;
        double potential() const { return value + half; }
        bool operator<(const Cell &o) const { return potential() < o.potential(); }
    };
    std::priority_queue<Cell> cells;
    const double size = std::min(bounds.width(), bounds.height());
    for (double x = bounds.left(); x < bounds.right(); x += size)
        for (double y = bounds.top(); y < bounds.bottom(); y += size) {
            const QPointF c(x + size / 2, y + size / 2);
            cells.push({c, size / 2, clearance(c)});
        }
    Cell best{bounds.center(), 0, clearance(bounds.center())};
    for (int visited = 0; !cells.empty() && visited < 4000; ++visited) {
        const Cell cell = cells.top();
        cells.pop();
        if (cell.value > best.value)
            best = cell;
        if (cell.potential() - best.value <= 0.5)
            break; // the queue is ordered by potential: no cell left can do better
        const double h = cell.half / 2;
        for (const QPointF d : {QPointF(-h, -h), QPointF(h, -h), QPointF(-h, h), QPointF(h, h)})
            cells.push({cell.centre + d, h, clearance(cell.centre + d)});
    }
    spot.at = best.centre;
    for (const double scale : kMarkerScales)
        if (best.value >= kMarkerReach * scale + spare) {
            spot.scale = scale;
            spot.fits = true;
            break;
        }
    return spot;
}

bool insideOutline(const std::vector<QPointF> &outline, QPointF p)
{
    bool inside = false;
    for (std::size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
        const QPointF a = outline[i], b = outline[j];
        if ((a.y() > p.y()) != (b.y() > p.y()) && p.x() < a.x() + (p.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y()))
            inside = !inside;
    }
    return inside;
}

bool runsClockwise(const std::vector<QPointF> &outline)
{
    double area = 0;
    for (std::size_t i = 0; i < outline.size(); ++i) {
        const QPointF a = outline[i], b = outline[(i + 1) % outline.size()];
        area += a.x() * b.y() - b.x() * a.y();
    }
    return area >= 0; // y points down: positive area turns clockwise on screen
}

std::vector<QPointF> pipeFromValve(const std::vector<QPointF> &pipe, QPointF valve, bool toSink)
{
    if (pipe.size() < 2)
        return pipe;
    // The segment the valve sits on: the one nearest to it.
    std::size_t segment = 1;
    double nearest = 1e18;
    for (std::size_t i = 1; i < pipe.size(); ++i)
        if (const double d = distanceToSegment(valve, pipe[i - 1], pipe[i]); d < nearest) {
            nearest = d;
            segment = i;
        }
    std::vector<QPointF> out{nearestOnPolyline({pipe[segment - 1], pipe[segment]}, valve)};
    if (toSink)
        out.insert(out.end(), pipe.begin() + std::ptrdiff_t(segment), pipe.end());
    else
        for (std::size_t i = segment; i-- > 0;)
            out.push_back(pipe[i]);
    return out;
}

std::vector<LoopMark> labelledLoops(const Project &project)
{
    const CausalModel causal = buildCausalModel(project);
    if (causal.hasErrors())
        return {};
    const LoopList loops = findLoops(causal.graph); // all of them: names follow the full order
    std::vector<LoopMark> marks;
    for (std::size_t i = 0; i < loops.size() && i < kLabelledLoops; ++i)
        marks.push_back({loops.name(i), loopVariableNames(causal.graph, loops, i)});
    return marks;
}

std::vector<QPointF> loopOutline(const DiagramShapes &shapes, const std::vector<ConnectorArc> &arcs, const QStringList &loop,
                      std::vector<int> *links)
{
    std::vector<int> boxes;
    for (const QString &name : loop) {
        const int b = shapes.byName.value(canonicalName(name), -1);
        if (b < 0)
            return {};
        boxes.push_back(b);
    }
    std::vector<QPointF> outline;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const int from = boxes[i], to = boxes[(i + 1) % boxes.size()];
        bool drawn = false;
        for (std::size_t k = 0; k < shapes.links.size() && !drawn; ++k)
            if (shapes.links[k].from == from && shapes.links[k].to == to && arcs[k].valid) {
                outline.insert(outline.end(), arcs[k].points.begin(), arcs[k].points.end());
                if (links)
                    links->push_back(int(k));
                drawn = true;
            }
        for (const PipeShape &p : shapes.pipes)
            if (!drawn && p.valve == from && (p.sink == to || p.source == to)) {
                const std::vector<QPointF> run = pipeFromValve(p.points, shapes.boxes[std::size_t(from)].centre, p.sink == to);
                outline.insert(outline.end(), run.begin(), run.end());
                drawn = true;
            }
        if (!drawn)
            outline.push_back(shapes.boxes[std::size_t(from)].centre);
    }
    return outline;
}

MarkerObstacles markerObstacles(const DiagramShapes &shapes, const std::vector<ConnectorArc> &arcs,
                                const std::vector<QRectF> &signs, const QRectF &area)
{
    MarkerObstacles o;
    // Farther than the largest marker's half-side and clearance, nothing can touch it.
    const QRectF near = area.adjusted(-20, -20, 20, 20);
    for (const ShapeBox &b : shapes.boxes)
        for (const QRectF &r : {b.body, b.label})
            if (!r.isEmpty() && r.intersects(near))
                o.boxes.push_back(r);
    for (const QRectF &s : signs)
        if (!s.isEmpty() && s.intersects(near))
            o.boxes.push_back(s);
    for (const ConnectorArc &a : arcs)
        if (a.valid && a.bounds.intersects(near))
            o.lines.push_back(a.points);
    for (const PipeShape &p : shapes.pipes)
        if (polylineBounds(p.points).adjusted(-1, -1, 1, 1).intersects(near))
            o.pipes.push_back(p.points);
    return o;
}

} // namespace meadows::diagram
