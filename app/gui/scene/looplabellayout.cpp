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
        label->setPos(freeSpotNear(label, centre / corners.size(), corners));
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
QPointF LoopLabelLayout::freeSpotNear(const LoopLabelItem *label, QPointF centre, const QPolygonF &outline) const
{
    const QRectF box = label->boundingRect().adjusted(-2, -2, 2, 2);
    const QRectF circle(-16, -16, 32, 32); // the marker's ring and 2 px round it: lines keep out of this
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
    constexpr int kRings = 16, kAngles = 32;
    for (int ring = 1; ring <= kRings && bestCost > 0; ++ring) {
        for (int a = 0; a < kAngles; ++a) {
            const double angle = 2 * M_PI * a / kAngles;
            const QPointF at = centre + QPointF(std::cos(angle), std::sin(angle)) * (ring * 6.0);
            if (const double c = cost(at); c < bestCost) { // the nearest of equal spots wins
                bestCost = c;
                best = at;
            }
        }
    }
    return best;
}

} // namespace meadows
