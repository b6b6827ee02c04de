#pragma once
// A text annotation.
#include "elementitem.h"

namespace meadows {

class TextItem : public ElementItem {
public:
    using ElementItem::ElementItem;
    void setElement(const ViewElement &element) override;
    QRectF boundingRect() const override { return m_rect.adjusted(-1, -1, 5, 5); }
    QPainterPath shape() const override;
    bool isResizable() const override { return true; }
    QRectF resizeHandleRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF m_rect;
};

} // namespace meadows
