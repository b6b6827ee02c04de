#include "solver/analysis/loopfinder.h"

#include "solver/analysis/circuitsearch.h"
#include "solver/analysis/shortestcircuits.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <numeric>

namespace meadows {

namespace {

using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

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
// local vertex 0 is the variable whose name sorts first. The circuit search reports
// each circuit starting from its lowest-numbered vertex, so every loop then comes out
// already starting at its first name: no rotation needed.
struct Component {
    std::vector<int> vertices;                                      // local -> graph index
    SignedAdjacency links;  // local out-links, sorted
};

// componentOf[v]: the index of v's component among those returned, -1 when v is on no loop.
std::vector<Component> componentsWithLoops(const CausalGraph &graph, const std::vector<int> &rank,
                                           std::vector<int> &componentOf)
{
    const std::size_t n = std::size_t(graph.variableCount());
    Digraph whole(n);
    for (const CausalLink &l : graph.links())
        boost::add_edge(std::size_t(l.from), std::size_t(l.to), whole);
    componentOf.assign(n, -1);
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
    std::vector<int> kept(std::size_t(count), -1); // strong component -> index in `out`
    for (std::size_t i = 0; i < out.size(); ++i)
        kept[std::size_t(componentOf[std::size_t(out[i].vertices.front())])] = int(i);
    for (int &c : componentOf)
        c = kept[std::size_t(c)];
    return out;
}

} // namespace

namespace {

constexpr std::uint32_t kNoParent = ~std::uint32_t(0);

// Sorts the items 0..count-1 by key (in 0..keys-1), keeping the input order among equal
// keys, and writes value(item) in sorted order to out.
template<typename Key, typename Value, typename Out>
void stableCountingSort(std::size_t count, std::size_t keys, Key key, Value value, Out &out)
{
    std::vector<std::size_t> start(keys + 1, 0);
    for (std::size_t i = 0; i < count; ++i)
        ++start[key(i) + 1];
    for (std::size_t k = 0; k < keys; ++k)
        start[k + 1] += start[k];
    for (std::size_t i = 0; i < count; ++i)
        out[start[key(i)]++] = value(i);
}

} // namespace

class LoopCollector {
public:
    LoopCollector(const LoopSearchOptions &options, LoopList &out) : m_options(options), m_out(out)
    {
        // Reserving address space is free until it is written, and growing by copying
        // would move and fault in the same memory again and again.
        const std::size_t expected = std::min<std::size_t>(options.maxLoops, std::size_t(1) << 20);
        m_out.m_found.reserve(expected);
        m_out.m_parent.reserve(4 * expected);
        m_out.m_vertex.reserve(4 * expected);
    }

    // Returns false when the search stopped early (the cap or cancel).
    bool search(const Component &c)
    {
        m_pathNodes.clear(); // a new component shares no path with the last one
        return findCircuits(c.links, [&](std::span<const int> circuit, std::size_t unchanged, int negatives, int unknowns) {
            return record(c, circuit, unchanged, negatives, unknowns);
        });
    }

    // Orders the loops by length, then by their variables' names in loop order, and
    // numbers each polarity's loops in that order. No comparison sort is needed: with
    // out-links in name order and each search starting from its component's first name,
    // the depth-first search already emits one start vertex's loops in lexicographic
    // order (a loop before its extensions, since the start comes first among the
    // neighbours). What is left are two stable counting sorts: by first variable, which
    // interleaves the components' start vertices, then by length.
    void name(const std::vector<int> &rank)
    {
        const std::size_t count = m_out.m_found.size();
        std::vector<std::pair<std::uint32_t, int>> starts = m_out.m_starts;
        std::sort(starts.begin(), starts.end(), [&](const auto &a, const auto &b) {
            return rank[std::size_t(a.second)] < rank[std::size_t(b.second)];
        });
        std::vector<std::uint32_t, HugePageAllocator<std::uint32_t>> lexicographic;
        lexicographic.reserve(count);
        for (const auto &[first, variable] : starts) {
            const auto next = std::upper_bound(m_out.m_starts.begin(), m_out.m_starts.end(), first,
                                               [](std::uint32_t f, const auto &s) { return f < s.first; });
            const std::uint32_t end = next == m_out.m_starts.end() ? std::uint32_t(count) : next->first;
            for (std::uint32_t i = first; i < end; ++i)
                lexicographic.push_back(i);
        }
        std::size_t longest = 0;
        for (const LoopList::Found &f : m_out.m_found)
            longest = std::max<std::size_t>(longest, f.length);
        m_out.m_order.resize(count);
        stableCountingSort(
            count, longest + 1, [&](std::size_t k) { return std::size_t(m_out.m_found[lexicographic[k]].length); },
            [&](std::size_t k) { return lexicographic[k]; }, m_out.m_order);

        m_out.m_number.resize(count);
        int numbers[3] = {0, 0, 0};
        for (std::size_t i = 0; i < count; ++i)
            m_out.m_number[i] = ++numbers[int(m_out.m_found[m_out.m_order[i]].polarity)];
    }

