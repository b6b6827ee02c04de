#pragma once
// Where a feedback loop's marker ("R1" in a circular arrow) goes: inside the closed outline
// the loop's connectors and pipes draw, at the spot farthest from that outline and from
// everything drawn (names, bodies, signs, lines, other markers), at the largest size that
// fits there. The editor places its markers with this (looplabellayout.cpp), and automatic
// layout bends a loop's connectors until its marker fits (markerroom.cpp). QtCore only.
#include "connectorarc.h"
#include "diagramshapes.h"

#include "model/project.h"

#include <QStringList>
#include <vector>

namespace meadows {

// The diagram labels this many loops, the shortest first (more would bury the diagram).
inline constexpr std::size_t kLabelledLoops = 12;

struct LoopMark {
    QString label;         // "R1", "B2", "?3"
    QStringList variables; // in loop order: each informs the next, the last the first
};

} // namespace meadows

namespace meadows::diagram {

constexpr double kMarkerRadius = 14; // the ring's radius at full size
// How far the marker reaches from its centre along either axis: the ring, and its arrowhead,
// which the editor draws on a diagonal, in the corner of the ring's square, reaching 14.1
// (looplabelitem.cpp); the clearance round it covers the pen.
constexpr double kMarkerReach = 14.2;
// The marker's sizes, largest first: a thin loop gets a smaller marker inside it rather
// than a full one outside it or on its line. 0.65 keeps "R12" legible (bold 12 px at 65%).
constexpr double kMarkerScales[] = {1, 0.8, 0.65};
constexpr double kMarkerClearance = 2; // between the ring's box and anything else
constexpr double kPipeHalfWidth = 3;   // pipes are drawn 6 px wide

// The square round the marker drawn at `at`: its ring and the arrowhead on it.
QRectF markerBox(QPointF at, double scale);

// What a marker must keep clear of.
struct MarkerObstacles {
    std::vector<QRectF> boxes;               // bodies, names, polarity signs, markers placed
    std::vector<std::vector<QPointF>> lines; // connectors
    std::vector<std::vector<QPointF>> pipes; // drawn kPipeHalfWidth either side
};

struct MarkerSpot {
    QPointF at;
    double scale = kMarkerScales[std::size(kMarkerScales) - 1];
    bool fits = false; // inside the outline and clear of every obstacle at `scale`
};

// The roomiest spot inside `outline` (the pole of inaccessibility of the outline and the
// obstacles, measured in the maximum norm, so that a square box fits where the distance
// does) and the largest marker size that fits there with `spare` pixels more all round
// (layout asks for spare room: the editor draws names and curves a little differently).
MarkerSpot markerSpotInside(const std::vector<QPointF> &outline, const MarkerObstacles &obstacles, double spare = 0);

// Whether p lies inside the closed polygon `outline` (even-odd rule).
bool insideOutline(const std::vector<QPointF> &outline, QPointF p);
// Whether the outline runs clockwise on screen (y down).
bool runsClockwise(const std::vector<QPointF> &outline);

// The part of a pipe from the point nearest its valve to its sink end (or its source end).
std::vector<QPointF> pipeFromValve(const std::vector<QPointF> &pipe, QPointF valve, bool toSink);

// The loops the diagram labels, shortest first, as loop analysis names and orders them;
// none when the model's causal graph has errors.
std::vector<LoopMark> labelledLoops(const Project &project);

// Headless: `loop` (variable names in loop order) drawn by `shapes` with its links drawn
// as `arcs` (parallel to shapes.links). Each step is the link between two of its variables,
// or the pipe from a flow's valve to the stock it fills or drains; a step with neither is
// a straight line between the two. Empty when a variable is not on the diagram; `links`
// gets the links the outline uses.
std::vector<QPointF> loopOutline(const DiagramShapes &shapes, const std::vector<ConnectorArc> &arcs, const QStringList &loop,
                      std::vector<int> *links = nullptr);
// Everything drawn near `area` that a marker there must miss.
MarkerObstacles markerObstacles(const DiagramShapes &shapes, const std::vector<ConnectorArc> &arcs,
                                const std::vector<QRectF> &signs, const QRectF &area);

} // namespace meadows::diagram
