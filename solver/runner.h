#pragma once
// Internal to the solver: the state of one run, shared by the fixed-step loop
// (simulation.cpp) and the adaptive integrators (adaptive.cpp).
#include "simulation.h"

#include <QString>

namespace meadows::detail {

class Runner {
public:
    Runner(const CompiledModel &model, const RunOptions &options);

    // Empty when the sim specs make sense; else what is wrong with them.
    QString check() const;
    // Settings the run honours only approximately, said rather than silently adjusted.
    std::vector<QString> warnings(bool fixedStep) const;

    // Evaluates everything at the start; returns the stocks' initial values.
    std::vector<double> initialise();
    // Puts stock values and time in memory and evaluates what changes over time.
    void evaluate(const std::vector<double> &levels, double t);
    // Net flow into each stock from the flows in memory (non-negative stocks applied).
    void netFlows(double *out, double step);
    // A non-negative stock about to go below zero: serve its outflows in order from what
    // it holds and receives; returns the resulting net flow.
    double limitOutflows(std::size_t stock, double step);
    void record();                 // appends the recorded series' current values
    void save(Results &results);   // appends a row: time, then every output
    Results emptyResults(std::size_t expectedRows) const;

    bool cancelled(const std::atomic<bool> *cancel) const
    {
        return cancel && cancel->load(std::memory_order_relaxed);
    }

    const CompiledModel &model;
    double start, stop, dt, saveStep;
    std::vector<double> memory;
    RunState state;
};

RunResult runFixedStep(Runner &runner, Method method, const std::atomic<bool> *cancel);
RunResult runAdaptive(Runner &runner, Method method, const std::atomic<bool> *cancel);

} // namespace meadows::detail
