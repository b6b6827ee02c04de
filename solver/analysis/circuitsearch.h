#pragma once
// Every elementary circuit of one strongly connected component, by the blocking search of
// Johnson (1975) in the form of Hawick and James (2008): from each start vertex in turn,
// a depth-first search over the vertices numbered after it, where a vertex that led to
// no circuit stays blocked until a circuit through a vertex it reaches is found. Sets
// are bitsets and the polarity of the path is kept as it grows, which makes this several
// times faster than boost::hawick_circuits on diagrams (see BENCHMARKS.md). Bitsets cost
// n*n/8 bytes, so components larger than kMaxBitsetVertices use Boost's search instead.
#include "solver/analysis/causalgraph.h"

#include <functional>
#include <span>
#include <utility>
#include <vector>

namespace meadows {

// links[u]: the out-links of vertex u as (target, polarity), sorted by target.
using SignedAdjacency = std::vector<std::vector<std::pair<int, LinkPolarity>>>;

inline constexpr std::size_t kMaxBitsetVertices = 4096;

// Called for each circuit with its vertices (starting at the lowest-numbered one), how
// many of its first vertices are those of the circuit reported before it in the same
// search (callers that store paths as a trie need not compare), and the number of
// negative links and of links of unknown polarity on it; returns false to stop the
// search. With targets sorted, one start vertex's circuits come in lexicographic order,
// a circuit before its extensions.
using CircuitSink = std::function<bool(std::span<const int> circuit, std::size_t unchangedPrefix,
                                       int negativeLinks, int unknownLinks)>;

// Returns false when the sink stopped the search. Uses the bitset search up to
// kMaxBitsetVertices vertices, Boost's beyond.
bool findCircuits(const SignedAdjacency &links, const CircuitSink &sink);

// The two searches, for tests and benchmarks: the same circuits in the same order.
bool findCircuitsWithBitsets(const SignedAdjacency &links, const CircuitSink &sink);
bool findCircuitsWithBoost(const SignedAdjacency &links, const CircuitSink &sink);

} // namespace meadows
