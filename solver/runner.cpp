#include "runner.h"
#include "conveyoradmission.h"
#include "inflowadmission.h"

#include "model/sizelimit.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace meadows::detail {

Runner::Runner(const CompiledModel &m, const RunOptions &options) : model(m)
{
    start = options.start.value_or(m.specs.start);
    stop = options.stop.value_or(m.specs.stop);
    dt = options.dt.value_or(m.specs.dt);
    // A DT given on the command line saves every step unless a save step is given too.
    saveStep = options.saveStep.value_or(options.dt && !m.specs.saveStep ? dt : m.specs.effectiveSaveStep());
    const SimSpecPlaces &read = m.specs.places;
    dtPlace = options.dt ? SourcePos{} : read.dt;
    if (!options.saveStep && !(options.dt && !m.specs.saveStep))
        saveStepPlace = m.specs.saveStep ? read.saveStep : read.dt; // no save step: it is DT
    state.seed = options.seed;
    progress = options.progress;
    state.start = start;
    state.dt = dt;
    state.series.resize(m.seriesSlots.size());
    state.informationDelays.resize(m.informationDelays.size());
    memory = m.memory;
    memory[TimeSlot] = memory[InputTimeSlot] = start;
    memory[DtSlot] = dt;
    memory[StartSlot] = start;
    memory[StopSlot] = stop;
    if (m.varying.any())
        startClock(options);
}

QString Runner::check() const
{
    const struct {
        double value;
        const QString &variable;
        const char *name;
    } settings[] = {{start, computedBy.start, "start time"},
                    {stop, computedBy.stop, "stop time"},
                    {dt, computedBy.dt, "DT"},
                    {saveStep, computedBy.saveStep, "save step"}};
    for (const auto &s : settings) {
        if (!s.variable.isEmpty() && !std::isfinite(s.value))
            return QStringLiteral("the %1 is '%2', which is %3 at the start").arg(QLatin1String(s.name), s.variable).arg(s.value);
    }
    if (clock.any() && !(model.conveyors.empty() && model.queues.empty() && model.ovens.empty()))
        return QStringLiteral("conveyors, queues and ovens move one fixed DT at a time: they cannot run with a DT, "
                              "stop time or save step that the model computes");
    if (!std::isfinite(start))
        return QStringLiteral("the start time must be a finite number (it is %1)").arg(start);
    if (!std::isfinite(stop))
        return QStringLiteral("the stop time must be a finite number (it is %1)").arg(stop);
    if (!(dt > 0) || !std::isfinite(dt))
        return QStringLiteral("DT must be a positive number (it is %1)").arg(dt);
    if (!(stop >= start))
        return QStringLiteral("the stop time %1 is before the start time %2").arg(stop).arg(start);
    if (!(saveStep > 0) || !std::isfinite(saveStep))
        return QStringLiteral("the save step must be positive (it is %1)").arg(saveStep);
    // Where doubles are spaced DT apart or wider, start + k * DT repeats or skips stamps.
    const double far = std::max(std::abs(start), std::abs(stop));
    if (std::nextafter(far, HUGE_VAL) - far >= dt)
        return QStringLiteral("DT %1 is too small for times near %2: the time stamps would repeat").arg(dt).arg(far);
    const double steps = (stop - start) / dt;
    if (steps > 1e9)
        return QStringLiteral("%1 steps of DT %2 are too many").arg(steps).arg(dt);
    // Everything a run keeps grows with rows times columns: refuse before allocating any.
    const double rows = (stop - start) / std::max(saveStep, dt) + 1;
    // Series are kept at every DT; an adaptive run keeps them at the save times too, with the
    // time of each (adaptive.cpp): counted as steps + rows values, and one more for the time.
    const double recorded = model.seriesSlots.empty() ? 0.0 : (steps + rows) * double(model.seriesSlots.size() + 1);
    const double kept = rows * double(model.outputs.size() + 1) + recorded;
    const double limit = 100.0 * double(maxModelSize());
    if (kept > limit)
        return QStringLiteral("the run would keep %1 values (%2 rows of %3 columns), more than the limit of %4 "
                              "(raise it with --max-size)")
            .arg(kept, 0, 'g', 3)
            .arg(rows, 0, 'g', 3)
            .arg(model.outputs.size() + 1)
            .arg(limit, 0, 'g', 3);
    return {};
}

