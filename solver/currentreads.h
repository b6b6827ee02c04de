#pragma once
// Stella's HISTORY(input, time) asked for the current time gives the input's value now
// (Node::Kind::History with value 1), so that value is read in the same step, ordered before
// the call as any reference is. Where the input depends on the caller in the same step, or at
// the start (y = HISTORY(y, TIME - 1), a loop no stock breaks), that order cannot be: the read
// now is left out, and the last recorded value stands for it, 0 at the start (historyNow in
// vm.cpp). It is said unless the time asked for is plainly past (TIME minus a positive
// number), where the value now is never asked for.
#include "flatmodel.h"
#include "model/source.h"

#include <vector>

namespace meadows {

// The variables `n` reads, into `reads`; those HISTORY reads only for its value now, into `now`.
void splitReads(const Node &n, std::vector<int> &reads, std::vector<int> &now);

// Given each variable's reads in its equation (`deps`) and its initial value (`initDeps`), and
// the reads now of each (`now`, `initNow`), adds to `deps` and `initDeps` the reads now that
// close no loop, and returns, for each variable, whether its reads now are left out.
std::vector<bool> settleReadsNow(const FlatModel &flat, std::vector<std::vector<int>> &deps,
                                 std::vector<std::vector<int>> &initDeps, const std::vector<std::vector<int>> &now,
                                 const std::vector<std::vector<int>> &initNow, std::vector<Diagnostic> &diagnostics);

} // namespace meadows
