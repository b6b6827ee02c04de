#include "aliasitem.h"

#include "diagram/diagramgeometry.h"
#include "diagramstyle.h"

#include <QPainter>

namespace meadows {

void AliasItem::setOriginalKind(ViewElement::Type kind)
{
    if (kind == m_kind)
        return;
    prepareGeometryChange();
    m_kind = kind;
    setElement(m_element);
}

QPainterPath AliasItem::body() const
{
    QPainterPath p;
    if (m_kind == ViewElement::Type::Stock)
        p.addRect(QRectF(-diagram::kStockWidth / 2, -diagram::kStockHeight / 2, diagram::kStockWidth, diagram::kStockHeight));
    else if (m_kind == ViewElement::Type::Flow)
        p.addEllipse(QPointF(0, 0), diagram::kValveRadius, diagram::kValveRadius);
    else
        p.addEllipse(QPointF(0, 0), diagram::kAuxRadius, diagram::kAuxRadius);
    return p;
}

void AliasItem::paintBody(QPainter *painter) const
{
    const DiagramStyle &s = DiagramStyle::current();
    painter->setPen(QPen(s.alias, 1.2, Qt::DashLine));
    painter->setBrush(s.auxFill);
    painter->drawPath(body());
}

} // namespace meadows
