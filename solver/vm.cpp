// The interpreter for compiled equations. One switch over a flat instruction array.
#include "program.h"
#include "minmax.h"
#include "builtins.h"
#include "random.h"
#include "tablepoints.h"

#include <algorithm>
#include <array>
#include <deque>
#include <cmath>
#include <vector>
#include <limits>

namespace meadows {

namespace {

// The registry's one-argument functions by builtin (the same ones the expression evaluator
// calls), taken once: the VM calls one for each SIN, EXP... it executes, and asking the
// registry each time was 1 % of the ring benchmark.
const std::array<UnaryFunction, kBuiltinCount> &unaryFunctions()
{
    static const std::array<UnaryFunction, kBuiltinCount> functions = [] {
        std::array<UnaryFunction, kBuiltinCount> f{};
        for (int id = 0; id < kBuiltinCount; ++id)
            f[std::size_t(id)] = builtinInfo(Builtin(id)).unary;
        return f;
    }();
    return functions;
}



// A table by the index a call's first argument holds (tablepoints.h); nullptr for no table.
const GraphicalFunction *indexedTable(const std::vector<GraphicalFunction> &tables, const double *args, std::uint32_t count)
{
    return count >= 1 && args[0] >= 0 && args[0] < double(tables.size()) ? &tables[std::size_t(args[0])] : nullptr;
}

inline double variadic(std::uint32_t code, const double *args, std::uint32_t count, const double *m,
                       const std::vector<GraphicalFunction> &tables)
{
    const BuiltinInfo &b = builtinInfo(Builtin(code));
    if (b.points) {
        const GraphicalFunction *table = indexedTable(tables, args, count);
        const std::optional<PointsView> points = table ? pointsOf(*table) : std::nullopt;
        return points ? b.points(*points, args + 1, count - 1) : std::numeric_limits<double>::quiet_NaN();
    }
    // A test input (STEP, PULSE, RAMP...) reads the input time, which Vensim's Runge-Kutta
    // holds through a step.
    const double time = b.readsInputTime ? m[InputTimeSlot] : m[TimeSlot];
    return b.evaluate(args, count, BuiltinClock{time, m[DtSlot], m[StartSlot]});
}

// A random call's draw: its kind (c & 0xff) and call site (c >> 8) at this step.
// RANDOM LOOKUP's first argument is its table's index.
double randomCall(std::uint32_t code, const double *args, std::uint32_t count, const double *m, const RunState &state,
                  const std::vector<GraphicalFunction> &tables)
{
    const long long step = state.stepAt(m[TimeSlot]);
    const RandomKind kind = RandomKind(code & 0xff);
    const GraphicalFunction *table = nullptr;
    if (kind == RandomKind::Lookup) {
        table = indexedTable(tables, args, count);
        if (!table)
            return std::numeric_limits<double>::quiet_NaN();
        ++args;
        --count;
    }
    return randomDraw(kind, args, count, state.seed, code >> 8, std::uint64_t(std::max(0LL, step)), table);
}

// The recorded value of a series at time t, linear between steps; `before` when t is
// before the record starts (or NaN: then the first value).
double history(const RunState &state, std::uint32_t series, double t, double before)
{
    const std::vector<double> &values = state.series[series];
    if (values.empty())
        return before;
    if (std::isnan(t))
        return t; // a NaN time asked for (a delay time of 0/0): NaN, which the run reports
    // The place of t among the recorded times: on a fixed grid, from start and dt.
    double pos = (t - state.start) / state.dt;
    if (!state.times.empty()) {
        const auto after = std::upper_bound(state.times.begin(), state.times.end(), t);
        const std::size_t i = std::size_t(after - state.times.begin());
        pos = i == 0 ? -1.0 : i >= state.times.size() ? double(i - 1)
                                : double(i - 1) + (t - state.times[i - 1]) / (state.times[i] - state.times[i - 1]);
    }
    if (pos < -1e-6)
        return std::isnan(before) ? values.front() : before;
    const double last = double(values.size() - 1);
    if (pos >= last)
        return values.back();
    const std::size_t i = std::size_t(std::floor(pos + 1e-9));
    const double frac = pos - double(i);
    if (frac < 1e-9 || i + 1 >= values.size())
        return values[i];
    return values[i] + frac * (values[i + 1] - values[i]);
}

// Stella's HISTORY(input, t): 0 for a time before the record starts or after now (isee's
// help, "Data builtins", v2.1); now itself, the input's value now; between the last recorded
// step and now, the line between them, as between recorded steps. `now` is NaN where the input
// cannot be known before the call in this step (it depends on the caller: solver/currentreads.h):
// then the last recorded value stands for it.
double historyNow(const RunState &state, std::uint32_t series, double t, double now, double clock)
{
    if (std::isnan(t))
        return t;
    const std::vector<double> &values = state.series[series];
    const double tolerance = 1e-6 * state.dt; // the times are sums of steps: equal within rounding
    if (t > clock + tolerance || t < state.start - tolerance)
        return 0.0;
    if (std::isnan(now)) // not known in this step: the last recorded value, none at the start
        return values.empty() ? 0.0 : history(state, series, t, 0.0);
    if (values.empty())
        return now; // the start itself
    if (t >= clock - tolerance)
        return now;
    const double lastTime = state.times.size() >= values.size() ? state.times[values.size() - 1]
                                                                 : state.start + double(values.size() - 1) * state.dt;
    if (t <= lastTime || clock <= lastTime)
        return history(state, series, t, 0.0);
    return values.back() + (now - values.back()) * (t - lastTime) / (clock - lastTime);
}

// A conveyor's slats or a queue's batches (`how` & kQueueContainer), from the exit or the
// front, reduced by the builtin `how` names (the registry's own evaluation, as for an
// array), or the one numbered `element`; NaN for a number that is not one of them, and
// before the belts and queues are filled.
double containerRead(const CompiledModel &model, const RunState &state, const double *m, std::uint32_t which,
                     std::uint32_t how, double element)
{
    thread_local std::vector<double> values;
    if (how & kQueueContainer) {
        if (which >= state.queues.size())
            return std::numeric_limits<double>::quiet_NaN();
        const std::deque<double> &batches = state.queues[which].batches();
        values.assign(batches.begin(), batches.end());
    } else {
        if (which >= state.belts.size())
            return std::numeric_limits<double>::quiet_NaN();
        state.belts[which].slatContents(model.conveyors[which], m, m[DtSlot], values);
    }
    const std::uint32_t code = how & ~kQueueContainer;
    if (code == kContainerElement) {
        const double k = std::floor(element);
        return k == element && k >= 1 && k <= double(values.size()) ? values[std::size_t(k) - 1]
                                                                   : std::numeric_limits<double>::quiet_NaN();
    }
    const Builtin b = Builtin(code);
    if (values.empty()) // an empty queue: its sum and size are 0, anything else undefined
        return b == Builtin::Sum || b == Builtin::Size ? 0.0 : std::numeric_limits<double>::quiet_NaN();
    return builtinInfo(b).evaluate(values.data(), std::uint32_t(values.size()), BuiltinClock{m[TimeSlot], m[DtSlot], m[StartSlot]});
}

// An XMILE subscript computed while running (Builtin::SubscriptAt): the candidate its
// 1-based index names. Outside the dimension (NaN, negative, 1e300 too), the value the file's
// <uses_arrays invalid_index_value> asks for; else NaN, and, when every IF around the pick
// took its branch (CompiledSubscriptSite::guards), the fault recorded for the runner, which
// stops the run (Runner::checkIndexFaults).
double pick(const CompiledModel &model, const RunState &state, const double *m, const double *args,
            std::uint32_t count, std::uint32_t site)
{
    if (const std::optional<std::size_t> k = indexedPosition(args[0], count - 1))
        return args[*k + 1];
    if (model.invalidIndexValue)
        return *model.invalidIndexValue;
    const std::vector<PickGuard> &guards = model.subscriptSites[site].guards;
    const bool used = std::all_of(guards.begin(), guards.end(),
                                  [m](const PickGuard &g) { return (m[g.condition] != 0.0) == g.thenBranch; });
    if (used && state.indexFaults.empty()) // the first stops the run: one is enough
        state.indexFaults.push_back({site, args[0], m[TimeSlot]});
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace

// Threaded dispatch (GCC and Clang's labels as values): each instruction jumps straight
// to the next one's handler, which predicts far better than one shared switch, and the
// End sentinel saves a bounds check per instruction.
void CompiledModel::execute(const Program &program, double *m, const RunState &state) const
{
    if (program.code.empty())
        return;
    static const void *const handlers[] = {
#define MEADOWS_OP_LABEL(name) &&op_##name,
        MEADOWS_OPS(MEADOWS_OP_LABEL)
#undef MEADOWS_OP_LABEL
    };
    const UnaryFunction *unaryFunction = unaryFunctions().data();
    const Instr *i = program.code.data();
#define NEXT goto *handlers[int((++i)->op)]
    goto *handlers[int(i->op)];
op_Copy: m[i->dst] = m[i->a]; NEXT;
op_Neg: m[i->dst] = -m[i->a]; NEXT;
op_Not: m[i->dst] = m[i->a] == 0.0 ? 1.0 : 0.0; NEXT;
op_Add: m[i->dst] = m[i->a] + m[i->b]; NEXT;
op_Sub: m[i->dst] = m[i->a] - m[i->b]; NEXT;
op_Mul: m[i->dst] = m[i->a] * m[i->b]; NEXT;
op_Div: m[i->dst] = m[i->a] / m[i->b]; NEXT;
op_Pow: m[i->dst] = std::pow(m[i->a], m[i->b]); NEXT;
op_Mod: m[i->dst] = flooredModulo(m[i->a], m[i->b]); NEXT;
op_Eq: m[i->dst] = m[i->a] == m[i->b] ? 1.0 : 0.0; NEXT;
op_Ne: m[i->dst] = m[i->a] != m[i->b] ? 1.0 : 0.0; NEXT;
op_Lt: m[i->dst] = m[i->a] < m[i->b] ? 1.0 : 0.0; NEXT;
op_Le: m[i->dst] = m[i->a] <= m[i->b] ? 1.0 : 0.0; NEXT;
op_Gt: m[i->dst] = m[i->a] > m[i->b] ? 1.0 : 0.0; NEXT;
op_Ge: m[i->dst] = m[i->a] >= m[i->b] ? 1.0 : 0.0; NEXT;
op_And: m[i->dst] = (m[i->a] != 0.0 && m[i->b] != 0.0) ? 1.0 : 0.0; NEXT;
op_Or: m[i->dst] = (m[i->a] != 0.0 || m[i->b] != 0.0) ? 1.0 : 0.0; NEXT;
op_Select: m[i->dst] = m[i->a] != 0.0 ? m[i->b] : m[i->c]; NEXT;
op_Math1: m[i->dst] = unaryFunction[i->c](m[i->a]); NEXT;
op_Min2: m[i->dst] = minOf(m[i->a], m[i->b]); NEXT;
op_Max2: m[i->dst] = maxOf(m[i->a], m[i->b]); NEXT;
op_SafeDiv: m[i->dst] = m[i->b] != 0.0 ? m[i->a] / m[i->b] : m[i->c]; NEXT;
op_Arctan2: m[i->dst] = std::atan2(m[i->a], m[i->b]); NEXT;
op_Lookup: m[i->dst] = tables[i->b].evaluate(m[i->a]); NEXT;
op_LookupArea: m[i->dst] = tables[i->b].area(m[i->a], m[i->c]); NEXT;
op_Variadic: m[i->dst] = variadic(i->c, m + i->a, i->b, m, tables); NEXT;
op_History: m[i->dst] = (i->b & kHistoryNow) ? historyNow(state, i->b & ~kHistoryNow, m[i->a], m[i->c], m[TimeSlot])
                                              : history(state, i->b, m[i->a], m[i->c]); NEXT;
// Before the belts are filled (the initial values), nothing leaves them.
op_Belt: m[i->dst] = i->a < state.belts.size() ? state.belts[i->a].leaving(conveyors[i->a], m, int(i->b) - 1, state.dt) / state.dt : 0.0; NEXT;
// Before the queues are laid out (the initial values' first pass), they hold nothing.
op_AgedQueue:
    m[i->dst] = i->a < state.agedQueues.size() ? state.agedQueues[i->a].query(AgedQueue::Query(i->b), m + i->c, m[DtSlot]) : 0;
    NEXT;
// Before the first step is entered (the initial values), no input is due.
op_ConveyorDelay: m[i->dst] = i->a < state.delayConveyors.size() ? state.delayConveyors[i->a].output(m[i->c], m[DtSlot]) : 0; NEXT;
op_InfoDelay: m[i->dst] = i->a < state.informationDelays.size() ? state.informationDelays[i->a].value(m[InputTimeSlot], m[DtSlot], m[i->c]) : m[i->c]; NEXT;
op_Container: m[i->dst] = containerRead(*this, state, m, i->a, i->b, m[i->c]); NEXT;
// Before the ovens start (the initial values), nothing leaves them.
op_Oven: m[i->dst] = i->a < state.ovens.size() ? state.ovens[i->a].releasing() / state.dt : 0.0; NEXT;
op_Random: m[i->dst] = randomCall(i->c, m + i->a, i->b, m, state, tables); NEXT;
op_Pick: m[i->dst] = pick(*this, state, m, m + i->a, i->b, i->c); NEXT;
op_End:
    return;
#undef NEXT
}

} // namespace meadows
