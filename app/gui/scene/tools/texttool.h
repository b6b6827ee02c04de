#pragma once
// Places a text annotation where the diagram is clicked, ready for its words.
#include "diagramtool.h"

namespace meadows {

class TextTool : public DiagramTool {
public:
    using DiagramTool::DiagramTool;
    void mousePressed(QGraphicsSceneMouseEvent *event) override;
};

} // namespace meadows
