#include "connectortool.h"

#include "commands/addconnector.h"
#include "diagram/connectorpath.h"
#include "document.h"
#include "scene/diagramscene.h"
#include "scene/connectoritem.h"
#include "scene/elementitem.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QPen>
#include <QUndoStack>
#include <algorithm>
#include <cmath>

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
    ElementItem *from = scene()->itemForUid(m_fromUid);
    ElementItem *to = scene()->elementAt(at, true);
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
    auto *command = new AddConnectorCommand(document(), endOf(from), endOf(to), newLinkAngle(from, to));
    const int uid = command->uid();
    document()->undoStack()->push(command);
    placed(uid, modifiers);
}

double ConnectorTool::newLinkAngle(ElementItem *from, ElementItem *to) const
{
    constexpr double kBow = 30; // degrees off straight: the arcs' middles some 20 px apart at 150 px
    const double straight = straightAngle(from->anchorCentre(), to->anchorCentre());
    for (QGraphicsItem *item : scene()->items()) {
        const auto *other = dynamic_cast<const ConnectorItem *>(item);
        if (!other)
            continue;
        const ElementItem *a = scene()->itemAtEnd(other->element().from);
        const ElementItem *b = scene()->itemAtEnd(other->element().to);
        const bool reciprocal = a == to && b == from;
        if (!reciprocal && !(a == from && b == to))
            continue;
        // A positive offset bows an arc to the left of its way: a link back bows the same
        // way round as the one there (and so to the other side), a repeated link the other.
        const double itsStraight = straightAngle(a->anchorCentre(), b->anchorCentre());
        const double offset = std::remainder(other->element().angle.value_or(itsStraight) - itsStraight, 360.0);
        const double bow = std::max(kBow, std::abs(offset)) * (offset < 0 ? -1 : 1);
        return straight + (reciprocal ? bow : -bow);
    }
    return straight;
}

} // namespace meadows
