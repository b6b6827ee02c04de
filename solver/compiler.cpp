#include "compiler.h"
#include "compilestocks.h"
#include "computedclock.h"
#include "currentreads.h"
#include "equationorder.h"
#include "random.h"
#include "simulation.h"

#include <QHash>
#include <QStringList>
#include <algorithm>
#include <cstring>
#include <limits>

namespace meadows {

namespace {

class Codegen {
public:
    Codegen(const FlatModel &flat, CompiledModel &out, const std::vector<bool> &nowLeftOut)
        : m_flat(flat), m_out(out), m_nowLeftOut(nowLeftOut)
    {
        m_constBase = FirstVarSlot + std::uint32_t(flat.vars.size());
        for (std::size_t q = 0; q < flat.agedQueues.size(); ++q)
            m_queueOf.insert(flat.agedQueues[q].variable, std::uint32_t(q));
    }

    std::uint32_t varSlot(int index) const { return meadows::varSlot(index); }

    void emitEquation(Program &p, int index, bool initialising = false)
    {
        m_program = &p;
        m_temps = 0;
        const FlatVar &v = m_flat.vars[index];
        generate(initialising && v.initial ? *v.initial : v.equation, varSlot(index));
    }

    // Lays out memory: fixed slots, variables, constants, then temporaries.
    void finish()
    {
        const std::uint32_t tempBase = m_constBase + std::uint32_t(m_constants.size());
        for (Program *p : {&m_out.initial, &m_out.rates}) {
            for (Instr &i : p->code) {
                for (std::uint32_t *s : {&i.dst, &i.a, &i.b, &i.c})
                    relocate(*s, i, s, tempBase);
            }
        }
        for (CompiledSubscriptSite &site : m_out.subscriptSites) {
            for (PickGuard &g : site.guards)
                g.condition = relocated(g.condition, tempBase);
        }
        m_out.memory.assign(tempBase + m_maxTemps, 0.0);
        for (Program *p : {&m_out.initial, &m_out.rates})
            p->code.push_back({Op::End, 0, 0, 0, 0});
        std::copy(m_constants.begin(), m_constants.end(), m_out.memory.begin() + m_constBase);
    }

private:
    // Temporaries are numbered from kTempTag while compiling; constants from kConstTag.
    static constexpr std::uint32_t kTempTag = 0x80000000u;
    static constexpr std::uint32_t kConstTag = 0x40000000u;

    void relocate(std::uint32_t &slot, const Instr &i, std::uint32_t *which, std::uint32_t tempBase) const
    {
        // Operands that are not slots: a table index, a builtin code, an argument count.
        if (((i.op == Op::Lookup || i.op == Op::LookupArea) && which == &i.b) || (i.op == Op::Math1 && which == &i.c)
            || (i.op == Op::History && which == &i.b) || (i.op == Op::Belt && (which == &i.a || which == &i.b)) || (i.op == Op::Oven && which == &i.a)
            || ((i.op == Op::InfoDelay || i.op == Op::ConveyorDelay) && which == &i.a)
            || (i.op == Op::AgedQueue && (which == &i.a || which == &i.b)) || (i.op == Op::Container && (which == &i.a || which == &i.b))
            || ((i.op == Op::Variadic || i.op == Op::Random || i.op == Op::Pick) && (which == &i.b || which == &i.c)))
            return;
        slot = relocated(slot, tempBase);
    }

    std::uint32_t relocated(std::uint32_t slot, std::uint32_t tempBase) const
    {
        if (slot & kTempTag)
            return tempBase + (slot & ~kTempTag);
        if (slot & kConstTag)
            return m_constBase + (slot & ~kConstTag);
        return slot;
    }

    std::uint32_t temp()
    {
        const std::uint32_t t = m_temps++;
        m_maxTemps = std::max(m_maxTemps, m_temps);
        return kTempTag | t;
    }

    std::uint32_t constant(double v)
    {
        quint64 bits;
        std::memcpy(&bits, &v, sizeof bits);
        auto it = m_constIndex.constFind(bits);
        if (it != m_constIndex.constEnd())
            return kConstTag | *it;
        const std::uint32_t index = std::uint32_t(m_constants.size());
        m_constants.push_back(v);
        m_constIndex.insert(bits, index);
        return kConstTag | index;
    }