std::vector<Diagnostic> Runner::warnings(bool fixedStep) const
{
    std::vector<Diagnostic> out;
    const QString &file = model.specs.places.file;
    if (stop > start && dt > stop - start)
        out.push_back({Severity::Warning, file, dtPlace,
                       QStringLiteral("DT %1 is longer than the run from %2 to %3: only the start is computed")
                           .arg(dt).arg(start).arg(stop)});
    const double ratio = saveStep / dt;
    if (fixedStep && std::abs(ratio - std::round(ratio)) > 1e-9 * std::max(1.0, ratio))
        out.push_back({Severity::Warning, file, saveStepPlace,
                       QStringLiteral("the save step %1 is not a multiple of DT %2: rows are saved every %3")
                           .arg(saveStep).arg(dt).arg(std::max(1.0, std::round(ratio)) * dt)});
    return out;
}

std::vector<double> Runner::initialise()
{
    model.execute(model.initial, memory.data(), state);
    checkIndexFaults();
    // The belts start at steady state from the conveyors' initial values; what they release
    // at the start is known once they are filled, so the rates run again.
    state.belts.assign(model.conveyors.size(), Belt{});
    for (std::size_t i = 0; i < model.conveyors.size(); ++i) {
        const CompiledConveyor &c = model.conveyors[i];
        state.belts[i].initialise(c, memory.data(), memory[model.stockSlots[c.stock]], dt);
        memory[model.stockSlots[c.stock]] = state.belts[i].contents();
    }
    state.queues.assign(model.queues.size(), Fifo{});
    for (std::size_t i = 0; i < model.queues.size(); ++i)
        state.queues[i].put(memory[model.stockSlots[model.queues[i].stock]]);
    state.ovens.assign(model.ovens.size(), Oven{});
    for (std::size_t i = 0; i < model.ovens.size(); ++i)
        state.ovens[i].start(memory[model.stockSlots[model.ovens[i].stock]]);
    // Delay conveyors and Vensim queues are laid out from values computed at the start, which
    // may read another of them (a queue's initial value a conveyor's output): laid out, the
    // initial values computed again, and laid out again until those values stop changing,
    // at most once more per container, as no chain of them is longer. What they release at
    // the start is computed again then, as for the belts' readers below.
    const auto startingValues = [&] {
        std::vector<double> v;
        for (const CompiledDelayConveyor &d : model.delayConveyors)
            v.insert(v.end(), {memory[d.total], memory[d.initialTime], memory[d.time]});
        for (const CompiledAgedQueue &q : model.agedQueues)
            v.insert(v.end(), {memory[q.initial], memory[q.ageRange]});
        return v;
    };
    const auto layOut = [&] {
        state.delayConveyors.assign(model.delayConveyors.size(), DelayConveyor{});
        for (std::size_t i = 0; i < model.delayConveyors.size(); ++i) {
            const CompiledDelayConveyor &d = model.delayConveyors[i];
            state.delayConveyors[i].initialise(d.profile, memory[d.total], memory[d.initialTime], memory[d.time], dt);
        }
        state.agedQueues.assign(model.agedQueues.size(), AgedQueue{});
        for (std::size_t i = 0; i < model.agedQueues.size(); ++i) {
            const CompiledAgedQueue &q = model.agedQueues[i];
            state.agedQueues[i].initialise(q.profile, memory[q.initial], memory[q.ageRange], dt);
        }
    };
    std::vector<double> laidOutFrom = startingValues();
    layOut();
    for (std::size_t pass = 0; pass < model.delayConveyors.size() + model.agedQueues.size(); ++pass) {
        model.execute(model.initial, memory.data(), state);
        checkIndexFaults();
        std::vector<double> now = startingValues();
        const bool same = std::equal(now.begin(), now.end(), laidOutFrom.begin(), [](double a, double b) {
            return a == b || (std::isnan(a) && std::isnan(b));
        });
        if (same)
            break;
        laidOutFrom = std::move(now);
        layOut();
    }
    if (model.readsContainers || !model.delayConveyors.empty() || !model.agedQueues.empty()) {
        // What reads a belt or a queue could not at first: the initial values again, now
        // that they are filled (from the same stocks' values, so they are filled alike).
        model.execute(model.initial, memory.data(), state);
        checkIndexFaults();
        for (std::size_t i = 0; i < model.conveyors.size(); ++i)
            memory[model.stockSlots[model.conveyors[i].stock]] = state.belts[i].contents();
        for (std::size_t i = 0; i < model.queues.size(); ++i)
            memory[model.stockSlots[model.queues[i].stock]] = state.queues[i].contents();
    }
    if (model.ratesAtStart || !model.conveyors.empty() || !model.ovens.empty()) {
        model.execute(model.rates, memory.data(), state);
        checkIndexFaults();
    }
    std::vector<double> levels(model.stockSlots.size());
    for (std::size_t s = 0; s < levels.size(); ++s)
        levels[s] = memory[model.stockSlots[s]];
    return levels;
}

