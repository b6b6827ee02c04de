#include "looplabellayout.h"

#include "connectoritem.h"
#include "diagram/layoutquality.h"
#include "diagramscene.h"
#include "looplabelitem.h"

#include <cmath>

namespace meadows {

void LoopLabelLayout::place(const QList<LoopLabelItem *> &labels)
{
    m_placed.clear();
    for (LoopLabelItem *label : labels) {
        // The loop's outline: each variable, then the bend of the link to the next one, so
        // the label lands inside the curve the connectors draw.
        QPolygonF corners;
        for (const LoopStep &step : m_scene->loopSteps(label->mark())) {
            if (step.variable)
                corners << step.variable->anchorCentre();
            for (const ConnectorItem *connector : step.connectors)
                if (connector->curve().valid)
                    corners << connector->curve().middle;
        }
        label->setVisible(corners.size() >= 2);
        if (corners.isEmpty())
            continue;
        QPointF centre;
        for (const QPointF &p : corners)
            centre += p;
        // A loop too thin for the marker gets a smaller one (down to kMarkerScales' last)
        // before the marker leaves the loop or sits on a line; of equal spots, the largest.
        Spot best;
        double bestScale = 1;
        for (const double scale : kMarkerScales) {
            const Spot spot = freeSpotNear(label, centre / corners.size(), corners, scale);
            if (scale == kMarkerScales[0] || spot.cost < best.cost) {
                best = spot;
                bestScale = scale;
            }
            if (best.cost == 0)
                break;
        }
        label->setScale(bestScale);
        label->setPos(best.at);
        m_placed << label->sceneBoundingRect();
        // The sign of the outline's area tells which way round the loop runs.
        double area = 0;
        for (int i = 0; i < corners.size(); ++i) {
            const QPointF a = corners[i], b = corners[(i + 1) % corners.size()];
            area += a.x() * b.y() - b.x() * a.y();
        }
        label->setClockwise(area >= 0); // y points down: positive area turns clockwise on screen
    }
}

// The loop's centre unless something is drawn there: then the nearest spot, inside the
// loop's outline where there is one, that covers nothing: no name, body, pipe, other label,
// and no connector or polarity sign (a marker on a line reads as part of it). Where no spot
// inside is free, the nearest free one just outside; failing that, the one that covers least.
// `scale`: the marker's size, against its full size.
LoopLabelLayout::Spot LoopLabelLayout::freeSpotNear(const LoopLabelItem *label, QPointF centre, const QPolygonF &outline,
                                                    double scale) const
{
    const QRectF full = label->boundingRect();
    const QRectF box = QRectF(full.topLeft() * scale, full.size() * scale).adjusted(-2, -2, 2, 2);
    const double reach = 16 * scale; // the marker's ring and 2 px round it: lines keep out of this
    const QRectF circle(-reach, -reach, 2 * reach, 2 * reach);
    const bool closed = outline.size() >= 3;
    const auto cost = [&](QPointF at) {
        const QRectF r = box.translated(at);
        double c = 0;
        for (const QRectF &other : m_placed)
            if (other.intersects(r))
                c += 100;
        for (QGraphicsItem *item : m_scene->items(r, Qt::IntersectsItemShape)) {
            const auto *element = dynamic_cast<const ElementItem *>(item);
            if (!element || !element->isVisible())
                continue;
            const auto *connector = dynamic_cast<const ConnectorItem *>(element);
            if (!connector) {
                c += 100;
                continue;
            }
            bool hit = !connector->element().polarity.isEmpty()
                       && diagram::polaritySignBox(connector->curve().signCentre).intersects(circle.translated(at));
            for (const QPolygonF &line : connector->curve().path.toSubpathPolygons())
                hit = hit || diagram::polylineHitsRect(std::vector<QPointF>(line.begin(), line.end()), circle.translated(at));
            c += hit ? 60 : 0;
        }
        if (closed && !outline.containsPoint(at, Qt::OddEvenFill))
            c += 50;
        return c;
    };
    QPointF best = centre;
    double bestCost = cost(centre);
    // Rings 6 px apart out to 96 px for the full marker, closer for a smaller one (which
    // looks for a narrower gap), as far out.
    const double step = 6 * scale;
    const int rings = int(std::ceil(96 / step));
    constexpr int kAngles = 32;
    for (int ring = 1; ring <= rings && bestCost > 0; ++ring) {
        for (int a = 0; a < kAngles; ++a) {
            const double angle = 2 * M_PI * a / kAngles;
            const QPointF at = centre + QPointF(std::cos(angle), std::sin(angle)) * (ring * step);
            if (const double c = cost(at); c < bestCost) { // the nearest of equal spots wins
                bestCost = c;
                best = at;
            }
        }
    }
    return {best, bestCost};
}

} // namespace meadows
