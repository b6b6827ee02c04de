#include "elementitem.h"

#include "diagramstyle.h"

#include <QPainter>

namespace meadows {

ElementItem::ElementItem(int uid) : m_uid(uid)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
}

void ElementItem::setElement(const ViewElement &element)
{
    prepareGeometryChange();
    m_element = element;
    update();
}

bool ElementItem::isOnResizeHandle(QPointF scenePos) const
{
    return isResizable() && isSelected() && resizeHandleRect().adjusted(-3, -3, 3, 3).contains(mapFromScene(scenePos));
}

void ElementItem::paintResizeHandle(QPainter *painter) const
{
    if (!isResizable() || !isSelected())
        return;
    const DiagramStyle &s = DiagramStyle::current();
    painter->setPen(QPen(s.selection, 1));
    painter->setBrush(s.background);
    painter->drawRect(resizeHandleRect());
}

void ElementItem::setProblem(const QString &message)
{
    if (message == m_problem)
        return;
    m_problem = message;
    setToolTip(message);
    update();
}

void ElementItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    update();
}

void ElementItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
}

} // namespace meadows
