#pragma once
// The curve of a connector as the editor draws it: the arc of connectorarc.h as a
// QPainterPath, cut at the QPainterPath outlines of its two elements. QtGui: built into
// the GUI module.
#include "diagram/connectorarc.h"

#include <QPainterPath>
#include <optional>

namespace meadows {

// The arc (its points, ends, directions and middle), and the same points as a path.
struct ConnectorCurve : diagram::ConnectorArc {
    QPainterPath path; // from the source outline to the target outline
};

// angle: degrees counter-clockwise from the positive x axis (screen y points down); no
// angle draws a straight line. Outlines are in the same (scene) coordinates.
ConnectorCurve connectorCurve(QPointF from, const QPainterPath &fromOutline, QPointF to, const QPainterPath &toOutline,
                              std::optional<double> angle);


} // namespace meadows
