#pragma once
// A feedback loop's label: "R1" or "B1" inside a circular arrow turning the way the loop
// runs, placed at the loop's centre. Loop analysis (solver/analysis) supplies the loops;
// the scene keeps the labels where the loops are as variables move.
#include "diagram/loopmarkers.h" // LoopMark, kLabelledLoops

#include <QGraphicsItem>
#include <QStringList>
#include <cstddef>

namespace meadows {

class LoopLabelItem : public QGraphicsItem {
public:
    explicit LoopLabelItem(const LoopMark &mark);
    const LoopMark &mark() const { return m_mark; }
    // Clockwise on screen (y down), so the arrow turns the way the loop runs.
    void setClockwise(bool clockwise);
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    LoopMark m_mark;
    bool m_clockwise = true;
    bool m_highlighted = false;
};

} // namespace meadows
