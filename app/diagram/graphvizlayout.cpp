#include "graphvizlayout.h"
#include "model/lazylibrary.h"

#include <graphviz/gvc.h>

#include <QByteArray>
#include <algorithm>
#include <cstdlib>
#include <limits>
#include <memory>

namespace meadows::diagram {

namespace {

// Graphviz counts in points (1/72 inch) and sizes nodes in inches; Meadows draws one
// pixel per point, as Stella's coordinates do.
constexpr double kPointsPerInch = 72;

// The functions taken from Graphviz, loaded the first time a diagram is laid out
// (model/lazylibrary.h says why). Every call below goes through here.
#define GVC_FUNCTIONS(X) X(gvContext) X(gvLayout) X(gvFreeLayout)
#define CGRAPH_FUNCTIONS(X) X(agseterrf) X(agseterr) X(agopen) X(agclose) X(agsafeset) X(agnode) X(agedge)
struct Gvc {
    GVC_FUNCTIONS(MEADOWS_LAZY_FIELD)
    QString error; // empty when all of the above were found
};
struct Cgraph {
    CGRAPH_FUNCTIONS(MEADOWS_LAZY_FIELD)
    const Agdesc_t *directed = nullptr; // the data symbol Agdirected
    QString error;
};

const Gvc &gvc()
{
    return functionsOf<Gvc>(MEADOWS_GVC_LIBRARY, [](Gvc &api, LazyLibrary &library) { GVC_FUNCTIONS(MEADOWS_LAZY_TAKE) });
}

const Cgraph &cgraph()
{
    return functionsOf<Cgraph>(MEADOWS_CGRAPH_LIBRARY, [](Cgraph &api, LazyLibrary &library) {
        CGRAPH_FUNCTIONS(MEADOWS_LAZY_TAKE)
        api.directed = library.resolve<const Agdesc_t *>("Agdirected");
    });
}

QString g_graphvizErrors; // collected by the error hook while one layout runs

int collectError(char *message)
{
    g_graphvizErrors += QString::fromLocal8Bit(message).trimmed() + u' ';
    return 0;
}

void set(void *object, const char *name, const QByteArray &value)
{
    cgraph().agsafeset(object, const_cast<char *>(name), const_cast<char *>(value.constData()), const_cast<char *>(""));
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'f', 4);
}

QPointF cubic(const pointf &a, const pointf &b, const pointf &c, const pointf &d, double t)
{
    const double u = 1 - t;
    const double x = u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * d.x;
    const double y = u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * d.y;
    return {x, y};
}

// An edge's splines as a polyline, in Graphviz's coordinates (y up).
std::vector<QPointF> sampledRoute(Agedge_t *e)
{
    std::vector<QPointF> out;
    const splines *spl = ED_spl(e);
    if (!spl)
        return out;
    for (int i = 0; i < spl->size; ++i) {
        const bezier &bz = spl->list[i];
        if (bz.size < 1)
            continue;
        out.emplace_back(bz.list[0].x, bz.list[0].y);
        for (int k = 0; k + 3 < bz.size; k += 3)
            for (int s = 1; s <= 8; ++s)
                out.push_back(cubic(bz.list[k], bz.list[k + 1], bz.list[k + 2], bz.list[k + 3], s / 8.0));
    }
    return out;
}

struct GraphDeleter {
    GVC_t *context;
    void operator()(Agraph_t *g) const
    {
        gvc().gvFreeLayout(context, g);
        cgraph().agclose(g);
    }
};

// How many virtual nodes dot would add: an edge spanning k ranks is drawn through k - 1 of
// them. Ranks are the longest paths over the edges that take part in ranking, each source
// then moved up to what it feeds (dot's network simplex shortens more, never the spans a
// chain forces). dot's time grows much faster than
// that count: a chain of 100 with one variable feeding all of it (5,000 virtual nodes) took 8 s,
// one of 150 over two minutes, and one of 500 overflowed the stack.
long long dotVirtualNodes(const GraphSpec &spec)
{
    const std::size_t n = spec.nodes.size();
    std::vector<std::vector<std::size_t>> out(n);
    std::vector<int> inDegree(n, 0);
    for (std::size_t k = 0; k < spec.edges.size(); ++k) {
        const GraphEdge &e = spec.edges[k];
        if (!e.constraint || e.from < 0 || e.to < 0 || std::size_t(e.from) >= n || std::size_t(e.to) >= n || e.from == e.to)
            continue;
        out[std::size_t(e.from)].push_back(k);
        ++inDegree[std::size_t(e.to)];
    }
    std::vector<long long> rank(n, 0);
    std::vector<std::size_t> ready;
    for (std::size_t v = 0; v < n; ++v)
        if (inDegree[v] == 0)
            ready.push_back(v);
    const std::vector<std::size_t> sources = ready;
    while (!ready.empty()) { // Kahn's order; nodes on a cycle keep what they reached
        const std::size_t v = ready.back();
        ready.pop_back();
        for (std::size_t k : out[v]) {
            const std::size_t w = std::size_t(spec.edges[k].to);
            rank[w] = std::max(rank[w], rank[v] + std::max(0, spec.edges[k].minLength));
            if (--inDegree[w] == 0)
                ready.push_back(w);
        }
    }
    // A source sits just before the earliest of what it feeds, as dot's ranking puts it: a
    // constant read late in a chain spans one rank, not the chain.
    for (const std::size_t v : sources) {
        if (out[v].empty())
            continue;
        long long latest = std::numeric_limits<long long>::max();
        for (const std::size_t k : out[v])
            latest = std::min(latest, rank[std::size_t(spec.edges[k].to)] - std::max(0, spec.edges[k].minLength));
        rank[v] = std::max(rank[v], latest);
    }
    long long virtualNodes = 0;
    for (const GraphEdge &e : spec.edges)
        if (e.from >= 0 && e.to >= 0 && std::size_t(e.from) < n && std::size_t(e.to) < n)
            virtualNodes += std::max(0LL, std::llabs(rank[std::size_t(e.to)] - rank[std::size_t(e.from)]) - 1);
    return virtualNodes;
}

// Beyond this many virtual nodes dot takes seconds to minutes: neato lays the graph out instead.
constexpr long long kMaxDotVirtualNodes = 2000;
// Beyond this many nodes neato takes tens of seconds: sfdp lays the graph out instead.
constexpr std::size_t kMaxNeatoNodes = 1000;

} // namespace

