#pragma once
// Connector take-off angles as XMILE stores them: degrees counter-clockwise from the
// positive x axis, screen y pointing down. The editor reshapes connectors with these; the
// Vensim reader turns a sketch's curve control point into one.
#include <QPointF>

namespace meadows {

// The take-off angle of the arc from `from` through `via` to `to`.
double angleThrough(QPointF from, QPointF via, QPointF to);
// The take-off angle of a straight connector.
double straightAngle(QPointF from, QPointF to);

} // namespace meadows