    void add(Op op, std::uint32_t dst, std::uint32_t a, std::uint32_t b = 0, std::uint32_t c = 0)
    {
        m_program->code.push_back({op, dst, a, b, c});
    }

    // Emits code for n and returns the slot holding its value; writes into `target` when
    // one is given (a variable's slot, or an argument's place in a run of temporaries).
    std::uint32_t generate(const Node &n, std::optional<std::uint32_t> target = std::nullopt)
    {
        const auto place = [&]() { return target ? *target : temp(); };
        const auto leaf = [&](std::uint32_t slot) {
            if (target && *target != slot) {
                add(Op::Copy, *target, slot);
                return *target;
            }
            return slot;
        };
        switch (n.kind) {
        case Node::Kind::Const: return leaf(constant(n.value));
        case Node::Kind::Var: return leaf(varSlot(n.index));
        case Node::Kind::Time: return leaf(TimeSlot);
        case Node::Kind::InputTime: return leaf(InputTimeSlot);
        case Node::Kind::TimeStep: return leaf(DtSlot);
        case Node::Kind::StartTime: return leaf(StartSlot);
        case Node::Kind::StopTime: return leaf(StopSlot);
        case Node::Kind::Unary:
            return apply(n.unaryOp == UnaryOp::Not ? Op::Not : Op::Neg, n, 1, target);
        case Node::Kind::Binary: {
            // a AND b is false whatever b is when a is, and a OR b true when a is: b's picks
            // are guarded by a, as an IF's branches by its condition ("k <= 3 AND a[k] > 3").
            if (n.binaryOp == BinaryOp::And || n.binaryOp == BinaryOp::Or) {
                const std::uint32_t a = generate(n.args[0]);
                m_guards.push_back({a, n.binaryOp == BinaryOp::And});
                const std::uint32_t b = generate(n.args[1]);
                m_guards.pop_back();
                const std::uint32_t d = place();
                add(n.binaryOp == BinaryOp::And ? Op::And : Op::Or, d, a, b);
                return d;
            }
            static const Op ops[] = {Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Pow, Op::Mod, Op::Eq, Op::Ne,
                                     Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::And, Op::Or};
            return apply(ops[int(n.binaryOp)], n, 2, target);
        }
        case Node::Kind::If: {
            // Each branch is generated under its condition, which the picks in it keep
            // (PickGuard): both branches run, and only the taken one's faults count.
            const std::uint32_t condition = generate(n.args[0]);
            m_guards.push_back({condition, true});
            const std::uint32_t then = generate(n.args[1]);
            m_guards.back().thenBranch = false;
            const std::uint32_t otherwise = generate(n.args[2]);
            m_guards.pop_back();
            const std::uint32_t d = place();
            add(Op::Select, d, condition, then, otherwise);
            return d;
        }
        case Node::Kind::Lookup:
            return apply(Op::Lookup, n, 1, target, {std::uint32_t(n.index)});
        case Node::Kind::LookupArea: {
            const std::uint32_t a = generate(n.args[0]);
            const std::uint32_t c = generate(n.args[1]);
            const std::uint32_t d = place();
            add(Op::LookupArea, d, a, std::uint32_t(n.index), c);
            return d;
        }
        case Node::Kind::History: {
            // Stella's HISTORY reads its input now, unless that closes a loop (NaN: not known).
            const bool readNow = n.value == 1;
            const std::uint32_t a = generate(n.args[0]);
            const std::uint32_t c = n.args.size() > 1 && (!readNow || !m_nowLeftOut[std::size_t(n.index)]) ? generate(n.args[1])
                                                                                   : constant(std::numeric_limits<double>::quiet_NaN());
            const std::uint32_t d = place();
            add(Op::History, d, a, std::uint32_t(n.index) | (readNow ? kHistoryNow : 0u), c);
            return d;
        }
        case Node::Kind::Belt: {
            const std::uint32_t d = place();
            add(Op::Belt, d, std::uint32_t(n.index), std::uint32_t(int(n.value) + 1));
            return d;
        }
        case Node::Kind::Oven: {
            const std::uint32_t d = place();
            add(Op::Oven, d, std::uint32_t(n.index));
            return d;
        }
        case Node::Kind::Container:
            return container(n, target);
        case Node::Kind::InformationDelay: {
            const std::uint32_t c = generate(n.args[0]);
            const std::uint32_t d = place();
            add(Op::InfoDelay, d, std::uint32_t(n.index), 0, c);
            return d;
        }
        case Node::Kind::DelayConveyor: {
            const std::uint32_t c = generate(n.args[0]);
            const std::uint32_t d = place();
            add(Op::ConveyorDelay, d, std::uint32_t(n.index), 0, c);
            return d;
        }
        case Node::Kind::AgedQueue: {
            const std::uint32_t d = place();
            add(Op::AgedQueue, d, std::uint32_t(n.index), std::uint32_t(AgedQueue::Query::Total), 0);
            return d;
        }
        case Node::Kind::AgedQueueAge: {
            // The queue its variable defines (the flattener has checked it is one).
            const std::uint32_t first = consecutive(n.args);
            const std::uint32_t d = place();
            add(Op::AgedQueue, d, m_queueOf.value(n.index), std::uint32_t(n.value), first);
            return d;
        }
        case Node::Kind::Call:
            return call(n, target);
        }
        return constant(0);
    }

