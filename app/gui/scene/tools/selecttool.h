#pragma once
// Select, move and reshape: a click selects (Ctrl toggles), a drag moves the movable part of
// the selection, bends a connector by its handle, resizes by the corner handle, drags a
// flow's bend or (on a selected flow) a segment of its pipe; a double-click renames.
#include "diagramtool.h"

#include <vector>

namespace meadows {

class ElementItem;

class SelectTool : public DiagramTool {
public:
    using DiagramTool::DiagramTool;
    void deactivate() override;
    void mousePressed(QGraphicsSceneMouseEvent *event) override;
    bool mouseMoved(QGraphicsSceneMouseEvent *event) override;
    void mouseReleased(QGraphicsSceneMouseEvent *event) override;
    bool mouseDoubleClicked(QGraphicsSceneMouseEvent *event) override;
    void elementRemoved(int uid) override;

private:
    enum class Drag { None, Move, Bend, Resize, FlowCorner, FlowSegment };

    void startDrag(Drag drag, int uid);
    void move(QPointF pos);
    void bend(QPointF pos);
    bool startFlowReshape(ElementItem *item, QPointF pos, Qt::KeyboardModifiers modifiers);
    void reshapeFlow(QPointF pos);
    void resizeTo(QPointF pos);

    Drag m_drag = Drag::None;
    int m_dragId = 0;                   // one undo step per drag
    int m_dragUid = -1;                 // the element pressed on
    QPointF m_pressPos;
    QPointF m_anchorStart;              // where a moved element's centre was when the drag began
    int m_dragIndex = -1;               // the corner or segment of a flow being reshaped
    std::vector<QPointF> m_dragPoints;  // that flow's pipe when the drag began
    bool m_reshaped = false;            // whether this drag changed the pipe yet
};

} // namespace meadows
