#include "markerroom.h"

#include "connectorrouter.h"
#include "loopmarkers.h"

#include "model/names.h"

namespace meadows::diagram::routing {

namespace {

// How much more the links and name involved may cost, bent to make room, than they did:
// less than a crossing or a collision, so room is never bought with either; only with a
// wider bend, a longer arc or a name on another side.
constexpr double kRoomSlack = 30;
// Room kept beyond what the marker needs: the editor measures names with its own font and
// cuts curves at its own outlines, a pixel or two from the estimate layout works with.
constexpr double kSpareRoom = 2;
// Per pixel a link not in the loop grows when it bends round a name moved to make room:
// a swing of 150 px round the name costs what the slack allows, so a marker is not bought
// with a connector swinging round half the diagram.
constexpr double kRoomDetour = 0.2;

constexpr double kSwingPreference = 0.05;

double arcLength(const ConnectorArc &arc)
{
    double length = 0;
    for (std::size_t i = 1; i < arc.points.size(); ++i)
        length += QLineF(arc.points[i - 1], arc.points[i]).length();
    return length;
}

struct Placed {
    MarkerSpot spot;
    std::vector<int> links; // the links the loop's outline runs along
};

// Loop `loop`'s marker as the editor would place it, clear of the markers in `placed`.
Placed placeMarker(const Router &r, const QStringList &loop, const std::vector<QRectF> &placed)
{
    Placed out;
    const std::vector<QPointF> outline = loopOutline(r.shapes, r.arcs, loop, &out.links);
    if (outline.size() < 3)
        return out;
    MarkerObstacles obstacles = markerObstacles(r.shapes, r.arcs, r.signs, polylineBounds(outline));
    obstacles.boxes.insert(obstacles.boxes.end(), placed.begin(), placed.end());
    out.spot = markerSpotInside(outline, obstacles, kSpareRoom);
    return out;
}

bool hitsAny(const ConnectorArc &arc, const QRectF &sign, const std::vector<QRectF> &boxes)
{
    for (const QRectF &b : boxes)
        if ((arc.bounds.intersects(b) && polylineHitsRect(arc.points, b)) || (!sign.isEmpty() && rectsOverlap(sign, b)))
            return true;
    return false;
}

// A marker placed in this round: its loop and box.
struct Marked {
    QStringList loop;
    std::vector<int> links;
    QRectF box;
};

// Whether box lies wholly inside the closed outline.
bool enclosed(const std::vector<QPointF> &outline, const QRectF &box)
{
    if (outline.size() < 3 || !insideOutline(outline, box.center()))
        return false;
    std::vector<QPointF> closed = outline;
    closed.push_back(outline.front());
    return !polylineHitsRect(closed, box);
}

struct RoomSearch {
    Router &r;
    const QStringList &loop;
    const std::vector<int> &links; // the loop's links
    std::vector<QRectF> &placed;
    const std::vector<Marked> &earlier; // the markers placed before this one
    std::vector<QString> &sides;
    const std::vector<QSizeF> &sizes;

    struct Choice {
        int link = -1, box = -1; // box: whose name moves to `side`, or -1
        QString side;
        ConnectorArc arc;
        double angle = 0, score = 1e18;
        MarkerSpot spot;
    } best;
    double detourWeight = kRoomDetour; // per pixel the other links at a moved name grow

    // What the links in `affected` and box b's name (when b >= 0) cost together.
    double cost(const std::vector<int> &affected, int b) const
    {
        double c = b >= 0 ? r.labelCost(std::size_t(b), r.shapes.boxes[std::size_t(b)].label) : 0;
        for (const int j : affected)
            c += r.linkCost(j);
        return c;
    }

    // Whether every marker placed before, in a loop that runs along a link in `changed`, is
    // still inside its loop with the links drawn as they now are (two loops may lie on
    // either side of one link).
    bool keepsEarlierInside(const std::vector<int> &changed) const
    {
        for (const Marked &m : earlier)
            if (std::find_first_of(m.links.begin(), m.links.end(), changed.begin(), changed.end()) != m.links.end()
                && !enclosed(loopOutline(r.shapes, r.arcs, m.loop), m.box))
                return false;
        return true;
    }

    // The links that bend again when box b's name moves: the loop's own and those at b.
    std::vector<int> affectedBy(int b) const
    {
        std::vector<int> affected = links;
        if (b >= 0)
            for (int j = 0; j < int(r.arcs.size()); ++j)
                if ((r.shapes.links[std::size_t(j)].from == b || r.shapes.links[std::size_t(j)].to == b)
                    && std::find(affected.begin(), affected.end(), j) == affected.end())
                    affected.push_back(j);
        return affected;
    }

    // Box b's name to `side`: signs at b follow it, and its other links bend again where
    // the name is now in their way.
    void moveName(int b, const QString &side, const std::vector<int> &affected)
    {
        r.shapes.boxes[std::size_t(b)].label = r.labelRectOn(std::size_t(b), side, sizes[std::size_t(b)]);
        sides[std::size_t(b)] = side;
        for (const int j : affected) {
            r.placeSign(j);
            if (std::find(links.begin(), links.end(), j) == links.end() && r.linkCost(j) >= kCollision)
                r.polish(j, true, 10);
        }
    }

