#pragma once
// Loop discovery for models with too many loops to list (Urban Dynamics has 43.7 million):
// the strongest-path search of Eberlein & Schoenberg, "Finding the Loops that Matter"
// (2020), as Stella runs it. At each DT (see LinkScoreRun for the cap), with every link weighted by the absolute
// value of its Loops That Matter score then, a depth-first search from each stock
// follows the strongest links first and abandons a path as soon as it reaches a variable
// more weakly than an earlier path of the same search did; every path that closes on
// its starting stock is a loop. The union over all steps is the set of loops that matter.
// A heuristic: it finds the loops that carry most of the behaviour (the paper shows it
// missing a few "siblings" of found loops), not every loop.
#include "solver/analysis/causalmodel.h"
#include "solver/analysis/loopdominance.h"

#include <atomic>
#include <cstddef>
#include <vector>

namespace meadows {

struct LoopDiscoveryOptions {
    // Calls of the search one stock at one step may make before it gives up on that
    // stock at that step (ties in scores can make the search exponential).
    std::size_t maxVisitsPerSearch = 1000000;
    const std::atomic<bool> *cancel = nullptr;
};

struct DiscoveredLoops {
    std::vector<std::vector<int>> circuits; // graph variables in causal order, each loop once
    std::size_t searches = 0;               // (stock, step) searches run
    std::size_t cutShort = 0;               // of those, stopped at maxVisitsPerSearch
    bool cancelled = false;
};

DiscoveredLoops discoverStrongestLoops(const CausalModel &causal, const LinkScoreRun &scores,
                                       const LoopDiscoveryOptions &options = {});

} // namespace meadows
