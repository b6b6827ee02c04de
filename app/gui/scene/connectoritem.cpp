#include "connectoritem.h"

#include "commands/bendconnector.h"
#include "diagramstyle.h"
#include "elementlook.h"

#include <QLineF>
#include <QPainter>

namespace meadows {

static constexpr double kHandleRadius = 4.5;

ConnectorItem::ConnectorItem(int uid) : ElementItem(uid)
{
    setZValue(-1); // under the variables it joins
}

void ConnectorItem::setElement(const ViewElement &element)
{
    ElementItem::setElement(element);
    m_delay = hasDelayMark(element);
}

void ConnectorItem::setCurve(const ConnectorCurve &curve)
{
    prepareGeometryChange();
    m_curve = curve;
    setVisible(curve.valid);
    update();
}

void ConnectorItem::setEmphasis(bool emphasis)
{
    m_emphasis = emphasis;
    update();
}

bool ConnectorItem::isOnBendHandle(QPointF scenePos) const
{
    return isSelected() && m_curve.valid && QLineF(scenePos, m_curve.middle).length() <= kHandleRadius + 3;
}

bool ConnectorItem::isOnPolaritySign(QPointF scenePos) const
{
    return m_curve.valid && !m_element.polarity.isEmpty()
           && diagram::polaritySignBox(m_curve.signCentre).adjusted(-2, -2, 2, 2).contains(scenePos);
}

QRectF ConnectorItem::boundingRect() const
{
    return m_curve.path.boundingRect().adjusted(-14, -14, 14, 14);
}

QPainterPath ConnectorItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath p = stroker.createStroke(m_curve.path);
    if (!m_element.polarity.isEmpty())
        p.addRect(diagram::polaritySignBox(m_curve.signCentre).adjusted(-2, -2, 2, 2));
    if (isSelected())
        p.addEllipse(m_curve.middle, kHandleRadius + 3, kHandleRadius + 3);
    return p;
}

void ConnectorItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (!m_curve.valid)
        return;
    const DiagramStyle &s = DiagramStyle::current();
    const QColor colour = lineColor(m_style.color, s.connector);
    painter->setRenderHint(QPainter::Antialiasing);
    if (isSelected() || isHovered() || m_emphasis) {
        QColor c = m_emphasis ? colour : isSelected() ? s.selection : s.hover;
        c.setAlpha(m_emphasis ? 70 : isSelected() ? 90 : 60);
        painter->setPen(QPen(c, 6, Qt::SolidLine, Qt::RoundCap));
        painter->setBrush(Qt::NoBrush); // the view does not restore painter state between items
        painter->drawPath(m_curve.path);
    }
    const QPointF dir = m_curve.endDirection;
    const QPointF normal(-dir.y(), dir.x());
    const QPointF tip = m_curve.end;
    const QPointF base = tip - dir * 8;
    painter->setPen(QPen(colour, m_emphasis ? 2 : 1.2));
    painter->setBrush(Qt::NoBrush);
    // Stop the line inside the arrowhead so its point stays sharp.
    QPainterPath line = m_curve.path;
    painter->drawPath(line);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(QPolygonF{tip, base + normal * 3.5, base - normal * 3.5});

    if (!m_element.polarity.isEmpty()) {
        painter->setFont(s.font);
        painter->setPen(colour);
        const QPointF at = m_curve.signCentre;
        const QString mark = m_element.polarity == QLatin1String("-") ? QStringLiteral("−") : m_element.polarity;
        painter->drawText(QRectF(at.x() - 8, at.y() - 8, 16, 16), Qt::AlignCenter, mark);
    }
    if (m_delay) {
        const QPointF d = m_curve.middleDirection;
        const QPointF n(-d.y(), d.x());
        painter->setPen(QPen(colour, 1.4));
        for (double offset : {-2.0, 2.0}) {
            const QPointF c = m_curve.middle + d * offset;
            painter->drawLine(c - n * 6, c + n * 6);
        }
    }
    if (isSelected()) {
        painter->setPen(QPen(s.selection, 1.2));
        painter->setBrush(s.background);
        painter->drawEllipse(m_curve.middle, kHandleRadius, kHandleRadius);
    }
}

} // namespace meadows
