#pragma once
// The curve of a connector. XMILE stores only the take-off angle at the source; the
// connector is the circular arc that leaves the source centre at that angle and reaches
// the target centre, cut where it leaves the source's outline and enters the target's.
#include <QPainterPath>
#include <QPointF>
#include <optional>

namespace meadows {

struct ConnectorCurve {
    QPainterPath path;     // from the source outline to the target outline
    QPointF start, end;    // on the outlines
    QPointF endDirection;  // unit tangent at the end (for the arrowhead)
    QPointF middle;        // halfway along (the bend handle, the delay mark)
    QPointF middleDirection;
    bool valid = false;
};

// angle: degrees counter-clockwise from the positive x axis (screen y points down); no
// angle draws a straight line. Outlines are in the same (scene) coordinates.
ConnectorCurve connectorCurve(QPointF from, const QPainterPath &fromOutline, QPointF to, const QPainterPath &toOutline,
                              std::optional<double> angle);

// The take-off angle of the arc from `from` through `via` to `to`.
double angleThrough(QPointF from, QPointF via, QPointF to);
// The take-off angle of a straight connector.
double straightAngle(QPointF from, QPointF to);

} // namespace meadows
