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

    // The stored pipe (scene coordinates) and the stocks at its ends, for reshaping it.
    std::vector<QPointF> points() const;
    std::optional<QRectF> sourceBox() const { return m_source; }
    std::optional<QRectF> sinkBox() const { return m_sink; }
    // A bend's handle under a scene point while selected (its index in points()), or -1.
    int cornerAt(QPointF scenePos) const;
    // The pipe's segment under a scene point, or -1.
    int segmentAt(QPointF scenePos) const;
    bool isOnValve(QPointF scenePos) const;

private:
    void layout();

    std::optional<QRectF> m_source, m_sink;
    QPolygonF m_pipe; // item coordinates, ends cut at the stocks' edges
    std::optional<QPointF> m_sourceCloud, m_sinkCloud; // item coordinates
    QRectF m_labelRect;
    QString m_label;
};

} // namespace meadows
