#pragma once
// The causal structure of a model as text other tools draw: a Mermaid flowchart (renders
// in GitHub and GitLab Markdown, and Meadows' own Mermaid importer reads it back) and a
// Graphviz digraph. Both carry every variable, every link with its polarity, and the
// feedback loops (as comments: they are not part of either format's graph).
#include "exportoptions.h"

#include "solver/analysis/loopfinder.h"
#include "solver/analysis/causalmodel.h"

#include <QByteArray>

namespace meadows {

// `flowchart LR`; stocks as boxes, flows as stadiums, the rest rounded; links
// `a -- "+" --> b`, negative ones also drawn red, unknown ones unlabelled and dashed.
QByteArray mermaidFlowchart(const QString &title, const CausalModel &causal, const LoopList &loops);

// `digraph`; stocks as boxes; each link labelled + / - / ? and coloured by its sign.
QByteArray graphvizDot(const QString &title, const CausalModel &causal, const LoopList &loops);

// The one of the two that `format` names (Mermaid or Dot).
QByteArray causalText(ExportFormat format, const QString &title, const CausalModel &causal, const LoopList &loops);

// "a → b → c → a": a loop as people read it, back to where it starts.
QString loopPath(const CausalGraph &graph, const LoopList &loops, std::size_t loop, const QString &arrow);

} // namespace meadows
