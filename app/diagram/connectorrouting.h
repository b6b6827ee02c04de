#pragma once
// Chooses each connector's take-off angle (XMILE keeps only that) so that its arc is a
// gentle curve that misses names, bodies and polarity signs, crosses as few other lines as
// it can, and, on a causal-loop diagram, bows outward round its loop; a pair of links in
// opposite directions bows apart. QtCore only.
#include "labelgeometry.h"

#include "model/project.h"

namespace meadows::diagram {

struct RoutingStyle {
    double preferredBend = 10; // degrees off straight a connector likes to leave at
    bool bowOutward = false;   // causal-loop diagrams: curve away from the loop's middle
};

// Sets the angle of every connector of `view` whose ends are placed.
void routeConnectors(const Model &model, View &view, const LabelMeasure &measure, const RoutingStyle &style);

} // namespace meadows::diagram
