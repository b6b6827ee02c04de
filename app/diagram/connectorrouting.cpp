#include "connectorrouting.h"

#include "diagramshapes.h"
#include "layoutquality.h"

#include <QLineF>
#include <algorithm>
#include <cmath>

namespace meadows::diagram {

namespace {

// What a collision costs against a crossing and a bend: names and bodies must stay clear,
// crossings are only avoided where it is cheap.
constexpr double kCollision = 100;
constexpr double kCrossing = 40;
constexpr double kCloseTwin = 60;
constexpr double kAlongPipe = 4; // per arc point that runs on top of a pipe

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0;
    return QLineF(p, a + t * d).length();
}

// How many of the arc's inner points lie on (within 5 px of) a pipe: a connector from a
// stock to its own flow drawn straight would hide in the pipe.
int pointsAlong(const std::vector<QPointF> &arc, const std::vector<QPointF> &pipe)
{
    int n = 0;
    for (std::size_t i = 1; i + 1 < arc.size(); ++i)
        for (std::size_t k = 1; k < pipe.size(); ++k)
            if (distanceToSegment(arc[i], pipe[k - 1], pipe[k]) < 5) {
                ++n;
                break;
            }
    return n;
}

struct Router {
    DiagramShapes &shapes;
    const RoutingStyle &style;
    std::vector<ConnectorArc> arcs;    // parallel to shapes.links, the current choice
    std::vector<QRectF> signs;         // parallel to shapes.links
    std::vector<bool> hasPolarity;
    std::vector<int> twin;             // the link in the opposite direction, or -1
    QPointF middle;                    // the diagram's centre, for bowing outward

    bool sharesEnd(int a, const std::vector<int> &ends) const
    {
        return std::find(ends.begin(), ends.end(), a) != ends.end();
    }

    double cost(int k, const ConnectorArc &arc, double offset) const
    {
        const LinkShape &link = shapes.links[std::size_t(k)];
        if (!arc.valid)
            return 1e9;
        double c = 0;
        const QRectF bounds = polylineBounds(arc.points);
        const QRectF sign = hasPolarity[std::size_t(k)] ? polaritySignRect(arc) : QRectF();
        for (std::size_t b = 0; b < shapes.boxes.size(); ++b) {
            const ShapeBox &box = shapes.boxes[b];
            const bool own = int(b) == link.from || int(b) == link.to;
            if (bounds.intersects(box.label) && polylineHitsRect(arc.points, box.label.adjusted(1, 1, -1, -1)))
                c += kCollision;
            if (!own && bounds.intersects(box.body) && polylineHitsRect(arc.points, box.body.adjusted(1, 1, -1, -1)))
                c += kCollision;
            if (!sign.isEmpty() && (rectsOverlap(sign, box.label) || rectsOverlap(sign, box.body)))
                c += kCollision;
        }
        const std::vector<int> ends{link.from, link.to};
        for (const PipeShape &p : shapes.pipes) {
            if (polylineBounds(p.points).adjusted(-5, -5, 5, 5).intersects(bounds))
                c += kAlongPipe * pointsAlong(arc.points, p.points);
            if (sharesEnd(p.valve, ends) || sharesEnd(p.source, ends) || sharesEnd(p.sink, ends))
                continue;
            c += kCrossing * polylineCrossings(arc.points, p.points);
            if (!sign.isEmpty() && polylineHitsRect(p.points, sign))
                c += kCollision;
        }
        for (std::size_t j = 0; j < arcs.size(); ++j) {
            if (int(j) == k || !arcs[j].valid)
                continue;
            const LinkShape &other = shapes.links[j];
            if (!sign.isEmpty() && !signs[j].isEmpty() && rectsOverlap(sign, signs[j]))
                c += kCollision;
            if (!sign.isEmpty() && polylineHitsRect(arcs[j].points, sign))
                c += kCollision / 2;
            if (!signs[j].isEmpty() && polylineHitsRect(arc.points, signs[j]))
                c += kCollision / 2;
            if (other.from == link.from || other.from == link.to || other.to == link.from || other.to == link.to)
                continue;
            c += kCrossing * polylineCrossings(arc.points, arcs[j].points);
        }
        if (const int t = twin[std::size_t(k)]; t >= 0 && arcs[std::size_t(t)].valid
                                               && QLineF(arc.middle, arcs[std::size_t(t)].middle).length() < 16)
            c += kCloseTwin;
        c += 0.1 * std::abs(std::abs(offset) - style.preferredBend);
        if (style.bowOutward) {
            // Outward: the arc's middle lies further from the centre than its chord's middle.
            const QPointF chord = (arc.start + arc.end) / 2;
            if (QLineF(arc.middle, middle).length() < QLineF(chord, middle).length())
                c += 8;
        }
        return c;
    }

