#include "textitem.h"

#include "diagramstyle.h"
#include "elementlook.h"

#include <QFontMetricsF>
#include <QPainter>

namespace meadows {

void TextItem::setElement(const ViewElement &element)
{
    ElementItem::setElement(element);
    setPos(element.x.value_or(0), element.y.value_or(0));
    const double w = element.width.value_or(160);
    const QFontMetricsF metrics(labelFont(m_style));
    // Measured as paint() draws it: inside a 4-pixel margin.
    const QRectF text = metrics.boundingRect(QRectF(0, 0, w - 8, 1e4), Qt::TextWordWrap, element.text);
    // At least as tall as its text: a file's height that would clip the last line grows; and
    // as wide as its widest word, which no wrap can break (World3's heading "Demographics",
    // in a box sized for Vensim's narrower font, had been cut to "Demographic").
    const double h = std::max(element.height.value_or(0), text.height() + 8);
    prepareGeometryChange();
    // Text boxes are placed by their top-left corner in Stella's files.
    m_rect = QRectF(0, 0, std::max(w, text.width() + 8), h);
}

QPainterPath TextItem::shape() const
{
    QPainterPath p;
    p.addRect(m_rect);
    return p;
}

QRectF TextItem::resizeHandleRect() const
{
    return QRectF(m_rect.right() - 3, m_rect.bottom() - 3, 7, 7);
}

void TextItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const DiagramStyle &s = DiagramStyle::current();
    // The file's fill and frame first (a Vensim comment may have both; XMILE's text boxes
    // have a frame only when their border_style says so), then the selection over them.
    if (!m_style.background.isEmpty() || m_style.hasBorder()) {
        painter->setPen(m_style.hasBorder() ? QPen(lineColor(m_style.borderColor, s.text), 1) : QPen(Qt::NoPen));
        painter->setBrush(m_style.background.isEmpty() ? QBrush(Qt::NoBrush) : QBrush(fillColor(m_style.background, s.background)));
        painter->drawRect(m_rect);
    }
    if (isSelected() || isHovered()) {
        painter->setPen(QPen(isSelected() ? s.selection : s.hover, 1, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(m_rect);
    }
    painter->setFont(labelFont(m_style));
    painter->setPen(lineColor(m_style.fontColor, s.text));
    painter->drawText(m_rect.adjusted(4, 4, -4, -4), Qt::TextWordWrap, m_element.text);
    paintResizeHandle(painter);
}

} // namespace meadows
