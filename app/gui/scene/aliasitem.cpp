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

bool AliasItem::nameOnly() const
{
    return drawnAsName(m_element); // a shadow of a flow too: Vensim writes <name>
}

QString AliasItem::labelText() const
{
    const QString name = diagramLabel(m_element.aliasOf);
    return nameOnly() ? QLatin1Char('<') + name + QLatin1Char('>') : name;
}

QPainterPath AliasItem::body() const
{
    QPainterPath p;
    if (nameOnly()) { // connectors attach to a box around the name
        const QSizeF r = labelSize(labelText());
        p.addRect(QRectF(-r.width() / 2 - 2, -r.height() / 2 - 1, r.width() + 4, r.height() + 2));
        return p;
    }
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
    if (nameOnly())
        return;
    const DiagramStyle &s = DiagramStyle::current();
    // Dashed, in the colours of what it stands for (the scene styles a ghost as its original).
    painter->setPen(QPen(lineColor(m_style.color, s.alias), 1.2, Qt::DashLine));
    painter->setBrush(fillColor(m_style.background, s.auxFill));
    painter->drawPath(body());
}

} // namespace meadows