void Runner::evaluate(const std::vector<double> &levels, double t, double inputTime)
{
    double *mem = memory.data();
    for (std::size_t s = 0; s < levels.size(); ++s)
        mem[model.stockSlots[s]] = levels[s];
    mem[TimeSlot] = t;
    mem[InputTimeSlot] = inputTime;
    model.execute(model.rates, mem, state);
    if (!state.indexFaults.empty())
        checkIndexFaults();
}

void Runner::checkIndexFaults()
{
    const std::vector<IndexFault> faults = std::exchange(state.indexFaults, {});
    if (!stopAtBadIndex || faults.empty())
        return;
    const IndexFault &f = faults.front();
    const CompiledSubscriptSite &site = model.subscriptSites[f.site];
    throw IndexOutOfRange{
        QStringLiteral("in '%1': the subscript of '%2' is %3 at time %4, outside %5 (1 to %6); "
                       "XMILE's <uses_arrays invalid_index_value=\"0\"> (or \"NaN\") in the file's <options> "
                       "asks for that value instead")
            .arg(site.variable, site.array).arg(f.index).arg(f.time).arg(site.dimension).arg(site.size),
        site.source};
}

// A non-negative stock (Stella) cannot lose in one step more than it holds plus what
// flows in: its outflows are served in the order the stock lists them, each taking what
// is left, then inflows running backwards (negative), and the flows' values are cut to
// what they actually moved. A flow cut for one stock is cut for every stock it touches:
// when any flow was cut, every net flow is summed again from the cut values (and a stock
// that an inflow cut now drains is limited in turn).
void Runner::netFlows(double *out, double step)
{
    if (!model.queues.empty())
        serveQueues(step);
    if (!model.conveyors.empty())
        admitToConveyors(step);
    if (!model.ovens.empty())
        admitToOvens(step);
    if (!model.queues.empty())
        overflowQueues(step);
    const std::size_t stocks = model.stockSlots.size();
    bool cut = sumNetFlows(out, step);
    for (std::size_t pass = 0; cut && pass < stocks; ++pass)
        cut = sumNetFlows(out, step);
}

bool Runner::sumNetFlows(double *out, double step)
{
    double *mem = memory.data();
    const std::size_t stocks = model.stockSlots.size();
    const std::uint32_t *begin = model.termBegin.data();
    const std::uint32_t *slot = model.termSlot.data();
    const double *sign = model.termSign.data();
    const std::uint8_t *nonNegative = model.stockNonNegative.data();
    const std::uint32_t *stockSlot = model.stockSlots.data();
    bool cut = false;
    // Every step, every stock: the terms are walked once from end to end, each stock's end
    // read once (the ring benchmark's hot loop, with the VM's).
    std::uint32_t t = stocks ? begin[0] : 0;
    for (std::size_t s = 0; s < stocks; ++s) {
        const std::uint32_t end = begin[s + 1];
        double net = 0;
        for (; t < end; ++t)
            net += sign[t] * mem[slot[t]];
        if (nonNegative[s] && mem[stockSlot[s]] + step * net < 0)
            cut = limitFlows(s, step, net) || cut;
        out[s] = net;
    }
    return cut;
}

bool Runner::limitFlows(std::size_t s, double step, double &net)
{
    double *mem = memory.data();
    double in = 0;
    for (std::uint32_t t = model.termBegin[s]; t < model.termBegin[s + 1]; ++t) {
        if (model.termSign[t] > 0)
            in += std::max(0.0, mem[model.termSlot[t]]);
    }
    double available = std::max(0.0, mem[model.stockSlots[s]] / step + in);
    bool changed = false;
    const auto serve = [&](double wanted) {
        const double served = std::clamp(wanted, 0.0, available);
        available -= served;
        return served;
    };
    double outflow = 0;
    for (std::uint32_t t = model.termBegin[s]; t < model.termBegin[s + 1]; ++t) {
        if (model.termSign[t] > 0)
            continue;
        double &flow = mem[model.termSlot[t]];
        const double served = serve(flow);
        changed = changed || served != flow;
        flow = served;
        outflow += served;
    }
    double backwards = 0; // inflows running out of the stock
    for (std::uint32_t t = model.termBegin[s]; t < model.termBegin[s + 1]; ++t) {
        double &flow = mem[model.termSlot[t]];
        if (model.termSign[t] < 0 || flow >= 0)
            continue;
        const double served = serve(-flow);
        changed = changed || -served != flow;
        flow = -served;
        backwards += served;
    }
    net = in - outflow - backwards;
    return changed;
}

