#include "connectorends.h"

#include "elementitem.h"

namespace meadows {

ConnectorEndShape connectorEndShape(const ViewElement &connector, const ElementItem &item, bool atTarget, bool atName)
{
    const QRectF name = item.labelSceneRect();
    if (atName && connectorAtFlowName(connector, atTarget) && item.elementType() == ViewElement::Type::Flow && !name.isEmpty()) {
        QPainterPath box;
        box.addRect(name);
        return {name.center(), box};
    }
    return {item.anchorCentre(), item.anchorOutline()};
}

} // namespace meadows
