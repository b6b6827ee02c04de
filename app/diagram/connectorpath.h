#pragma once
// The curve of a connector as the editor draws it: the arc of connectorarc.h as a
// QPainterPath, cut at the QPainterPath outlines of its two elements. QtGui: built into
// the GUI module.
#include "diagram/connectorarc.h"

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
    QPointF signCentre;    // where a polarity sign goes (polaritySignCentre, away from the target's name)
    bool valid = false;
};

// angle: degrees counter-clockwise from the positive x axis (screen y points down); no
// angle draws a straight line. Outlines are in the same (scene) coordinates.
ConnectorCurve connectorCurve(QPointF from, const QPainterPath &fromOutline, QPointF to, const QPainterPath &toOutline,
                              std::optional<double> angle);


} // namespace meadows
