#include "tidy.h"

#include "diagramgeometry.h"
#include "diagramshapes.h"
#include "flowbends.h"

#include <QHash>
#include <algorithm>
#include <cmath>

namespace meadows::diagram {

namespace {

// One element Tidy may move, or that others must keep clear of.
struct Piece {
    int element = -1;     // index in the view
    ShapeKind kind = ShapeKind::Aux;
    QPointF centre;       // the body's centre, where it is now
    QRectF footprint;     // body and name together, where they are now
    QPointF shift;        // how far Tidy moves it
    bool movable = false; // a valve on a pipe to a stock only follows its stocks
    bool alignable = false;
};

QRectF shifted(const Piece &p)
{
    return p.footprint.translated(p.shift);
}

QPointF pieceCentre(const Piece &p)
{
    return p.centre + p.shift;
}

// Puts centres that almost line up on one axis onto one line: runs of centres each within
// the tolerance of the run's first. A run with a stock takes the stock's line (its pipes
// are drawn from it), any other the median, so the run's middle element stays put.
void align(std::vector<Piece> &pieces, bool vertically)
{
    std::vector<int> order;
    for (int i = 0; i < int(pieces.size()); ++i)
        if (pieces[std::size_t(i)].alignable)
            order.push_back(i);
    const auto coordinate = [&](int i) {
        const QPointF c = pieceCentre(pieces[std::size_t(i)]);
        return vertically ? c.y() : c.x();
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return coordinate(a) < coordinate(b); });
    for (std::size_t first = 0; first < order.size();) {
        std::size_t end = first + 1;
        while (end < order.size() && coordinate(order[end]) - coordinate(order[first]) <= kTidyAlignTolerance)
            ++end;
        if (end - first >= 2) {
            double target = std::round(coordinate(order[first + (end - first - 1) / 2]));
            for (std::size_t k = first; k < end; ++k)
                if (pieces[std::size_t(order[k])].kind == ShapeKind::Stock) {
                    target = coordinate(order[k]);
                    break;
                }
            for (std::size_t k = first; k < end; ++k) {
                Piece &p = pieces[std::size_t(order[k])];
                (vertically ? p.shift.ry() : p.shift.rx()) += target - coordinate(order[k]);
            }
        }
        first = end;
    }
}

// Pushes overlapping pieces apart until none overlaps (or a bound on rounds runs out):
// along the row or column they share, else along the axis that moves them least. Both
// move half way when both may move.
void separate(std::vector<Piece> &pieces)
{
    for (int round = 0; round < 200; ++round) {
        bool moved = false;
        for (std::size_t i = 0; i < pieces.size(); ++i)
            for (std::size_t j = i + 1; j < pieces.size(); ++j) {
                Piece &a = pieces[i], &b = pieces[j];
                if (!a.movable && !b.movable)
                    continue;
                const QRectF ra = shifted(a).adjusted(-kTidyGap / 2, -kTidyGap / 2, kTidyGap / 2, kTidyGap / 2);
                const QRectF rb = shifted(b).adjusted(-kTidyGap / 2, -kTidyGap / 2, kTidyGap / 2, kTidyGap / 2);
                const QRectF overlap = ra.intersected(rb);
                if (overlap.width() <= 0.01 || overlap.height() <= 0.01)
                    continue;
                const QPointF ca = pieceCentre(a), cb = pieceCentre(b);
                const bool sameRow = std::abs(ca.y() - cb.y()) < 0.5, sameColumn = std::abs(ca.x() - cb.x()) < 0.5;
                const bool alongX = sameRow || (!sameColumn && overlap.width() <= overlap.height());
                // 2 px more than the overlap: rounding the shifts to whole pixels afterwards
                // cannot bring the two back into each other, so a second Tidy finds nothing to do.
                const double amount = (alongX ? overlap.width() : overlap.height()) + 2;
                const double sense = (alongX ? cb.x() - ca.x() : cb.y() - ca.y()) >= 0 ? 1 : -1;
                const double shareA = a.movable && b.movable ? 0.5 : a.movable ? 1 : 0;
                const QPointF push = alongX ? QPointF(amount * sense, 0) : QPointF(0, amount * sense);
                a.shift -= push * shareA;
                b.shift += push * (1 - shareA);
                moved = true;
            }
        if (!moved)
            return;
    }
}

QPointF roundedPoint(QPointF p)
{
    return {std::round(p.x()), std::round(p.y())};
}

} // namespace

