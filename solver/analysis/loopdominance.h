#pragma once
// Loop dominance by Loops That Matter (Schoenberg, Davidsen & Eberlein 2020; Eberlein &
// Schoenberg 2020; the flow-to-stock score as corrected by Schoenberg, Hayward &
// Eberlein 2023), computed alongside a run: the model is simulated at every DT, each
// link's score is computed from successive values, a loop's score is the product of
// its links' scores, and its relative score is that divided by the sum of the absolute
// scores of the loops in its strongly connected component. A relative score near +1
// says a reinforcing loop drives the behaviour then, near -1 a balancing one.
//
// Link x -> z, z = f(x, y...):  |Δx(z) / Δz| * sign(Δx(z) / Δx), Δx(z) = f(x now, y
// before) - f(x before, y before); 0 when x or z does not change.
// Flow f -> stock S:             ±|Δf / Δ(net flow of S)|, + for an inflow, - for an outflow.
// Where an equation cannot be re-evaluated alone (a SMTH or DELAY inside it, an array,
// a time input, a macro) the link counts as ±1 while both ends change: exact for a
// variable with one input, an approximation otherwise; `approximatedLinks` says how many.
//
// Timing, as Stella reports it: the score at time t describes the change from t to
// t + DT ("before" is t, "now" is t + DT), the step that the flows computed at t drive.
// So a score at t is a function of the state at t: on logistic growth the reinforcing
// loop's relative score at t is exactly 1 - P(t)/K. The initial time has no score (0,
// as in Stella's output); the last save step has no step after it and repeats the score
// of the step into it. docs/loop-dominance.md has the
// cases where the formula is 0/0 and what Meadows does in each.
#include "solver/analysis/causalmodel.h"
#include "solver/program.h"
#include "solver/simulation.h"

#include "solver/analysis/loopfinder.h"

#include <QByteArray>
#include <atomic>
#include <vector>

namespace meadows {

struct DominanceResult {
    std::vector<double> times;          // one per save step
    std::vector<QString> loopNames;     // per loop, as LoopList::name
    std::size_t loopCount = 0;
    std::vector<double> relativeScores; // [step * loopCount + loop], in [-1, 1]
    std::vector<std::pair<int, int>> links; // every link on a loop, as (from, to) graph variables
    std::vector<double> linkScores;     // [step * links.size() + link]
    int approximatedLinks = 0;          // links on loops scored by the approximation above
    // Groups of loops that can influence each other (strongly connected components):
    // per loop its group, and per save step and group whether the group is at rest
    // (no stock on its loops moves measurably: see kRestTolerance in the .cpp).
    std::vector<int> loopComponent;
    int componentCount = 0;
    std::vector<char> resting;          // [step * componentCount + component]
    QString error;                      // set when the run failed or was cancelled

    double relative(std::size_t step, std::size_t loop) const { return relativeScores[step * loopCount + loop]; }
    double linkScore(std::size_t step, std::size_t link) const { return linkScores[step * links.size() + link]; }
    bool atRest(std::size_t step, int component) const
    {
        return !resting.empty() && resting[step * std::size_t(componentCount) + std::size_t(component)];
    }
};

// Runs the compiled model (options as for `meadows run`; the run steps at DT and the
// result keeps one row per save step) and scores the loops.
DominanceResult computeDominance(const CausalModel &causal, const LoopList &loops, const CompiledModel &model,
                                 const RunOptions &options = {}, const std::atomic<bool> *cancel = nullptr);

// Every link of the causal graph scored as computeDominance scores the links of loops,
// at every save step (Stella's timing): what loop discovery (loopdiscovery.h) needs for
// models with too many loops to list.
// Every link's score at every DT (what loop discovery searches), or at every `stride`-th
// DT when that would keep more than kMaxKeptScores numbers (160 MB).
struct LinkScoreRun {
    static constexpr std::size_t kMaxKeptScores = 20'000'000;
    std::vector<double> times;              // one per step kept
    std::vector<double> scores;             // [step * graph links + link], in CausalGraph::links() order
    std::size_t stride = 1;                 // DTs from one kept step to the next
    QString error;
};
LinkScoreRun scoreAllLinks(const CausalModel &causal, const CompiledModel &model, const RunOptions &options = {},
                           const std::atomic<bool> *cancel = nullptr,
                           std::size_t maxKeptScores = LinkScoreRun::kMaxKeptScores);

// The `count` loops with the largest mean absolute relative score over the run, most
// dominant first (ties: in loop order).
std::vector<std::size_t> topLoops(const DominanceResult &result, std::size_t count);

// "Time,R1,B1,..." then one row per save step of those loops' relative scores.
QByteArray dominanceCsv(const DominanceResult &result, const std::vector<std::size_t> &loops);

} // namespace meadows
