#include "moduleitem.h"

#include "diagram/diagramgeometry.h"
#include "diagramstyle.h"
#include "elementlook.h"

#include <QPainter>

namespace meadows {

QPainterPath ModuleItem::body() const
{
    // The size the diagram's geometry gives it, about the item's origin (its centre).
    const QRectF box = diagram::boxRect(m_element);
    QPainterPath p;
    p.addRoundedRect(box.translated(-box.center()), 8, 8);
    return p;
}

void ModuleItem::paintBody(QPainter *painter) const
{
    const DiagramStyle &s = DiagramStyle::current();
    painter->setPen(QPen(lineColor(m_style.color, s.stockBorder), 1.5));
    painter->setBrush(fillColor(m_style.background, s.stockFill));
    painter->drawPath(body());
    // Two overlapping little boxes: "a model inside".
    painter->setBrush(s.auxFill);
    painter->drawRect(QRectF(-9, -7, 12, 9));
    painter->drawRect(QRectF(-3, -2, 12, 9));
}

} // namespace meadows