    void choose(int k)
    {
        const LinkShape &link = shapes.links[std::size_t(k)];
        const ShapeBox &from = shapes.boxes[std::size_t(link.from)];
        const ShapeBox &to = shapes.boxes[std::size_t(link.to)];
        const double straight = straightAngle(from.centre, to.centre);
        static const double offsets[] = {0, 10, -10, 20, -20, 30, -30, 45, -45, 60, -60, 75, -75, 90, -90};
        double best = 1e18;
        for (const double offset : offsets)
            tryBend(k, from, to, straight + offset, offset, best);
        placeSign(k);
    }

    // Takes the arc leaving at `angle` (bent `offset` degrees from straight) when it costs less than `best`.
    void tryBend(int k, const ShapeBox &from, const ShapeBox &to, double angle, double offset, double &best)
    {
        const ConnectorArc arc = linkArc(from, to, angle);
        const double c = cost(k, arc, offset);
        if (c < best) {
            best = c;
            arcs[std::size_t(k)] = arc;
            chosenAngle[std::size_t(k)] = angle;
        }
    }

    void placeSign(int k)
    {
        signs[std::size_t(k)] = hasPolarity[std::size_t(k)] && arcs[std::size_t(k)].valid
                                    ? polaritySignRect(arcs[std::size_t(k)]) : QRectF();
    }

    std::vector<double> chosenAngle;

    // A link that still runs into something gets every bend from -110 to 110 degrees in
    // 5-degree steps; it keeps the best, which is never worse than what it had.
    void polish(int k)
    {
        const LinkShape &link = shapes.links[std::size_t(k)];
        const ShapeBox &from = shapes.boxes[std::size_t(link.from)];
        const ShapeBox &to = shapes.boxes[std::size_t(link.to)];
        const double straight = straightAngle(from.centre, to.centre);
        double best = cost(k, arcs[std::size_t(k)], chosenAngle[std::size_t(k)] - straight);
        if (best < kCollision)
            return;
        for (double offset = -110; offset <= 110; offset += 5)
            tryBend(k, from, to, straight + offset, offset, best);
        placeSign(k);
    }

    // What a name label at `rect` would run into: lines through it, bodies, other names, signs.
    double labelCost(std::size_t b, const QRectF &rect) const
    {
        double c = 0;
        const QRectF inner = rect.adjusted(1, 1, -1, -1);
        for (const ConnectorArc &arc : arcs)
            if (arc.valid && polylineHitsRect(arc.points, inner))
                c += kCollision;
        for (const PipeShape &p : shapes.pipes)
            if (polylineHitsRect(p.points, inner))
                c += kCollision;
        for (std::size_t o = 0; o < shapes.boxes.size(); ++o) {
            if (o == b)
                continue;
            if (rectsOverlap(rect, shapes.boxes[o].body) || rectsOverlap(rect, shapes.boxes[o].label))
                c += kCollision;
        }
        for (const QRectF &sign : signs)
            if (rectsOverlap(rect, sign))
                c += kCollision;
        return c;
    }

