#include "elementitem.h"

#include "diagramstyle.h"
#include "elementlook.h"

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

void ElementItem::setStyle(const ElementStyle &style)
{
    if (style == m_style)
        return;
    m_style = style;
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

QSizeF ElementItem::labelSize(const QString &label) const
{
    return DiagramStyle::labelSizeIn(label, labelFont(m_style), labelWrapWidth(m_element).value_or(diagram::kLabelWidth));
}

void ElementItem::paintLabel(QPainter *painter, const QRectF &rect, const QString &label) const
{
    const DiagramStyle &s = DiagramStyle::current();
    QFont font = labelFont(m_style);
    // Work still to do reads as a draft: grey and slanted, the tooltip says what is missing.
    if (needsWork())
        font.setItalic(true);
    painter->setFont(font);
    painter->setPen(hasProblem() ? s.error : needsWork() ? s.cloud : lineColor(m_style.fontColor, s.text));
    // A pixel of room each side: the rect is as wide as the widest line measured, and drawn
    // in exactly that width a line can wrap again by rounding, its last words then cut off
    // below the rect ("<selection matrix one nonzero per" without "column>").
    painter->drawText(rect.adjusted(-1, 0, 1, 0), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, label);
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
