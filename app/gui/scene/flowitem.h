#pragma once
// A flow: a pipe along its points, a valve at its centre, an arrowhead where it fills,
// and a cloud at an end that reaches no stock.
#include "elementitem.h"

#include <optional>

namespace meadows {

class FlowItem : public ElementItem {
public:
    using ElementItem::ElementItem;

    void setElement(const ViewElement &element) override;
    // The stocks at either end (scene rectangles); an end without one gets a cloud.
    void setEnds(std::optional<QRectF> source, std::optional<QRectF> sink);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    QPainterPath anchorOutline() const override;
    QRectF labelSceneRect() const override { return mapRectToScene(m_labelRect); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void layout();

    std::optional<QRectF> m_source, m_sink;
    QPolygonF m_pipe; // item coordinates, ends cut at the stocks' edges
    std::optional<QPointF> m_sourceCloud, m_sinkCloud; // item coordinates
    QRectF m_labelRect;
    QString m_label;
};

} // namespace meadows
