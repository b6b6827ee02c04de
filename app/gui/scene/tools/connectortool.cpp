#include "connectortool.h"

#include "commands/addconnector.h"
#include "diagram/connectorpath.h"
#include "document.h"
#include "scene/diagramscene.h"
#include "scene/elementitem.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QPen>
#include <QUndoStack>

namespace meadows {

ConnectorTool::~ConnectorTool()
{
    deactivate();
}

void ConnectorTool::deactivate()
{
    m_fromUid = -1;
    delete m_line;
    m_line = nullptr;
}

void ConnectorTool::elementRemoved(int uid)
{
    if (uid == m_fromUid)
        deactivate();
}

void ConnectorTool::mousePressed(QGraphicsSceneMouseEvent *event)
{
    if (const ElementItem *under = scene()->elementAt(event->scenePos(), true)) {
        m_fromUid = under->uid();
        delete m_line;
        m_line = new QGraphicsLineItem(QLineF(under->anchorCentre(), under->anchorCentre()));
        m_line->setPen(previewPen());
        m_line->setZValue(1000);
        scene()->addItem(m_line);
    }
    event->accept();
}

bool ConnectorTool::mouseMoved(QGraphicsSceneMouseEvent *event)
{
    if (m_fromUid < 0)
        return false;
    if (m_line)
        m_line->setLine(QLineF(m_line->line().p1(), event->scenePos()));
    return true;
}

void ConnectorTool::mouseReleased(QGraphicsSceneMouseEvent *event)
{
    if (m_fromUid >= 0)
        finish(event->scenePos(), event->modifiers());
    deactivate();
}

void ConnectorTool::finish(QPointF at, Qt::KeyboardModifiers modifiers)
{
    const ElementItem *from = scene()->itemForUid(m_fromUid);
    const ElementItem *to = scene()->elementAt(at, true);
    if (!from || !to || to == from)
        return;
    if (to->elementType() == ViewElement::Type::Stock) {
        emit scene()->statusMessage(DiagramScene::tr("A stock changes only through its flows; connect to one of its flows instead."));
        return;
    }
    if (to->elementType() == ViewElement::Type::Alias) {
        emit scene()->statusMessage(DiagramScene::tr("Connect to the variable itself, not to its alias."));
        return;
    }
    const auto endOf = [](const ElementItem *item) {
        ConnectorEnd end;
        if (item->elementType() == ViewElement::Type::Alias)
            end.aliasUid = item->uid();
        else
            end.name = item->element().name;
        return end;
    };
    auto *command = new AddConnectorCommand(document(), endOf(from), endOf(to), straightAngle(from->anchorCentre(), to->anchorCentre()));
    const int uid = command->uid();
    document()->undoStack()->push(command);
    placed(uid, modifiers);
}

} // namespace meadows
