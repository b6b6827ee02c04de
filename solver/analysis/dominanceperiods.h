#pragma once
// Which loop was in charge, as periods rather than instants, from a Loops That Matter
// run. Per group of loops that can influence each other (a strongly connected
// component) each save step gets one state:
// - a loop, when its relative score is at least half of the group's total (|score| >=
//   0.5); with hysteresis: the loop in charge keeps it while it scores at least 0.4 and
//   no other loop leads it by 0.1 or more, so two loops near 0.5 do not flicker;
// - "shared", when loops act but none has half;
// - "at rest", when no stock on the group's loops moves (DominanceResult::atRest);
// - "no loop active", when stocks move but every loop scores 0 (a saturated MIN holds a
//   flow constant, an outside input drives the stocks).
// Consecutive steps with the same state form a period; a period shorter than the
// minimum length (1/40 of the run unless told) is given to a neighbour, shortest first:
// to the one that agrees on whether anything moves, else to the longer, so that a blip
// does not become a line of the story.
// The initial time, which has no score, takes the state of the step after it. A period
// runs from its first step to the first step of the next (the last to the end).
#include "solver/analysis/loopdominance.h"
#include "solver/analysis/loopfinder.h"

#include <vector>

namespace meadows {

struct TimePeriod {
    double from = 0;
    double to = 0;
};

struct DominancePeriod {
    static constexpr int kShared = -1;
    static constexpr int kAtRest = -2;
    static constexpr int kInactive = -3;
    int component = 0;
    int loop = kShared; // a loop (index into the LoopList), or one of the states above
    double from = 0;
    double to = 0;
};

struct PeriodOptions {
    double minimumLength = -1; // in time units; < 0: 1/40 of the run
};

// Every group's periods, the groups in order of their first loop, each in time order.
std::vector<DominancePeriod> dominanceStory(const DominanceResult &result, const PeriodOptions &options = {});

// Per loop (in LoopList order), the periods it is in charge of, in time order.
std::vector<std::vector<TimePeriod>> dominancePeriods(const DominanceResult &result, const LoopList &loops);

// "R1", "shared", "at rest", "no loop active".
QString periodLabel(const DominancePeriod &period, const DominanceResult &result);

// "R1 20–45" lines, one per period (the format of `meadows loops --dominance --periods`).
QByteArray periodLines(const std::vector<DominancePeriod> &periods, const DominanceResult &result);

// "0–12.5, 40–120"; at most `maxPeriods`, then "…"; empty when there are none.
QString formatPeriods(const std::vector<TimePeriod> &periods, int maxPeriods = 5);

// A time as the periods print it: as the results' Time column writes it (47.90625, never
// rounded to 47.9063), so a period's ends can be found in the CSV.
QString formatTime(double t);

} // namespace meadows