// A conveyor takes in no more than its inflow limit per time unit (a discrete one may use
// a time unit's in one DT: Belt::inflowRoom), nor more than fits
// under its capacity once this DT's outflow and leaks have left. Inflows are served in
// the order the conveyor lists them; what another conveyor releases into it is never cut
// (that material has nowhere else to go). A conveyor's inflows cannot run backwards.
void Runner::admitToConveyors(double step)
{
    double *m = memory.data();
    for (std::size_t i = 0; i < model.conveyors.size(); ++i) {
        const CompiledConveyor &c = model.conveyors[i];
        if (Belt::arrested(c, m)) {
            // Every inflow is zero (what a conveyor upstream releases is held at its exit;
            // what a queue offers goes to its overflows, or waits).
            for (std::uint32_t f : c.inflows)
                m[f] = 0.0;
            continue;
        }
        if (c.signedMaterial)
            continue; // takes what comes, negative too: it has no limit to cut it to
        double available = state.belts[i].inflowRoom(c, m, step); // an amount, over this DT
        if (c.capacity >= 0) {
            double leaving = c.outflow >= 0 ? m[c.outflow] : 0.0;
            for (const CompiledLeak &l : c.leaks)
                leaving += m[l.flow];
            const double driven = beltDrivenRate(m, c.inflows, c.beltDriven);
            const double after = m[model.stockSlots[c.stock]] + (driven - leaving) * step;
            available = std::min(available, std::max(0.0, m[c.capacity] - after));
        }
        admitInflows(c, m, available, step, model.queues, state.queues);
    }
}

void Runner::advanceConveyors(std::vector<double> &levels, double step)
{
    const double *m = memory.data();
    for (std::size_t i = 0; i < model.conveyors.size(); ++i) {
        const CompiledConveyor &c = model.conveyors[i];
        double admitted = 0;
        for (std::uint32_t f : c.inflows)
            admitted += (c.signedMaterial ? m[f] : std::max(0.0, m[f])) * step;
        state.belts[i].advance(c, m, admitted, step);
        levels[c.stock] = state.belts[i].contents();
    }
}

// An outflow feeding a conveyor that takes one batch at a time offers only the batch at
// its place in the queue: what the conveyor then refuses of it (capacity, inflow limit)
// is what the overflows take, not the batches behind it.
void Runner::serveQueues(double step)
{
    double *m = memory.data();
    m_offered.clear();
    for (std::size_t i = 0; i < model.queues.size(); ++i) {
        const CompiledQueue &q = model.queues[i];
        // A queue's inflows are non-negative (XMILE 1.0 section 4.3: they "MUST be"): a
        // negative value enters as 0, and the flow shows what entered, as a conveyor's does.
        for (std::uint32_t f : q.inflows)
            if (m[f] < 0) // a NaN stays, to be reported
                m[f] = 0;
        const double holds = std::max(0.0, m[model.stockSlots[q.stock]]);
        double available = holds;
        for (std::uint32_t f : q.outflows) {
            double served = std::clamp(m[f] * step, 0.0, available);
            const CompiledConveyor *c = conveyorFedBy(model.conveyors, f);
            if (c && c->oneAtATime)
                served = batchesTaken(state.queues[i].batches(), takenAhead(q, m, f, step), served, HUGE_VAL, true, false);
            available -= served;
            m[f] = served / step;
            m_offered.push_back(served);
        }
    }
}

// What a conveyor refused of a queue's outflows goes to its overflows in order; each is
// admitted by the conveyor it feeds in turn, and passes on what that one refuses.
void Runner::overflowQueues(double step)
{
    double *m = memory.data();
    std::size_t offered = 0;
    for (const CompiledQueue &q : model.queues) {
        double blocked = 0;
        for (std::uint32_t f : q.outflows)
            blocked += m_offered[offered++] - m[f] * step;
        for (std::uint32_t f : q.overflows) {
            m[f] = std::max(0.0, blocked) / step;
            if (!model.conveyors.empty())
                admitToConveyors(step);
            if (!model.ovens.empty())
                admitToOvens(step);
            blocked -= m[f] * step;
        }
    }
}

