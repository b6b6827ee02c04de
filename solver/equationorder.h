#pragma once
// The order the compiler computes equations in (compiler.cpp): a depth-first topological
// order of what each variable reads, and, where the reads go round in a circle, the error
// that names the variables around it.
#include "flatmodel.h"

#include <vector>

namespace meadows {

// Depth-first topological order; on a cycle, returns the variables around it.
struct Ordering {
    std::vector<int> order;
    std::vector<int> cycle;
};

// The variables `include` marks, each after those of `deps` (what it reads) that are marked.
Ordering order(const std::vector<std::vector<int>> &deps, const std::vector<bool> &include);

// "FILE:LINE:COL: error: WHAT: a -> b -> a", placed at the equation of the first variable
// of the cycle that the model shows (hidden ones are a builtin's or a macro's insides),
// and the cycle told from that variable on.
Diagnostic cycleError(const FlatModel &flat, std::vector<int> cycle, const QString &what);

} // namespace meadows
