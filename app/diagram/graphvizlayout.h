#pragma once
// A thin, typed door to Graphviz (libgvc/libcgraph): boxes and edges in, box centres and
// Graphviz's own edge routes out, in screen coordinates (pixels, y down). Nothing of
// Graphviz's C API leaks out of graphvizlayout.cpp. QtCore only.
#include <QPointF>
#include <QSizeF>
#include <QString>
#include <vector>

namespace meadows::diagram {

struct GraphEdge {
    int from = -1;
    int to = -1;
    double weight = 1;      // dot: how hard to keep the edge short and straight
    int minLength = 1;      // dot: ranks between its ends
    bool constraint = true; // dot: whether the edge takes part in ranking
};

enum class GraphEngine {
    Dot,   // layered: chains run left to right (stock-and-flow)
    Neato, // stress majorization: cycles come out as rings (causal-loop diagrams)
};

struct GraphSpec {
    GraphEngine engine = GraphEngine::Dot;
    std::vector<QSizeF> nodes; // each node's box, pixels
    std::vector<GraphEdge> edges;
    double nodeSeparation = 36; // pixels between boxes in a rank (dot) / around boxes (neato)
    double rankSeparation = 56; // pixels between ranks (dot)
    double edgeLength = 110;    // neato: the length each edge would like, pixels
    bool routeEdges = false;    // ask Graphviz to route its splines (only to compare against)
};

struct GraphPlacement {
    bool ok = false;
    QString error;                                // what Graphviz said when it failed
    std::vector<QPointF> centres;                 // parallel to GraphSpec::nodes, top-left near (0, 0)
    std::vector<std::vector<QPointF>> edgeRoutes; // routeEdges: each edge as a polyline
};

GraphPlacement runGraphviz(const GraphSpec &spec);

} // namespace meadows::diagram
