#pragma once
// Where each loop's label sits: inside the curve the loop's connectors draw, at its centre
// unless something is drawn there, clear of names, stocks, pipes, connectors and the other
// labels; smaller in a loop too thin for the full-size marker.
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
    // The marker's sizes tried, largest first: a thin loop gets a smaller marker inside it
    // rather than a full one outside it or on its line.
    static constexpr double kMarkerScales[] = {1, 0.8, 0.65};
    struct Spot {
        QPointF at;
        double cost = 0; // 0: inside the loop and clear of everything
    };
    Spot freeSpotNear(const LoopLabelItem *label, QPointF centre, const QPolygonF &outline, double scale) const;

    DiagramScene *m_scene;
    QList<QRectF> m_placed; // the labels placed so far
};

} // namespace meadows