    // A conveyor's slats or a queue's batches, reduced or one of them (Node::Kind::Container).
    std::uint32_t container(const Node &n, std::optional<std::uint32_t> target)
    {
        const auto stockIs = [&](const auto &list) {
            return std::find_if(list.begin(), list.end(), [&](const auto &x) { return x.stock == n.index; }) - list.begin();
        };
        std::uint32_t which = std::uint32_t(stockIs(m_flat.conveyors));
        std::uint32_t how = n.value < 0 ? kContainerElement : std::uint32_t(n.value);
        if (which == m_flat.conveyors.size()) {
            which = std::uint32_t(stockIs(m_flat.queues));
            how |= kQueueContainer;
            if (which == m_flat.queues.size()) // the flattener made none for another stock
                return constant(std::numeric_limits<double>::quiet_NaN());
        }
        const std::uint32_t element = n.value < 0 ? generate(n.args[0]) : TimeSlot;
        const std::uint32_t d = target ? *target : temp();
        add(Op::Container, d, which, how, element);
        m_out.readsContainers = true;
        return d;
    }

    // Computes the arguments into a run of consecutive temporaries; returns the first.
    std::uint32_t consecutive(const std::vector<Node> &args)
    {
        std::vector<std::uint32_t> places;
        for (std::size_t i = 0; i < args.size(); ++i)
            places.push_back(temp());
        for (std::size_t i = 0; i < args.size(); ++i)
            generate(args[i], places[i]);
        return places.empty() ? 0 : places[0];
    }

    // Computes n's first `count` arguments into operand slots a, b, c (in that order),
    // fills the remaining operands from `immediates` (a table index, a builtin code or a
    // slot), and emits `op` into the target.
    std::uint32_t apply(Op op, const Node &n, std::size_t count, std::optional<std::uint32_t> target,
                        std::initializer_list<std::uint32_t> immediates = {})
    {
        std::uint32_t operands[3] = {0, 0, 0};
        std::size_t i = 0;
        for (; i < count; ++i)
            operands[i] = generate(n.args[i]);
        for (std::uint32_t v : immediates)
            operands[i++] = v;
        const std::uint32_t d = target ? *target : temp();
        add(op, d, operands[0], operands[1], operands[2]);
        return d;
    }

