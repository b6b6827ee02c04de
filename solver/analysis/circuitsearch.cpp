#include "solver/analysis/circuitsearch.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/hawick_circuits.hpp>

#include <bit>
#include <cstdint>

namespace meadows {

namespace {

// FixedWords: the bitsets' size in 64-bit words when known at compile time (1 for
// components of up to 64 variables, which lets the compiler drop the word loops), 0
// when it is only known at run time.
template<std::size_t FixedWords>
class BitsetSearch {
public:
    BitsetSearch(const SignedAdjacency &links, const CircuitSink &sink)
        : m_links(links), m_sink(sink), m_n(links.size()), m_words(FixedWords ? FixedWords : (m_n + 63) / 64),
          m_blocked(words()), m_closed(m_n * words()), m_eligible(m_n, 0)
    {
        m_path.reserve(m_n);
        if constexpr (FixedWords == 1) {
            m_targets.assign(m_n, 0);
            m_negative.assign(m_n, 0);
            m_unknown.assign(m_n, 0);
            for (std::size_t v = 0; v < m_n; ++v) {
                for (const auto &[w, polarity] : m_links[v]) {
                    m_targets[v] |= bit(w);
                    m_negative[v] |= polarity == LinkPolarity::Negative ? bit(w) : 0;
                    m_unknown[v] |= polarity == LinkPolarity::Unknown ? bit(w) : 0;
                }
            }
        }
    }

    bool run()
    {
        for (m_start = 0; m_start < int(m_n) && !m_stopped; ++m_start) {
            std::fill(m_blocked.begin(), m_blocked.end(), 0);
            std::fill(m_closed.begin(), m_closed.end(), 0);
            // Targets are sorted: skip, once for all, those numbered before the start.
            for (std::size_t v = 0; v < m_n; ++v) {
                const auto &out = m_links[v];
                while (m_eligible[v] < out.size() && out[m_eligible[v]].first < m_start)
                    ++m_eligible[v];
            }
            m_unchanged = 0;
            if constexpr (FixedWords == 1)
                circuitInOneWord(m_start);
            else
                circuit(m_start);
        }
        return !m_stopped;
    }

private:
    std::size_t words() const { return FixedWords ? FixedWords : m_words; }
    static std::size_t word(int v) { return std::size_t(v) / 64; }
    static std::uint64_t bit(int v) { return std::uint64_t(1) << (unsigned(v) % 64); }
    std::uint64_t *closedRow(int v) { return m_closed.data() + std::size_t(v) * words(); }
    bool blocked(int v) const { return m_blocked[word(v)] & bit(v); }

    // Unblocks u and, through the closed lists, everything blocked only because of it.
    void unblock(int u)
    {
        m_blocked[word(u)] &= ~bit(u);
        m_unblockStack.push_back(u);
        while (!m_unblockStack.empty()) {
            const int x = m_unblockStack.back();
            m_unblockStack.pop_back();
            std::uint64_t *row = closedRow(x);
            for (std::size_t w = 0; w < words(); ++w) {
                std::uint64_t bits = row[w];
                row[w] = 0;
                while (bits) {
                    const int y = int(w * 64) + std::countr_zero(bits);
                    bits &= bits - 1;
                    if (blocked(y)) {
                        m_blocked[word(y)] &= ~bit(y);
                        m_unblockStack.push_back(y);
                    }
                }
            }
        }
    }

    bool circuit(int v)
    {
        bool found = false;
        m_path.push_back(v);
        m_blocked[word(v)] |= bit(v);
        const auto &out = m_links[std::size_t(v)];
        for (std::size_t i = m_eligible[std::size_t(v)]; i < out.size(); ++i) {
            const auto [w, polarity] = out[i];
            const int negative = polarity == LinkPolarity::Negative;
            const int unknown = polarity == LinkPolarity::Unknown;
            if (w == m_start) {
                found = true;
                if (!m_sink(m_path, m_unchanged, m_negatives + negative, m_unknowns + unknown)) {
                    m_stopped = true;
                    break;
                }
                m_unchanged = m_path.size();
            } else if (!blocked(w)) {
                m_negatives += negative;
                m_unknowns += unknown;
                found = circuit(w) || found;
                m_negatives -= negative;
                m_unknowns -= unknown;
                if (m_stopped)
                    break;
            }
        }
        if (found) {
            unblock(v);
        } else {
            for (std::size_t i = m_eligible[std::size_t(v)]; i < out.size(); ++i)
                closedRow(out[i].first)[word(v)] |= bit(v);
        }
        m_path.pop_back();
        m_unchanged = std::min(m_unchanged, m_path.size());
        return found;
    }

