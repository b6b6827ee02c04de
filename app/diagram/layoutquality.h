#pragma once
// How cleanly a diagram reads, counted from its shapes: what overlaps what, which lines run
// through names, and how often lines cross. Automatic layout routes with these counts and
// tests hold every laid-out diagram to zero overlaps. QtCore only.
#include "diagramshapes.h"

#include <QStringList>
#include <vector>

namespace meadows::diagram {

struct LayoutQuality {
    int overlaps = 0;        // pairs among element bodies, name labels and polarity signs
    int labelCrossings = 0;  // a connector or pipe through a name label
    int boxCrossings = 0;    // a connector or pipe through a body other than its own ends
    int edgeCrossings = 0;   // connectors and pipes crossing each other
    QStringList problems;    // one line per overlap or label crossing, naming what collides
    QStringList crossings;   // one line per pair of lines that cross, with how often
};

LayoutQuality measureLayout(const DiagramShapes &shapes);

// Primitives shared with connector routing.
bool rectsOverlap(const QRectF &a, const QRectF &b, double tolerance = 0.5);
bool polylineHitsRect(const std::vector<QPointF> &line, const QRectF &rect);
int polylineCrossings(const std::vector<QPointF> &a, const std::vector<QPointF> &b);
QRectF polylineBounds(const std::vector<QPointF> &line);

} // namespace meadows::diagram
