// The collisions a diagram shows in the editor, measured from a DiagramScene's items (see
// sceneproblems.h).
#include "sceneproblems.h"

#include "diagram/connectorarc.h"
#include "diagram/layoutquality.h"
#include "scene/connectoritem.h"
#include "scene/diagramscene.h"
#include "scene/flowitem.h"
#include "scene/looplabelitem.h"
#include "scene/variableitem.h"

#include <QLineF>

namespace meadows::test {

namespace {

struct Thing {
    QRectF rect;
    QString what;
    const QGraphicsItem *body = nullptr; // the element whose body this is (bodies only)
};

std::vector<QPointF> polyline(const QPainterPath &path)
{
    std::vector<QPointF> out;
    for (const QPolygonF &polygon : path.toSubpathPolygons())
        for (const QPointF &p : polygon)
            out.push_back(p);
    return out;
}

bool rectsTouch(const QRectF &a, const QRectF &b)
{
    return QLineF(a.center(), b.center()).length() < 0.5 && std::abs(a.width() - b.width()) < 0.5;
}

// The loop's closed outline as the scene draws it, built here independently of the code
// that places markers: for each step, the connector from one loop variable to the next, or,
// from a flow to the stock it fills or drains, its pipe from the valve to that stock.
QPolygonF drawnOutline(DiagramScene &scene, const LoopLabelItem *label)
{
    const QList<LoopStep> steps = scene.loopSteps(label->mark());
    QPolygonF outline;
    for (int i = 0; i < steps.size(); ++i) {
        const ElementItem *here = steps[i].variable, *next = steps[(i + 1) % steps.size()].variable;
        if (!here || !next)
            return {};
        if (!steps[i].connectors.isEmpty()) {
            const std::vector<QPointF> &arc = steps[i].connectors.front()->curve().points;
            outline += QPolygonF(QList<QPointF>(arc.begin(), arc.end()));
            continue;
        }
        const auto *flow = dynamic_cast<const FlowItem *>(here);
        if (!flow)
            return {}; // a step drawn by nothing: the loop has no outline
        // The pipe's points from the valve on: towards the sink if the next variable's
        // centre lies in the sink's box, else back towards the source.
        const std::vector<QPointF> pipe = flow->points();
        const bool toSink = flow->sinkBox() && flow->sinkBox()->contains(next->anchorCentre());
        std::size_t segment = 1; // the segment the valve lies on
        for (std::size_t k = 1; k < pipe.size(); ++k)
            if (QRectF(pipe[k - 1], pipe[k]).normalized().adjusted(-1, -1, 1, 1).contains(flow->anchorCentre()))
                segment = k;
        outline << flow->anchorCentre();
        if (toSink)
            for (std::size_t k = segment; k < pipe.size(); ++k)
                outline << pipe[k];
        else
            for (std::size_t k = segment; k-- > 0;)
                outline << pipe[k];
    }
    return outline;
}

} // namespace

// Each loop has one marker, and its box (round its ring and arrowhead) lies wholly inside the loop's
// closed outline: its centre inside, and no edge of the outline through it. Overlaps with
// names, bodies, signs and other markers, and lines through it, sceneProblems counts.
QStringList markerProblems(DiagramScene &scene)
{
    QStringList problems;
    QStringList seen;
    for (QGraphicsItem *item : scene.items()) {
        auto *l = dynamic_cast<LoopLabelItem *>(item);
        if (!l)
            continue;
        const QString name = l->mark().label;
        if (seen.contains(name))
            problems << QStringLiteral("loop %1 marked twice").arg(name);
        seen << name;
        if (!l->isVisible()) {
            problems << QStringLiteral("loop %1 has no marker shown").arg(name);
            continue;
        }
        QPolygonF outline = drawnOutline(scene, l);
        if (outline.size() < 3) {
            problems << QStringLiteral("loop %1 has no closed outline").arg(name);
            continue;
        }
        const double r = 14.2 * l->scale(); // the ring and its arrowhead
        const QRectF box(l->scenePos() - QPointF(r, r), QSizeF(2 * r, 2 * r));
        std::vector<QPointF> closed(outline.begin(), outline.end());
        closed.push_back(outline.front());
        if (!outline.containsPoint(box.center(), Qt::OddEvenFill) || diagram::polylineHitsRect(closed, box))
            problems << QStringLiteral("loop %1's marker (%2, %3, radius %4) is not inside its loop")
                            .arg(name + u' ' + l->mark().variables.join(QStringLiteral(" > ")))
                            .arg(box.center().x())
                            .arg(box.center().y())
                            .arg(r);
    }
    return problems;
}

// Every collision the scene shows, one line each.
QStringList sceneProblems(DiagramScene &scene)
{
    std::vector<Thing> things;
    std::vector<std::pair<std::vector<QPointF>, QString>> lines;
    std::vector<const FlowItem *> flows;
    for (QGraphicsItem *item : scene.items()) {
        if (auto *v = dynamic_cast<VariableItem *>(item)) {
            things.push_back({v->anchorOutline().boundingRect(), v->label(), v});
            things.push_back({v->labelSceneRect(), QStringLiteral("name ") + v->label()});
        } else if (auto *f = dynamic_cast<FlowItem *>(item)) {
            things.push_back({f->anchorOutline().boundingRect(), f->element().name, f});
            things.push_back({f->labelSceneRect(), QStringLiteral("name ") + f->element().name});
            lines.push_back({f->points(), QStringLiteral("pipe ") + f->element().name});
            flows.push_back(f);
        } else if (auto *c = dynamic_cast<ConnectorItem *>(item)) {
            if (!c->isVisible() || !c->curve().valid)
                continue;
            const QString what = c->element().from.name + QStringLiteral(" -> ") + c->element().to.name;
            lines.push_back({polyline(c->curve().path), QStringLiteral("connector ") + what});
            if (!c->element().polarity.isEmpty()) {
                things.push_back({diagram::polaritySignBox(c->curve().signCentre), QStringLiteral("sign on ") + what});
            }
        } else if (auto *l = dynamic_cast<LoopLabelItem *>(item)) {
            // The marker: its ring (radius 14, smaller in a thin loop) and its arrowhead,
            // drawn on a diagonal, reaching 14.1 px along either axis.
            const double r = 14.2 * l->scale();
            things.push_back({QRectF(l->scenePos() - QPointF(r, r), QSizeF(2 * r, 2 * r)), QStringLiteral("loop ") + l->mark().label});
        }
    }
    QStringList problems;
    for (std::size_t i = 0; i < things.size(); ++i)
        for (std::size_t j = i + 1; j < things.size(); ++j)
            if (diagram::rectsOverlap(things[i].rect, things[j].rect))
                problems << QStringLiteral("overlap: %1 and %2").arg(things[i].what, things[j].what);
    for (const auto &[points, what] : lines)
        for (const Thing &t : things)
            if ((t.what.startsWith(QLatin1String("name ")) || t.what.startsWith(QLatin1String("loop ")))
                && diagram::polylineHitsRect(points, t.rect.adjusted(1, 1, -1, -1)))
                problems << QStringLiteral("%1 runs through %2").arg(what, t.what);
    // A pipe through a body other than its own valve and the stocks at its ends.
    for (const FlowItem *f : flows)
        for (const Thing &t : things) {
            const bool ownEnd = t.body == f || (f->sourceBox() && rectsTouch(*f->sourceBox(), t.rect))
                                || (f->sinkBox() && rectsTouch(*f->sinkBox(), t.rect));
            if (t.body && !ownEnd && diagram::polylineHitsRect(f->points(), t.rect.adjusted(1, 1, -1, -1)))
                problems << QStringLiteral("pipe %1 runs through %2").arg(f->element().name, t.what);
        }
    problems << markerProblems(scene);
    return problems;
}

} // namespace meadows::test
