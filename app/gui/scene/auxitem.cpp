#include "auxitem.h"

#include "commands/addvariable.h"
#include "diagram/diagramgeometry.h"
#include "diagramstyle.h"
#include "elementlook.h"

#include <QFontMetricsF>
#include <QPainter>

namespace meadows {

void AuxItem::setElement(const ViewElement &element)
{
    // A causal-loop factor, and a variable from Vensim, are drawn as their name alone.
    m_cld = isCldVariable(element) || drawnAsName(element);
    VariableItem::setElement(element);
}

void AuxItem::setConstant(bool constant)
{
    if (constant == m_constant)
        return;
    m_constant = constant;
    update();
}

void AuxItem::setGraphical(bool graphical)
{
    if (graphical == m_graphical)
        return;
    m_graphical = graphical;
    update();
}

QPainterPath AuxItem::body() const
{
    QPainterPath p;
    if (m_cld) {
        // The name is the element: connectors attach to a box around it.
        const QSizeF r = labelSize(diagramLabel(m_element.name));
        p.addRoundedRect(QRectF(-r.width() / 2 - 4, -r.height() / 2 - 2, r.width() + 8, r.height() + 4), 4, 4);
        return p;
    }
    const double r = m_element.width ? *m_element.width / 2 : diagram::kAuxRadius;
    p.addEllipse(QPointF(0, 0), r, r);
    return p;
}

void AuxItem::paintBody(QPainter *painter) const
{
    if (m_cld)
        return;
    const DiagramStyle &s = DiagramStyle::current();
    const QColor border = lineColor(m_style.color, s.auxBorder);
    painter->setPen(QPen(border, 1.3));
    painter->setBrush(fillColor(m_style.background, s.auxFill));
    painter->drawPath(body());
    if (m_graphical) {
        QPainterPath wave;
        wave.moveTo(-5, 1);
        wave.cubicTo(-2.5, -4, -0.5, -4, 0, 0);
        wave.cubicTo(0.5, 4, 2.5, 4, 5, -1);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(wave);
    } else if (m_constant) {
        // A dot in the middle tells constants (future sliders) from computed variables.
        painter->setPen(Qt::NoPen);
        painter->setBrush(border);
        painter->drawEllipse(QPointF(0, 0), 1.6, 1.6);
    }
}

} // namespace meadows
