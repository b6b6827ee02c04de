#pragma once
// Internal to the solver: the state of one run, shared by the fixed-step loop
// (simulation.cpp) and the adaptive integrators (adaptive.cpp).
#include "simulation.h"

#include <QString>

#include <boost/numeric/odeint/stepper/explicit_generic_rk.hpp>
#include <boost/numeric/odeint/stepper/runge_kutta4.hpp>

namespace meadows::detail {

// Two-stage Runge-Kutta methods, from their Butcher tableaux by Odeint's generic stepper.
using SecondOrderRungeKutta = boost::numeric::odeint::explicit_generic_rk<2, 2, std::vector<double>, double>;
// Heun's: the rates at the start and at an Euler step's end, averaged.
inline SecondOrderRungeKutta heunStepper()
{
    return SecondOrderRungeKutta(boost::fusion::make_vector(boost::array<double, 1>{{1.0}}),
                                 boost::array<double, 2>{{0.5, 0.5}}, boost::array<double, 2>{{0.0, 1.0}});
}
// The midpoint method: a half step by the rates at the start, then the whole step by the
// rates there.
inline SecondOrderRungeKutta midpointStepper()
{
    return SecondOrderRungeKutta(boost::fusion::make_vector(boost::array<double, 1>{{0.5}}),
                                 boost::array<double, 2>{{0.0, 1.0}}, boost::array<double, 2>{{0.0, 0.5}});
}

// An index outside its dimension that a value used (Runner::checkIndexFaults): thrown out
// of the run's loop, caught by simulate(), which ends the run with this error.
struct IndexOutOfRange {
    QString message;
    SourceRef source;
};

class Runner {
public:
    Runner(const CompiledModel &model, const RunOptions &options);

    // Empty when the sim specs make sense; else what is wrong with them.
    QString check() const;
    // A computed clock (computedclock.h): which settings this run computes at every step.
    void startClock(const RunOptions &options);
    // Settings the run honours only approximately, said rather than silently adjusted,
    // at the setting's place in the file (none for a setting given on the command line).
    std::vector<Diagnostic> warnings(bool fixedStep) const;

    // Evaluates everything at the start; returns the stocks' initial values.
    std::vector<double> initialise();
    // Puts stock values and time in memory and evaluates what changes over time.
    void evaluate(const std::vector<double> &levels, double t) { evaluate(levels, t, t); }
    // The same with the time test inputs and pure delays read (InputTimeSlot).
    void evaluate(const std::vector<double> &levels, double t, double inputTime);
    // Net flow into each stock from the flows in memory (non-negative stocks applied).
    void netFlows(double *out, double step);
    // One pass over the stocks: net flows, limiting non-negative stocks; true when a flow was cut.
    bool sumNetFlows(double *out, double step);
    // A non-negative stock about to go below zero: serves its outflows in order (then its
    // inflows running backwards) from what it holds and receives, and sets its net flow;
    // true when a flow's value changed.
    bool limitFlows(std::size_t stock, double step, double &net);
    // Conveyors (solver/conveyor.h): cuts their inflows to the capacity and inflow limit
    // (before the net flows), and after a step moves their belts and sets their levels.
    void admitToConveyors(double step);
    void advanceConveyors(std::vector<double> &levels, double step);
    // Queues (solver/queue.h): their outflows take no more than they hold (before the
    // conveyors admit), what a conveyor refuses goes to the overflows (after), and after
    // a step the batches move.
    void serveQueues(double step);
    void overflowQueues(double step);
    void advanceQueues(std::vector<double> &levels, double step);
    // Ovens (solver/oven.h): their inflows cut to what they take (with the conveyors'), and
    // after a step they move on.
    void admitToOvens(double step);
    void advanceOvens(std::vector<double> &levels, double step);
    // One fixed step from t to t + step: Euler from this step's net flows (and the conveyors,
    // queues and ovens moved on), or Runge-Kutta through Boost.Odeint: the classical
    // four-stage RK4, or RK2 (Heun's, or Vensim's midpoint).
    void advance(Method method, std::vector<double> &levels, const std::vector<double> &derivative, double t,
                 double step);
    // After the VM ran: throws IndexOutOfRange for an index outside its dimension that the
    // IFs around its pick let through (the VM records only those: CompiledSubscriptSite).
    // Analyses that read rates at any state (ratefunction.h) set stopAtBadIndex false and
    // see the NaN.
    void checkIndexFaults();
    bool stopAtBadIndex = true;
    // Appends the recorded series' current values and, at the end of a step of DT (`stepEnds`:
    // not a save time an adaptive run observes between two), moves the information delays'
    // inputs, the delay conveyors and the Vensim queues on by one step.
    void record(bool stepEnds = true);
    void save(Results &results);   // appends a row: time, then every output
    Results emptyResults(std::size_t expectedRows) const;

    bool cancelled(const std::atomic<bool> *cancel) const
    {
        return cancel && cancel->load(std::memory_order_relaxed);
    }
    void reportProgress(double t) const
    {
        if (progress)
            progress(stop > start ? (t - start) / (stop - start) : 1.0);
    }

    const CompiledModel &model;
    double start, stop, dt, saveStep;
    // The settings the model computes and no run option fixes: their variables' names, the
    // slots this run reads at every step (INITIAL TIME's only once, when compiled), and
    // whether the save step is DT's (no SAVEPER anywhere). See computedclock.h.
    VaryingSpecs computedBy;
    std::vector<Diagnostic> clockWarnings; // a run option replaced a setting the model computes
    VaryingSlots clock;
    bool saveStepIsDt = false;
    std::function<void(double done)> progress; // RunOptions::progress
    SourcePos dtPlace, saveStepPlace; // where dt and the save step were read; line 0 when not from the file
    std::vector<double> memory;
    RunState state;

private:
    boost::numeric::odeint::runge_kutta4<std::vector<double>> m_rk4;
    SecondOrderRungeKutta m_heun = heunStepper(), m_midpoint = midpointStepper();
    std::vector<double> m_offered; // per queue outflow, in order: what it took before a conveyor cut it
};

RunResult runFixedStep(Runner &runner, Method method, const std::atomic<bool> *cancel);
RunResult runAdaptive(Runner &runner, Method method, const std::atomic<bool> *cancel);
RunResult runComputedClock(Runner &runner, Method method, const std::atomic<bool> *cancel);

} // namespace meadows::detail