GraphPlacement runGraphviz(const GraphSpec &spec)
{
    GraphPlacement out;
    if (spec.nodes.empty()) {
        out.ok = true;
        return out;
    }
    const Gvc &gv = gvc();
    const Cgraph &cg = cgraph();
    if (!gv.error.isEmpty() || !cg.error.isEmpty()) {
        out.error = QStringLiteral("Graphviz, which lays diagrams out, is not available: ") + (gv.error.isEmpty() ? cg.error : gv.error);
        return out;
    }
    // One context for the process: it reads Graphviz's plugin list once. Graphviz is not
    // thread-safe, and Meadows lays out from the thread that owns the document.
    static GVC_t *context = gv.gvContext();
    if (!context) {
        out.error = QStringLiteral("Graphviz could not start (no layout plugins found)");
        return out;
    }
    g_graphvizErrors.clear();
    cg.agseterrf(collectError);
    cg.agseterr(AGERR); // warnings (such as "overlap removal is slow") are not the user's business

    std::unique_ptr<Agraph_t, GraphDeleter> graph(cg.agopen(const_cast<char *>("meadows"), *cg.directed, nullptr),
                                                  GraphDeleter{context});
    Agraph_t *g = graph.get();
    const bool dot = spec.engine == GraphEngine::Dot && dotVirtualNodes(spec) <= kMaxDotVirtualNodes;
    if (dot) {
        set(g, "rankdir", "LR");
        set(g, "nodesep", number(spec.nodeSeparation / kPointsPerInch));
        set(g, "ranksep", number(spec.rankSeparation / kPointsPerInch));
    } else {
        set(g, "overlap", "false");
        set(g, "sep", "+" + QByteArray::number(int(spec.nodeSeparation / 2)));
        set(g, "start", "1"); // a fixed seed: the same model always gets the same picture
    }
    set(g, "splines", spec.routeEdges ? "true" : "false");

    std::vector<Agnode_t *> nodes;
    nodes.reserve(spec.nodes.size());
    for (std::size_t i = 0; i < spec.nodes.size(); ++i) {
        const QByteArray name = "n" + QByteArray::number(qulonglong(i));
        Agnode_t *n = cg.agnode(g, const_cast<char *>(name.constData()), 1);
        set(n, "shape", "box");
        set(n, "fixedsize", "true");
        set(n, "label", "");
        set(n, "width", number(std::max(1.0, spec.nodes[i].width()) / kPointsPerInch));
        set(n, "height", number(std::max(1.0, spec.nodes[i].height()) / kPointsPerInch));
        nodes.push_back(n);
    }
    std::vector<Agedge_t *> edges;
    edges.reserve(spec.edges.size());
    for (const GraphEdge &edge : spec.edges) {
        const int n = int(nodes.size());
        if (edge.from < 0 || edge.to < 0 || edge.from >= n || edge.to >= n) {
            edges.push_back(nullptr);
            continue;
        }
        Agedge_t *e = cg.agedge(g, nodes[std::size_t(edge.from)], nodes[std::size_t(edge.to)], nullptr, 1);
        if (dot) {
            set(e, "weight", QByteArray::number(std::max(0, int(edge.weight))));
            set(e, "minlen", QByteArray::number(edge.minLength));
            if (!edge.constraint)
                set(e, "constraint", "false");
        } else {
            set(e, "len", number(spec.edgeLength / kPointsPerInch));
        }
        edges.push_back(e);
    }

    // neato's stress majorization is quadratic in the nodes and more per iteration: 4,000
    // nodes took a minute, where sfdp (the same model by forces, multilevel) took 3 s.
    const char *engine = dot ? "dot" : spec.nodes.size() > kMaxNeatoNodes ? "sfdp" : "neato";
    if (gv.gvLayout(context, g, engine) != 0) {
        out.error = g_graphvizErrors.trimmed().isEmpty() ? QStringLiteral("Graphviz could not lay the diagram out")
                                                        : g_graphvizErrors.trimmed();
        return out;
    }
    // Graphviz's y grows upwards: flip, and move the picture's top-left corner to (0, 0).
    double left = std::numeric_limits<double>::max(), top = std::numeric_limits<double>::lowest();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const pointf c = ND_coord(nodes[i]);
        left = std::min(left, c.x - spec.nodes[i].width() / 2);
        top = std::max(top, c.y + spec.nodes[i].height() / 2);
    }
    const auto toScreen = [left, top](QPointF p) { return QPointF(p.x() - left, top - p.y()); };
    for (Agnode_t *n : nodes)
        out.centres.push_back(toScreen(QPointF(ND_coord(n).x, ND_coord(n).y)));
    if (spec.routeEdges) {
        for (Agedge_t *e : edges) {
            std::vector<QPointF> route = e ? sampledRoute(e) : std::vector<QPointF>{};
            for (QPointF &p : route)
                p = toScreen(p);
            out.edgeRoutes.push_back(std::move(route));
        }
    }
    out.ok = true;
    return out;
}

} // namespace meadows::diagram
