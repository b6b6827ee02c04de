#include "bendflow.h"

#include "diagram/diagramgeometry.h"
#include "model/names.h"

#include <QCoreApplication>

namespace meadows {

BendFlowCommand::BendFlowCommand(Document *document, int flowUid, const std::vector<QPointF> &points, int dragId)
    : GeometryChangeCommand(document, dragId, QString())
{
    ViewElement e = current(flowUid);
    if (!e.uid || e.type != ViewElement::Type::Flow || points.size() < 2)
        return;
    double fraction = 0.5;
    diagram::nearestOnPolyline(diagram::flowPoints(e), diagram::centre(e), &fraction);
    diagram::setFlowPoints(e, points);
    const QPointF valve = diagram::pointAtFraction(points, fraction);
    e.x = valve.x();
    e.y = valve.y();
    change(e);
    setText(QCoreApplication::translate("BendFlowCommand", "Reshape %1").arg(displayName(e.name)));
}

} // namespace meadows
