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

void ElementItem::setProblem(const QString &message, bool quiet)
{
    if (message == m_problem && quiet == m_quietProblem)
        return;
    m_problem = message;
    m_quietProblem = quiet;
    setToolTip(message);
    update();
}

void ElementItem::paintLabel(QPainter *painter, const QRectF &rect, const QString &label) const
{
    const DiagramStyle &s = DiagramStyle::current();
    QFont font = s.font;
    // Work still to do reads as a draft: grey and slanted, the tooltip says what is missing.
    font.setItalic(needsWork());
    painter->setFont(font);
    painter->setPen(hasProblem() ? s.error : needsWork() ? s.cloud : s.text);
    painter->drawText(rect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, label);
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
