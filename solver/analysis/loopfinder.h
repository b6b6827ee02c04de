#pragma once
// Every feedback loop of a causal graph: strongly connected components first, then the
// elementary circuits of each, classified reinforcing, balancing or unknown, and named
// R1.., B1.., U1.. in a stable order (by length, then by the variables' names) so that
// names do not shuffle between runs. Pure function of its input: safe to run on a
// worker thread, with a cancel flag and a progress callback.
#include "solver/analysis/causalgraph.h"
#include "model/hugepageallocator.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace meadows {

enum class LoopPolarity : std::int8_t { Reinforcing, Balancing, Unknown };

struct LoopSearchOptions {
    // The search keeps at most this many loops, the shortest (shortestcircuits.h), and
    // reports itself incomplete when there are more.
    std::size_t maxLoops = 100000;
    // Polled while searching; when it turns true the search stops, incomplete.
    const std::atomic<bool> *cancel = nullptr;
    // Called on the searching thread every few thousand loops with the number found.
    std::function<void(std::size_t loopsFound)> progress;
};

class LoopList {
public:
    std::size_t size() const { return m_found.size(); }
    bool empty() const { return m_found.empty(); }

    // The loop's variables (indices into the graph) in causal order, starting with the
    // variable whose name sorts first: the loop is v0 -> v1 -> ... -> v0.
    std::vector<int> variables(std::size_t loop) const;
    std::size_t length(std::size_t loop) const { return m_found[m_order[loop]].length; }
    LoopPolarity polarity(std::size_t loop) const { return m_found[m_order[loop]].polarity; }
    // The strongly connected component the loop lies in; loops in different components
    // cannot influence each other (Loops That Matter normalises scores per component).
    int component(std::size_t loop) const
    {
        return m_componentOf[std::size_t(m_vertex[m_found[m_order[loop]].end])];
    }
    // "R1", "B2", "U1": the polarity's letter and the loop's rank among loops of that polarity.
    QString name(std::size_t loop) const;
    std::size_t count(LoopPolarity polarity) const;

    // False when the search stopped early: at LoopSearchOptions::maxLoops or cancelled.
    bool complete = true;
    bool cancelled = false;

private:
    friend class LoopCollector;
    friend LoopList findLoops(const CausalGraph &graph, const LoopSearchOptions &options);
    friend LoopList loopListOf(const CausalGraph &graph, std::vector<std::vector<int>> circuits);
    // Hundreds of thousands of loops share most of their paths: loops are kept as the
    // last node of a path in a trie of the search's paths (node: parent, variable), which
    // takes a fraction of the memory of every loop written out, and memory, not search,
    // is what costs most at that scale. Per loop, in the order the search found them:
    struct Found {
        std::uint32_t end;    // trie node of the loop's last variable
        std::uint32_t length;
        LoopPolarity polarity;
    };
    template<typename T>
    using Big = std::vector<T, HugePageAllocator<T>>;
    Big<Found> m_found;
    // Each run of loops with the same first variable: (its first loop, the variable).
    std::vector<std::pair<std::uint32_t, int>> m_starts;
    // The trie.
    Big<std::uint32_t> m_parent; // kNoParent at a start vertex
    Big<int> m_vertex;
    std::vector<int> m_componentOf;      // per graph variable
    // m_order maps a loop's place in the named order to its place in the found order,
    // so that ordering moves indices, not loops.
    Big<std::uint32_t> m_order;
    Big<int> m_number;           // named order: rank among loops of its polarity, from 1
};

LoopList findLoops(const CausalGraph &graph, const LoopSearchOptions &options = {});

// A list of given loops (each a circuit of the graph's variables in causal order, each
// once), named and ordered as findLoops names and orders them: for loops found another
// way, such as the strongest-path discovery of loopdiscovery.h.
LoopList loopListOf(const CausalGraph &graph, std::vector<std::vector<int>> circuits);

// The names of a loop's variables in causal order (as LoopList::variables gives them).
QStringList loopVariableNames(const CausalGraph &graph, const LoopList &loops, std::size_t loop);

// A loop's polarity from its links: an even number of negative links (zero included) is
// reinforcing, an odd number balancing, and any link of unknown polarity makes it unknown.
LoopPolarity loopPolarity(const CausalGraph &graph, std::span<const int> variables);

// "reinforcing", "balancing", "unknown".
QString polarityName(LoopPolarity polarity);
// "R", "B", "U".
QString polarityLetter(LoopPolarity polarity);

} // namespace meadows
