#pragma once
// Draws a flow: a drag from a stock or empty space to another stock or empty space; or, after
// a click, a pipe drawn click by click with a square bend at each, ended on a stock or by a
// double-click in a cloud.
#include "diagramtool.h"

#include <QString>
#include <vector>

class QGraphicsLineItem;
class QGraphicsPathItem;

namespace meadows {

class AddFlowCommand;

class FlowTool : public DiagramTool {
public:
    using DiagramTool::DiagramTool;
    ~FlowTool() override;
    void deactivate() override;
    void mousePressed(QGraphicsSceneMouseEvent *event) override;
    bool mouseMoved(QGraphicsSceneMouseEvent *event) override;
    void mouseReleased(QGraphicsSceneMouseEvent *event) override;
    bool mouseDoubleClicked(QGraphicsSceneMouseEvent *event) override;

private:
    enum class State { Idle, Dragging, Clicking };

    void finishDrag(QPointF at, Qt::KeyboardModifiers modifiers);
    void pushNewFlow(AddFlowCommand *command, Qt::KeyboardModifiers modifiers);
    void startPath();
    void addBend(QPointF at);
    void showPath(QPointF pointer);
    void finishPath(const QString &toStock, Qt::KeyboardModifiers modifiers);
    QString stockAt(QPointF at) const;

    State m_state = State::Idle;
    QPointF m_pressPos;
    QString m_fromStock;                      // the stock the flow leaves; empty: a cloud
    QGraphicsLineItem *m_line = nullptr;      // the preview of a dragged flow
    std::vector<QPointF> m_path;              // a pipe drawn click by click: its points so far
    QGraphicsPathItem *m_pathPreview = nullptr;
};

} // namespace meadows
