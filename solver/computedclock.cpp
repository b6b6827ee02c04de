#include "computedclock.h"

#include "flatmodel.h"
#include "model/names.h"
#include "model/sizelimit.h"
#include "runner.h"

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

void settleClockAtStart(CompiledModel &m)
{
    const VaryingSlots &c = m.varying;
    if (!c.any())
        return;
    RunState state; // the initial program only reads it (series still empty), and writes nothing but memory
    state.series.resize(m.seriesSlots.size());
    std::vector<double> memory = m.memory;
    const auto place = [&](double time) {
        memory[TimeSlot] = memory[InputTimeSlot] = time;
        memory[StartSlot] = m.specs.start;
        memory[DtSlot] = m.specs.dt;
        memory[StopSlot] = m.specs.stop;
    };
    if (c.start >= 0) {
        // As PySD does it: INITIAL TIME is computed before Time has a value, with Time at 0.
        place(0);
        m.execute(m.initial, memory.data(), state);
        m.specs.start = memory[c.start];
        memory = m.memory;
    }
    place(m.specs.start);
    m.execute(m.initial, memory.data(), state);
    if (c.dt >= 0)
        m.specs.dt = memory[c.dt];
    if (c.stop >= 0)
        m.specs.stop = memory[c.stop];
    if (c.saveStep >= 0)
        m.specs.saveStep = memory[c.saveStep];
    // A setting computed from the model's constants alone (FINAL TIME = start year + 30,
    // computed so that --set start year moves it) is settled now for the whole run: nothing
    // computes it again (it is not in the rates), so the run takes a fixed clock, as
    // conveyors, queues, ovens, adaptive methods and loop dominance need.
    const auto settled = [&](std::int64_t slot) {
        return slot >= 0 && std::none_of(m.rates.code.begin(), m.rates.code.end(), [&](const Instr &i) {
                   return i.op != Op::End && std::int64_t(i.dst) == slot;
               });
    };
    const std::pair<std::int64_t *, QString *> settings[] = {{&m.varying.stop, &m.specs.varying.stop},
                                                             {&m.varying.dt, &m.specs.varying.dt},
                                                             {&m.varying.saveStep, &m.specs.varying.saveStep}};
    for (const auto &[slot, name] : settings) {
        if (settled(*slot)) {
            *slot = -1;
            name->clear();
        }
    }
}

