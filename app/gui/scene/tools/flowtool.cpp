#include "flowtool.h"

#include "commands/addflow.h"
#include "diagram/diagramgeometry.h"
#include "diagram/flowbends.h"
#include "document.h"
#include "model/names.h"
#include "scene/diagramscene.h"
#include "scene/elementitem.h"

#include <QGraphicsLineItem>
#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QPainterPath>
#include <QPen>
#include <QUndoStack>
#include <cmath>

namespace meadows {

// A press or release this close to where the press began is a click, not a drag.
static constexpr double kClickDistance = 8;

FlowTool::~FlowTool()
{
    deactivate();
}

void FlowTool::deactivate()
{
    m_state = State::Idle;
    m_path.clear();
    delete m_pathPreview;
    m_pathPreview = nullptr;
    delete m_line;
    m_line = nullptr;
}

QString FlowTool::stockAt(QPointF at) const
{
    const ElementItem *under = scene()->elementAt(at, true);
    return under && under->elementType() == ViewElement::Type::Stock ? under->element().name : QString();
}

void FlowTool::mousePressed(QGraphicsSceneMouseEvent *event)
{
    const QPointF pos = event->scenePos();
    event->accept();
    if (m_state == State::Clicking) {
        // Drawing bend by bend: a click on another stock ends the pipe there, any other click
        // adds a bend.
        const QString stock = stockAt(pos);
        if (!stock.isEmpty() && canonicalName(stock) == canonicalName(m_fromStock))
            emit scene()->statusMessage(DiagramScene::tr("A flow needs two different ends."));
        else if (!stock.isEmpty())
            finishPath(stock, event->modifiers());
        else
            addBend(pos);
        return;
    }
    m_pressPos = pos;
    m_fromStock = stockAt(pos);
    m_state = State::Dragging;
    delete m_line;
    m_line = new QGraphicsLineItem(QLineF(pos, pos));
    m_line->setPen(previewPen());
    m_line->setZValue(1000);
    scene()->addItem(m_line);
}

bool FlowTool::mouseMoved(QGraphicsSceneMouseEvent *event)
{
    switch (m_state) {
    case State::Idle:
        return false;
    case State::Dragging:
        if (m_line)
            m_line->setLine(QLineF(m_line->line().p1(), event->scenePos()));
        return true;
    case State::Clicking:
        showPath(event->scenePos());
        return true;
    }
    return false;
}

void FlowTool::mouseReleased(QGraphicsSceneMouseEvent *event)
{
    if (m_state == State::Clicking) // its clicks act on press
        return;
    if (m_state == State::Dragging && QLineF(m_pressPos, event->scenePos()).length() < kClickDistance) {
        // A click, not a drag: the pipe is drawn click by click, with a bend at each.
        startPath();
        return;
    }
    if (m_state == State::Dragging)
        finishDrag(event->scenePos(), event->modifiers());
    deactivate();
}

bool FlowTool::mouseDoubleClicked(QGraphicsSceneMouseEvent *event)
{
    if (m_state != State::Clicking)
        return false;
    // A double-click ends a pipe drawn bend by bend in a cloud, where it was clicked.
    addBend(event->scenePos());
    if (m_path.size() >= 2)
        finishPath(QString(), event->modifiers());
    event->accept();
    return true;
}

void FlowTool::finishDrag(QPointF at, Qt::KeyboardModifiers modifiers)
{
    if (QLineF(m_pressPos, at).length() < kClickDistance)
        return;
    const QString toStock = stockAt(at);
    if (!toStock.isEmpty() && canonicalName(toStock) == canonicalName(m_fromStock)) {
        emit scene()->statusMessage(DiagramScene::tr("A flow needs two different ends."));
        return;
    }
    pushNewFlow(new AddFlowCommand(document(), scene()->snapped(m_pressPos), m_fromStock, scene()->snapped(at), toStock), modifiers);
}

// The new flow is selected, ready for its name; Shift keeps the flow tool for the next one.
void FlowTool::pushNewFlow(AddFlowCommand *command, Qt::KeyboardModifiers modifiers)
{
    const QString name = command->name();
    document()->undoStack()->push(command);
    const ElementItem *item = scene()->itemForName(name);
    placed(item ? item->uid() : -1, modifiers);
}

void FlowTool::startPath()
{
    delete m_line;
    m_line = nullptr;
    m_state = State::Clicking;
    const ElementItem *source = m_fromStock.isEmpty() ? nullptr : scene()->itemForName(m_fromStock);
    // From a stock the pipe leaves its centre's row or column; its side is found at the end.
    m_path = {source ? diagram::centre(source->element()) : scene()->snapped(m_pressPos)};
    m_pathPreview = new QGraphicsPathItem;
    m_pathPreview->setPen(previewPen());
    m_pathPreview->setZValue(1000);
    scene()->addItem(m_pathPreview);
    emit scene()->statusMessage(DiagramScene::tr("Click to bend the pipe; click a stock or double-click to end it; Esc cancels."));
}

// The next corner: straight across or straight down from the last one, whichever is nearer
// the pointer, so the pipe stays square.
static QPointF squared(QPointF last, QPointF to)
{
    return std::abs(to.x() - last.x()) >= std::abs(to.y() - last.y()) ? QPointF(to.x(), last.y()) : QPointF(last.x(), to.y());
}

void FlowTool::addBend(QPointF at)
{
    const QPointF next = squared(m_path.back(), scene()->snapped(at));
    if (QLineF(next, m_path.back()).length() >= 2)
        m_path.push_back(next);
    showPath(at);
}

void FlowTool::showPath(QPointF pointer)
{
    if (!m_pathPreview || m_path.empty())
        return;
    QPainterPath path(m_path.front());
    for (size_t i = 1; i < m_path.size(); ++i)
        path.lineTo(m_path[i]);
    path.lineTo(squared(m_path.back(), scene()->snapped(pointer)));
    m_pathPreview->setPath(path);
}

void FlowTool::finishPath(const QString &toStock, Qt::KeyboardModifiers modifiers)
{
    std::vector<QPointF> pts = m_path;
    const QString fromStock = m_fromStock;
    const ElementItem *source = fromStock.isEmpty() ? nullptr : scene()->itemForName(fromStock);
    const ElementItem *sink = toStock.isEmpty() ? nullptr : scene()->itemForName(toStock);
    AddFlowCommand *command = nullptr;
    if (pts.size() < 2 && sink) {
        // Straight from one stock to the other: routed as a drag would be.
        command = new AddFlowCommand(document(), pts.front(), fromStock, diagram::centre(sink->element()), toStock);
    } else if (pts.size() >= 2) {
        if (source)
            pts.front() = diagram::pipeEndAtBox(diagram::boxRect(source->element()), pts[1]);
        if (sink) {
            // Into the sink's nearer side, square: straight in when the last corner faces a
            // side, else with one more bend over its middle.
            const QRectF box = diagram::boxRect(sink->element());
            const QPointF last = pts.back(), c = box.center();
            if (last.y() > box.top() + 3 && last.y() < box.bottom() - 3) {
                pts.emplace_back(last.x() < c.x() ? box.left() : box.right(), last.y());
            } else if (last.x() > box.left() + 3 && last.x() < box.right() - 3) {
                pts.emplace_back(last.x(), last.y() < c.y() ? box.top() : box.bottom());
            } else {
                pts.emplace_back(c.x(), last.y());
                pts.emplace_back(c.x(), last.y() < c.y() ? box.top() : box.bottom());
            }
        }
        pts = diagram::simplifyFlow(pts);
        if (pts.size() >= 2 && QLineF(pts.front(), pts.back()).length() >= kClickDistance)
            command = new AddFlowCommand(document(), pts, fromStock, toStock);
    }
    deactivate();
    if (command)
        pushNewFlow(command, modifiers);
}

} // namespace meadows
