#pragma once
// Sizes and shapes of diagram elements, shared by the scene (to draw) and by commands (to
// keep flows attached to their stocks). XMILE positions are centres; sizes, when a file
// gives none, are Stella's defaults.
#include "model/view.h"

#include <QPointF>
#include <QRectF>
#include <vector>

namespace meadows::diagram {

constexpr double kStockWidth = 45;
constexpr double kStockHeight = 35;
constexpr double kAuxRadius = 9;
constexpr double kValveRadius = 7;
constexpr double kModuleWidth = 55;
constexpr double kModuleHeight = 45;
constexpr double kCloudWidth = 26;
constexpr double kCloudHeight = 18;
constexpr double kGrid = 10;
constexpr double kTextBoxWidth = 160; // when a text box gives none

QPointF centre(const ViewElement &e);
// The box a stock or module fills, in scene coordinates.
QRectF boxRect(const ViewElement &e);
std::vector<QPointF> flowPoints(const ViewElement &flow);
// The point on a polyline nearest to p, and how far along the line it lies (0..1).
QPointF nearestOnPolyline(const std::vector<QPointF> &line, QPointF p, double *fraction = nullptr);
QPointF pointAtFraction(const std::vector<QPointF> &line, double fraction);
// Where a pipe should start or end for a stock at `box`, going towards `towards`.
QPointF pipeEndAtBox(const QRectF &box, QPointF towards);
// A new flow's points from a press at `from` to a release at `to`, each end optionally on a
// stock box: straight when the ends line up, else with one right-angle bend, as Stella draws.
std::vector<QPointF> routeFlow(QPointF from, const QRectF *fromBox, QPointF to, const QRectF *toBox);
void setFlowPoints(ViewElement &flow, const std::vector<QPointF> &points);

} // namespace meadows::diagram