namespace detail {

namespace {

// The equation of the variable in `slot` (a setting's), for a message to point at.
SourceRef equationIn(const CompiledModel &m, std::int64_t slot)
{
    for (const OutputColumn &c : m.outputs)
        if (slot >= 0 && c.slot == std::uint64_t(slot))
            return c.source;
    return {};
}

// A warning at that equation; at the model's file when there is none.
Diagnostic warningAt(const CompiledModel &m, std::int64_t slot, const QString &message)
{
    Diagnostic d(Severity::Warning, m.specs.places.file, {}, message);
    if (const SourceRef at = equationIn(m, slot); at.isValid()) {
        d.file = at.fileName();
        d.pos = at.position();
    }
    return d;
}

} // namespace

void Runner::startClock(const RunOptions &options)
{
    computedBy = model.specs.varying;
    clock = model.varying;
    clock.start = -1; // a number since compiling (settleClockAtStart)
    const std::pair<const std::optional<double> *, std::pair<QString *, std::int64_t *>> overridden[] = {
        {&options.start, {&computedBy.start, &clock.start}},
        {&options.stop, {&computedBy.stop, &clock.stop}},
        {&options.dt, {&computedBy.dt, &clock.dt}},
        {&options.saveStep, {&computedBy.saveStep, &clock.saveStep}}};
    for (const auto &[option, setting] : overridden) {
        if (option->has_value() && !setting.first->isEmpty()) {
            clockWarnings.push_back(warningAt(model, *setting.second,
                                              QStringLiteral("a run option replaces the setting that '%1' computes; the "
                                                             "column '%1' still shows what its equation gives")
                                                  .arg(*setting.first)));
            setting.first->clear();
            *setting.second = -1;
        }
    }
    saveStepIsDt = clock.saveStep < 0 && !options.saveStep && !model.specs.saveStep;
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
    // Room for the rows the settings at the start imply; the rows grow past it if need be.
    Results r = run.emptyResults(std::size_t(std::clamp((run.stop - run.start) / std::max(run.saveStep, run.dt) + 1, 1.0, 65536.0)));
    std::vector<double> levels = run.initialise();
    std::vector<double> derivative(levels.size());
    double *mem = run.memory.data();
    const double keptLimit = 100.0 * double(maxModelSize());
    const std::size_t series = run.model.seriesSlots.size();
    double h = run.dt;
    const auto fail = [&](const QString &message, std::int64_t slot = -1) {
        result.error = message;
        result.errorSource = equationIn(run.model, slot);
        return result;
    };

    Stretch time{run.start, run.dt};
    double gap = HUGE_VAL; // how far the stop time is ahead of Time
    long long gapKept = 0; // steps in a row at which that did not shrink
    bool warnedSaveStep = false;
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
        // A stop time that keeps as far ahead of Time (FINAL TIME = Time + 10) is never
        // reached: Vensim would run on; Meadows stops after 100,000 steps at which it did not
        // come nearer, rather than fill memory. One that only wobbles comes nearer overall.
        gapKept = stopAt - t >= gap ? gapKept + 1 : 0;
        gap = stopAt - t;
        if (gapKept > 100000)
            return fail(QStringLiteral("the stop time is '%1', which came no nearer over 100,000 steps (it is %2 at "
                                       "time %3): the run would never reach it")
                            .arg(run.model.specs.varying.stop).arg(stopAt).arg(t),
                        clock.stop);
        if (h != mem[DtSlot] || stopAt != mem[StopSlot]) {
            mem[DtSlot] = run.state.dt = h;
            mem[StopSlot] = run.stop = stopAt;
            run.evaluate(levels, t);
        }
        const double savePer = clock.saveStep >= 0 ? mem[clock.saveStep] : run.saveStepIsDt ? h : run.saveStep;
        if (!(h > 0) || !std::isfinite(h) || t + h == t)
            return fail(QStringLiteral("DT is '%1', which is %2 at time %3: it must be a positive number larger than "
                                       "the spacing of doubles near that time")
                            .arg(run.model.specs.varying.dt).arg(h).arg(t),
                        clock.dt);
        if (std::isnan(stopAt))
            return fail(QStringLiteral("the stop time is '%1', which is NaN at time %2").arg(run.model.specs.varying.stop).arg(t),
                        clock.stop);
        if (!(savePer > 0) || !std::isfinite(savePer))
            return fail(QStringLiteral("the save step is '%1', which is %2 at time %3: it must be positive")
                            .arg(run.model.specs.varying.saveStep).arg(savePer).arg(t),
                        clock.saveStep);
        // What the run keeps grows at every step where series are recorded, and at every saved row.
        if (double(r.rows() + 1) * double(r.columns) + double(k + 1) * double(series > 0 ? series + 1 : 0) > keptLimit)
            return fail(QStringLiteral("the run would keep more than %1 values by time %2 (raise the limit with --max-size)")
                            .arg(keptLimit, 0, 'g', 3).arg(t));
        run.netFlows(derivative.data(), h);
        run.record();
        if (series > 0)
            run.state.times.push_back(t);
        // Saved where the time since the start is a multiple of this time's save step, as
        // PySD decides it (Vensim's own rule is not documented; both agree on its tests),
        // the save step rounded to whole steps as runFixedStep does with a fixed DT.
        const double ratio = savePer / h;
        const double every = std::max(1.0, std::round(ratio)) * h;
        if (!warnedSaveStep && std::abs(ratio - std::round(ratio)) > 1e-9 * std::max(1.0, ratio)) {
            // At the equation that computes the save step, else DT's.
            result.warnings.push_back(warningAt(run.model, clock.saveStep >= 0 ? clock.saveStep : clock.dt,
                                                QStringLiteral("the save step %1 is not a multiple of DT %2 at time %3: "
                                                               "rows are saved every %4")
                                                    .arg(savePer).arg(h).arg(t).arg(every)));
            warnedSaveStep = true;
        }
        const double since = std::fmod(t - run.start, every);
        if (since < 1e-9 * h || every - since < 1e-9 * h)
            run.save(r);
        // No step goes past the stop time at this time.
        if (t + h > stopAt + 1e-9 * h)
            break;
        if (k >= 1000000000LL)
            return fail(QStringLiteral("the run passed 1e9 steps at time %1 without reaching its stop time").arg(t));
        if ((k & 1023) == 0) {
            if (run.cancelled(cancel))
                return fail(QStringLiteral("cancelled"));
            run.reportProgress(t);
        }
        run.advance(method, levels, derivative, t, h);
        if (h != time.step)
            time = Stretch{t, h};
        t = time.next();
    }
    result.results = std::move(r);
    return result;
}

} // namespace detail

} // namespace meadows
