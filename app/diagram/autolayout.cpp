#include "autolayout.h"

#include "connectorrouting.h"
#include "diagramgeometry.h"
#include "diagramshapes.h"
#include "flowbends.h"
#include "graphvizlayout.h"
#include "layoutquality.h"
#include "loopmarkers.h"

#include "model/names.h"
#include "model/elementtype.h"
#include "solver/references.h"

#include <algorithm>
#include <QHash>
#include <QSet>
#include <cmath>

namespace meadows::diagram {

namespace {

constexpr double kPipeWeight = 50; // a pipe chain stays on its row far more than a connector stays short
constexpr double kMargin = 6;      // around each node's box, besides Graphviz's separations
constexpr double kOrigin = 60;     // where the diagram's top-left corner goes

using Type = ViewElement::Type;

bool isVariable(Type t)
{
    return t == Type::Stock || t == Type::Flow || t == Type::Aux || t == Type::Module;
}

// A node's box, centred on the element's body so that bodies of one row line up whatever
// side their labels are on: the label's room is kept on both sides.
QSizeF nodeSize(const ViewElement &e, QSizeF label)
{
    const double room = kLabelGap + label.height();
    switch (e.type) {
    case Type::Stock:
    case Type::Module: {
        const QRectF b = boxRect(e);
        return {std::max(b.width(), label.width()) + kMargin, b.height() + 2 * room + kMargin};
    }
    case Type::Flow:
        return {std::max(2 * kValveRadius, label.width()) + kMargin, 2 * (kValveRadius + 2 + label.height()) + kMargin};
    default:
        break;
    }
    const double d = e.width.value_or(2 * kAuxRadius);
    return {std::max(d, label.width()) + kMargin, d + 2 * room + kMargin};
}

View &diagramView(Model &model)
{
    for (View &v : model.views)
        if (v.type.isEmpty() || v.type == QLatin1String("stock_flow"))
            return v;
    View v;
    v.type = QStringLiteral("stock_flow");
    model.views.push_back(v);
    return model.views.back();
}

struct Link {
    int from, to; // indices of variable elements
    ViewElement connector;
};

// Connectors Graphviz should rank backwards, so that every feedback loop is broken at a
// connector and no pipe chain is ever turned round (Graphviz would break cycles wherever
// its own search met them). Each chain of pipes is one unit: inside a chain the pipes' own
// order decides; between chains and auxiliaries, a depth-first search over the units marks
// the connectors that close a cycle.
std::vector<bool> backConnectors(int nodes, const std::vector<GraphEdge> &edges, const std::vector<bool> &isPipe)
{
    const std::size_t n = std::size_t(nodes);
    // Units: weakly connected components of the pipes.
    std::vector<int> unit(n);
    for (std::size_t v = 0; v < n; ++v)
        unit[v] = int(v);
    const auto find = [&unit](int v) {
        while (unit[std::size_t(v)] != v)
            v = unit[std::size_t(v)] = unit[std::size_t(unit[std::size_t(v)])];
        return v;
    };
    for (std::size_t k = 0; k < edges.size(); ++k)
        if (isPipe[k])
            unit[std::size_t(find(edges[k].from))] = find(edges[k].to);
    // The pipes' order inside each chain (Kahn's algorithm; pipes form no cycle).
    std::vector<int> position(n, 0), inDegree(n, 0);
    std::vector<std::vector<int>> pipeOut(n);
    for (std::size_t k = 0; k < edges.size(); ++k)
        if (isPipe[k]) {
            pipeOut[std::size_t(edges[k].from)].push_back(edges[k].to);
            ++inDegree[std::size_t(edges[k].to)];
        }
    std::vector<int> ready;
    for (std::size_t v = 0; v < n; ++v)
        if (inDegree[v] == 0)
            ready.push_back(int(v));
    for (int next = 0; !ready.empty();) {
        const int v = ready.back();
        ready.pop_back();
        position[std::size_t(v)] = next++;
        for (const int w : pipeOut[std::size_t(v)])
            if (--inDegree[std::size_t(w)] == 0)
                ready.push_back(w);
    }
    std::vector<bool> back(edges.size(), false);
    std::vector<std::vector<std::pair<int, int>>> out(n); // unit -> (unit, edge)
    for (std::size_t k = 0; k < edges.size(); ++k) {
        if (isPipe[k])
            continue;
        const int a = find(edges[k].from), b = find(edges[k].to);
        if (a == b)
            back[k] = position[std::size_t(edges[k].from)] >= position[std::size_t(edges[k].to)];
        else
            out[std::size_t(a)].push_back({b, int(k)});
    }
    std::vector<int> state(n, 0); // 0 new, 1 on the stack, 2 done
    for (std::size_t start = 0; start < n; ++start) {
        if (find(int(start)) != int(start) || state[start] != 0)
            continue;
        std::vector<std::pair<int, std::size_t>> stack{{int(start), 0}};
        state[start] = 1;
        while (!stack.empty()) {
            auto &[u, next] = stack.back();
            if (next == out[std::size_t(u)].size()) {
                state[std::size_t(u)] = 2;
                stack.pop_back();
                continue;
            }
            const auto [w, k] = out[std::size_t(u)][next++];
            if (state[std::size_t(w)] == 1)
                back[std::size_t(k)] = true;
            else if (state[std::size_t(w)] == 0) {
                state[std::size_t(w)] = 1;
                stack.push_back({w, 0});
            }
        }
    }
    return back;
}

// The links the diagram draws: the connectors it had (aliases read as what they stand
// for) and, on a stock-and-flow model, one for every name an equation reads.
std::vector<Link> diagramLinks(const Model &model, const View &old, const QHash<QString, int> &index)
{
    std::vector<Link> links;
    QSet<quint64> seen;
    QHash<int, QString> aliases;
    for (const ViewElement &e : old.elements)
        if (e.type == Type::Alias && e.uid)
            aliases.insert(*e.uid, e.aliasOf);
    const auto endName = [&aliases](const ConnectorEnd &end) {
        return canonicalName(end.aliasUid ? aliases.value(*end.aliasUid) : end.name);
    };
    const auto add = [&](int from, int to, ViewElement connector) {
        const quint64 key = (quint64(quint32(from)) << 32) | quint32(to);
        if (from < 0 || to < 0 || seen.contains(key))
            return;
        seen.insert(key);
        links.push_back({from, to, std::move(connector)});
    };
    for (const ViewElement &e : old.elements)
        if (e.type == Type::Connector)
            add(index.value(endName(e.from), -1), index.value(endName(e.to), -1), e);
    if (model.isCausalLoopDiagram())
        return links;
    for (const Variable &v : model.variables) {
        if (v.kind == VariableKind::Stock) // a stock's equation is only its start
            continue;
        const int to = index.value(canonicalName(v.name), -1);
        QStringList equations{v.equation};
        for (const ArrayElement &a : v.elements)
            equations << a.equation;
        for (const ModuleConnection &c : v.connections)
            equations << c.from.section(u'.', 0, 0);
        for (const QString &equation : equations)
            for (const QString &name : namesInEquationText(equation))
                if (canonicalName(name.section(u'.', 0, 0)) != canonicalName(v.name))
                    add(index.value(canonicalName(name.section(u'.', 0, 0)), -1), to, ViewElement{});
    }
    return links;
}

QPointF rounded(QPointF p)
{
    return {std::round(p.x()), std::round(p.y())};
}

// Where an element's body lies once placed (a valve's circle round its node's centre).
QRectF placedBody(const ViewElement &e)
{
    if (e.type == Type::Stock || e.type == Type::Module)
        return boxRect(e);
    const double r = e.type == Type::Flow ? kValveRadius + 1 : e.width.value_or(2 * kAuxRadius) / 2;
    return {*e.x - r, *e.y - r, 2 * r, 2 * r};
}

// The x at which a pipe leaves a stock's top or bottom to run up or down to its valve's row
// (`rowY`): the stock's centre unless the run would pass through another element's body
// (Graphviz places the nodes without knowing the pipe's route); then the nearest clear
// point along the stock's edge, 6 px apart, keeping 6 px from its corners.
double pipeLegX(const std::vector<ViewElement> &elements, int stock, int flow, const QRectF &box, double rowY)
{
    const double top = std::min(rowY, box.center().y()), bottom = std::max(rowY, box.center().y());
    const auto clear = [&](double x) {
        const QRectF leg(x - 6, top, 12, bottom - top); // the pipe and a few pixels either side
        for (int i = 0; i < int(elements.size()); ++i)
            if (i != stock && i != flow && elements[std::size_t(i)].x && elements[std::size_t(i)].y
                && placedBody(elements[std::size_t(i)]).intersects(leg))
                return false;
        return true;
    };
    const double centre = box.center().x();
    for (double offset = 0; offset <= box.width() / 2 - 6; offset += 6)
        for (const double x : {centre + offset, centre - offset})
            if (clear(x))
                return x;
    return centre;
}

struct Pipe {
    int flow, source, sink; // nodes; a cloud is a node of its own
    bool sourceIsStock, sinkIsStock;
};

// What Graphviz is given for a model: the variables' new elements (keeping what the old
// ones carried: label sides, extras), the links to draw, the pipes, and the graph.
struct LayoutGraph {
    std::vector<ViewElement> elements;
    QHash<QString, int> index; // canonical name -> element
    std::vector<Link> links;
    std::vector<Pipe> pipes;
    GraphSpec spec;
    int nextUid = 1;
    QString error;
};

LayoutGraph buildLayoutGraph(const Model &model, const View &old, const LayoutOptions &options)
{
    LayoutGraph g;
    const bool cld = model.isCausalLoopDiagram();
    // What layout keeps as it was (text boxes, a Vensim comment's among them) keeps its
    // number: the new elements are numbered past it, never onto it.
    for (const ViewElement &e : old.elements)
        if (e.uid && !isVariable(e.type) && e.type != Type::Connector && e.type != Type::Alias)
            g.nextUid = std::max(g.nextUid, *e.uid + 1);
    QHash<QString, ViewElement> previous;
    for (const ViewElement &e : old.elements)
        if (isVariable(e.type))
            previous.insert(canonicalName(e.name), e);
    for (const Variable &v : model.variables) {
        const QString key = canonicalName(v.name);
        if (g.index.contains(key))
            continue;
        ViewElement e = previous.value(key);
        e.type = elementTypeOf(v.kind);
        e.name = v.name;
        e.uid = g.nextUid++;
        e.x.reset();
        e.y.reset();
        e.points.clear();
        // The side its name took in the old drawing says nothing about its new place (a name
        // put on top, clear of the drawing's connectors, can sit in the way of the new ones):
        // the router picks the side, as it picks every connector's new angle.
        e.labelSide.clear();
        g.index.insert(key, int(g.elements.size()));
        g.elements.push_back(e);
    }
    g.links = diagramLinks(model, old, g.index);

    // One node per element, and one per cloud.
    GraphSpec &spec = g.spec;
    spec.engine = cld ? GraphEngine::Neato : GraphEngine::Dot;
    for (const ViewElement &e : g.elements)
        spec.nodes.push_back(nodeSize(e, options.measure(diagramLabel(e.name))));
    std::vector<bool> isPipe;
    for (const Variable &stock : model.variables)
        if (stock.kind == VariableKind::Stock)
            for (const QStringList *flows : {&stock.inflows, &stock.outflows})
                for (const QString &f : *flows)
                    if (!g.index.contains(canonicalName(f))) {
                        g.error = QStringLiteral("stock %1 names a flow %2 the model does not have").arg(stock.name, f);
                        return g;
                    }
    for (std::size_t i = 0; i < g.elements.size(); ++i) {
        if (g.elements[i].type != Type::Flow)
            continue;
        Pipe p{int(i), -1, -1, true, true};
        const QString flow = canonicalName(g.elements[i].name);
        for (const Variable &v : model.variables) {
            if (v.kind != VariableKind::Stock)
                continue;
            for (const QString &f : v.outflows)
                if (canonicalName(f) == flow)
                    p.source = g.index.value(canonicalName(v.name));
            for (const QString &f : v.inflows)
                if (canonicalName(f) == flow)
                    p.sink = g.index.value(canonicalName(v.name));
        }
        for (int *end : {&p.source, &p.sink}) {
            if (*end >= 0)
                continue;
            (end == &p.source ? p.sourceIsStock : p.sinkIsStock) = false;
            *end = int(spec.nodes.size());
            spec.nodes.push_back(QSizeF(kCloudWidth + kMargin, kCloudHeight + kMargin));
        }
        spec.edges.push_back({p.source, p.flow, kPipeWeight, 1, true});
        spec.edges.push_back({p.flow, p.sink, kPipeWeight, 1, true});
        isPipe.insert(isPipe.end(), {true, true});
        g.pipes.push_back(p);
    }
    for (const Link &l : g.links) {
        if (l.from == l.to) // a link from a variable to itself has no curve to draw
            continue;
        GraphEdge edge{l.from, l.to, 1, 1, true};
        // A stock's link to its own flow: the two already sit side by side on the pipe. What
        // else feeds a flow may share its rank, to sit above or below the valve.
        for (const Pipe &p : g.pipes) {
            if (p.flow != l.to)
                continue;
            edge.minLength = 0;
            if (p.source == l.from || p.sink == l.from)
                edge.constraint = false;
        }
        spec.edges.push_back(edge);
        isPipe.push_back(false);
    }
    if (!cld) {
        const std::vector<bool> back = backConnectors(int(spec.nodes.size()), spec.edges, isPipe);
        for (std::size_t k = 0; k < spec.edges.size(); ++k)
            if (back[k])
                std::swap(spec.edges[k].from, spec.edges[k].to);
    }
    return g;
}

} // namespace

bool needsLayout(const Model &model)
{
    if (model.variables.empty())
        return false;
    for (const View &v : model.views)
        for (const ViewElement &e : v.elements)
            if (isVariable(e.type) && e.x && e.y)
                return false;
    return true;
}

LayoutResult layoutModel(Model &model, const LayoutOptions &options)
{
    View &view = diagramView(model);
    const View old = view;
    const bool cld = model.isCausalLoopDiagram();
    LayoutGraph graph = buildLayoutGraph(model, old, options);
    if (!graph.error.isEmpty())
        return {false, graph.error};
    std::vector<ViewElement> &elements = graph.elements;
    const GraphSpec &spec = graph.spec;
    int uid = graph.nextUid;
    const GraphPlacement placed = runGraphviz(spec);
    if (!placed.ok)
        return {false, placed.error};

    // Text boxes (titles, notes) go above the diagram, one under the other, left-aligned.
    std::vector<ViewElement> kept;
    double textTop = kOrigin;
    for (const ViewElement &e : old.elements) {
        if (isVariable(e.type) || e.type == Type::Connector || e.type == Type::Alias)
            continue;
        kept.push_back(e);
        if (e.type != Type::TextBox)
            continue;
        kept.back().x = kOrigin; // text boxes are placed by their top-left corner
        kept.back().y = std::round(textTop);
        textTop += textBoxHeight(e) + 20;
    }
    const QPointF origin(kOrigin, textTop);
    const auto at = [&](int node) { return rounded(placed.centres[std::size_t(node)] + origin); };
    for (std::size_t i = 0; i < elements.size(); ++i) {
        elements[i].x = at(int(i)).x();
        elements[i].y = at(int(i)).y();
    }
    // Pipes run along their valve's row: straight when both ends sit on it, else bending
    // into a stock's top or bottom (or up or down to a cloud) with square corners.
    for (const Pipe &p : graph.pipes) {
        ViewElement &flow = elements[std::size_t(p.flow)];
        const QPointF valve = at(p.flow);
        const auto end = [&](int node, bool isStock, bool atSource) {
            std::vector<QPointF> run; // from the end to the row
            const QPointF c = at(node);
            if (!isStock) {
                run.push_back(c);
                if (std::abs(c.y() - valve.y()) >= 1)
                    run.push_back(QPointF(c.x(), valve.y()));
                return run;
            }
            const QRectF box = boxRect(elements[std::size_t(node)]);
            if (valve.y() > box.top() + 4 && valve.y() < box.bottom() - 4) {
                const bool right = atSource ? valve.x() >= c.x() : valve.x() < c.x();
                run.push_back(QPointF(right == atSource ? box.right() : box.left(), valve.y()));
                return run;
            }
            const double x = std::round(pipeLegX(elements, node, p.flow, box, valve.y()));
            run.push_back(QPointF(x, valve.y() < c.y() ? box.top() : box.bottom()));
            run.push_back(QPointF(x, valve.y()));
            return run;
        };
        std::vector<QPointF> route = end(p.source, p.sourceIsStock, true);
        std::vector<QPointF> last = end(p.sink, p.sinkIsStock, false);
        route.insert(route.end(), last.rbegin(), last.rend());
        route = simplifyFlow(route);
        setFlowPoints(flow, route);
        const QPointF onPipe = rounded(nearestOnPolyline(route, valve));
        flow.x = onPipe.x();
        flow.y = onPipe.y();
    }

    std::vector<ViewElement> result = elements;
    for (const Link &l : graph.links) {
        ViewElement c = l.connector;
        c.type = Type::Connector;
        c.uid = uid++;
        c.from = ConnectorEnd{equationName(elements[std::size_t(l.from)].name), std::nullopt};
        c.to = ConnectorEnd{equationName(elements[std::size_t(l.to)].name), std::nullopt};
        c.points.clear();
        c.angle.reset();
        // Routed anew, between the elements: not to a flow's name as the file drew it.
        setConnectorAtFlowName(c, false, false);
        setConnectorAtFlowName(c, true, false);
        result.push_back(c);
    }
    result.insert(result.end(), kept.begin(), kept.end());
    view.elements = std::move(result);

    RoutingStyle style;
    if (options.markedLoops) {
        style.markedLoops = *options.markedLoops;
    } else {
        Project alone;
        alone.models.push_back(model);
        style.markedLoops = markedLoopsOf(alone);
    }
    if (cld) {
        style.preferredBend = 20;
        style.bowOutward = true;
    }
    routeConnectors(model, view, options.measure, style);
    return {true, {}};
}

std::vector<QStringList> markedLoopsOf(const Project &project)
{
    std::vector<QStringList> loops;
    for (const LoopMark &mark : labelledLoops(project))
        loops.push_back(mark.variables);
    return loops;
}

int layoutModelsWithoutViews(Project &project, const LayoutOptions &options, QString *error)
{
    int count = 0;
    for (Model &m : project.models) {
        if (!needsLayout(m))
            continue;
        LayoutOptions own = options;
        if (!own.markedLoops && &m == &project.mainModel())
            own.markedLoops = markedLoopsOf(project);
        const LayoutResult r = layoutModel(m, own);
        if (!r.ok) {
            if (error)
                *error = r.error;
            return count;
        }
        ++count;
    }
    return count;
}

} // namespace meadows::diagram

namespace meadows::diagram {

int graphvizOwnCrossings(const Model &model, const LayoutOptions &options)
{
    View old;
    for (const View &v : model.views)
        if (v.type.isEmpty() || v.type == QLatin1String("stock_flow")) {
            old = v;
            break;
        }
    LayoutGraph graph = buildLayoutGraph(model, old, options);
    graph.spec.routeEdges = true;
    const GraphPlacement placed = runGraphviz(graph.spec);
    if (!placed.ok)
        return -1;
    int crossings = 0;
    const std::vector<GraphEdge> &edges = graph.spec.edges;
    for (std::size_t i = 0; i < edges.size(); ++i)
        for (std::size_t j = i + 1; j < edges.size(); ++j) {
            const GraphEdge &a = edges[i], &b = edges[j];
            if (a.from == b.from || a.from == b.to || a.to == b.from || a.to == b.to)
                continue;
            crossings += polylineCrossings(placed.edgeRoutes[i], placed.edgeRoutes[j]);
        }
    return crossings;
}

} // namespace meadows::diagram
