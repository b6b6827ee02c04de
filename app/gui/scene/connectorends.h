#pragma once
// Where a connector attaches at each end, for the scene that draws it and the tool that bends
// it: the element's anchor, or a flow's name where Vensim's sketch drew the arrow to the name
// (model/view.h connectorAtFlowName), not through it to the valve.
#include "model/view.h"

#include <QPainterPath>
#include <QPointF>

namespace meadows {

class ElementItem;

struct ConnectorEndShape {
    QPointF centre;       // what the curve aims at, in scene coordinates
    QPainterPath outline; // where it is cut
};

// `atName` false: the element's anchor whatever the connector says (the fallback when no
// curve fits between the names).
ConnectorEndShape connectorEndShape(const ViewElement &connector, const ElementItem &item, bool atTarget, bool atName = true);

} // namespace meadows