    // Moves each name that something runs into to the side of its body where nothing does
    // (the default side when that is as good). Returns the new sides by box.
    void chooseLabelSides(std::vector<QString> &sides, const std::vector<QSizeF> &sizes)
    {
        for (std::size_t b = 0; b < shapes.boxes.size(); ++b) {
            ShapeBox &box = shapes.boxes[b];
            if (box.label.isEmpty() || labelCost(b, box.label) == 0)
                continue;
            const bool valve = box.kind == ShapeKind::Valve;
            const QStringList candidates = valve ? QStringList{QStringLiteral("bottom"), QStringLiteral("top")}
                                                 : QStringList{QStringLiteral("bottom"), QStringLiteral("top"),
                                                               QStringLiteral("right"), QStringLiteral("left")};
            double best = labelCost(b, box.label) - 0.5; // staying put wins a tie
            for (const QString &side : candidates) {
                const QRectF rect = valve ? flowLabelRect(box.centre, side, sizes[b]) : labelRectBeside(box.body, side, sizes[b]);
                const double c = labelCost(b, rect);
                if (c < best) {
                    best = c;
                    box.label = rect;
                    sides[b] = side;
                }
            }
        }
    }
};

double normalisedAngle(double degrees)
{
    double a = std::fmod(degrees, 360);
    if (a > 180)
        a -= 360;
    if (a <= -180)
        a += 360;
    return std::round(a * 10) / 10;
}

} // namespace

void routeConnectors(const Model &model, View &view, const LabelMeasure &measure, const RoutingStyle &style)
{
    DiagramShapes shapes = diagramShapes(model, view, measure);
    const std::size_t n = shapes.links.size();
    Router router{shapes, style, std::vector<ConnectorArc>(n), std::vector<QRectF>(n), std::vector<bool>(n),
                  std::vector<int>(n, -1), {}, std::vector<double>(n)};
    QRectF all;
    for (const ShapeBox &b : shapes.boxes)
        all = all.united(b.body);
    router.middle = all.center();
    for (std::size_t k = 0; k < n; ++k) {
        const LinkShape &l = shapes.links[k];
        router.hasPolarity[k] = !view.elements[std::size_t(l.element)].polarity.isEmpty();
        for (std::size_t j = 0; j < n; ++j)
            if (shapes.links[j].from == l.to && shapes.links[j].to == l.from)
                router.twin[k] = int(j);
    }
    // Long links first: they have the fewest good ways round; then once more with every
    // other link in place. Names that lines still run into move to a free side of their
    // body, and the links are routed again round the names' new places.
    std::vector<int> order(n);
    for (std::size_t k = 0; k < n; ++k)
        order[k] = int(k);
    const auto span = [&shapes](int k) {
        const LinkShape &l = shapes.links[std::size_t(k)];
        return QLineF(shapes.boxes[std::size_t(l.from)].centre, shapes.boxes[std::size_t(l.to)].centre).length();
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return span(a) > span(b); });
    std::vector<QString> sides(shapes.boxes.size());
    std::vector<QSizeF> sizes;
    for (const ShapeBox &b : shapes.boxes)
        sizes.push_back(b.label.size());
    for (int round = 0; round < 4; ++round) {
        for (int pass = 0; pass < (round == 0 ? 2 : 1); ++pass)
            for (const int k : order)
                router.choose(k);
        if (round < 3)
            router.chooseLabelSides(sides, sizes);
    }
    for (const int k : order)
        router.polish(k);
    for (std::size_t k = 0; k < n; ++k)
        view.elements[std::size_t(shapes.links[k].element)].angle = normalisedAngle(router.chosenAngle[k]);
    for (std::size_t b = 0; b < shapes.boxes.size(); ++b)
        if (!sides[b].isEmpty() && shapes.boxes[b].kind != ShapeKind::Cloud)
            view.elements[std::size_t(shapes.boxes[b].element)].labelSide = sides[b];
}

} // namespace meadows::diagram
