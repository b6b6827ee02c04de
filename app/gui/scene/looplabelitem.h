#pragma once
// A feedback loop's label: "R1" or "B1" inside a circular arrow turning the way the loop
// runs, placed at the loop's centre. Loop analysis (solver/analysis) supplies the loops;
// the scene keeps the labels where the loops are as variables move.
#include <QGraphicsItem>
#include <QStringList>
#include <cstddef>

namespace meadows {

// The diagram labels this many loops, the shortest first (more would bury the diagram).
inline constexpr std::size_t kLabelledLoops = 12;

struct LoopMark {
    QString label;       // "R1", "B2", "?3"
    QStringList variables; // in loop order: each informs the next, the last the first
};

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
