// Stateful builtins (SMTH, DELAY, DELAY INFORMATION, TREND, PREVIOUS, INIT, NPV...): rewritten into hidden
// stocks, flows and recorded series.
#include "flattener.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace meadows::flattening {

int Flattener::addHidden(FlatVar::Kind kind, const QString &what, Node eqn)
{
    FlatVar v;
    v.kind = kind;
    v.hidden = true;
    // Macros and stateful builtins grow the model as it is flattened: a macro calling
    // itself twice per level doubles it each time, so the limit is checked here too.
    if (std::int64_t(m_out.vars.size()) >= maxModelSize())
        throw Failure{QStringLiteral("expanding this equation makes the model more than %1 values large "
                                     "(raise the limit with --max-size)").arg(maxModelSize()), 0, 0};
    v.name = QStringLiteral("#%1#%2").arg(what).arg(m_out.vars.size());
    v.equation = std::move(eqn);
    m_out.vars.push_back(std::move(v));
    return int(m_out.vars.size()) - 1;
}

void Flattener::holdArguments(Context &c, const Expr &call, std::initializer_list<Held> held)
{
    for (const Held &h : held) {
        Node value = expr(c, call.args[std::size_t(h.argument)]);
        *h.variable = addHidden(FlatVar::Kind::Aux, call.name, h.atStart ? fixedAtStart(call.name, std::move(value)) : std::move(value));
    }
}

const GraphicalFunction &Flattener::profileArgument(Context &c, const Expr &call, std::size_t arg)
{
    const Expr &written = call.args[arg];
    if (written.kind == Expr::Kind::Name && written.subscripted)
        fail(written, QStringLiteral("%1's profile must be one lookup: a subscripted one ('%2') is not supported")
                          .arg(calledAs(call), toString(written)));
    const GraphicalFunction *profile = tableNamed(c, written);
    const bool usable = profile && profile->size() > 0
                        && std::none_of(profile->ypts.begin(), profile->ypts.end(), [](double y) { return y < 0; })
                        && profile->area(profile->x(0), profile->x(profile->size() - 1)) > 0;
    if (!usable)
        fail(written, QStringLiteral("%1's profile must be a lookup with no value below 0 and a positive area over its x "
                                     "range").arg(calledAs(call)));
    return *profile;
}

// A value usable in several equations without computing it twice.
Node Flattener::shared(const QString &what, Node n)
{
    if (n.kind == Node::Kind::Const || n.kind == Node::Kind::Var || n.kind == Node::Kind::Time
        || n.kind == Node::Kind::InputTime || n.kind == Node::Kind::TimeStep)
        return n;
    return Node::var(addHidden(FlatVar::Kind::Aux, what, std::move(n)));
}

int Flattener::constantOrder(Context &c, const Expr &e, const QString &of)
{
    // Known before the run through a chain of constants too: a macro's parameter holding
    // "MAX(1, order)" where order is a constant of the model.
    constexpr int kThroughConstants = 16;
    const Node order = expr(c, e);
    std::optional<double> v = constantValue(order, kThroughConstants);
    const bool changes = !v && !fixedThroughRun(order, kThroughConstants);
    if (!v) // "2 + STEP(1, 10)": the number of stages cannot change as the run goes on
        v = valueAtStart(order, kThroughConstants);
    if (!v || *v < 1 || *v > 1000 || std::floor(*v) != *v)
        fail(e, QStringLiteral("the order of %1 must be a whole number from 1 to 1000, known at the start%2")
                    .arg(of.isEmpty() ? QStringLiteral("a delay or smooth") : of, v ? QStringLiteral(" (it is %1)").arg(*v) : QString()));
    // Said once for the variable, not for each of its elements.
    if (changes && c.variable && !m_orderReadAtStart.contains(c.variable)) {
        m_orderReadAtStart.insert(c.variable);
        error(m_equationRef ? *m_equationRef : c.variable->equationSource, e.offset, e.length, displayName(c.variable->name),
              QStringLiteral("the order is read once, at the start (%1): %2 as the run goes on")
                  .arg(int(*v)).arg(of.isEmpty() ? QStringLiteral("the delay or smooth keeps that many stages")
                                                 : QStringLiteral("%1 keeps that order").arg(of)),
              Severity::Warning);
    }
    return int(*v);
}

