#include "stockitem.h"

#include "diagramgeometry.h"
#include "diagramstyle.h"

#include <QPainter>

namespace meadows {

QPainterPath StockItem::body() const
{
    const double w = m_element.width.value_or(diagram::kStockWidth);
    const double h = m_element.height.value_or(diagram::kStockHeight);
    QPainterPath p;
    p.addRoundedRect(QRectF(-w / 2, -h / 2, w, h), 2, 2);
    return p;
}

void StockItem::paintBody(QPainter *painter) const
{
    const DiagramStyle &s = DiagramStyle::current();
    painter->setPen(QPen(s.stockBorder, 1.5));
    painter->setBrush(s.stockFill);
    painter->drawPath(body());
}

} // namespace meadows
