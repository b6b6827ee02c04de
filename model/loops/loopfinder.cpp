#include "loopfinder.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/hawick_circuits.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <numeric>

namespace meadows {

namespace {

using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// Thrown by the circuit visitor to end the search at the cap or on cancel: Boost's
// circuit search offers no other way out of its recursion.
struct StopSearch {};

// rank[v] is v's place when the names are sorted: case-insensitively first, so that
// "load" and "Latency" sort as a reader expects, then exactly, then by index, so that
// the order is total and the same on every run.
std::vector<int> nameRanks(const CausalGraph &graph)
{
    std::vector<int> order(std::size_t(graph.variableCount()));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const int folded = graph.name(a).compare(graph.name(b), Qt::CaseInsensitive);
        if (folded != 0)
            return folded < 0;
        const int exact = graph.name(a).compare(graph.name(b));
        return exact != 0 ? exact < 0 : a < b;
    });
    std::vector<int> rank(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        rank[std::size_t(order[i])] = int(i);
    return rank;
}

// One strongly connected component that holds at least one loop, renumbered so that
// local vertex 0 is the variable whose name sorts first. Hawick and James's search
// reports each circuit starting from its lowest-numbered vertex, so every loop then
// comes out already starting at its first name: no rotation needed.
struct Component {
    std::vector<int> vertices;                                      // local -> graph index
    std::vector<std::vector<std::pair<int, LinkPolarity>>> links;  // local out-links, sorted
};

std::vector<Component> componentsWithLoops(const CausalGraph &graph, const std::vector<int> &rank)
{
    const std::size_t n = std::size_t(graph.variableCount());
    Digraph whole(n);
    for (const CausalLink &l : graph.links())
        boost::add_edge(std::size_t(l.from), std::size_t(l.to), whole);
    std::vector<int> componentOf(n);
    const int count = n ? int(boost::strong_components(whole, componentOf.data())) : 0;

    std::vector<std::vector<int>> members(static_cast<std::size_t>(count));
    for (std::size_t v = 0; v < n; ++v)
        members[std::size_t(componentOf[v])].push_back(int(v));
    std::vector<std::vector<const CausalLink *>> inside(static_cast<std::size_t>(count)); // links within each component
    for (const CausalLink &l : graph.links()) {
        if (componentOf[std::size_t(l.from)] == componentOf[std::size_t(l.to)])
            inside[std::size_t(componentOf[std::size_t(l.from)])].push_back(&l);
    }
    std::vector<Component> out;
    std::vector<int> local(n, -1);
    for (std::size_t k = 0; k < members.size(); ++k) {
        std::vector<int> &m = members[k];
        std::sort(m.begin(), m.end(), [&](int a, int b) { return rank[std::size_t(a)] < rank[std::size_t(b)]; });
        for (std::size_t i = 0; i < m.size(); ++i)
            local[std::size_t(m[i])] = int(i);
        Component c;
        c.links.resize(m.size());
        bool hasLoop = m.size() > 1;
        for (const CausalLink *l : inside[k]) {
            c.links[std::size_t(local[std::size_t(l->from)])].push_back({local[std::size_t(l->to)], l->polarity});
            hasLoop = hasLoop || l->from == l->to;
        }
        if (!hasLoop)
            continue;
        // Out-links in name order, so that a capped search finds the same loops every run.
        for (auto &out : c.links)
            std::sort(out.begin(), out.end());
        c.vertices = std::move(m);
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace

class LoopCollector {
public:
    LoopCollector(const LoopSearchOptions &options, LoopList &out) : m_options(options), m_out(out) {}

    // The graph has at most one link per ordered pair (CausalGraph merges them), so the
    // plain Hawick-James search finds each circuit once; hawick_unique_circuits would
    // only add the cost of building a std::set of neighbours at every step.
    void search(const Component &c, int componentIndex)
    {
        m_component = &c;
        m_componentIndex = componentIndex;
        Digraph digraph(c.links.size());
        for (std::size_t u = 0; u < c.links.size(); ++u) {
            for (const auto &[v, polarity] : c.links[u])
                boost::add_edge(u, std::size_t(v), digraph);
        }
        boost::hawick_circuits(digraph, Visitor{this});
    }

    void cycle(const std::vector<std::size_t> &path)
    {
        if (m_out.size() >= m_options.maxLoops) {
            m_out.complete = false;
            throw StopSearch{};
        }
        if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed)) {
            m_out.complete = false;
            m_out.cancelled = true;
            throw StopSearch{};
        }
        int negatives = 0;
        bool unknown = false;
        const std::size_t n = path.size();
        for (std::size_t i = 0; i < n; ++i) {
            const auto &out = m_component->links[path[i]];
            const int next = int(path[i + 1 == n ? 0 : i + 1]);
            for (const auto &[to, polarity] : out) {
                if (to == next) {
                    negatives += polarity == LinkPolarity::Negative;
                    unknown = unknown || polarity == LinkPolarity::Unknown;
                    break;
                }
            }
            m_out.m_variables.push_back(m_component->vertices[path[i]]);
        }
        m_out.m_begin.push_back(m_out.m_variables.size());
        m_out.m_polarity.push_back(unknown ? LoopPolarity::Unknown
                                   : negatives % 2 ? LoopPolarity::Balancing
                                                   : LoopPolarity::Reinforcing);
        m_out.m_component.push_back(m_componentIndex);
        if (m_options.progress && m_out.size() % 16384 == 0)
            m_options.progress(m_out.size());
    }

    // Orders the loops by length, then by their names in loop order, and numbers each
    // polarity's loops in that order.
    void name(const std::vector<int> &rank)
    {
        const std::size_t count = m_out.size();
        std::vector<std::size_t> order(count);
        std::iota(order.begin(), order.end(), std::size_t(0));
        const std::vector<int> &vars = m_out.m_variables;
        const std::vector<std::size_t> &begin = m_out.m_begin;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const std::size_t la = begin[a + 1] - begin[a], lb = begin[b + 1] - begin[b];
            if (la != lb)
                return la < lb;
            for (std::size_t k = 0; k < la; ++k) {
                const int ra = rank[std::size_t(vars[begin[a] + k])], rb = rank[std::size_t(vars[begin[b] + k])];
                if (ra != rb)
                    return ra < rb;
            }
            return false;
        });