    std::uint32_t call(const Node &n, std::optional<std::uint32_t> target)
    {
        const auto place = [&]() { return target ? *target : temp(); };
        const auto two = [&](Op op) { return apply(op, n, 2, target); };
        // Folds n-ary MIN, MAX and SUM into a chain of two-operand steps.
        const auto fold = [&](Op op, std::optional<std::uint32_t> into) {
            std::uint32_t acc = generate(n.args[0], n.args.size() == 1 ? into : std::nullopt);
            for (std::size_t i = 1; i < n.args.size(); ++i) {
                const std::uint32_t b = generate(n.args[i]);
                const std::uint32_t d = (i + 1 == n.args.size() && into) ? *into : temp();
                add(op, d, acc, b);
                acc = d;
            }
            return acc;
        };
        switch (n.builtin) {
        case Builtin::Pow: return two(Op::Pow);
        case Builtin::Mod: return two(Op::Mod);
        case Builtin::Min2: return two(Op::Min2);
        case Builtin::Max2: return two(Op::Max2);
        case Builtin::Arctan2: return two(Op::Arctan2);
        case Builtin::Min: return fold(Op::Min2, target);
        case Builtin::Max: return fold(Op::Max2, target);
        case Builtin::Sum: return fold(Op::Add, target);
        case Builtin::Mean: {
            const std::uint32_t s = fold(Op::Add, std::nullopt);
            const std::uint32_t d = place();
            add(Op::Div, d, s, constant(double(n.args.size())));
            return d;
        }
        case Builtin::Size: return constant(double(n.args.size()));
        case Builtin::SafeDiv2:
        case Builtin::Zidz:
            return apply(Op::SafeDiv, n, 2, target, {constant(0)});
        case Builtin::SafeDiv3:
        case Builtin::Xidz:
            return apply(Op::SafeDiv, n, 3, target);
        case Builtin::SubscriptAt: {
            // A site of its own per place compiled (an equation's node may be copied into
            // several), with the IFs around it there.
            // Its number is taken before the candidates, whose own picks add sites of theirs.
            const FlatSubscriptSite &site = m_flat.subscriptSites[std::size_t(n.index)];
            m_out.subscriptSites.push_back({site.variable, site.array, site.dimension, site.size, site.source, m_guards});
            const std::uint32_t number = std::uint32_t(m_out.subscriptSites.size() - 1);
            const std::uint32_t first = consecutive(n.args);
            const std::uint32_t d = place();
            add(Op::Pick, d, first, std::uint32_t(n.args.size()), number);
            return d;
        }
        default: {
            if (const std::optional<RandomKind> kind = randomKindOf(n.builtin)) {
                const std::uint32_t first = consecutive(n.args);
                const std::uint32_t d = place();
                add(Op::Random, d, first, std::uint32_t(n.args.size()), (std::uint32_t(n.index) << 8) | std::uint32_t(*kind));
                return d;
            }
            // Any other builtin runs its registry evaluation: one-argument math as Math1,
            // the rest (time inputs, RANK...) over a run of consecutive arguments.
            if (builtinInfo(n.builtin).unary && n.args.size() == 1)
                return apply(Op::Math1, n, 1, target, {0, std::uint32_t(n.builtin)});
            const std::uint32_t first = consecutive(n.args);
            const std::uint32_t d = place();
            add(Op::Variadic, d, first, std::uint32_t(n.args.size()), std::uint32_t(n.builtin));
            return d;
        }
        }
    }