    bool record(const Component &c, std::span<const int> circuit, std::size_t shared, int negatives, int unknowns)
    {
        if (m_out.m_found.size() >= m_options.maxLoops || m_out.m_parent.size() >= kNoParent - circuit.size()) {
            m_out.complete = false;
            return false;
        }
        if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed)) {
            m_out.complete = false;
            m_out.cancelled = true;
            return false;
        }
        // Reuse the trie nodes of the prefix this circuit shares with the last one.
        m_pathNodes.resize(std::min(shared, m_pathNodes.size()));
        for (std::size_t i = m_pathNodes.size(); i < circuit.size(); ++i) {
            m_pathNodes.push_back(std::uint32_t(m_out.m_parent.size()));
            m_out.m_parent.push_back(i ? m_pathNodes[i - 1] : kNoParent);
            m_out.m_vertex.push_back(c.vertices[std::size_t(circuit[i])]);
        }
        const int first = c.vertices[std::size_t(circuit[0])];
        if (m_out.m_starts.empty() || m_out.m_starts.back().second != first)
            m_out.m_starts.push_back({std::uint32_t(m_out.m_found.size()), first});
        m_out.m_found.push_back({m_pathNodes.back(), std::uint32_t(circuit.size()),
                                 unknowns ? LoopPolarity::Unknown
                                 : negatives % 2 ? LoopPolarity::Balancing
                                                 : LoopPolarity::Reinforcing});
        if (m_options.progress && m_out.m_found.size() % 16384 == 0)
            m_options.progress(m_out.m_found.size());
        return true;
    }

    const LoopSearchOptions &m_options;
    LoopList &m_out;
    std::vector<std::uint32_t> m_pathNodes; // the trie nodes of the last circuit
};

LoopList findLoops(const CausalGraph &graph, const LoopSearchOptions &options)
{
    LoopList loops;
    const std::vector<int> rank = nameRanks(graph);
    const std::vector<Component> components = componentsWithLoops(graph, rank, loops.m_componentOf);
    LoopCollector collector(options, loops);
    for (const Component &c : components) {
        if (!collector.search(c))
            break; // complete and cancelled are set where the search stopped
    }
    if (!loops.complete && !loops.cancelled) {
        // Stopped at the cap: the first loops the search met are an accident of names,
        // the shortest are the ones worth keeping. Kept as found only if that search
        // itself runs past its bound.
        if (std::optional<std::vector<std::vector<int>>> shortest =
                shortestCircuits(graph, rank, options.maxLoops, options.cancel)) {
            LoopList capped = loopListOf(graph, std::move(*shortest));
            capped.complete = false;
            return capped;
        }
        loops.cancelled = options.cancel && options.cancel->load(std::memory_order_relaxed);
    }
    collector.name(rank);
    return loops;
}

LoopList loopListOf(const CausalGraph &graph, std::vector<std::vector<int>> circuits)
{
    LoopList loops;
    const std::vector<int> rank = nameRanks(graph);
    componentsWithLoops(graph, rank, loops.m_componentOf);
    // Each loop from its first name, then in the order findLoops emits them (by first
    // variable, then lexicographically by names), which is what name() expects.
    for (std::vector<int> &c : circuits) {
        const auto first = std::min_element(c.begin(), c.end(), [&](int a, int b) { return rank[std::size_t(a)] < rank[std::size_t(b)]; });
        std::rotate(c.begin(), first, c.end());
    }
    std::sort(circuits.begin(), circuits.end(), [&](const std::vector<int> &a, const std::vector<int> &b) {
        return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                            [&](int x, int y) { return rank[std::size_t(x)] < rank[std::size_t(y)]; });
    });
    for (const std::vector<int> &c : circuits) {
        if (c.empty())
            continue;
        if (loops.m_starts.empty() || loops.m_starts.back().second != c.front())
            loops.m_starts.push_back({std::uint32_t(loops.m_found.size()), c.front()});
        for (std::size_t i = 0; i < c.size(); ++i) {
            loops.m_parent.push_back(i ? std::uint32_t(loops.m_parent.size() - 1) : kNoParent);
            loops.m_vertex.push_back(c[i]);
        }
        loops.m_found.push_back({std::uint32_t(loops.m_parent.size() - 1), std::uint32_t(c.size()), loopPolarity(graph, c)});
    }
    LoopSearchOptions options;
    LoopCollector collector(options, loops);
    collector.name(rank);
    return loops;
}

std::vector<int> LoopList::variables(std::size_t loop) const
{
    const std::uint32_t found = m_order[loop];
    std::vector<int> out(m_found[found].length);
    std::uint32_t node = m_found[found].end;
    for (std::size_t i = out.size(); i-- > 0; node = m_parent[node])
        out[i] = m_vertex[node];
    return out;
}

QString LoopList::name(std::size_t loop) const
{
    return polarityLetter(polarity(loop)) + QString::number(m_number[loop]);
}

std::size_t LoopList::count(LoopPolarity polarity) const
{
    return std::size_t(std::count_if(m_found.begin(), m_found.end(),
                                     [polarity](const Found &f) { return f.polarity == polarity; }));
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

QStringList loopVariableNames(const CausalGraph &graph, const LoopList &loops, std::size_t loop)
{
    QStringList names;
    for (int v : loops.variables(loop))
        names << graph.name(v);
    return names;
}

} // namespace meadows
