#include "elementitem.h"

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
