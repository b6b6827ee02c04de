#include "connectorpath.h"

namespace meadows {

ConnectorCurve connectorCurve(QPointF from, const QPainterPath &fromOutline, QPointF to, const QPainterPath &toOutline,
                              std::optional<double> angle)
{
    const auto outline = [](const QPainterPath &path) -> diagram::Outline {
        if (path.isEmpty())
            return {};
        return [&path](QPointF p) { return path.contains(p); };
    };
    const diagram::ConnectorArc arc = diagram::connectorArc(from, outline(fromOutline), to, outline(toOutline), angle);
    ConnectorCurve out;
    if (!arc.valid)
        return out;
    out.path.moveTo(arc.points.front());
    for (std::size_t i = 1; i < arc.points.size(); ++i)
        out.path.lineTo(arc.points[i]);
    out.start = arc.start;
    out.end = arc.end;
    out.endDirection = arc.endDirection;
    out.middle = arc.middle;
    out.middleDirection = arc.middleDirection;
    out.signCentre = diagram::polaritySignCentre(arc.end, arc.endDirection);
    out.valid = true;
    return out;
}

} // namespace meadows
