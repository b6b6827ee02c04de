#pragma once
// The shortest feedback loops of a causal graph, for a loop search that must stop at a
// cap: of all the loops it could keep, the short ones are the most useful (they are the
// ones a reader can follow, and the first to dominate). Loops are found length by length,
// 1, 2, 3..., each by a depth-first search from every start variable that never follows a
// path it could not close within that length (the distance back to the start, by a
// breadth-first search, bounds it). Within one length, loops come in the order of their
// variables' ranks, so the cut at the cap is the same on every run.
#include "solver/analysis/causalgraph.h"

#include <atomic>
#include <cstddef>
#include <optional>
#include <vector>

namespace meadows {

// Up to `limit` circuits, shortest first, each as graph variables in causal order starting
// at its variable of lowest rank (rank[v]: v's place in name order). std::nullopt when the
// search was cancelled or did more than `maxSteps` steps of search.
std::optional<std::vector<std::vector<int>>> shortestCircuits(const CausalGraph &graph, const std::vector<int> &rank,
                                                              std::size_t limit,
                                                              const std::atomic<bool> *cancel = nullptr,
                                                              std::size_t maxSteps = std::size_t(1) << 28);

} // namespace meadows