View tidiedView(const Model &model, const View &view, const LabelMeasure &measure)
{
    const DiagramShapes shapes = diagramShapes(model, view, measure);
    // Valves on a pipe with a stock at an end follow their stocks; valves between clouds move.
    QHash<int, const PipeShape *> pipeOf; // valve's element -> its pipe
    for (const PipeShape &p : shapes.pipes)
        pipeOf.insert(p.element, &p);
    const auto isStock = [&shapes](int box) { return box >= 0 && shapes.boxes[std::size_t(box)].kind == ShapeKind::Stock; };
    std::vector<Piece> pieces;
    for (const ShapeBox &box : shapes.boxes) {
        if (box.kind == ShapeKind::Cloud)
            continue;
        Piece p;
        p.element = box.element;
        p.kind = box.kind;
        p.centre = box.centre;
        p.footprint = box.label.isEmpty() ? box.body : box.body.united(box.label);
        const PipeShape *pipe = pipeOf.value(box.element);
        p.movable = box.kind != ShapeKind::Valve || !pipe || (!isStock(pipe->source) && !isStock(pipe->sink));
        p.alignable = p.movable && box.kind != ShapeKind::TextBox;
        pieces.push_back(p);
    }
    align(pieces, true);
    align(pieces, false);
    separate(pieces);

    View out = view;
    QHash<int, QPointF> shiftOf; // element -> its rounded shift
    for (const Piece &p : pieces) {
        const QPointF d = roundedPoint(p.shift);
        if (!p.movable || d.isNull())
            continue;
        shiftOf.insert(p.element, d);
        ViewElement &e = out.elements[std::size_t(p.element)];
        *e.x += d.x();
        *e.y += d.y();
        for (ViewPoint &point : e.points) { // a valve between clouds takes its pipe along
            point.x += d.x();
            point.y += d.y();
        }
    }
    // Pipes from stocks: each end follows its stock; a cloud end follows the other end.
    for (const PipeShape &pipe : shapes.pipes) {
        const auto stockShift = [&](int box) {
            return isStock(box) ? shiftOf.value(shapes.boxes[std::size_t(box)].element) : QPointF();
        };
        if (!isStock(pipe.source) && !isStock(pipe.sink))
            continue;
        QPointF source = stockShift(pipe.source), sink = stockShift(pipe.sink);
        if (!isStock(pipe.source))
            source = sink;
        if (!isStock(pipe.sink))
            sink = source;
        if (source.isNull() && sink.isNull())
            continue;
        ViewElement &flow = out.elements[std::size_t(pipe.element)];
        double fraction = 0.5;
        nearestOnPolyline(pipe.points, centre(flow), &fraction);
        std::vector<QPointF> points = pipe.points;
        if (source == sink) {
            for (QPointF &p : points)
                p += source;
        } else {
            points = shiftFlowEnds(points, source, sink);
        }
        setFlowPoints(flow, points);
        const QPointF valve = roundedPoint(pointAtFraction(points, fraction));
        flow.x = valve.x();
        flow.y = valve.y();
    }
    // Connectors keep their bend: the same angle off the line between their ends.
    for (const LinkShape &link : shapes.links) {
        ViewElement &c = out.elements[std::size_t(link.element)];
        if (!c.angle)
            continue;
        const QPointF from = shapes.boxes[std::size_t(link.from)].centre, to = shapes.boxes[std::size_t(link.to)].centre;
        const int fromElement = shapes.boxes[std::size_t(link.from)].element;
        const int toElement = shapes.boxes[std::size_t(link.to)].element;
        const QPointF newFrom = centre(out.elements[std::size_t(fromElement)]);
        const QPointF newTo = centre(out.elements[std::size_t(toElement)]);
        if (newFrom == from && newTo == to)
            continue;
        const double bend = *c.angle - straightAngle(from, to);
        c.angle = std::round(std::remainder(straightAngle(newFrom, newTo) + bend, 360.0) * 10) / 10;
    }
    return out;
}

} // namespace meadows::diagram
