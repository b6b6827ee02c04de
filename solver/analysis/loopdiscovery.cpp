#include "solver/analysis/loopdiscovery.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_set>

namespace meadows {

namespace {

struct CircuitHash {
    std::size_t operator()(const std::vector<int> &c) const
    {
        std::size_t h = c.size();
        for (int v : c)
            h = h * 1000003u ^ std::size_t(v);
        return h;
    }
};

// One step's search: out-links weighted by |score|, strongest first; zero links are
// left out, a loop through one does not act at this step.
class StrongestPathSearch {
public:
    StrongestPathSearch(int variables, const LoopDiscoveryOptions &options)
        : m_out(std::size_t(variables)), m_best(std::size_t(variables)), m_visiting(std::size_t(variables), 0),
          m_options(options)
    {
    }

    void setWeights(const std::vector<CausalLink> &links, const double *scores)
    {
        for (auto &out : m_out)
            out.clear();
        for (std::size_t k = 0; k < links.size(); ++k) {
            const double w = std::fabs(scores[k]);
            if (w > 0 && std::isfinite(w))
                m_out[std::size_t(links[k].from)].push_back({links[k].to, w});
            else if (std::isinf(w))
                m_out[std::size_t(links[k].from)].push_back({links[k].to, 1e300});
        }
        for (auto &out : m_out)
            std::sort(out.begin(), out.end(), [](const Edge &a, const Edge &b) { return a.weight > b.weight; });
    }

    // Searches from `stock`; returns false when cut short.
    bool search(int stock, const std::function<void(const std::vector<int> &)> &found)
    {
        std::fill(m_best.begin(), m_best.end(), 0.0);
        m_target = stock;
        m_visits = 0;
        m_found = &found;
        m_stack.clear();
        visit(stock, 1.0);
        return m_visits <= m_options.maxVisitsPerSearch;
    }

private:
    struct Edge {
        int to;
        double weight;
    };

    void visit(int v, double score)
    {
        if (++m_visits > m_options.maxVisitsPerSearch)
            return;
        if (m_visiting[std::size_t(v)]) {
            if (v == m_target)
                (*m_found)(m_stack);
            return;
        }
        if (score < m_best[std::size_t(v)])
            return; // an earlier path of this search reached v more strongly
        m_best[std::size_t(v)] = score;
        m_visiting[std::size_t(v)] = 1;
        m_stack.push_back(v);
        for (const Edge &e : m_out[std::size_t(v)])
            visit(e.to, std::min(score * e.weight, 1e300));
        m_stack.pop_back();
        m_visiting[std::size_t(v)] = 0;
    }

    std::vector<std::vector<Edge>> m_out;
    std::vector<double> m_best;
    std::vector<char> m_visiting;
    std::vector<int> m_stack;
    const LoopDiscoveryOptions &m_options;
    const std::function<void(const std::vector<int> &)> *m_found = nullptr;
    int m_target = -1;
    std::size_t m_visits = 0;
};

} // namespace

DiscoveredLoops discoverStrongestLoops(const CausalModel &causal, const LinkScoreRun &scores,
                                       const LoopDiscoveryOptions &options)
{
    DiscoveredLoops out;
    const std::vector<CausalLink> &links = causal.graph.links();
    std::vector<int> stocks;
    for (std::size_t v = 0; v < causal.variables.size(); ++v) {
        if (causal.variables[v].kind == VariableKind::Stock)
            stocks.push_back(int(v));
    }
    std::unordered_set<std::vector<int>, CircuitHash> seen;
    const std::function<void(const std::vector<int> &)> record = [&](const std::vector<int> &path) {
        // Each loop once, whichever stock it was found from: rotated to its smallest variable.
        std::vector<int> circuit = path;
        std::rotate(circuit.begin(), std::min_element(circuit.begin(), circuit.end()), circuit.end());
        if (seen.insert(circuit).second)
            out.circuits.push_back(std::move(circuit));
    };
    StrongestPathSearch search(causal.graph.variableCount(), options);
    for (std::size_t step = 0; step < scores.times.size(); ++step) {
        search.setWeights(links, scores.scores.data() + step * links.size());
        for (int stock : stocks) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                out.cancelled = true;
                return out;
            }
            ++out.searches;
            if (!search.search(stock, record))
                ++out.cutShort;
        }
    }
    return out;
}

} // namespace meadows
