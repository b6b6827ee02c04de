#pragma once
// Every feedback loop of a causal graph: strongly connected components first, then the
// elementary circuits of each, classified reinforcing, balancing or unknown, and named
// R1.., B1.., U1.. in a stable order (by length, then by the variables' names) so that
// names do not shuffle between runs. Pure function of its input: safe to run on a
// worker thread, with a cancel flag and a progress callback.
#include "causalgraph.h"

#include <QString>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace meadows {

enum class LoopPolarity : std::int8_t { Reinforcing, Balancing, Unknown };

struct LoopSearchOptions {
    // The search stops after this many loops and reports itself incomplete.
    std::size_t maxLoops = 100000;
    // Polled while searching; when it turns true the search stops, incomplete.
    const std::atomic<bool> *cancel = nullptr;
    // Called on the searching thread every few thousand loops with the number found.
    std::function<void(std::size_t loopsFound)> progress;
};

class LoopList {
public:
    std::size_t size() const { return m_polarity.size(); }
    bool empty() const { return m_polarity.empty(); }

    // The loop's variables (indices into the graph) in causal order, starting with the
    // variable whose name sorts first: the loop is v0 -> v1 -> ... -> v0.
    std::span<const int> variables(std::size_t loop) const
    {
        return {m_variables.data() + m_begin[loop], m_begin[loop + 1] - m_begin[loop]};
    }
    std::size_t length(std::size_t loop) const { return m_begin[loop + 1] - m_begin[loop]; }
    LoopPolarity polarity(std::size_t loop) const { return m_polarity[loop]; }
    // The strongly connected component the loop lies in; loops in different components
    // cannot influence each other (Loops That Matter normalises scores per component).
    int component(std::size_t loop) const { return m_component[loop]; }
    // "R1", "B2", "U1": the polarity's letter and the loop's rank among loops of that polarity.
    QString name(std::size_t loop) const;
    std::size_t count(LoopPolarity polarity) const;

    // False when the search stopped early: at LoopSearchOptions::maxLoops or cancelled.
    bool complete = true;
    bool cancelled = false;

private:
    friend class LoopCollector;
    std::vector<int> m_variables;
    std::vector<std::size_t> m_begin{0};
    std::vector<LoopPolarity> m_polarity;
    std::vector<int> m_component;
    std::vector<int> m_number; // 1-based rank among loops of the same polarity
};

LoopList findLoops(const CausalGraph &graph, const LoopSearchOptions &options = {});

// A loop's polarity from its links: an even number of negative links (zero included) is
// reinforcing, an odd number balancing, and any link of unknown polarity makes it unknown.
LoopPolarity loopPolarity(const CausalGraph &graph, std::span<const int> variables);

// "reinforcing", "balancing", "unknown".
QString polarityName(LoopPolarity polarity);
// "R", "B", "U".
QString polarityLetter(LoopPolarity polarity);

} // namespace meadows
