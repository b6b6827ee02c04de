#pragma once
// A connector's arc as points, without QtGui: XMILE stores only the take-off angle at the
// source, and the connector is the circular arc that leaves the source centre at that
// angle and reaches the target centre, cut where it leaves the source's outline and enters
// the target's. The editor's QPainterPath (connectorpath.h) and automatic layout's
// measurements are both made from this.
#include "model/connectorangle.h" // angleThrough, straightAngle: the model layer's, shared

#include <QPointF>
#include <QRectF>
#include <functional>
#include <optional>
#include <vector>

namespace meadows::diagram {

// Whether a point lies inside an element's outline; empty: the curve starts or ends at the centre.
using Outline = std::function<bool(QPointF)>;

struct ConnectorArc {
    std::vector<QPointF> points; // from the source outline to the target outline
    QPointF start, end;          // on the outlines
    QPointF endDirection;        // unit tangent at the end (for the arrowhead)
    QPointF middle;              // halfway along (the bend handle, the delay mark)
    QPointF middleDirection;
    QRectF bounds;               // round the points (a hair wider), for quick rejection
    bool valid = false;
};

// angle: degrees counter-clockwise from the positive x axis (screen y points down); no
// angle draws a straight line.
ConnectorArc connectorArc(QPointF from, const Outline &fromOutline, QPointF to, const Outline &toOutline,
                          std::optional<double> angle, int segments = 40);

// Where a connector's polarity sign is drawn: beside the line just before the arrowhead
// (`end` the arrow's tip, `endDirection` the unit tangent there), on the side away from the
// target's name `name` (the left of the line when that is a tie), and moved back along the
// line while it would still cover the name or the target's `body`.
QPointF polaritySignCentre(QPointF end, QPointF endDirection, const QRectF &name = {}, const QRectF &body = {});
// The box the sign's glyph fills ("+" or "−" at 9 points) around its centre.
QRectF polaritySignBox(QPointF centre);
inline QRectF polaritySignRect(QPointF end, QPointF endDirection, const QRectF &name = {}, const QRectF &body = {})
{
    return polaritySignBox(polaritySignCentre(end, endDirection, name, body));
}
inline QRectF polaritySignRect(const ConnectorArc &arc, const QRectF &name = {}, const QRectF &body = {})
{
    return polaritySignRect(arc.end, arc.endDirection, name, body);
}

} // namespace meadows::diagram
