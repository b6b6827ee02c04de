#pragma once
// Stella's HISTORY(input, time) asked for the current time gives the input's value now
// (Node::Kind::History with value 1), so that value is read in the same step, ordered before
// the call as any reference is. Where the input depends on the caller in the same step, or at
// the start (y = HISTORY(y, TIME - 0.5) at DT 1, a loop no stock breaks), that order cannot
// be: that call's read now is left out, and the last recorded value stands for it, 0 at the
// start (historyNow in vm.cpp). It is said, once for the variable, unless the time asked for
// is plainly past (TIME minus at least one DT of a fixed step), where the value now is never
// asked for.
#include "flatmodel.h"
#include "model/source.h"

#include <vector>

namespace meadows {

// One HISTORY call's read of its input now: the call's recorded series (one per call), the
// variable it reads, and whether the time it asks for is plainly past.
struct ReadNow {
    int series = -1;
    int input = -1;
    bool plainlyPast = false;
};

// The variables `n` reads, into `reads`; HISTORY's reads of its input now, into `now`.
void splitReads(const FlatModel &flat, const Node &n, std::vector<int> &reads, std::vector<ReadNow> &now);

// Given each variable's reads in its equation (`deps`) and its initial value (`initDeps`), and
// the reads now of each (`now`, `initNow`), adds to `deps` and `initDeps` the reads now that
// close no loop, and returns, for each recorded series, whether its call's read now is left out.
std::vector<bool> settleReadsNow(const FlatModel &flat, std::vector<std::vector<int>> &deps,
                                 std::vector<std::vector<int>> &initDeps, const std::vector<std::vector<ReadNow>> &now,
                                 const std::vector<std::vector<ReadNow>> &initNow, std::vector<Diagnostic> &diagnostics);

} // namespace meadows
