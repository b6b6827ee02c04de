#pragma once
// Automatic layout with Graphviz, for models that come without a diagram (hand-written or
// generated XMILE, Mermaid flowcharts) and for `meadows layout`:
// - stock-and-flow: Graphviz's layered layout (dot) left to right; each pipe chain (clouds,
//   valves, stocks) weighs heavily, so it runs on one row, with valves on their pipes and
//   clouds at open ends; auxiliaries land in the rank before what they feed;
// - causal-loop: Graphviz's stress layout (neato), which draws feedback loops as rings;
// then every connector's curve is chosen to miss names (connectorrouting.h).
// QtCore only: the headless `meadows layout` runs it without a GUI.
#include "labelgeometry.h"

#include "model/project.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace meadows::diagram {

struct LayoutOptions {
    LabelMeasure measure = estimateLabelSize;
    // The loops whose markers the diagram draws, each given room inside it (variable names
    // in loop order). Unset: the loops of a project holding only the model being laid out.
    std::optional<std::vector<QStringList>> markedLoops;
};

struct LayoutResult {
    bool ok = false;
    QString error;
};

// A model with variables none of which has a place on any of its views.
bool needsLayout(const Model &model);

// Replaces the model's diagram (its first stock-and-flow view, added when there is none)
// with a laid-out one: every stock, flow, auxiliary and module placed, connectors following
// the equations (or the connectors already there, on a causal-loop diagram). Text boxes
// and elements Meadows does not draw are kept.
LayoutResult layoutModel(Model &model, const LayoutOptions &options = {});

// How many times Graphviz's own drawing of the same graph (its splines between the same
// boxes) crosses itself: the yardstick for the crossings of a laid-out diagram. -1 when
// Graphviz fails.
int graphvizOwnCrossings(const Model &model, const LayoutOptions &options = {});

// The loops the diagram marks (loopmarkers.h), as LayoutOptions::markedLoops takes them.
std::vector<QStringList> markedLoopsOf(const Project &project);

// Lays out every model of the project that needs it (needsLayout), the main model with the
// project's own loops marked. Returns how many.
int layoutModelsWithoutViews(Project &project, const LayoutOptions &options = {}, QString *error = nullptr);

} // namespace meadows::diagram
