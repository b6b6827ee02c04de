#pragma once
// Reshapes a flow's pipe: new points (a moved corner or segment, an added bend). The valve
// stays the same share of the way along the pipe. Steps of one drag merge into one undo step.
#include "geometrychange.h"

#include <QPointF>
#include <vector>

namespace meadows {

class BendFlowCommand : public GeometryChangeCommand {
public:
    BendFlowCommand(Document *document, int flowUid, const std::vector<QPointF> &points, int dragId = 0);
};

} // namespace meadows