// The outflows take their batches from the front; each inflow's batch joins at the back.
void Runner::advanceQueues(std::vector<double> &levels, double step)
{
    const double *m = memory.data();
    for (std::size_t i = 0; i < model.queues.size(); ++i) {
        const CompiledQueue &q = model.queues[i];
        double taken = 0;
        for (std::uint32_t f : q.outflows)
            taken += std::max(0.0, m[f]) * step;
        for (std::uint32_t f : q.overflows)
            taken += std::max(0.0, m[f]) * step;
        state.queues[i].take(taken);
        for (std::uint32_t f : q.inflows)
            state.queues[i].put(std::max(0.0, m[f]) * step);
        levels[q.stock] = state.queues[i].contents();
    }
}

void Runner::admitToOvens(double step)
{
    for (std::size_t i = 0; i < model.ovens.size(); ++i)
        state.ovens[i].admit(model.ovens[i], memory.data(), step);
}

void Runner::advanceOvens(std::vector<double> &levels, double step)
{
    for (std::size_t i = 0; i < model.ovens.size(); ++i) {
        state.ovens[i].advance(model.ovens[i], memory.data(), step);
        levels[model.ovens[i].stock] = state.ovens[i].contents();
    }
}

void Runner::advance(Method method, std::vector<double> &levels, const std::vector<double> &derivative, double t,
                     double step)
{
    if (method == Method::Euler) {
        for (std::size_t s = 0; s < levels.size(); ++s)
            levels[s] += step * derivative[s];
        if (!model.conveyors.empty())
            advanceConveyors(levels, step);
        if (!model.queues.empty())
            advanceQueues(levels, step);
        if (!model.ovens.empty())
            advanceOvens(levels, step);
        return;
    }
    // Vensim holds STEP, PULSE, RAMP and the pure delays at the step's start through its
    // stages, and its RK2 is the midpoint method (its reference, "Runge-Kutta Integration");
    // Stella's RK2, as Simlin computes it, is Heun's.
    const bool vensim = model.specs.vensimRungeKutta;
    const auto system = [this, step, t, vensim](const std::vector<double> &x, std::vector<double> &dxdt, double at) {
        evaluate(x, at, vensim ? t : at);
        netFlows(dxdt.data(), step);
    };
    // A random draw is the step's through all its stages: at the last stage, t + DT, the
    // time would name the next step's draw.
    const long long held = state.step;
    state.step = state.stepAt(t);
    if (method == Method::RK4)
        m_rk4.do_step(system, levels, t, step);
    else if (vensim)
        m_midpoint.do_step(system, levels, t, step);
    else
        m_heun.do_step(system, levels, t, step);
    state.step = held;
}

void Runner::record(bool stepEnds)
{
    for (std::size_t i = 0; i < model.seriesSlots.size(); ++i)
        state.series[i].push_back(memory[model.seriesSlots[i]]);
    if (!stepEnds)
        return;
    for (std::size_t i = 0; i < model.informationDelays.size(); ++i) {
        const CompiledInformationDelay &d = model.informationDelays[i];
        state.informationDelays[i].enter(memory[TimeSlot], memory[DtSlot], memory[d.due], memory[d.input]);
    }
    for (std::size_t i = 0; i < model.delayConveyors.size(); ++i) {
        const CompiledDelayConveyor &d = model.delayConveyors[i];
        state.delayConveyors[i].advance(memory[d.input], memory[d.time], memory[d.leak], memory[DtSlot]);
    }
    for (std::size_t i = 0; i < model.agedQueues.size(); ++i) {
        const CompiledAgedQueue &q = model.agedQueues[i];
        state.agedQueues[i].advance(memory[q.inflow], memory[q.outflow], memory[DtSlot]);
    }
}

void Runner::save(Results &r)
{
    // One row at a time through a pointer: a push_back per value was a tenth of a run.
    const std::size_t at = r.data.size();
    r.data.resize(at + model.outputs.size() + 1);
    double *row = r.data.data() + at;
    const double *mem = memory.data();
    *row++ = mem[TimeSlot];
    for (const OutputColumn &c : model.outputs)
        *row++ = mem[c.slot];
}

Results Runner::emptyResults(std::size_t expectedRows) const
{
    Results r;
    r.columns = model.outputs.size() + 1;
    r.names.reserve(r.columns);
    r.names.push_back(QStringLiteral("Time"));
    for (const OutputColumn &c : model.outputs)
        r.names.push_back(c.name);
    r.data.reserve(expectedRows * r.columns);
    return r;
}

} // namespace meadows::detail
