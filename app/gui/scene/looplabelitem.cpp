#include "looplabelitem.h"

#include "diagramstyle.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>
#include <numbers>

namespace meadows {

static constexpr double kRadius = diagram::kMarkerRadius;

LoopLabelItem::LoopLabelItem(const LoopMark &mark) : m_mark(mark)
{
    setZValue(-2);
    setToolTip(mark.variables.join(QStringLiteral(" → ")));
}

void LoopLabelItem::setClockwise(bool clockwise)
{
    m_clockwise = clockwise;
    update();
}

void LoopLabelItem::setHighlighted(bool highlighted)
{
    m_highlighted = highlighted;
    update();
}

QRectF LoopLabelItem::boundingRect() const
{
    return QRectF(-kRadius - 6, -kRadius - 6, 2 * kRadius + 12, 2 * kRadius + 12);
}

void LoopLabelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const DiagramStyle &s = DiagramStyle::current();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = m_highlighted ? s.selection : s.text;
    painter->setPen(QPen(colour, m_highlighted ? 2 : 1.3));
    painter->setBrush(Qt::NoBrush);
    // Qt's angles run counter-clockwise on screen: a negative span turns clockwise.
    const QRectF circle(-kRadius, -kRadius, 2 * kRadius, 2 * kRadius);
    // The arc ends on a diagonal (135 degrees clockwise, 45 anticlockwise), where the ring
    // leaves the corner of its square empty: the arrowhead stays within 1 px of the square
    // (diagram::kMarkerReach), which is all the room a loop must leave for the marker.
    const double start = m_clockwise ? 75 : 105, span = m_clockwise ? -300 : 300;
    QPainterPath arc;
    arc.arcMoveTo(circle, start);
    arc.arcTo(circle, start, span);
    painter->drawPath(arc);
    // Arrowhead at the arc's end, pointing along it.
    const double end = (start + span) * std::numbers::pi / 180;
    const QPointF tip(kRadius * std::cos(end), -kRadius * std::sin(end));
    const double turn = m_clockwise ? -1 : 1;
    const QPointF along(-std::sin(end) * turn, -std::cos(end) * turn);
    const QPointF normal(-along.y(), along.x());
    painter->setBrush(colour);
    painter->setPen(Qt::NoPen);
    painter->drawPolygon(QPolygonF{tip + along * 5, tip - along * 2 + normal * 4, tip - along * 2 - normal * 4});
    QFont f = s.font;
    f.setBold(true);
    painter->setFont(f);
    painter->setPen(colour);
    painter->drawText(circle, Qt::AlignCenter, m_mark.label);
}

} // namespace meadows
