#pragma once
// Reshaping a flow's pipe the way Stella does: pipes stay orthogonal, so dragging a corner
// drags its neighbours' shared coordinate along, and a segment moves only across itself.
// An end on a stock slides along the stock's side but never leaves it.
#include <QPointF>
#include <QRectF>
#include <optional>
#include <vector>

namespace meadows::diagram {

// The stocks a pipe's first and last points sit on (none for a cloud end).
struct FlowEnds {
    std::optional<QRectF> source, sink;
};

// The interior point (a bend, 1..n-2) within `tolerance` of p, or -1.
int flowCornerAt(const std::vector<QPointF> &pts, QPointF p, double tolerance);
// The segment (pts[i]..pts[i+1]) within `tolerance` of p, or -1.
int flowSegmentAt(const std::vector<QPointF> &pts, QPointF p, double tolerance);

// Corner i goes to `to`; a neighbour joined by a horizontal or vertical segment follows so
// that segment keeps its direction.
std::vector<QPointF> moveFlowCorner(std::vector<QPointF> pts, int i, QPointF to, const FlowEnds &ends);
// Segment i moves by the part of `offset` across it (a diagonal segment moves by all of it).
std::vector<QPointF> moveFlowSegment(std::vector<QPointF> pts, int i, QPointF offset, const FlowEnds &ends);
// Splits segment i at the point nearest `at` with a zero-length jog (two new corners), so
// the part after it can then be moved across: returns that part's segment index in *after.
std::vector<QPointF> insertFlowJog(std::vector<QPointF> pts, int i, QPointF at, int *after);
// The pipe after the stocks at its ends moved: the first point by `sourceShift`, the last by
// `sinkShift`. A bent pipe's end segments keep their direction (the corner next to a moved
// end slides along); a straight pipe's ends just move.
std::vector<QPointF> shiftFlowEnds(std::vector<QPointF> pts, QPointF sourceShift, QPointF sinkShift);
// Drops repeated points and bends that no longer turn (left over after a drag).
std::vector<QPointF> simplifyFlow(const std::vector<QPointF> &pts);

} // namespace meadows::diagram
