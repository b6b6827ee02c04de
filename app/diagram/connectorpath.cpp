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
    ConnectorCurve out;
    static_cast<diagram::ConnectorArc &>(out) = diagram::connectorArc(from, outline(fromOutline), to, outline(toOutline), angle);
    if (!out.valid)
        return out;
    out.path.moveTo(out.points.front());
    for (std::size_t i = 1; i < out.points.size(); ++i)
        out.path.lineTo(out.points[i]);
    return out;
}

} // namespace meadows