// A chain of `order` first-order stages (material delay or information smooth),
// each with time constant `time / order`. Returns the last stage's output.
Node Flattener::chain(const QString &what, Node input, Node time, int order, std::optional<Node> init, bool delay)
{
    const Node stageTime = shared(what, Node::binary(BinaryOp::Divide, time, Node::constant(order)));
    Node in = shared(what, std::move(input));
    const Node initial = init ? shared(what, std::move(*init)) : in;
    Node out;
    for (int k = 0; k < order; ++k) {
        const int stock = addHidden(FlatVar::Kind::Stock, what,
                                    delay ? Node::binary(BinaryOp::Multiply, initial, stageTime) : initial);
        if (delay) {
            // Material delay: the stage holds what entered and releases content/time.
            const int inflow = addHidden(FlatVar::Kind::Flow, what, in);
            const int outflow = addHidden(FlatVar::Kind::Flow, what,
                                          Node::binary(BinaryOp::Divide, Node::var(stock), stageTime));
            m_out.vars[stock].inflows.push_back(inflow);
            m_out.vars[stock].outflows.push_back(outflow);
            in = Node::var(outflow);
        } else {
            // Information smooth: the stage moves toward its input by gap/time.
            const int flow = addHidden(FlatVar::Kind::Flow, what,
                                       Node::binary(BinaryOp::Divide,
                                                    Node::binary(BinaryOp::Subtract, in, Node::var(stock)),
                                                    stageTime));
            m_out.vars[stock].inflows.push_back(flow);
            in = Node::var(stock);
        }
        out = in;
    }
    return out;
}

