#pragma once
// Where each loop's label sits: inside the curve the loop's connectors draw, at its centre
// unless something is drawn there, clear of names, stocks, pipes, connectors and the other
// labels.
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>

namespace meadows {

class DiagramScene;
class LoopLabelItem;

class LoopLabelLayout {
public:
    explicit LoopLabelLayout(DiagramScene *scene) : m_scene(scene) {}
    // Places the labels in order, each clear of those before it; a loop drawn with fewer
    // than two points on the diagram hides its label.
    void place(const QList<LoopLabelItem *> &labels);

private:
    QPointF freeSpotNear(const LoopLabelItem *label, QPointF centre, const QPolygonF &outline) const;

    DiagramScene *m_scene;
    QList<QRectF> m_placed; // the labels placed so far
};

} // namespace meadows
