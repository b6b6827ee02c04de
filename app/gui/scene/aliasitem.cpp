#include "aliasitem.h"

#include "diagram/diagramgeometry.h"
#include "diagramstyle.h"
#include "elementlook.h"

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
    // Dashed, in the colours of what it stands for (the scene styles a ghost as its original).
    painter->setPen(QPen(lineColor(m_style.color, s.alias), 1.2, Qt::DashLine));
    painter->setBrush(fillColor(m_style.background, s.auxFill));
    painter->drawPath(body());
}

} // namespace meadows