std::optional<Node> Flattener::stateful(Context &c, const Expr &e)
{
    if (std::optional<Node> queue = agedQueueCall(c, e))
        return queue;
    const QString &f = e.name;
    const auto arg = [&](int i) { return expr(c, e.args[i]); };
    const auto optionalArg = [&](int i) -> std::optional<Node> {
        if (int(e.args.size()) > i)
            return expr(c, e.args[i]);
        return std::nullopt;
    };
    if (f == QLatin1String("smth1") || f == QLatin1String("smooth")) {
        return chain(f, arg(0), arg(1), 1, optionalArg(2), false);
    }
    if (f == QLatin1String("smth3") || f == QLatin1String("smooth3")) {
        return chain(f, arg(0), arg(1), 3, optionalArg(2), false);
    }
    if (f == QLatin1String("smthn") || f == QLatin1String("smoothn")) {
        return chain(f, arg(0), arg(1), constantOrder(c, e.args[2]), optionalArg(3), false);
    }
    if (f == QLatin1String("delay1")) {
        return chain(f, arg(0), arg(1), 1, optionalArg(2), true);
    }
    if (f == QLatin1String("delay3")) {
        return chain(f, arg(0), arg(1), 3, optionalArg(2), true);
    }
    if (f == QLatin1String("delayn")) {
        if (m_out.vensimDialect)
            return vensimDelayN(c, e);
        return chain(f, arg(0), arg(1), constantOrder(c, e.args[2]), optionalArg(3), true);
    }
    if (f == QLatin1String("trend")) {
        // Vensim and Stella: the fractional rate of change of the input against its
        // exponential average, (input - average) / (average * averaging time).
        const Node input = shared(f, arg(0));
        const Node time = shared(f, arg(1));
        const Node initialTrend = e.args.size() > 2 ? arg(2) : Node::constant(0);
        Node initialAverage = Node::binary(BinaryOp::Divide, input,
                                           Node::binary(BinaryOp::Add, Node::constant(1),
                                                        Node::binary(BinaryOp::Multiply, initialTrend, time)));
        const Node average = shared(f, chain(f, input, time, 1, std::move(initialAverage), false));
        return Node::call(Builtin::Zidz, {Node::binary(BinaryOp::Subtract, input, average),
                                          Node::binary(BinaryOp::Multiply, average, time)});
    }
    if (f == QLatin1String("forcst") || f == QLatin1String("forecast")) {
        // FORCST(input, averaging time, horizon [, initial trend]): the input carried
        // forward along its trend, input * (1 + TREND * horizon).
        const Node input = shared(f, arg(0));
        Expr trendCall = e;
        trendCall.name = QStringLiteral("trend");
        trendCall.args.erase(trendCall.args.begin() + 2);
        Node trend = *stateful(c, trendCall);
        return Node::binary(BinaryOp::Multiply, input,
                            Node::binary(BinaryOp::Add, Node::constant(1),
                                         Node::binary(BinaryOp::Multiply, std::move(trend), arg(2))));
    }
    if (f == QLatin1String("delay") || f == QLatin1String("delay_fixed")) {
        // A pipeline: the input as it was `delay time` ago; before that, the initial
        // value (by default the input's own first value). DELAY FIXED reads its initial
        // value once, at the start.
        const int series = record(f, arg(0));
        std::optional<Node> initial = optionalArg(2);
        if (initial && f == QLatin1String("delay_fixed"))
            initial = fixedAtStart(f, std::move(*initial));
        // The pure delays read the input time, which Vensim's Runge-Kutta holds through a step.
        Node query = Node::binary(BinaryOp::Subtract, Node::of(Node::Kind::InputTime), arg(1));
        return history(series, std::move(query), initial ? std::move(*initial) : firstValue(f, series));
    }
    if (f == QLatin1String("delay_information")) {
        // DELAY_INFORMATION(input, delay time, initial): each step's input is due when the
        // delay time it entered with has passed; the value is the most recent input that is
        // due, else the initial value, read once at the start (solver/informationdelay.h).
        FlatInformationDelay d;
        d.input = addHidden(FlatVar::Kind::Aux, f, arg(0));
        d.due = addHidden(FlatVar::Kind::Aux, f, Node::binary(BinaryOp::Add, Node::of(Node::Kind::InputTime), arg(1)));
        m_out.informationDelays.push_back(d);
        Node n = Node::of(Node::Kind::InformationDelay);
        n.index = int(m_out.informationDelays.size()) - 1;
        n.args.push_back(fixedAtStart(f, arg(2)));
        return n;
    }
    if (f == QLatin1String("delay_conveyor")) {
        // DELAY_CONVEYOR(input, time, leak, profile, total, initial time): a belt the runner
        // moves as a whole (solver/delayconveyor.h), laid out at the start from the total and
        // the initial time, read once, and the profile's shape.
        FlatDelayConveyor d;
        d.profile = profileArgument(c, e, 3);
        holdArguments(c, e, {{0, false, &d.input}, {1, false, &d.time}, {2, false, &d.leak}, {4, true, &d.total},
                             {5, true, &d.initialTime}});
        Node n = Node::of(Node::Kind::DelayConveyor);
        n.index = int(m_out.delayConveyors.size());
        n.args.push_back(Node::var(d.time));
        m_out.delayConveyors.push_back(std::move(d));
        return n;
    }
    if (f == QLatin1String("previous")) {
        // The input one step ago; at the first step, the initial value (or the input's).
        const int series = record(f, arg(0));
        Node query = Node::binary(BinaryOp::Subtract, Node::of(Node::Kind::Time), Node::of(Node::Kind::TimeStep));
        std::optional<Node> initial = optionalArg(1);
        return history(series, std::move(query), initial ? std::move(*initial) : firstValue(f, series));
    }
    if (f == QLatin1String("history")) {
        // Stella's HISTORY(input, time): the input's value at that time; 0 before the start
        // and after now (isee's help, "Data builtins"). The value now is the input's own,
        // read in this step (solver/currentreads.h orders it before the call).
        const int series = record(f, arg(0));
        Node n = history(series, arg(1), Node::var(m_out.series[series]));
        n.value = 1;
        return n;
    }
    if (f == QLatin1String("npv") || f == QLatin1String("npve")) {
        // NPV(stream, discount rate [, initial value [, factor]]) as Vensim's manual defines
        // it: a discount factor df falling from 1 by df * rate / (1 + rate * DT), an
        // accumulation of stream * df from the initial value (0 by default), and the value
        // (accumulated + stream * DT * df) * factor: the current step's stream counts, not
        // yet discounted. Stella's NPV(stream, rate [, initial]) is read the same way.
        // Vensim's NPVE values the stream at the end of each period, as Excel does: the same
        // equations with df starting at 1 / (1 + rate * DT) (its reference, "NPVE").
        const Node stream = shared(f, arg(0));
        const Node rate = shared(f, arg(1));
        const Node dt = Node::of(Node::Kind::TimeStep);
        const Node startingFactor = f == QLatin1String("npve")
                                        ? Node::binary(BinaryOp::Divide, Node::constant(1),
                                                       Node::binary(BinaryOp::Add, Node::constant(1), Node::binary(BinaryOp::Multiply, rate, dt)))
                                        : Node::constant(1);
        const int discount = addHidden(FlatVar::Kind::Stock, f, startingFactor);
        const Node df = Node::var(discount);
        const int discounting = addHidden(FlatVar::Kind::Flow, f,
            Node::binary(BinaryOp::Divide, Node::binary(BinaryOp::Multiply, df, rate),
                         Node::binary(BinaryOp::Add, Node::constant(1), Node::binary(BinaryOp::Multiply, rate, dt))));
        m_out.vars[discount].outflows.push_back(discounting);
        const int accumulated = addHidden(FlatVar::Kind::Stock, f, e.args.size() > 2 ? arg(2) : Node::constant(0));
        const int accumulating = addHidden(FlatVar::Kind::Flow, f, Node::binary(BinaryOp::Multiply, stream, df));
        m_out.vars[accumulated].inflows.push_back(accumulating);
        Node value = Node::binary(BinaryOp::Add, Node::var(accumulated),
                                  Node::binary(BinaryOp::Multiply, Node::binary(BinaryOp::Multiply, stream, dt), df));
        return e.args.size() > 3 ? Node::binary(BinaryOp::Multiply, std::move(value), arg(3)) : value;
    }
    if (f == QLatin1String("derivn"))
        return derivative(c, e);
    if (f == QLatin1String("endval")) {
        // Stella's ENDVAL(input [, initial]) (isee's help, "Data builtins"): the input's value
        // at the end of the session's most recent run; in the first run after the model is
        // opened or its equation edited, the initial value, or without one the input's own
        // initial value. Meadows keeps nothing from one run for the next, so every run is read
        // as the first: right for a headless run, which is one, and said for the editor's
        // reruns, where Stella would carry the last run's end.
        Node input = arg(0); // read for its errors even when the initial value is what counts
        warnOnce(c, e, QStringLiteral("ENDVAL gives its initial value in every run: Meadows keeps no value from the "
                                      "end of one run for the next, so each run is read as the first of its session"));
        return fixedAtStart(f, e.args.size() > 1 ? arg(1) : std::move(input));
    }
    if (f == QLatin1String("init")) {
        // A stock with no flows keeps its initial value.
        return Node::var(addHidden(FlatVar::Kind::Stock, f, arg(0)));
    }
    return std::nullopt;
}