        LoopList sorted;
        sorted.complete = m_out.complete;
        sorted.cancelled = m_out.cancelled;
        sorted.m_variables.reserve(vars.size());
        sorted.m_begin.reserve(count + 1);
        sorted.m_polarity.reserve(count);
        sorted.m_component.reserve(count);
        sorted.m_number.reserve(count);
        int numbers[3] = {0, 0, 0};
        for (std::size_t i : order) {
            sorted.m_variables.insert(sorted.m_variables.end(), vars.begin() + std::ptrdiff_t(begin[i]),
                                      vars.begin() + std::ptrdiff_t(begin[i + 1]));
            sorted.m_begin.push_back(sorted.m_variables.size());
            sorted.m_polarity.push_back(m_out.m_polarity[i]);
            sorted.m_component.push_back(m_out.m_component[i]);
            sorted.m_number.push_back(++numbers[int(m_out.m_polarity[i])]);
        }
        m_out = std::move(sorted);
    }

private:
    struct Visitor {
        LoopCollector *collector;
        template<typename Path, typename Graph>
        void cycle(const Path &path, const Graph &) { collector->cycle(path); }
    };

    const LoopSearchOptions &m_options;
    LoopList &m_out;
    const Component *m_component = nullptr;
    int m_componentIndex = 0;
};

LoopList findLoops(const CausalGraph &graph, const LoopSearchOptions &options)
{
    LoopList loops;
    const std::vector<int> rank = nameRanks(graph);
    const std::vector<Component> components = componentsWithLoops(graph, rank);
    LoopCollector collector(options, loops);
    try {
        for (std::size_t i = 0; i < components.size(); ++i)
            collector.search(components[i], int(i));
    } catch (const StopSearch &) {
        // complete and cancelled are set where the search stopped
    }
    collector.name(rank);
    return loops;
}

QString LoopList::name(std::size_t loop) const
{
    return polarityLetter(m_polarity[loop]) + QString::number(m_number[loop]);
}

std::size_t LoopList::count(LoopPolarity polarity) const
{
    return std::size_t(std::count(m_polarity.begin(), m_polarity.end(), polarity));
}

LoopPolarity loopPolarity(const CausalGraph &graph, std::span<const int> variables)
{
    int negatives = 0;
    for (std::size_t i = 0; i < variables.size(); ++i) {
        const CausalLink *link = graph.findLink(variables[i], variables[(i + 1) % variables.size()]);
        if (!link || link->polarity == LinkPolarity::Unknown)
            return LoopPolarity::Unknown;
        negatives += link->polarity == LinkPolarity::Negative;
    }
    return negatives % 2 ? LoopPolarity::Balancing : LoopPolarity::Reinforcing;
}

QString polarityName(LoopPolarity polarity)
{
    switch (polarity) {
    case LoopPolarity::Reinforcing: return QStringLiteral("reinforcing");
    case LoopPolarity::Balancing: return QStringLiteral("balancing");
    case LoopPolarity::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString polarityLetter(LoopPolarity polarity)
{
    switch (polarity) {
    case LoopPolarity::Reinforcing: return QStringLiteral("R");
    case LoopPolarity::Balancing: return QStringLiteral("B");
    case LoopPolarity::Unknown: break;
    }
    return QStringLiteral("U");
}

} // namespace meadows
