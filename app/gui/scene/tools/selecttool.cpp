#include "selecttool.h"

#include "commands/bendconnector.h"
#include "commands/bendflow.h"
#include "commands/geometrychange.h"
#include "commands/movevariables.h"
#include "commands/resizeelement.h"
#include "diagram/connectorpath.h"
#include "diagram/diagramgeometry.h"
#include "diagram/flowbends.h"
#include "document.h"
#include "scene/connectorends.h"
#include "scene/connectoritem.h"
#include "scene/diagramscene.h"
#include "scene/flowitem.h"

#include <QGraphicsSceneMouseEvent>
#include <QUndoStack>
#include <cmath>

namespace meadows {

using T = ViewElement::Type;

void SelectTool::deactivate()
{
    m_drag = Drag::None;
    m_dragUid = -1;
    m_dragIndex = -1;
    m_dragPoints.clear();
    m_reshaped = false;
}

void SelectTool::elementRemoved(int uid)
{
    if (uid == m_dragUid)
        deactivate();
}

void SelectTool::startDrag(Drag drag, int uid)
{
    m_drag = drag;
    m_dragUid = uid;
    m_dragId = nextDragId();
}

void SelectTool::mousePressed(QGraphicsSceneMouseEvent *event)
{
    const QPointF pos = event->scenePos();
    m_pressPos = pos;
    ElementItem *item = scene()->elementAt(pos);
    if (auto *connector = dynamic_cast<ConnectorItem *>(item); connector && connector->isOnBendHandle(pos)) {
        startDrag(Drag::Bend, connector->uid());
        event->accept();
        return;
    }
    // A click on a polarity sign flips it, as in LOOPY and Kumu.
    if (auto *connector = dynamic_cast<ConnectorItem *>(item);
        connector && !(event->modifiers() & Qt::ControlModifier) && connector->isOnPolaritySign(pos)) {
        const ViewElement &e = connector->element();
        const QString flipped = e.polarity == QLatin1String("+") ? QStringLiteral("-") : QStringLiteral("+");
        scene()->clearSelection();
        connector->setSelected(true);
        document()->undoStack()->push(new ConnectorMarksCommand(document(), connector->uid(), flipped, hasDelayMark(e)));
        event->accept();
        return;
    }
    // Handles stick out of their shapes' corners: look for them among the selection first.
    for (QGraphicsItem *selected : scene()->selectedItems()) {
        auto *element = dynamic_cast<ElementItem *>(selected);
        if (element && element->isOnResizeHandle(pos)) {
            startDrag(Drag::Resize, element->uid());
            event->accept();
            return;
        }
        // A bend's handle, too; a pipe's segment only when the pipe is what lies on top.
        auto *flow = dynamic_cast<FlowItem *>(element);
        if (flow && flow->cornerAt(pos) >= 0 && startFlowReshape(flow, pos, event->modifiers())) {
            event->accept();
            return;
        }
    }
    if (startFlowReshape(item, pos, event->modifiers())) {
        event->accept();
        return;
    }
    if (!item) {
        if (!(event->modifiers() & Qt::ControlModifier))
            scene()->clearSelection();
        event->ignore(); // the view starts a rubber band
        return;
    }
    if (event->modifiers() & Qt::ControlModifier) {
        item->setSelected(!item->isSelected());
        event->accept();
        return;
    }
    if (!item->isSelected()) {
        scene()->clearSelection();
        item->setSelected(true);
    }
    if (item->isMovable()) {
        startDrag(Drag::Move, item->uid());
        m_anchorStart = diagram::centre(item->element());
    }
    event->accept();
}

bool SelectTool::mouseMoved(QGraphicsSceneMouseEvent *event)
{
    const QPointF pos = event->scenePos();
    switch (m_drag) {
    case Drag::None:
        return false;
    case Drag::Move:
        move(pos);
        break;
    case Drag::Bend:
        bend(pos);
        break;
    case Drag::Resize:
        resizeTo(pos);
        break;
    case Drag::FlowCorner:
    case Drag::FlowSegment:
        reshapeFlow(pos);
        break;
    }
    return true;
}

void SelectTool::mouseReleased(QGraphicsSceneMouseEvent *)
{
    if ((m_drag == Drag::FlowCorner || m_drag == Drag::FlowSegment) && document()->element(m_dragUid)) {
        // Tidy up what the drag left (zero-length jogs, bends that no longer turn) in the
        // same undo step.
        const std::vector<QPointF> now = diagram::flowPoints(*document()->element(m_dragUid));
        const std::vector<QPointF> tidy = diagram::simplifyFlow(now);
        if (tidy != now && m_reshaped)
            document()->undoStack()->push(new BendFlowCommand(document(), m_dragUid, tidy, m_dragId));
    }
    deactivate();
}

bool SelectTool::mouseDoubleClicked(QGraphicsSceneMouseEvent *event)
{
    const ElementItem *item = scene()->elementAt(event->scenePos());
    if (!item || !(isVariableType(item->elementType()) || item->elementType() == T::TextBox))
        return false;
    emit scene()->renameRequested(item->uid());
    event->accept();
    return true;
}

void SelectTool::move(QPointF pos)
{
    const ViewElement *anchor = document()->element(m_dragUid);
    if (!anchor)
        return;
    const QPointF target = scene()->snapped(m_anchorStart + (pos - m_pressPos));
    const QPointF delta = target - diagram::centre(*anchor);
    if (delta.manhattanLength() < 0.01)
        return;
    document()->undoStack()->push(new MoveVariablesCommand(document(), scene()->movableSelection(), delta, m_dragId));
}

void SelectTool::bend(QPointF pos)
{
    auto *connector = dynamic_cast<ConnectorItem *>(scene()->itemForUid(m_dragUid));
    if (!connector)
        return;
    const ElementItem *from = scene()->itemAtEnd(connector->element().from);
    const ElementItem *to = scene()->itemAtEnd(connector->element().to);
    if (!from || !to)
        return;
    // Through the ends the curve is drawn between (a flow's name, where the connector ends there).
    const double angle = angleThrough(connectorEndShape(connector->element(), *from, false).centre, pos,
                                      connectorEndShape(connector->element(), *to, true).centre);
    document()->undoStack()->push(new BendConnectorCommand(document(), m_dragUid, angle, m_dragId));
}

// A press on a flow's bend handle drags that corner; on the pipe of a selected flow it
// drags that segment across itself; Shift or Alt on any flow's pipe first adds a jog there.
bool SelectTool::startFlowReshape(ElementItem *item, QPointF pos, Qt::KeyboardModifiers modifiers)
{
    auto *flow = dynamic_cast<FlowItem *>(item);
    if (!flow || flow->isOnValve(pos) || (modifiers & Qt::ControlModifier))
        return false;
    std::vector<QPointF> pts = flow->points();
    const bool addBend = modifiers & (Qt::ShiftModifier | Qt::AltModifier);
    int index = addBend ? -1 : flow->cornerAt(pos);
    Drag drag = Drag::FlowCorner;
    if (index < 0) {
        index = flow->segmentAt(pos);
        drag = Drag::FlowSegment;
        if (index < 0 || (!flow->isSelected() && !addBend))
            return false;
        if (addBend)
            pts = diagram::insertFlowJog(pts, index, pos, &index);
    }
    scene()->clearSelection();
    flow->setSelected(true);
    startDrag(drag, flow->uid());
    m_dragIndex = index;
    m_dragPoints = pts;
    return true;
}

void SelectTool::reshapeFlow(QPointF pos)
{
    auto *flow = dynamic_cast<FlowItem *>(scene()->itemForUid(m_dragUid));
    if (!flow)
        return;
    const diagram::FlowEnds ends{flow->sourceBox(), flow->sinkBox()};
    const std::vector<QPointF> pts = m_drag == Drag::FlowCorner
                                         ? diagram::moveFlowCorner(m_dragPoints, m_dragIndex, scene()->snapped(pos), ends)
                                         : diagram::moveFlowSegment(m_dragPoints, m_dragIndex, pos - m_pressPos, ends);
    if (pts == flow->points())
        return;
    document()->undoStack()->push(new BendFlowCommand(document(), m_dragUid, pts, m_dragId));
    m_reshaped = true;
}

void SelectTool::resizeTo(QPointF pos)
{
    const ViewElement *e = document()->element(m_dragUid);
    if (!e)
        return;
    const QPointF corner = scene()->snapped(pos);
    double w = 0, h = 0;
    if (e->type == T::TextBox) {
        // A text box is placed by its top-left corner, which stays.
        w = std::max(40.0, corner.x() - e->x.value_or(0));
        h = std::max(20.0, corner.y() - e->y.value_or(0));
    } else if (e->type == T::Aux) {
        // An auxiliary stays a circle, about its centre.
        const QPointF half = corner - diagram::centre(*e);
        w = h = std::max(10.0, 2 * std::max(std::abs(half.x()), std::abs(half.y())));
    } else {
        // About the centre: the corner follows the pointer, the opposite corner mirrors it.
        const QPointF half = corner - diagram::centre(*e);
        w = std::max(20.0, 2 * std::abs(half.x()));
        h = std::max(14.0, 2 * std::abs(half.y()));
    }
    if (e->width == w && e->height == h)
        return;
    document()->undoStack()->push(new ResizeElementCommand(document(), m_dragUid, w, h, m_dragId));
}

} // namespace meadows