// A hidden variable holding `input`, recorded at every step.
int Flattener::record(const QString &what, Node input)
{
    const int var = addHidden(FlatVar::Kind::Aux, what, std::move(input));
    m_out.series.push_back(var);
    return int(m_out.series.size()) - 1;
}

Node Flattener::history(int series, Node query, Node before)
{
    Node n = Node::of(Node::Kind::History);
    n.index = series;
    n.args.push_back(std::move(query));
    n.args.push_back(std::move(before));
    return n;
}

// A value computed once, at the start: a stock with no flows keeps its initial value.
Node Flattener::fixedAtStart(const QString &what, Node value)
{
    return Node::var(addHidden(FlatVar::Kind::Stock, what, std::move(value)));
}

// A recorded input's first value, for the times before its record starts, the first step
// included (when nothing is recorded yet).
Node Flattener::firstValue(const QString &what, int series)
{
    return fixedAtStart(what, Node::var(m_out.series[series]));
}

// Vensim's DELAY N(input, delay time, initial value, order), as its reference describes it:
// - "the output of the DELAY N function depends only on the values delay time had in
//   previous Time Steps": the last stage releases its content over the stage time of the
//   step before (the first step's own at the start), the stages before it over this step's.
//   Against SDXorg's test_delays (delay time 4, then 6 from 15): Vensim gives 3.94971 at
//   15, the last stage's 7.89942 over 4 / 2, where a chain of DELAY1s would give 2.63314.
// - "delay time must be bigger than order * TIME STEP. If this is not the case Vensim will
//   issue a warning and automatically reduce the order so that this is true": to the
//   largest order with order * TIME STEP at most the delay time at the start (SDXorg's
//   test_pipeline_delays: order 3, delay 1.25, TIME STEP 0.5 gives Vensim's order 2 to
//   the last digit; an order with order * TIME STEP equal to the delay is kept there).
//   The delay time may be computed, so the order is settled when the run starts: the chain
//   has `order` stages, and those the reduced order leaves out, at its head, hold nothing
//   and pass their inflow straight on. Said here when the delay time is known before.
// With a constant delay time and no order reduced this is the chain of first-order stages
// DELAY3 makes. Under Runge-Kutta the stage time before is the stages' blend (Vensim holds
// DELAY N's output through a step; the reader warns of that).
Node Flattener::vensimDelayN(Context &c, const Expr &e)
{
    const QString what = e.name;
    int order = constantOrder(c, e.args[2]);
    const Node time = shared(what, expr(c, e.args[1]));
    const Node dt = Node::of(Node::Kind::TimeStep);
    constexpr int kThroughConstants = 16;
    const std::optional<double> delay = valueAtStart(time, kThroughConstants);
    const std::optional<double> step = valueAtStart(dt, kThroughConstants);
    // A little below a whole number of steps still counts as it (1.5 / 0.5 in binary).
    constexpr double kWhole = 1 + 1e-12;
    if (delay && step && *step > 0 && *delay < order * *step) {
        const int fits = std::max(1, int(std::floor(*delay / *step * kWhole)));
        if (*delay < *step)
            warnOnce(c, e.args[1], QStringLiteral("DELAY N's delay time (%1) is less than TIME STEP (%2): even at order 1 its "
                                                  "stage would release more than it holds each step, so the output swings "
                                                  "or diverges").arg(*delay).arg(*step));
        else if (fits < order)
            warnOnce(c, e.args[2], QStringLiteral("DELAY N's order %1 is reduced to %2, as Vensim does, so that order * TIME "
                                                  "STEP (%3) is not more than the delay time (%4)")
                                       .arg(order).arg(fits).arg(fits * *step).arg(*delay));
    }
    // A delay time that never changes, known before the run: the order is settled here, and
    // the chain is plain (a tenth of the work per step of the general one).
    const bool fixed = delay && step && *step > 0 && fixedThroughRun(time, kThroughConstants);
    if (fixed)
        order = std::min(order, std::max(1, int(std::floor(*delay / *step * kWhole))));
    Node fits = Node::call(Builtin::Int, {Node::binary(BinaryOp::Multiply, Node::binary(BinaryOp::Divide, time, dt),
                                                       Node::constant(kWhole))});
    const Node used = fixed ? Node::constant(order)
                            : fixedAtStart(what, Node::call(Builtin::Min, {Node::constant(order),
                                                                           Node::call(Builtin::Max, {Node::constant(1), std::move(fits)})}));
    const Node stageTime = shared(what, Node::binary(BinaryOp::Divide, time, used));
    // The stage time of the step before: a stock that takes this step's value, (now - it) / DT
    // a step, so with Euler it holds exactly the last step's. Not a recorded series: that kept
    // a number per step for every element. A delay time that never changes needs neither.
    Node stageTimeBefore = stageTime;
    if (!fixed) {
        const int before = addHidden(FlatVar::Kind::Stock, what, stageTime);
        const int catchUp = addHidden(FlatVar::Kind::Flow, what,
                                      Node::binary(BinaryOp::Divide, Node::binary(BinaryOp::Subtract, stageTime, Node::var(before)), dt));
        m_out.vars[before].inflows.push_back(catchUp);
        stageTimeBefore = Node::var(before);
    }
    Node in = shared(what, expr(c, e.args[0]));
    const Node initial = e.args.size() > 3 ? shared(what, expr(c, e.args[3])) : in;
    for (int k = 0; k < order; ++k) {
        // Stage k is one of the last `used`: order - k <= used (always, when fixed).
        const Node active = Node::binary(BinaryOp::LessEqual, Node::constant(order - k), used);
        Node full = Node::binary(BinaryOp::Multiply, initial, stageTime);
        const int stock = addHidden(FlatVar::Kind::Stock, what,
                                    fixed ? std::move(full) : Node::ifThenElse(active, std::move(full), Node::constant(0)));
        const int inflow = addHidden(FlatVar::Kind::Flow, what, in);
        Node release = Node::binary(BinaryOp::Divide, Node::var(stock), k + 1 == order ? stageTimeBefore : stageTime);
        const int outflow = addHidden(FlatVar::Kind::Flow, what,
                                      k + 1 == order || fixed ? std::move(release)
                                                              : Node::ifThenElse(active, std::move(release), Node::var(inflow)));
        m_out.vars[stock].inflows.push_back(inflow);
        m_out.vars[stock].outflows.push_back(outflow);
        in = Node::var(outflow);
    }
    return in;
}

