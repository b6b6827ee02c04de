#include "looplabellayout.h"

#include "connectoritem.h"
#include "diagram/diagramgeometry.h"
#include "diagram/layoutquality.h"
#include "diagram/loopmarkers.h"
#include "diagramscene.h"
#include "flowitem.h"
#include "looplabelitem.h"

#include <QLineF>
#include <cmath>

namespace meadows {

std::vector<QPointF> LoopLabelLayout::outlineOf(const LoopLabelItem *label) const
{
    const QList<LoopStep> steps = m_scene->loopSteps(label->mark());
    std::vector<QPointF> outline;
    for (int i = 0; i < steps.size(); ++i) {
        const LoopStep &step = steps[i];
        if (!step.variable)
            continue;
        const ConnectorItem *drawn = nullptr;
        for (const ConnectorItem *connector : step.connectors)
            if (!drawn && connector->isVisible() && connector->curve().valid)
                drawn = connector;
        if (drawn) {
            outline.insert(outline.end(), drawn->curve().points.begin(), drawn->curve().points.end());
            continue;
        }
        const ElementItem *next = steps[(i + 1) % steps.size()].variable;
        const auto *flow = dynamic_cast<const FlowItem *>(step.variable);
        if (flow && next) {
            const QPointF at = next->anchorCentre();
            const bool toSink = flow->sinkBox() && flow->sinkBox()->contains(at);
            if (toSink || (flow->sourceBox() && flow->sourceBox()->contains(at))) {
                const std::vector<QPointF> run = diagram::pipeFromValve(flow->points(), flow->anchorCentre(), toSink);
                outline.insert(outline.end(), run.begin(), run.end());
                continue;
            }
        }
        outline.push_back(step.variable->anchorCentre());
    }
    return outline;
}

// Everything the scene draws near `area`, as loopmarkers.h weighs it; the labels placed so
// far among the boxes.
diagram::MarkerObstacles LoopLabelLayout::obstaclesNear(const QRectF &area) const
{
    diagram::MarkerObstacles o;
    const QRectF near = area.adjusted(-20, -20, 20, 20);
    for (QGraphicsItem *item : m_scene->items(near)) {
        const auto *element = dynamic_cast<const ElementItem *>(item);
        if (!element || !element->isVisible())
            continue;
        if (const auto *connector = dynamic_cast<const ConnectorItem *>(element)) {
            if (!connector->curve().valid)
                continue;
            o.lines.push_back(connector->curve().points);
            if (!connector->element().polarity.isEmpty())
                o.boxes.push_back(diagram::polaritySignBox(connector->curve().signCentre));
            continue;
        }
        o.boxes.push_back(element->labelSceneRect());
        if (const auto *flow = dynamic_cast<const FlowItem *>(element)) {
            const std::vector<QPointF> pipe = flow->points();
            o.pipes.push_back(pipe);
            o.boxes.push_back(flow->anchorOutline().boundingRect());
            if (pipe.size() >= 2) {
                const QSizeF cloud(diagram::kCloudWidth, diagram::kCloudHeight);
                if (!flow->sourceBox())
                    o.boxes.push_back(QRectF(pipe.front() - QPointF(cloud.width(), cloud.height()) / 2, cloud));
                if (!flow->sinkBox())
                    o.boxes.push_back(QRectF(pipe.back() - QPointF(cloud.width(), cloud.height()) / 2, cloud));
            }
        } else if (!element->anchorOutline().isEmpty()) {
            o.boxes.push_back(element->anchorOutline().boundingRect());
        } else {
            o.boxes.push_back(element->sceneBoundingRect());
        }
    }
    o.boxes.insert(o.boxes.end(), m_placed.begin(), m_placed.end());
    return o;
}

void LoopLabelLayout::place(const QList<LoopLabelItem *> &labels)
{
    m_placed.clear();
    for (LoopLabelItem *label : labels) {
        const std::vector<QPointF> outline = outlineOf(label);
        label->setVisible(outline.size() >= 2);
        if (outline.empty())
            continue;
        diagram::MarkerSpot spot = diagram::markerSpotInside(outline, obstaclesNear(diagram::polylineBounds(outline)));
        if (!spot.fits) {
            // No room inside: of the marker's sizes, the spot nearest the loop's middle that
            // covers least (outside it, off every line, when there is one); of equal spots,
            // the largest marker.
            QPointF centre; // the mean of the outline's points: nearer its curves than its corners
            for (const QPointF &p : outline)
                centre += p / double(outline.size());
            Spot best;
            for (const double scale : diagram::kMarkerScales) {
                const Spot found = freeSpotNear(label, centre, outline, scale);
                if (scale == diagram::kMarkerScales[0] || found.cost < best.cost) {
                    best = found;
                    spot.scale = scale;
                }
                if (best.cost == 0)
                    break;
            }
            spot.at = best.at;
        }
        label->setScale(spot.scale);
        label->setPos(spot.at);
        m_placed << diagram::markerBox(spot.at, spot.scale);
        label->setClockwise(diagram::runsClockwise(outline));
    }
}

// The nearest spot to `centre`, inside the loop's outline where there is one, that covers
// nothing: no name, body, pipe, other label, and no connector or polarity sign (a marker on
// a line reads as part of it); failing that, the one that covers least.
// `scale`: the marker's size, against its full size.
LoopLabelLayout::Spot LoopLabelLayout::freeSpotNear(const LoopLabelItem *label, QPointF centre, const std::vector<QPointF> &outline,
                                                    double scale) const
{
    const QRectF full = label->boundingRect();
    const QRectF box = QRectF(full.topLeft() * scale, full.size() * scale).adjusted(-2, -2, 2, 2);
    const double reach = (diagram::kMarkerRadius + 2) * scale; // the ring and 2 px round it: lines keep out
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
            hit = hit || diagram::polylineHitsRect(connector->curve().points, circle.translated(at));
            c += hit ? 60 : 0;
        }
        if (closed && !diagram::insideOutline(outline, at))
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
