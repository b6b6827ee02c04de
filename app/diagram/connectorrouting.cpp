#include "connectorrouting.h"

#include "connectorrouter.h"
#include "markerroom.h"

namespace meadows::diagram {

using namespace routing;

namespace {

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
    router.repair(sides, sizes);
    // Last, links that still cross other lines try every bend again, each against every
    // other line's final place: a crossing is only ever traded for a cheaper picture.
    for (const int k : order)
        if (router.linkCost(k) >= kCrossing)
            router.polish(k, true, 10);
    // Then pairs of links that still cross try every pair of bends together, and links that
    // still cross anything try each side for the names at their ends.
    router.untangleCrossings();
    router.repair(sides, sizes, kCrossing);
    if (!router.exhausted())
        makeRoomForLoopMarkers(router, style.markedLoops, sides, sizes);
    for (std::size_t k = 0; k < n; ++k)
        view.elements[std::size_t(shapes.links[k].element)].angle = normalisedAngle(router.chosenAngle[k]);
    for (std::size_t b = 0; b < shapes.boxes.size(); ++b)
        if (!sides[b].isEmpty() && shapes.boxes[b].kind != ShapeKind::Cloud)
            view.elements[std::size_t(shapes.boxes[b].element)].labelSide = sides[b];
}

} // namespace meadows::diagram