// DERIVN(input, order): the order-th time derivative of the input, by backward differences
// over one step, each order the difference of the one below: d0 = input and
// dk = (dk-1 - dk-1 one step before) / DT. The k-th needs k earlier values, so it is 0 over
// the run's first k steps (the input has no past before the start). DERIVN is Stella's; no
// reference found says more than "the n-th order time derivative"; differences over DT are
// what a model stepping by DT can know.
Node Flattener::derivative(Context &c, const Expr &e)
{
    const QString what = e.name;
    const int order = constantOrder(c, e.args[1], QStringLiteral("DERIVN"));
    const Node dt = Node::of(Node::Kind::TimeStep);
    const Node elapsed = Node::binary(BinaryOp::Subtract, Node::of(Node::Kind::Time), Node::of(Node::Kind::StartTime));
    Node d = shared(what, expr(c, e.args[0]));
    for (int k = 1; k <= order; ++k) {
        const int series = record(what, d);
        Node before = history(series, Node::binary(BinaryOp::Subtract, Node::of(Node::Kind::Time), dt), firstValue(what, series));
        Node withPast = Node::ifThenElse(Node::binary(BinaryOp::Less, elapsed, Node::binary(BinaryOp::Multiply, Node::constant(k - 0.5), dt)),
                                         Node::constant(0),
                                         Node::binary(BinaryOp::Divide, Node::binary(BinaryOp::Subtract, d, std::move(before)), dt));
        d = shared(what, std::move(withPast));
    }
    return d;
}

void Flattener::warnOnce(Context &c, const Expr &at, const QString &message)
{
    if (!c.variable || m_saidOnce.contains({c.variable, message}))
        return;
    m_saidOnce.insert({c.variable, message});
    error(m_equationRef ? *m_equationRef : c.variable->equationSource, at.offset, at.length,
          displayName(c.variable->name), message, Severity::Warning);
}

} // namespace meadows::flattening
