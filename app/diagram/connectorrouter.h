#pragma once
// The connector router's state and costs, shared by connector routing (connectorrouting.cpp)
// and the pass that makes room for loop markers (markerroom.cpp). Internal to the diagram
// library.
#include "diagramshapes.h"
#include "connectorrouting.h"
#include "layoutquality.h"

#include <QLineF>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace meadows::diagram::routing {

// What a collision costs against a crossing and a bend: names and bodies must stay clear,
// crossings are only avoided where it is cheap.
constexpr double kCollision = 100;
constexpr double kCrossing = 40;
constexpr double kCloseTwin = 60;
constexpr double kAlongPipe = 4; // per arc point that runs on top of a pipe
constexpr double kWidestBend = 140; // degrees off straight: beyond, an arc circles its own ends
// Per pixel an arc runs beyond its chord: a crossing is worth a detour of 1,000 px, so a
// wide bend that swings round half the diagram to miss one line is not taken.
constexpr double kDetour = 0.04;

inline double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0;
    return QLineF(p, a + t * d).length();
}

// How many of the arc's inner points lie on (within 5 px of) a pipe: a connector from a
// stock to its own flow drawn straight would hide in the pipe.
inline int pointsAlong(const std::vector<QPointF> &arc, const std::vector<QPointF> &pipe)
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

    // Where the link's polarity sign would sit on `arc` (empty without a polarity).
    QRectF signOf(int k, const ConnectorArc &arc) const
    {
        if (!hasPolarity[std::size_t(k)] || !arc.valid)
            return {};
        const ShapeBox &to = shapes.boxes[std::size_t(shapes.links[std::size_t(k)].to)];
        return polaritySignRect(arc, to.label, to.body);
    }

    // What link k drawn as `arc` (its sign at `sign`) costs for meeting link j drawn as
    // `other`: signs on each other or on the other's line, crossings (unless the two share
    // an end), and lying on top of its twin.
    double against(int k, const ConnectorArc &arc, const QRectF &sign, int j, const ConnectorArc &other,
                   const QRectF &otherSign) const
    {
        const LinkShape &link = shapes.links[std::size_t(k)];
        const LinkShape &them = shapes.links[std::size_t(j)];
        double c = 0;
        if (!sign.isEmpty() && !otherSign.isEmpty() && rectsOverlap(sign, otherSign))
            c += kCollision;
        if (!sign.isEmpty() && other.bounds.intersects(sign) && polylineHitsRect(other.points, sign))
            c += kCollision / 2;
        if (!otherSign.isEmpty() && arc.bounds.intersects(otherSign) && polylineHitsRect(arc.points, otherSign))
            c += kCollision / 2;
        if (twin[std::size_t(k)] == j && QLineF(arc.middle, other.middle).length() < 16)
            c += kCloseTwin;
        if (them.from == link.from || them.from == link.to || them.to == link.from || them.to == link.to
            || !arc.bounds.intersects(other.bounds))
            return c;
        return c + kCrossing * polylineCrossings(arc.points, other.points);
    }

    bool skipped(int j) const { return j == leftOut; }

    double cost(int k, const ConnectorArc &arc, double offset) const
    {
        const LinkShape &link = shapes.links[std::size_t(k)];
        if (!arc.valid)
            return 1e9;
        work += 1 + (long long)(shapes.boxes.size() + shapes.pipes.size() + arcs.size());
        double c = 0;
        const QRectF &bounds = arc.bounds;
        const QRectF sign = signOf(k, arc);
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
            const bool near = polylineBounds(p.points).adjusted(-5, -5, 5, 5).intersects(bounds);
            if (near)
                c += kAlongPipe * pointsAlong(arc.points, p.points);
            if (sharesEnd(p.valve, ends) || sharesEnd(p.source, ends) || sharesEnd(p.sink, ends))
                continue;
            if (near)
                c += kCrossing * polylineCrossings(arc.points, p.points);
            if (!sign.isEmpty() && polylineHitsRect(p.points, sign))
                c += kCollision;
        }
        for (std::size_t j = 0; j < arcs.size(); ++j)
            if (int(j) != k && arcs[j].valid && !skipped(int(j)))
                c += against(k, arc, sign, int(j), arcs[j], signs[j]);
        c += 0.1 * std::abs(std::abs(offset) - style.preferredBend);
        double length = 0;
        for (std::size_t i = 1; i < arc.points.size(); ++i)
            length += QLineF(arc.points[i - 1], arc.points[i]).length();
        c += kDetour * std::max(0.0, length - QLineF(arc.start, arc.end).length());
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
        if (exhausted()) {
            if (!arcs[std::size_t(k)].valid) {
                arcs[std::size_t(k)] = linkArc(from, to, straight);
                chosenAngle[std::size_t(k)] = straight;
                placeSign(k);
            }
            return;
        }
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
        signs[std::size_t(k)] = signOf(k, arcs[std::size_t(k)]);
    }

    std::vector<double> chosenAngle;
    int leftOut = -1; // a link cost() leaves out (the pair search weighs the two together)

    // The work done, in shapes one bend was weighed against, and how much one layout may
    // take. Every link weighed against every other is quadratic: a model of 500 variables
    // that one of them feeds (1,000 links crossing one another) took over five minutes. Past
    // the budget each link keeps what it has, and a link not yet placed takes the straight
    // arc. The budget is a count, not a time, so the same model always gets the same
    // picture; the largest diagrams the tests lay out stay well within it.
    static constexpr long long kWorkBudget = 60'000'000;
    mutable long long work = 0;
    bool exhausted() const { return work > kWorkBudget; }

    // A link that still runs into something (any link, when forced) gets every bend up to
    // kWidestBend degrees either way, `step` degrees apart; it keeps the best, never worse
    // than what it had.
    void polish(int k, bool force = false, double step = 5)
    {
        if (exhausted())
            return;
        const LinkShape &link = shapes.links[std::size_t(k)];
        const ShapeBox &from = shapes.boxes[std::size_t(link.from)];
        const ShapeBox &to = shapes.boxes[std::size_t(link.to)];
        const double straight = straightAngle(from.centre, to.centre);
        double best = cost(k, arcs[std::size_t(k)], chosenAngle[std::size_t(k)] - straight);
        if (best < kCollision && !force)
            return;
        for (double offset = -kWidestBend; offset <= kWidestBend; offset += step)
            tryBend(k, from, to, straight + offset, offset, best);
        placeSign(k);
    }

    // The sides a box's name may take, the default first.
    QStringList labelSides(std::size_t b) const
    {
        if (shapes.boxes[b].kind == ShapeKind::Valve)
            return {QStringLiteral("bottom"), QStringLiteral("top")};
        return {QStringLiteral("bottom"), QStringLiteral("top"), QStringLiteral("right"), QStringLiteral("left")};
    }

    QRectF labelRectOn(std::size_t b, const QString &side, QSizeF size) const
    {
        const ShapeBox &box = shapes.boxes[b];
        return box.kind == ShapeKind::Valve ? flowLabelRect(box.centre, side, size) : labelRectBeside(box.body, side, size);
    }

    double straightOf(int k) const
    {
        const LinkShape &link = shapes.links[std::size_t(k)];
        return straightAngle(shapes.boxes[std::size_t(link.from)].centre, shapes.boxes[std::size_t(link.to)].centre);
    }

    double linkCost(int k) const
    {
        return cost(k, arcs[std::size_t(k)], chosenAngle[std::size_t(k)] - straightOf(k));
    }

    // What changes when box b's name moves and the links in `links` bend again: those links'
    // costs (each counts what it meets, other links included) and the name's own.
    double localCost(const std::vector<int> &links, std::size_t b) const
    {
        double c = labelCost(b, shapes.boxes[b].label);
        for (const int j : links)
            c += linkCost(j);
        return c;
    }

    // The state of the links in `links` and of box b's name, to try a side and go back.
    struct Snapshot {
        std::vector<ConnectorArc> arcs;
        std::vector<double> angles;
        std::vector<QRectF> signs;
        QRectF label;
        QString side;
    };

    Snapshot snapshot(const std::vector<int> &links, std::size_t b, const std::vector<QString> &sides) const
    {
        Snapshot s{{}, {}, {}, shapes.boxes[b].label, sides[b]};
        for (const int j : links) {
            s.arcs.push_back(arcs[std::size_t(j)]);
            s.angles.push_back(chosenAngle[std::size_t(j)]);
            s.signs.push_back(signs[std::size_t(j)]);
        }
        return s;
    }

    void restore(const Snapshot &s, const std::vector<int> &links, std::size_t b, std::vector<QString> &sides)
    {
        for (std::size_t i = 0; i < links.size(); ++i) {
            arcs[std::size_t(links[i])] = s.arcs[i];
            chosenAngle[std::size_t(links[i])] = s.angles[i];
            signs[std::size_t(links[i])] = s.signs[i];
        }
        shapes.boxes[b].label = s.label;
        sides[b] = s.side;
    }

    // Links that still run into something (cost `threshold` or more: a name or body, or,
    // in the last pass, another line) get a joint search: each name involved (the link's own
    // two, and any it runs through) tries every side, with every link at that name or through
    // it routed again; the best picture as a whole is kept.
    void repair(std::vector<QString> &sides, const std::vector<QSizeF> &sizes, double threshold = kCollision)
    {
        std::vector<bool> tried(arcs.size(), false); // a link whose search found nothing better
        for (int round = 0; round < 2; ++round) {
            bool improved = false;
            for (int k = 0; k < int(arcs.size()) && !exhausted(); ++k) {
                if (!arcs[std::size_t(k)].valid || tried[std::size_t(k)] || linkCost(k) < threshold)
                    continue;
                const bool before = improved;
                improved = false;
                const LinkShape &link = shapes.links[std::size_t(k)];
                std::vector<std::size_t> involved{std::size_t(link.from), std::size_t(link.to)};
                for (std::size_t b = 0; b < shapes.boxes.size(); ++b)
                    if (b != std::size_t(link.from) && b != std::size_t(link.to)
                        && arcs[std::size_t(k)].bounds.intersects(shapes.boxes[b].label)
                        && polylineHitsRect(arcs[std::size_t(k)].points, shapes.boxes[b].label.adjusted(1, 1, -1, -1)))
                        involved.push_back(b);
                for (const std::size_t b : involved) {
                    const ShapeKind kind = shapes.boxes[b].kind;
                    if (shapes.boxes[b].label.isEmpty() || kind == ShapeKind::Cloud || kind == ShapeKind::TextBox)
                        continue;
                    // The links that may have to bend again: k, those at b, and those through
                    // any place b's name may take.
                    std::vector<QRectF> places;
                    for (const QString &side : labelSides(b))
                        places.push_back(labelRectOn(b, side, sizes[b]));
                    std::vector<int> affected;
                    for (int j = 0; j < int(arcs.size()); ++j) {
                        const LinkShape &other = shapes.links[std::size_t(j)];
                        bool through = false;
                        for (const QRectF &place : places)
                            through = through
                                      || (arcs[std::size_t(j)].bounds.intersects(place)
                                          && polylineHitsRect(arcs[std::size_t(j)].points, place));
                        if (j == k || other.from == int(b) || other.to == int(b) || through)
                            affected.push_back(j);
                    }
                    double best = localCost(affected, b);
                    const Snapshot start = snapshot(affected, b, sides);
                    Snapshot kept = start;
                    const QStringList candidates = labelSides(b);
                    for (int s = 0; s < int(candidates.size()); ++s) {
                        restore(start, affected, b, sides);
                        shapes.boxes[b].label = places[std::size_t(s)];
                        sides[b] = candidates[s];
                        // Signs at b follow its name; k and whatever now runs into something bend again.
                        for (const int j : affected) {
                            placeSign(j);
                            if (j == k || linkCost(j) >= kCollision)
                                polish(j, true, 10);
                        }
                        if (const double c = localCost(affected, b); c < best - 0.01) {
                            best = c;
                            kept = snapshot(affected, b, sides);
                            improved = true;
                        }
                    }
                    restore(kept, affected, b, sides);
                }
                tried[std::size_t(k)] = !improved;
                improved = improved || before;
            }
            if (!improved)
                return;
        }
    }

    // Two links that cross may each be held where it is by the other: every pair of bends
    // of the two, `step` degrees apart, is weighed together, and the cheapest pair kept
    // (never worse than the two as they are).
    void untangle(int k, int j, double step = 10)
    {
        struct Option {
            ConnectorArc arc;
            QRectF sign;
            double angle, cost;
        };
        const auto options = [&](int link, int other) {
            const LinkShape &l = shapes.links[std::size_t(link)];
            const ShapeBox &from = shapes.boxes[std::size_t(l.from)];
            const ShapeBox &to = shapes.boxes[std::size_t(l.to)];
            const double straight = straightOf(link);
            leftOut = other;
            std::vector<Option> out{{arcs[std::size_t(link)], signs[std::size_t(link)], chosenAngle[std::size_t(link)],
                                     linkCost(link)}};
            for (double offset = -kWidestBend; offset <= kWidestBend; offset += step) {
                const ConnectorArc arc = linkArc(from, to, straight + offset);
                if (arc.valid)
                    out.push_back({arc, signOf(link, arc), straight + offset, cost(link, arc, offset)});
            }
            leftOut = -1;
            return out;
        };
        const std::vector<Option> mine = options(k, j), theirs = options(j, k);
        const auto total = [&](const Option &a, const Option &b) {
            return a.cost + b.cost + against(k, a.arc, a.sign, j, b.arc, b.sign) + against(j, b.arc, b.sign, k, a.arc, a.sign);
        };
        double best = total(mine.front(), theirs.front()) - 0.01;
        const Option *bestMine = nullptr, *bestTheirs = nullptr;
        for (const Option &a : mine) {
            if (a.cost >= best)
                continue;
            for (const Option &b : theirs)
                if (a.cost + b.cost < best)
                    if (const double c = total(a, b); c < best) {
                        best = c;
                        bestMine = &a;
                        bestTheirs = &b;
                    }
        }
        if (!bestMine)
            return;
        arcs[std::size_t(k)] = bestMine->arc;
        signs[std::size_t(k)] = bestMine->sign;
        chosenAngle[std::size_t(k)] = bestMine->angle;
        arcs[std::size_t(j)] = bestTheirs->arc;
        signs[std::size_t(j)] = bestTheirs->sign;
        chosenAngle[std::size_t(j)] = bestTheirs->angle;
    }

    // Every pair of links that cross each other (and share no end) is untangled.
    void untangleCrossings()
    {
        for (std::size_t k = 0; k < arcs.size() && !exhausted(); ++k)
            for (std::size_t j = k + 1; j < arcs.size() && !exhausted(); ++j) {
                const LinkShape &a = shapes.links[k], &b = shapes.links[j];
                if (!arcs[k].valid || !arcs[j].valid || a.from == b.from || a.from == b.to || a.to == b.from
                    || a.to == b.to)
                    continue;
                if (arcs[k].bounds.intersects(arcs[j].bounds) && polylineCrossings(arcs[k].points, arcs[j].points) > 0)
                    untangle(int(k), int(j));
            }
    }

    // What a name label at `rect` would run into: lines through it, bodies, other names, signs.
    double labelCost(std::size_t b, const QRectF &rect) const
    {
        double c = 0;
        const QRectF inner = rect.adjusted(1, 1, -1, -1);
        for (const ConnectorArc &arc : arcs)
            if (arc.valid && arc.bounds.intersects(inner) && polylineHitsRect(arc.points, inner))
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
            const QStringList candidates = labelSides(b);
            double best = labelCost(b, box.label) - 0.5; // staying put wins a tie
            for (const QString &side : candidates) {
                const QRectF rect = labelRectOn(b, side, sizes[b]);
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

} // namespace meadows::diagram::routing