    // The same search for components of up to 64 vertices, where a vertex's out-links
    // are one word: the next unblocked target is found with one mask and a bit scan
    // instead of visiting every blocked neighbour.
    bool circuitInOneWord(int v)
    {
        bool found = false;
        m_path.push_back(v);
        m_blocked[0] |= bit(v);
        const std::uint64_t eligible = ~((std::uint64_t(1) << unsigned(m_start)) - 1); // targets >= start
        const std::uint64_t targets = m_targets[std::size_t(v)] & eligible;
        if (targets & bit(m_start)) {
            found = true;
            const int negative = (m_negative[std::size_t(v)] & bit(m_start)) != 0;
            const int unknown = (m_unknown[std::size_t(v)] & bit(m_start)) != 0;
            if (!m_sink(m_path, m_unchanged, m_negatives + negative, m_unknowns + unknown))
                m_stopped = true;
            m_unchanged = m_path.size();
        }
        // Targets after the start, in order; blocking changes as the search goes deeper,
        // so the mask of candidates is taken afresh after each one.
        std::uint64_t later = targets & ~bit(m_start);
        while (!m_stopped) {
            const std::uint64_t candidates = later & ~m_blocked[0];
            if (!candidates)
                break;
            const int w = std::countr_zero(candidates);
            later &= ~((bit(w) << 1) - 1); // past w
            const int negative = (m_negative[std::size_t(v)] & bit(w)) != 0;
            const int unknown = (m_unknown[std::size_t(v)] & bit(w)) != 0;
            m_negatives += negative;
            m_unknowns += unknown;
            found = circuitInOneWord(w) || found;
            m_negatives -= negative;
            m_unknowns -= unknown;
        }
        if (found) {
            unblock(v);
        } else {
            for (std::uint64_t t = targets; t; t &= t - 1)
                closedRow(std::countr_zero(t))[0] |= bit(v);
        }
        m_path.pop_back();
        m_unchanged = std::min(m_unchanged, m_path.size());
        return found;
    }

    const SignedAdjacency &m_links;
    const CircuitSink &m_sink;
    const std::size_t m_n;
    const std::size_t m_words;
    std::vector<std::uint64_t> m_blocked;
    std::vector<std::uint64_t> m_closed; // row w: the vertices to unblock when w is unblocked
    std::vector<std::size_t> m_eligible; // per vertex: its first out-link not before the start
    std::vector<std::uint64_t> m_targets, m_negative, m_unknown; // one word per vertex (FixedWords == 1)
    std::vector<int> m_path;
    std::vector<int> m_unblockStack;
    std::size_t m_unchanged = 0; // how much of m_path the last circuit reported shares
    int m_start = 0;
    int m_negatives = 0; // on the path so far, not counting the closing link
    int m_unknowns = 0;
    bool m_stopped = false;
};

// Thrown by the Boost visitor to end the search: boost::hawick_circuits offers no other
// way out of its recursion.
struct StopSearch {};

// The graph has at most one link per ordered pair (CausalGraph merges them), so the plain
// Hawick-James search finds each circuit once; hawick_unique_circuits would only add
// the cost of building a std::set of neighbours at every step.
struct BoostVisitor {
    const SignedAdjacency *links;
    const CircuitSink *sink;
    std::vector<int> *path;

    template<typename Path, typename Graph>
    void cycle(const Path &circuit, const Graph &)
    {
        int negatives = 0, unknowns = 0;
        std::size_t unchanged = 0;
        while (unchanged < circuit.size() && unchanged < path->size() && int(circuit[unchanged]) == (*path)[unchanged])
            ++unchanged;
        path->assign(circuit.begin(), circuit.end());
        for (std::size_t i = 0; i < path->size(); ++i) {
            const int next = (*path)[i + 1 == path->size() ? 0 : i + 1];
            for (const auto &[to, polarity] : (*links)[std::size_t((*path)[i])]) {
                if (to == next) {
                    negatives += polarity == LinkPolarity::Negative;
                    unknowns += polarity == LinkPolarity::Unknown;
                    break;
                }
            }
        }
        if (!(*sink)(*path, unchanged, negatives, unknowns))
            throw StopSearch{};
    }
};

} // namespace

bool findCircuitsWithBoost(const SignedAdjacency &links, const CircuitSink &sink)
{
    using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Digraph digraph(links.size());
    for (std::size_t u = 0; u < links.size(); ++u) {
        for (const auto &[v, polarity] : links[u])
            boost::add_edge(u, std::size_t(v), digraph);
    }
    std::vector<int> path;
    try {
        boost::hawick_circuits(digraph, BoostVisitor{&links, &sink, &path});
    } catch (const StopSearch &) {
        return false;
    }
    return true;
}

bool findCircuits(const SignedAdjacency &links, const CircuitSink &sink)
{
    return links.size() <= kMaxBitsetVertices ? findCircuitsWithBitsets(links, sink) : findCircuitsWithBoost(links, sink);
}

bool findCircuitsWithBitsets(const SignedAdjacency &links, const CircuitSink &sink)
{
    if (links.size() <= 64)
        return BitsetSearch<1>(links, sink).run();
    return BitsetSearch<0>(links, sink).run();
}

} // namespace meadows
