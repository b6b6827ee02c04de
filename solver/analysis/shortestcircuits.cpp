#include "solver/analysis/shortestcircuits.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace meadows {

namespace {

constexpr int kFar = std::numeric_limits<int>::max() / 2;

class ShortestSearch {
public:
    ShortestSearch(const CausalGraph &graph, const std::vector<int> &rank, std::size_t limit,
                   const std::atomic<bool> *cancel, std::size_t maxSteps)
        : m_rank(rank), m_limit(limit), m_cancel(cancel), m_maxSteps(maxSteps),
          m_n(std::size_t(graph.variableCount())), m_out(m_n), m_in(m_n), m_onPath(m_n, 0), m_distance(m_n, kFar),
          m_shortest(m_n, 1) // unknown until searched: at least 1
    {
        for (const CausalLink &l : graph.links()) {
            m_out[std::size_t(l.from)].push_back(l.to);
            m_in[std::size_t(l.to)].push_back(l.from);
        }
        // Out-links in name order: one start's circuits of one length then come in
        // lexicographic order of ranks.
        for (auto &targets : m_out)
            std::sort(targets.begin(), targets.end(), [&](int a, int b) { return rank[std::size_t(a)] < rank[std::size_t(b)]; });
        m_starts.resize(m_n);
        std::iota(m_starts.begin(), m_starts.end(), 0);
        std::sort(m_starts.begin(), m_starts.end(), [&](int a, int b) { return rank[std::size_t(a)] < rank[std::size_t(b)]; });
    }

    std::optional<std::vector<std::vector<int>>> run()
    {
        for (std::size_t length = 1; length <= m_n && m_found.size() < m_limit; ++length) {
            for (int start : m_starts) {
                // The shortest circuit from each start does not change with the length
                // searched: starts whose shortest is longer are skipped without a search.
                if (m_shortest[std::size_t(start)] > int(length))
                    continue;
                m_start = start;
                distancesTo(start);
                m_shortest[std::size_t(start)] = m_distance[std::size_t(start)];
                if (m_distance[std::size_t(start)] > int(length))
                    continue;
                m_length = length;
                m_path.assign(1, start);
                m_onPath[std::size_t(start)] = 1;
                extend(start);
                m_onPath[std::size_t(start)] = 0;
                if (m_stopped)
                    return std::nullopt;
                if (m_found.size() >= m_limit)
                    break;
            }
        }
        return std::move(m_found);
    }

private:
    bool eligible(int v) const { return m_rank[std::size_t(v)] >= m_rank[std::size_t(m_start)]; }

    // m_distance[v]: the fewest links from v back to the start through variables ranked
    // at or after it (the only ones a circuit found from this start may use); the start's
    // own entry is the length of its shortest circuit.
    void distancesTo(int start)
    {
        std::fill(m_distance.begin(), m_distance.end(), kFar);
        std::vector<int> frontier{start};
        std::vector<int> next;
        std::vector<char> seen(m_n, 0);
        int shortest = kFar;
        for (int d = 1; !frontier.empty(); ++d) {
            next.clear();
            for (int v : frontier) {
                for (int u : m_in[std::size_t(v)]) {
                    if (!eligible(u))
                        continue;
                    if (u == start) {
                        shortest = std::min(shortest, d);
                        continue;
                    }
                    if (!seen[std::size_t(u)]) {
                        seen[std::size_t(u)] = 1;
                        m_distance[std::size_t(u)] = d;
                        next.push_back(u);
                    }
                }
            }
            std::swap(frontier, next);
        }
        m_distance[std::size_t(start)] = shortest;
    }

    void extend(int v)
    {
        if (++m_steps > m_maxSteps || ((m_steps & 4095) == 0 && m_cancel && m_cancel->load(std::memory_order_relaxed))) {
            m_stopped = true;
            return;
        }
        const std::size_t depth = m_path.size(); // vertices on the path so far
        for (int w : m_out[std::size_t(v)]) {
            if (m_stopped || m_found.size() >= m_limit)
                return;
            if (w == m_start) {
                if (depth == m_length)
                    m_found.push_back(m_path);
                continue;
            }
            // Through w the circuit has at least depth + distance(w) variables.
            if (!eligible(w) || m_onPath[std::size_t(w)] || depth + std::size_t(m_distance[std::size_t(w)]) > m_length)
                continue;
            m_path.push_back(w);
            m_onPath[std::size_t(w)] = 1;
            extend(w);
            m_onPath[std::size_t(w)] = 0;
            m_path.pop_back();
        }
    }

    const std::vector<int> &m_rank;
    const std::size_t m_limit;
    const std::atomic<bool> *m_cancel;
    const std::size_t m_maxSteps;
    const std::size_t m_n;
    std::vector<std::vector<int>> m_out, m_in;
    std::vector<int> m_starts;
    std::vector<char> m_onPath;
    std::vector<int> m_distance;
    std::vector<int> m_shortest; // per start: its shortest circuit's length (kFar: none)
    std::vector<int> m_path;
    std::vector<std::vector<int>> m_found;
    int m_start = 0;
    std::size_t m_length = 0;
    std::size_t m_steps = 0;
    bool m_stopped = false;
};

} // namespace

std::optional<std::vector<std::vector<int>>> shortestCircuits(const CausalGraph &graph, const std::vector<int> &rank,
                                                              std::size_t limit, const std::atomic<bool> *cancel,
                                                              std::size_t maxSteps)
{
    return ShortestSearch(graph, rank, limit, cancel, maxSteps).run();
}

} // namespace meadows
