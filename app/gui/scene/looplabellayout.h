#pragma once
// Where each loop's label sits: inside the closed outline the loop's connectors and pipes
// draw, at the roomiest spot there, clear of names, bodies, pipes, connectors, signs and
// the other labels, at the largest size that fits (diagram/loopmarkers.h); smaller in a
// thin loop. Where no spot inside is free (a loop the user drew too thin), the nearest free
// spot just outside.
#include <QList>
#include <QPointF>
#include <QRectF>
#include <vector>

namespace meadows {

namespace diagram {
struct MarkerObstacles;
}
class DiagramScene;
class LoopLabelItem;

class LoopLabelLayout {
public:
    explicit LoopLabelLayout(DiagramScene *scene) : m_scene(scene) {}
    // Places the labels in order, each clear of those before it; a loop drawn with fewer
    // than two points on the diagram hides its label.
    void place(const QList<LoopLabelItem *> &labels);

private:
    struct Spot {
        QPointF at;
        double cost = 0; // 0: inside the loop and clear of everything
    };
    // The loop's closed outline: each step's connector curve, or the pipe from a flow's
    // valve to the stock it fills or drains, or else the variable's centre.
    std::vector<QPointF> outlineOf(const LoopLabelItem *label) const;
    diagram::MarkerObstacles obstaclesNear(const QRectF &area) const;
    Spot freeSpotNear(const LoopLabelItem *label, QPointF centre, const std::vector<QPointF> &outline, double scale) const;

    DiagramScene *m_scene;
    QList<QRectF> m_placed; // the labels placed so far
};

} // namespace meadows
