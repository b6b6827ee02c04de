#pragma once
// Draws a connector: a drag from a variable to one it informs.
#include "diagramtool.h"

class QGraphicsLineItem;

namespace meadows {

class ElementItem;

class ConnectorTool : public DiagramTool {
public:
    using DiagramTool::DiagramTool;
    ~ConnectorTool() override;
    void deactivate() override;
    void mousePressed(QGraphicsSceneMouseEvent *event) override;
    bool mouseMoved(QGraphicsSceneMouseEvent *event) override;
    void mouseReleased(QGraphicsSceneMouseEvent *event) override;
    void elementRemoved(int uid) override;

private:
    void finish(QPointF at, Qt::KeyboardModifiers modifiers);
    // The take-off angle of a new link from `from` to `to`: straight, or bowed away from a
    // link already drawn between the two so that they never lie on top of each other.
    double newLinkAngle(ElementItem *from, ElementItem *to) const;

    int m_fromUid = -1;                   // the element the drag started on
    QGraphicsLineItem *m_line = nullptr;  // the preview while dragging
};

} // namespace meadows
