#include "computedclock.h"

#include "flatmodel.h"
#include "model/names.h"
#include "model/sizelimit.h"
#include "runner.h"

#include <boost/numeric/odeint/stepper/runge_kutta4.hpp>

#include <algorithm>
#include <cmath>

namespace meadows {

bool readsClock(const Node &n)
{
    if (n.kind == Node::Kind::TimeStep || n.kind == Node::Kind::StopTime)
        return true;
    return std::any_of(n.args.begin(), n.args.end(), [](const Node &a) { return readsClock(a); });
}

std::optional<VaryingSlots> varyingSlots(const FlatModel &flat, const CompiledModel &m, std::vector<Diagnostic> &diagnostics)
{
    const VaryingSpecs &names = flat.specs.varying;
    VaryingSlots found;
    const std::pair<const QString *, std::int64_t *> settings[] = {
        {&names.start, &found.start}, {&names.stop, &found.stop}, {&names.dt, &found.dt}, {&names.saveStep, &found.saveStep}};
    for (const auto &[name, slot] : settings) {
        if (name->isEmpty())
            continue;
        const QString key = variableKey(*name);
        const auto column = std::find_if(m.outputs.begin(), m.outputs.end(),
                                         [&](const OutputColumn &c) { return variableKey(c.name) == key; });
        if (column == m.outputs.end()) {
            diagnostics.push_back({Severity::Error, flat.specs.places.file, flat.specs.places.method,
                                   QStringLiteral("the simulation settings name '%1' as what computes them, and the "
                                                  "model has no such variable").arg(*name)});
            return std::nullopt;
        }
        *slot = column->slot;
    }
    return found;
}

namespace detail {

void Runner::startClock(const RunOptions &options)
{
    clock = model.varying;
    if (options.start)
        clock.start = -1;
    if (options.stop)
        clock.stop = -1;
    if (options.dt)
        clock.dt = -1;
    if (options.saveStep)
        clock.saveStep = -1;
    saveStepIsDt = clock.saveStep < 0 && !options.saveStep && !model.specs.saveStep;
    if (!clock.any())
        return;
    // The initial program only writes memory, so evaluating it here leaves the run as it was.
    if (clock.start >= 0) {
        // As PySD does: INITIAL TIME is computed before Time has a value, with Time at 0.
        memory[TimeSlot] = 0;
        model.execute(model.initial, memory.data(), state);
        start = memory[clock.start];
        memory = model.memory;
    }
    memory[TimeSlot] = memory[StartSlot] = start;
    memory[DtSlot] = dt;
    memory[StopSlot] = stop;
    model.execute(model.initial, memory.data(), state);
    if (clock.dt >= 0)
        dt = memory[clock.dt];
    if (clock.stop >= 0)
        stop = memory[clock.stop];
    if (clock.saveStep >= 0)
        saveStep = memory[clock.saveStep];
    else if (saveStepIsDt)
        saveStep = dt;
    memory = model.memory;
    memory[TimeSlot] = memory[StartSlot] = state.start = start;
    memory[DtSlot] = state.dt = dt;
    memory[StopSlot] = stop;
}

namespace {

// Time within a stretch of equal steps: the stretch's start plus a count of steps, so that
// it does not drift as a sum of steps would (0.1 + 0.1 + 0.1 is not 0.3).
struct Stretch {
    double from, step;
    long long count = 0;
    double next() { return from + double(++count) * step; }
};

} // namespace

// The loop of runFixedStep (simulation.cpp) with the step, the end and the saving decided
// at each time from what the model computes there.
RunResult runComputedClock(Runner &run, Method method, const std::atomic<bool> *cancel)
{
    RunResult result;
    const VaryingSlots &clock = run.clock;
    Results r = run.emptyResults(std::size_t(std::clamp((run.stop - run.start) / run.saveStep + 1, 1.0, 1e6)));
    std::vector<double> levels = run.initialise();
    std::vector<double> derivative(levels.size());
    double *mem = run.memory.data();
    const double keptLimit = 100.0 * double(maxModelSize());
    const std::size_t series = run.model.seriesSlots.size();
    double h = run.dt;
    boost::numeric::odeint::runge_kutta4<std::vector<double>> rk4;
    const auto system = [&run, &h](const std::vector<double> &x, std::vector<double> &dxdt, double at) {
        run.evaluate(x, at);
        run.netFlows(dxdt.data(), h);
    };
    const auto fail = [&](const QString &message) {
        result.error = message;
        return result;
    };

    Stretch time{run.start, run.dt};
    int stopMoves = 0;
    double t = run.start;
    for (long long k = 0;; ++k) {
        run.state.step = k;
        if (k > 0) {
            run.evaluate(levels, t);
        } else {
            for (std::size_t s = 0; s < levels.size(); ++s)
                mem[run.model.stockSlots[s]] = levels[s];
        }
        // This step's settings as the model computes them at t. DT and the stop time are in
        // memory for the equations that read them: when either changed, they run again.
        h = clock.dt >= 0 ? mem[clock.dt] : run.dt;
        const double stopAt = clock.stop >= 0 ? mem[clock.stop] : run.stop;
        // A stop time that keeps moving later (FINAL TIME = Time + 10) may never be reached:
        // Vensim would run on; Meadows stops after 1,000 moves rather than fill memory.
        if (stopAt > mem[StopSlot] && ++stopMoves > 1000)
            return fail(QStringLiteral("the stop time is '%1', which moved later more than 1,000 times (it is %2 at time %3): "
                                       "the run might never reach it")
                            .arg(run.model.specs.varying.stop).arg(stopAt).arg(t));
        if (h != mem[DtSlot] || stopAt != mem[StopSlot]) {
            mem[DtSlot] = run.state.dt = h;
            mem[StopSlot] = run.stop = stopAt;
            run.evaluate(levels, t);
        }
        const double savePer = clock.saveStep >= 0 ? mem[clock.saveStep] : run.saveStepIsDt ? h : run.saveStep;
        if (!(h > 0) || !std::isfinite(h) || t + h == t)
            return fail(QStringLiteral("DT is '%1', which is %2 at time %3: it must be a positive number larger than "
                                       "the spacing of doubles near that time")
                            .arg(run.model.specs.varying.dt).arg(h).arg(t));
        if (std::isnan(stopAt))
            return fail(QStringLiteral("the stop time is '%1', which is NaN at time %2").arg(run.model.specs.varying.stop).arg(t));
        if (!(savePer > 0) || !std::isfinite(savePer))
            return fail(QStringLiteral("the save step is '%1', which is %2 at time %3: it must be positive")
                            .arg(run.model.specs.varying.saveStep).arg(savePer).arg(t));
        run.netFlows(derivative.data(), h);
        run.record();
        if (series > 0)
            run.state.times.push_back(t);
        // Saved where the time since the start is a multiple of this time's save step, as
        // PySD decides it (Vensim's own rule is not documented; both agree on its tests). A
        // save step shorter than DT saves every step, as with a fixed DT (runFixedStep).
        const double every = std::max(h, savePer);
        const double since = std::fmod(t - run.start, every);
        if (since < 1e-9 * h || every - since < 1e-9 * h) {
            if (double(r.rows() + 1) * double(r.columns) + double(k + 1) * double(series + 1) > keptLimit)
                return fail(QStringLiteral("the run would keep more than %1 values (raise the limit with --max-size)")
                                .arg(keptLimit, 0, 'g', 3));
            run.save(r);
        }
        // The run goes on while Time is below the stop time at that time.
        if (!(t < stopAt - 1e-9 * h))
            break;
        if (k >= 1000000000LL)
            return fail(QStringLiteral("the run passed 1e9 steps at time %1 without reaching its stop time").arg(t));
        if ((k & 1023) == 0) {
            if (run.cancelled(cancel))
                return fail(QStringLiteral("cancelled"));
            run.reportProgress(t);
        }
        if (method == Method::Euler) {
            for (std::size_t s = 0; s < levels.size(); ++s)
                levels[s] += h * derivative[s];
        } else {
            rk4.do_step(system, levels, t, h);
        }
        if (h != time.step)
            time = Stretch{t, h};
        t = time.next();
    }
    result.results = std::move(r);
    return result;
}

} // namespace detail

} // namespace meadows
