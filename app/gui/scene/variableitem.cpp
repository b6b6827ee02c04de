#include "variableitem.h"

#include "diagramstyle.h"
#include "elementlook.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace meadows {

VariableItem::VariableItem(int uid) : ElementItem(uid)
{
    // Shapes and labels are costly to draw compared to moving a cached pixmap.
    setCacheMode(DeviceCoordinateCache);
}

QString VariableItem::labelText() const
{
    return diagramLabel(m_element.name);
}

void VariableItem::setElement(const ViewElement &element)
{
    ElementItem::setElement(element);
    setPos(element.x.value_or(0), element.y.value_or(0));
    layoutLabel();
}

QRectF VariableItem::resizeHandleRect() const
{
    const QPointF corner = body().boundingRect().bottomRight();
    return QRectF(corner.x() - 3, corner.y() - 3, 7, 7);
}

void VariableItem::setArrayed(bool arrayed)
{
    if (arrayed == m_arrayed)
        return;
    prepareGeometryChange();
    m_arrayed = arrayed;
    update();
}

void VariableItem::layoutLabel()
{
    prepareGeometryChange();
    m_label = labelText();
    const QString side = m_element.labelSide.isEmpty() ? defaultLabelSide() : m_element.labelSide;
    const QRectF box = body().boundingRect();
    // A name written in its box (a Vensim stock's) wraps at the box, as resized: World3's
    // "Urban and Industrial Land" had taken four lines of a box wide enough for two. Never
    // narrower than the editor's width: a small box (Stella's 45) would stack it word by word.
    const bool inBox = !labelInside() && side == QLatin1String("center") && !labelWrapWidth(m_element);
    m_labelRect = diagram::labelRectBeside(box, labelInside() ? QStringLiteral("center") : side,
                                           inBox ? DiagramStyle::labelSizeIn(m_label, labelFont(m_style), std::max(diagram::kLabelWidth, box.width() - 6))
                                                 : labelSize(m_label));
}

QRectF VariableItem::boundingRect() const
{
    return body().boundingRect().adjusted(-4, -4, 8, 8).united(m_labelRect.adjusted(-2, -2, 2, 2));
}

QPainterPath VariableItem::shape() const
{
    QPainterPath p = body();
    p.addRect(m_labelRect);
    return p;
}

QPainterPath VariableItem::anchorOutline() const
{
    return mapToScene(body());
}

void VariableItem::paintSelection(QPainter *painter) const
{
    const DiagramStyle &s = DiagramStyle::current();
    if (!isSelected() && !isHovered())
        return;
    QColor c = isSelected() ? s.selection : s.hover;
    c.setAlpha(isSelected() ? 90 : 60);
    painter->setPen(QPen(c, 5));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(body());
}

void VariableItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const DiagramStyle &s = DiagramStyle::current();
    painter->setRenderHint(QPainter::Antialiasing);
    paintSelection(painter);
    if (m_arrayed) {
        // Two copies behind, offset down and right: "many of these".
        for (int i = 2; i >= 1; --i) {
            painter->save();
            painter->translate(3 * i, 3 * i);
            paintBody(painter);
            painter->restore();
        }
    }
    paintBody(painter);
    paintLabel(painter, m_labelRect, m_label);
    if (isSelected()) {
        QColor c = s.selection;
        c.setAlpha(40);
        painter->fillRect(m_labelRect, c);
        paintResizeHandle(painter);
    }
}

} // namespace meadows