    // With box b's name on `side` (b < 0: names as they are), every bend of each of the
    // loop's links, 5 degrees apart; the cheapest that lets the marker fit is kept (a larger
    // marker worth a little), when it costs at most kRoomSlack more than the picture had.
    void tryBends(int b, const QString &side)
    {
        if (r.exhausted()) // the router's work budget (connectorrouter.h) bounds this pass too
            return;
        const std::vector<int> affected = affectedBy(b);
        const double limit = cost(affected, b) + kRoomSlack;
        const Router::Snapshot start = r.snapshot(affected, std::size_t(std::max(b, 0)), sides);
        double detour = 0; // how much longer the other links at b became
        if (b >= 0) {
            std::vector<double> before;
            for (const int j : affected)
                before.push_back(arcLength(r.arcs[std::size_t(j)]));
            moveName(b, side, affected);
            for (std::size_t i = 0; i < affected.size(); ++i)
                if (std::find(links.begin(), links.end(), affected[i]) == links.end())
                    detour += std::max(0.0, arcLength(r.arcs[std::size_t(affected[i])]) - before[i]);
        }
        for (const int k : links) {
            const LinkShape &link = r.shapes.links[std::size_t(k)];
            const ShapeBox &from = r.shapes.boxes[std::size_t(link.from)];
            const ShapeBox &to = r.shapes.boxes[std::size_t(link.to)];
            const double straight = r.straightOf(k);
            const ConnectorArc kept = r.arcs[std::size_t(k)];
            const QRectF keptSign = r.signs[std::size_t(k)];
            const double keptAngle = r.chosenAngle[std::size_t(k)];
            for (double offset = -kWidestBend; offset <= kWidestBend; offset += 5) {
                const ConnectorArc arc = linkArc(from, to, straight + offset);
                if (!arc.valid)
                    continue;
                r.arcs[std::size_t(k)] = arc;
                r.signs[std::size_t(k)] = r.signOf(k, arc);
                r.chosenAngle[std::size_t(k)] = straight + offset;
                const double plain = cost(affected, b);
                // The swing always counts a little among choices that fit, so of two the shorter wins.
                const double c = plain + kSwingPreference * detour;
                if (plain + detourWeight * detour <= limit && c < best.score && !hitsAny(arc, r.signs[std::size_t(k)], placed)
                    && keepsEarlierInside(affected)) {
                    const Placed p = placeMarker(r, loop, placed);
                    if (const double score = c + 10 * (1 - p.spot.scale); p.spot.fits && score < best.score)
                        best = {k, b, side, arc, straight + offset, score, p.spot};
                }
            }
            r.arcs[std::size_t(k)] = kept;
            r.signs[std::size_t(k)] = keptSign;
            r.chosenAngle[std::size_t(k)] = keptAngle;
        }
        r.restore(start, affected, std::size_t(std::max(b, 0)), sides);
    }

    // Bends alone first; failing that, each name of the loop's variables on each other side,
    // first where the links at the name keep close to their length, then however far they
    // must swing round it (the marker inside its loop matters more).
    bool run()
    {
        tryBends(-1, {});
        std::vector<int> boxes;
        for (const QString &name : loop)
            boxes.push_back(r.shapes.byName.value(name, -1));
        for (const double weight : {kRoomDetour, 0.0}) {
            detourWeight = weight;
            for (std::size_t i = 0; i < boxes.size() && best.link < 0; ++i) {
                const int b = boxes[i];
                if (b < 0 || r.shapes.boxes[std::size_t(b)].label.isEmpty())
                    continue;
                for (const QString &side : r.labelSides(std::size_t(b)))
                    if (r.labelRectOn(std::size_t(b), side, sizes[std::size_t(b)]) != r.shapes.boxes[std::size_t(b)].label)
                        tryBends(b, side);
            }
        }
        if (best.link < 0)
            return false;
        if (best.box >= 0) // as tryBends moved it: the same steps give the same bends
            moveName(best.box, best.side, affectedBy(best.box));
        r.arcs[std::size_t(best.link)] = best.arc;
        r.chosenAngle[std::size_t(best.link)] = best.angle;
        r.placeSign(best.link);
        placed.push_back(markerBox(best.spot.at, best.spot.scale));
        return true;
    }
};

} // namespace

// Markers are placed in the editor's order, each clear of those before it. A loop whose
// marker does not fit bends its links; a bend can take room from a loop placed earlier
// (they may share a link), so the whole is placed again, a few times at most.
void makeRoomForLoopMarkers(Router &router, const std::vector<QStringList> &loops, std::vector<QString> &sides,
                            const std::vector<QSizeF> &sizes)
{
    std::vector<QStringList> canonical;
    for (const QStringList &loop : loops) {
        QStringList names;
        for (const QString &name : loop)
            names << canonicalName(name);
        canonical.push_back(names);
    }
    for (int round = 0; round < 3 && !router.exhausted(); ++round) {
        bool bent = false;
        std::vector<QRectF> placed;
        std::vector<Marked> earlier;
        for (const QStringList &loop : canonical) {
            const Placed p = placeMarker(router, loop, placed);
            if (!p.spot.fits && !p.links.empty() && RoomSearch{router, loop, p.links, placed, earlier, sides, sizes, {}}.run()) {
                bent = true;
                earlier.push_back({loop, p.links, placed.back()});
            } else if (p.spot.fits) {
                placed.push_back(markerBox(p.spot.at, p.spot.scale));
                earlier.push_back({loop, p.links, placed.back()});
            }
        }
        if (!bent)
            return;
    }
}

} // namespace meadows::diagram::routing
