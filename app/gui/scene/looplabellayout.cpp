#include "looplabellayout.h"

#include "connectoritem.h"
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

// The loop's centre unless something is drawn there: then the nearest spot, still inside
// the loop's outline where there is one, that covers no name, stock, pipe or other label.
// Connectors may pass under a label; they cross the middle of most loops.
QPointF LoopLabelLayout::freeSpotNear(const LoopLabelItem *label, QPointF centre, const QPolygonF &outline) const
{
    const QRectF box = label->boundingRect().adjusted(-2, -2, 2, 2);
    const auto isFree = [&](QPointF at) {
        const QRectF r = box.translated(at);
        for (const QRectF &other : m_placed)
            if (other.intersects(r))
                return false;
        for (QGraphicsItem *item : m_scene->items(r, Qt::IntersectsItemShape)) {
            const auto *element = dynamic_cast<const ElementItem *>(item);
            if (element && element->isVisible() && element->elementType() != ViewElement::Type::Connector)
                return false;
        }
        return true;
    };
    if (isFree(centre))
        return centre;
    const bool closed = outline.size() >= 3;
    constexpr int kRings = 6, kAngles = 16;
    for (int inside = closed ? 1 : 0; inside >= 0; --inside) {
        for (int ring = 1; ring <= kRings; ++ring) {
            for (int a = 0; a < kAngles; ++a) {
                const double angle = 2 * M_PI * a / kAngles;
                const QPointF at = centre + QPointF(std::cos(angle), std::sin(angle)) * (ring * 10.0);
                if (inside && !outline.containsPoint(at, Qt::OddEvenFill))
                    continue;
                if (isFree(at))
                    return at;
            }
        }
    }
    return centre;
}

} // namespace meadows
