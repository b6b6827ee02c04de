#pragma once
// Chooses each connector's take-off angle (XMILE keeps only that) so that its arc is a
// gentle curve that misses names, bodies and polarity signs, crosses as few other lines as
// it can, and, on a causal-loop diagram, bows outward round its loop; a pair of links in
// opposite directions bows apart; a loop too thin for its marker bends further. QtCore only.
#include "labelgeometry.h"

#include "model/project.h"

#include <QStringList>
#include <vector>

namespace meadows::diagram {

struct RoutingStyle {
    double preferredBend = 10; // degrees off straight a connector likes to leave at
    bool bowOutward = false;   // causal-loop diagrams: curve away from the loop's middle
    // The loops whose markers the diagram draws (variable names in loop order, in the order
    // the editor places them): each is given room for its marker inside it (markerroom.h).
    std::vector<QStringList> markedLoops;
};

// Sets the angle of every connector of `view` whose ends are placed.
void routeConnectors(const Model &model, View &view, const LabelMeasure &measure, const RoutingStyle &style);

} // namespace meadows::diagram