    const FlatModel &m_flat;
    CompiledModel &m_out;
    const std::vector<bool> &m_nowLeftOut; // settleReadsNow: per recorded series (one per HISTORY call)
    Program *m_program = nullptr;
    std::vector<PickGuard> m_guards; // the IF branches the code now emitted sits in
    QHash<int, std::uint32_t> m_queueOf; // a QUEUE FIFO's variable -> its queue
    std::uint32_t m_temps = 0;
    std::uint32_t m_maxTemps = 0;
    std::uint32_t m_constBase = 0;
    std::vector<double> m_constants;
    QHash<quint64, std::uint32_t> m_constIndex;
};

bool callsBuiltin(const Node &n, Builtin b)
{
    if (n.kind == Node::Kind::Call && n.builtin == b)
        return true;
    return std::any_of(n.args.begin(), n.args.end(), [b](const Node &a) { return callsBuiltin(a, b); });
}

const QString kAlgebraicLoop = QStringLiteral("algebraic loop: these variables depend on each other at every step, "
                                              "with no stock between them");

} // namespace

CompileResult compile(const FlatModel &flat)
{
    CompileResult result;
    result.diagnostics = flat.diagnostics;
    if (flat.hasErrors())
        return result;

    const std::size_t n = flat.vars.size();
    // What each variable reads in its equation and, where it has one, its initial equation:
    // HISTORY's reads of its input now apart, kept where they close no loop (currentreads.h).
    std::vector<std::vector<int>> deps(n), initDeps(n);
    std::vector<std::vector<ReadNow>> now(n), initNow(n);
    for (std::size_t i = 0; i < n; ++i) {
        splitReads(flat, flat.vars[i].equation, deps[i], now[i]);
        std::sort(deps[i].begin(), deps[i].end());
        deps[i].erase(std::unique(deps[i].begin(), deps[i].end()), deps[i].end());
        if (flat.vars[i].initial)
            splitReads(flat, *flat.vars[i].initial, initDeps[i], initNow[i]);
        else
            initDeps[i] = deps[i], initNow[i] = now[i];
    }
    const std::vector<bool> nowLeftOut = settleReadsNow(flat, deps, initDeps, now, initNow, result.diagnostics);

    // Equations that read each other in a circle hold at every step, not only at the
    // start: said as such before the initial values are ordered, which would find the
    // same circle. A stock's "equation" is its initial value, so stocks are left out.
    std::vector<bool> computed(n);
    for (std::size_t i = 0; i < n; ++i)
        computed[i] = flat.vars[i].kind != FlatVar::Kind::Stock;
    if (const Ordering every = order(deps, computed); !every.cycle.empty()) {
        result.diagnostics.push_back(cycleError(flat, every.cycle, kAlgebraicLoop));
        return result;
    }

    // Initial values: every variable, stocks through their initial equations, and a
    // variable with an initial equation of its own through that.
    const Ordering init = order(initDeps, std::vector<bool>(n, true));
    if (!init.cycle.empty()) {
        result.diagnostics.push_back(cycleError(flat, init.cycle, init.cycle.size() == 1
                                                    ? QStringLiteral("the initial value refers to itself")
                                                    : QStringLiteral("the initial values depend on each other in a loop")));
        return result;
    }

    // What changes over time: stocks, time, and whatever reads them.
    // The initial order follows the equations but where an initial equation stands in for
    // one, so those few may need another pass; what varies only ever grows.
    const bool anyInitial = std::any_of(flat.vars.begin(), flat.vars.end(), [](const FlatVar &x) { return x.initial.has_value(); });
    // A flow the runner may cut in one step (a non-negative stock's, a conveyor's or an
    // oven's inflow, a queue's outflow) is computed afresh every step, even when its equation is constant.
    std::vector<bool> cuttable(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (flat.vars[i].kind == FlatVar::Kind::Stock && flat.vars[i].nonNegative) {
            for (int f : flat.vars[i].inflows)
                cuttable[std::size_t(f)] = true;
            for (int f : flat.vars[i].outflows)
                cuttable[std::size_t(f)] = true;
        }
    }
    for (const FlatConveyor &c : flat.conveyors) {
        for (int f : flat.vars[std::size_t(c.stock)].inflows)
            cuttable[std::size_t(f)] = true;
    }
    for (const FlatOven &o : flat.ovens) {
        for (int f : flat.vars[std::size_t(o.stock)].inflows)
            cuttable[std::size_t(f)] = true;
    }
    for (const FlatQueue &q : flat.queues) {
        for (const std::vector<int> *flows : {&q.outflows, &q.overflows, &flat.vars[std::size_t(q.stock)].inflows})
            for (int f : *flows)
                cuttable[std::size_t(f)] = true;
    }
    // DT and the stop time change too where the model computes them (SimSpecs::varying).
    const bool clockVaries = !flat.specs.varying.stop.isEmpty() || !flat.specs.varying.dt.isEmpty();
    std::vector<bool> varying(n, false);
    for (bool grew = true; grew;) {
        grew = false;
        for (int v : init.order) {
            const FlatVar &fv = flat.vars[v];
            bool changes = fv.kind == FlatVar::Kind::Stock || readsTime(fv.equation) || fv.initial.has_value() || cuttable[std::size_t(v)]
                           || (clockVaries && readsClock(fv.equation));
            if (fv.kind != FlatVar::Kind::Stock) {
                for (int d : deps[v])
                    changes = changes || varying[d];
            }
            if (changes && !varying[v]) {
                varying[v] = true;
                grew = grew || anyInitial;
            }
        }
    }
    std::vector<bool> inRates(n, false);
    std::vector<std::vector<int>> rateDeps(n);
    for (std::size_t i = 0; i < n; ++i) {
        inRates[i] = varying[i] && flat.vars[i].kind != FlatVar::Kind::Stock;
        if (inRates[i])
            rateDeps[i] = deps[i];
    }
    const Ordering rates = order(rateDeps, inRates);
    if (!rates.cycle.empty()) { // cannot happen after the check of every step above; kept as a guard
        result.diagnostics.push_back(cycleError(flat, rates.cycle, kAlgebraicLoop));
        return result;
    }

    CompiledModel m;
    m.specs = flat.specs;
    m.tables = flat.tables;
    m.invalidIndexValue = flat.invalidIndexValue;
    m.ratesAtStart = anyInitial;
    Codegen gen(flat, m, nowLeftOut);
    for (int v : init.order)
        gen.emitEquation(m.initial, v, true);
    for (int v : rates.order)
        gen.emitEquation(m.rates, v);
    gen.finish();

    for (std::size_t i = 0; i < n; ++i) {
        const FlatVar &v = flat.vars[i];
        if (v.kind == FlatVar::Kind::Stock) {
            m.stockSlots.push_back(gen.varSlot(int(i)));
            m.termBegin.push_back(std::uint32_t(m.termSlot.size()));
            for (int f : v.inflows) {
                m.termSlot.push_back(gen.varSlot(f));
                m.termSign.push_back(1.0);
            }
            for (int f : v.outflows) {
                m.termSlot.push_back(gen.varSlot(f));
                m.termSign.push_back(-1.0);
            }
            m.stockNonNegative.push_back(v.nonNegative);
        }
        if (!v.hidden)
            m.outputs.push_back({v.name, gen.varSlot(int(i)), v.source,
                                 callsBuiltin(v.equation, Builtin::ElementAt) || callsBuiltin(v.equation, Builtin::SubscriptAt),
                                 callsBuiltin(v.equation, Builtin::AllocateAvailable)});
    }
    m.termBegin.push_back(std::uint32_t(m.termSlot.size()));
    m.conveyors = compileConveyors(flat);
    m.queues = compileQueues(flat);
    m.ovens = compileOvens(flat);
    for (int s : flat.series)
        m.seriesSlots.push_back(gen.varSlot(s));
    for (const FlatInformationDelay &d : flat.informationDelays)
        m.informationDelays.push_back({gen.varSlot(d.input), gen.varSlot(d.due)});
    for (const FlatDelayConveyor &d : flat.delayConveyors)
        m.delayConveyors.push_back({gen.varSlot(d.input), gen.varSlot(d.time), gen.varSlot(d.leak), gen.varSlot(d.total),
                                    gen.varSlot(d.initialTime), d.profile});
    for (const FlatAgedQueue &q : flat.agedQueues)
        m.agedQueues.push_back({gen.varSlot(q.inflow), gen.varSlot(q.outflow), gen.varSlot(q.initial), gen.varSlot(q.ageRange),
                                q.profile});
    if (!methodFromName(flat.specs.method)) // said here, so that checking and the editor say it too
        result.diagnostics.push_back(Diagnostic(Severity::Warning, flat.specs.places.file, flat.specs.places.method,
                                                QStringLiteral("the integration method '%1' is not one Meadows implements "
                                                               "(Euler, RK2, RK4, RK45, Rosenbrock): runs use Euler unless "
                                                               "another is chosen").arg(flat.specs.method)));
    const std::optional<VaryingSlots> clock = varyingSlots(flat, m, result.diagnostics);
    if (!clock)
        return result;
    m.varying = *clock;
    settleClockAtStart(m);
    result.model = std::move(m);
    return result;
}

CompileResult compileProject(const Project &project, const FlattenOptions &options)
{
    return compile(flatten(project, options));
}

} // namespace meadows
