#pragma once
// When each loop drives the behaviour, from a Loops That Matter run: at each save step,
// in each group of loops that can influence each other (a strongly connected component),
// the loop with the largest relative score dominates if that score is at least half of
// the total (|score| >= 0.5); consecutive steps merge into periods.
#include "solver/analysis/loopfinder.h"
#include "solver/analysis/loopdominance.h"

#include <vector>

namespace meadows {

struct TimePeriod {
    double from = 0;
    double to = 0;
};

// Per loop (in LoopList order), the periods it dominates, in time order.
std::vector<std::vector<TimePeriod>> dominancePeriods(const DominanceResult &result, const LoopList &loops);

// "0–12.5, 40–120"; at most `maxPeriods`, then "…"; empty when there are none.
QString formatPeriods(const std::vector<TimePeriod> &periods, int maxPeriods = 5);

} // namespace meadows
