#include "mdllevels.h"

#include "model/names.h"

#include <QHash>

namespace meadows::vensim {

namespace {

// The equations one rewrite adds for a call "y = F(...)", each where the call is (so that
// what is said of them points there), over y's own subscripts.
struct Rewrite {
    Definition &call;
    std::vector<Definition> &added;
    qsizetype at = call.rhs->offset;
    std::vector<Subscript> own = ownSubscripts(call);
    QString base = call.name.simplified() + u' ' + call.rhs->text.simplified().toUpper() + u' ';
    Expr name(const QString &part) const { return nameAt(base + part, at, own); }
    // `sameUnits`: in the call's units (its input, its stream); else in none declared, as
    // a delay time or an accumulation is not in y's units.
    void add(const QString &part, Expr rhs, bool sameUnits)
    {
        Definition e = call;
        e.name = base + part;
        e.op = Tok::Eq;
        e.rhs = std::move(rhs);
        if (!sameUnits)
            e.record.units.clear();
        added.push_back(std::move(e));
    }
    Expr initial(const Expr &e) const { return callAt(QStringLiteral("INITIAL"), {e}, at); }
};

// Vensim's reference: DELAY MATERIAL is "the same as DELAY FIXED except that delay time can
// be a variable. If delay time is decreasing, some values of the input will be added to
// more recent inputs for output. If delay time is increasing, missval will be used when no
// output is available at a time." So what enters at a step leaves a whole number of steps
// later, as many as the delay time then asked for; inputs that come due together leave
// together. That is Stella's conveyor exactly (solver/conveyor.h: material is put
// round(transit time / DT) slats from the exit, the transit time sampled as it enters), so
// the rewrite writes one, rather than a second pipeline beside it. At the start the belt
// holds the initial value for each of its slats' steps, so that it first releases the
// initial value per time unit, as DELAY FIXED does. Negative input travels as it is (the
// belt is marked meadows:signed), as it does through DELAY FIXED. Where nothing comes due,
// a conveyor releases 0, which is the output when the missing value is 0. Any other missing
// value needs to know whether anything came due: a second belt with the same transit time
// carries one unit per time unit ("y DELAY MATERIAL entries"), and where it releases nothing
// y is the missing value; the material belt's outflow is then "y DELAY MATERIAL output".
void delayMaterial(Rewrite &r, std::vector<DelayMaterialConveyor> &conveyors)
{
    const std::vector<Expr> &args = r.call.rhs->args;
    const Expr missing = args[3];
    const bool missingIsZero = missing.kind == Expr::Kind::Number && missing.number == 0;
    // The steps the belt has at the start, as the conveyor counts its slats: the delay
    // time over TIME STEP, rounded, at least one.
    const Expr dt = nameAt(QStringLiteral("TIME STEP"), r.at);
    const Expr steps = callAt(QStringLiteral("MAX"), {numberAt(1, r.at), callAt(QStringLiteral("INTEGER"),
        {binaryOf("+", binaryOf("/", r.name(QStringLiteral("time")), dt), numberAt(0.5, r.at))}, r.at)}, r.at);
    const QString time = r.base + QStringLiteral("time");
    // A belt fed by `input` at `initial` per time unit at the start, released through `outflow`.
    const auto belt = [&](const QString &stock, const QString &input, const Expr &initial, const QString &outflow,
                          const Expr &outflowName) {
        r.add(stock, callAt(QStringLiteral("INTEG"), {binaryOf("-", r.name(input), outflowName),
                                                      binaryOf("*", binaryOf("*", initial, steps), dt)}, r.at), false);
        conveyors.push_back({r.call.record.macro, r.base + stock, time, outflow});
    };
    r.add(QStringLiteral("input"), args[0], true);
    r.add(QStringLiteral("time"), args[1], false);
    if (missingIsZero) {
        belt(QStringLiteral("in transit"), QStringLiteral("input"), args[2], r.call.name, nameAt(r.call.name, r.at, r.own));
        r.call.rhs = numberAt(0, r.at); // the outflow: the belt gives its value
        return;
    }
    belt(QStringLiteral("in transit"), QStringLiteral("input"), args[2], r.base + QStringLiteral("output"),
         r.name(QStringLiteral("output")));
    r.add(QStringLiteral("output"), numberAt(0, r.at), true);
    r.add(QStringLiteral("entering"), numberAt(1, r.at), false);
    belt(QStringLiteral("entries"), QStringLiteral("entering"), numberAt(1, r.at), r.base + QStringLiteral("entries due"),
         r.name(QStringLiteral("entries due")));
    r.add(QStringLiteral("entries due"), numberAt(0, r.at), false);
    r.call.rhs = callAt(QStringLiteral("IF THEN ELSE"), {binaryOf(">", r.name(QStringLiteral("entries due")), numberAt(0, r.at)),
                                                         r.name(QStringLiteral("output")), missing}, r.at);
}

// Vensim's reference: DEPRECIATE STRAIGHTLINE(str, dtime, fisc, init) depreciates the
// investment stream str over dtime, "lumping all payments made within the fiscal period
// specified by fisc together"; an investment returns 1/n of itself (n = dtime / fisc,
// adjusted to a whole number) "in the first fiscal period and each that follows", the
// current period's through "the current value of str"; init stands for str "over the
// previous dtime". So, with the fiscal periods counted from INITIAL TIME and L(q) the
// stream paid in period q, in period p:
//     y = (str + (L(p-n+1) + ... + L(p-1)) / fisc) / n
// The sum is read from the stream accumulated beyond init, S = INTEG(str - init, 0) (0
// before the start, as init fills those periods), at the starts of periods p and p-n+1:
// S(b) - S(b - (n-1) fisc) + init (n-1) fisc. S at the current time is the stock itself
// (HISTORY gives the recorded steps, and between two interpolates, so the period starts are
// read at the step at or after them). dtime, fisc and init are read once, at the start.
void depreciateStraightline(Rewrite &r)
{
    const std::vector<Expr> &args = r.call.rhs->args;
    const auto num = [&](double v) { return numberAt(v, r.at); };
    const auto call = [&](const char *f, std::vector<Expr> a) { return callAt(QString::fromLatin1(f), std::move(a), r.at); };
    const Expr time = nameAt(QStringLiteral("Time"), r.at), start = nameAt(QStringLiteral("INITIAL TIME"), r.at);
    const Expr dt = nameAt(QStringLiteral("TIME STEP"), r.at);
    const Expr fisc = r.initial(args[2]), init = r.initial(args[3]);
    const Expr n = call("MAX", {num(1), call("INTEGER", {binaryOf("+", binaryOf("/", r.initial(args[1]), fisc), num(0.5))})});
    r.add(QStringLiteral("stream"), args[0], true);
    const Expr stream = r.name(QStringLiteral("stream")), invested = r.name(QStringLiteral("invested"));
    r.add(QStringLiteral("invested"), call("INTEG", {binaryOf("-", stream, init), num(0)}), false);
    // b: the start of the current fiscal period (a hair added against rounding down).
    const Expr period = binaryOf("+", start, binaryOf("*", call("INTEGER", {binaryOf("+", binaryOf("/", binaryOf("-", time, start),
                                                                                                  fisc), num(1e-9))}), fisc));
    // What was paid before a period's start is S at the first step at or after it: a start
    // between two steps (a fiscal period that is no whole number of steps) is moved to the
    // step after it, so S is read at a step, never between two (HISTORY interpolates).
    const auto onStep = [&](const Expr &t) {
        return binaryOf("+", start, binaryOf("*", call("INTEGER", {binaryOf("+", binaryOf("/", binaryOf("-", t, start), dt),
                                                                            num(1 - 1e-9))}), dt));
    };
    const Expr b = onStep(period);
    const auto at = [&](const Expr &t) { // S at t: the stock now, else its recorded value
        return call("IF THEN ELSE", {binaryOf("<", binaryOf("-", time, t), binaryOf("/", dt, num(2))), invested,
                                     call("HISTORY", {invested, t})});
    };
    const Expr earlier = binaryOf("-", n, num(1));
    const Expr paid = binaryOf("+", binaryOf("/", binaryOf("-", at(b), at(onStep(binaryOf("-", period, binaryOf("*", earlier, fisc))))), fisc),
                               binaryOf("*", init, earlier));
    r.call.rhs = binaryOf("/", binaryOf("+", stream, paid), n);
}

// Vensim's reference: DELAYP(input, delay time : pipeline) is DELAY3 "with the material in
// transit returned as pipeline"; its equations give pipeline as the sum of DELAY3's three
// levels, each DL * its outflow with DL = delay time / 3, all starting at DL * the input.
// That sum changes by the input less the output and starts at delay time * input, so it is
// written as a stock of its own: "pipeline = INTEG(y DELAYP change, delay time * input)"
// with "y DELAYP change = input - y", the same under every integration method since
// DELAY3's levels are linear in their flows. The change is the stock's one flow, so that y
// stays the auxiliary the sketch draws, not an outflow.
void delayPipeline(Rewrite &r)
{
    Expr &call = *r.call.rhs;
    r.add(QStringLiteral("input"), call.args[0], true);
    r.add(QStringLiteral("time"), call.args[1], false);
    const Expr input = r.name(QStringLiteral("input")), time = r.name(QStringLiteral("time"));
    if (!call.outputs.empty()) {
        r.add(QStringLiteral("change"), binaryOf("-", input, nameAt(r.call.name, r.at, r.own)), true);
        Definition pipeline = r.call;
        pipeline.name = call.outputs.front().text;
        pipeline.nameOffset = call.outputs.front().offset;
        pipeline.op = Tok::Eq;
        pipeline.record.units.clear();
        pipeline.rhs = callAt(QStringLiteral("INTEG"), {r.name(QStringLiteral("change")), binaryOf("*", time, input)}, r.at);
        r.added.push_back(std::move(pipeline));
    }
    r.call.rhs = callAt(QStringLiteral("DELAY3"), {input, time}, r.at);
}

// Vensim's reference: DELAY BATCH(input, bsize, btime, inibatch, initime, inibacklog)
// "returns the value of input collected into batches of size bsize after processing for time
// btime. A zero is returned for all times a batch is not being completed. The initial batch in
// process is specified by inibatch and is returned at initime. The initial amount of material
// already accumulated for processing is specified by inibacklog. Batches are not released for
// processing until the amount of material accumulated is at least bsize and no batch is
// currently being processed [...] the time at which a batch is completed [...] is determined
// by the value of btime when the batch started. If initime is less than or equal to the
// initial time [...] inibatch is returned when the simulation starts." Its units make input,
// inibatch and the result rates, bsize and inibacklog amounts.
//
// Written as a state kept from step to step (PREVIOUS): the backlog, the batch in process,
// when it is due and whether one is. At each time, in this order (the reference does not say
// how a step divides; Meadows' reading): a batch due now (to half a step) completes and is
// returned as its amount per TIME STEP; then, with no batch in process, one of exactly bsize
// starts if the backlog holds that much (so one may start as another completes); then this
// step's input joins the backlog. A batch's amount leaves in the one step it completes, so
// what enters is what leaves.
void delayBatch(Rewrite &r)
{
    const std::vector<Expr> &args = r.call.rhs->args;
    const auto num = [&](double v) { return numberAt(v, r.at); };
    const auto call = [&](const char *f, std::vector<Expr> a) { return callAt(QString::fromLatin1(f), std::move(a), r.at); };
    const auto name = [&](const char *part) { return r.name(QString::fromLatin1(part)); };
    const auto ifThen = [&](Expr condition, Expr then, Expr otherwise) {
        return call("IF THEN ELSE", {std::move(condition), std::move(then), std::move(otherwise)});
    };
    const auto add = [&](const char *part, Expr rhs, bool sameUnits) { r.add(QString::fromLatin1(part), std::move(rhs), sameUnits); };
    const Expr dt = nameAt(QStringLiteral("TIME STEP"), r.at), time = nameAt(QStringLiteral("Time"), r.at);
    add("input", args[0], true);
    add("size", args[1], false);
    add("time", args[2], false);
    // What each step starts from: the last step's state after it, or the initial values.
    add("backlog", call("PREVIOUS", {binaryOf("+", name("backlog after"), binaryOf("*", name("input"), dt)), args[5]}), false);
    add("in process", call("PREVIOUS", {name("in process after"), binaryOf("*", args[3], dt)}), false);
    add("due", call("PREVIOUS", {name("due after"), args[4]}), false);
    add("busy", call("PREVIOUS", {name("busy after"), ifThen(binaryOf(">", args[3], num(0)), num(1), num(0))}), false);
    add("completing", ifThen(binaryOf("AND", binaryOf(">", name("busy"), num(0)),
                                      binaryOf(">=", time, binaryOf("-", name("due"), binaryOf("/", dt, num(2))))),
                             num(1), num(0)), false);
    const Expr idle = binaryOf("OR", binaryOf("=", name("busy"), num(0)), binaryOf(">", name("completing"), num(0)));
    add("starting", ifThen(binaryOf("AND", idle, binaryOf(">=", name("backlog"), name("size"))), num(1), num(0)), false);
    const Expr starting = binaryOf(">", name("starting"), num(0));
    add("backlog after", binaryOf("-", name("backlog"), binaryOf("*", name("starting"), name("size"))), false);
    add("in process after", ifThen(starting, name("size"), ifThen(binaryOf(">", name("completing"), num(0)), num(0),
                                                                   name("in process"))), false);
    add("due after", ifThen(starting, binaryOf("+", time, name("time")), name("due")), false);
    add("busy after", ifThen(binaryOf("OR", starting, binaryOf("AND", binaryOf(">", name("busy"), num(0)),
                                                               binaryOf("=", name("completing"), num(0)))),
                             num(1), num(0)), false);
    r.call.rhs = ifThen(binaryOf(">", name("completing"), num(0)), binaryOf("/", name("in process"), dt), num(0));
}

// A DELAYP's pipeline is a variable of its own, over the equation's subscripts: its name
// must be no other variable's (another DELAYP's pipeline included), and subscripts written
// on it must be the equation's. Says what is wrong at the name; a free name is taken.
bool pipelineNameFree(const Definition &d, const Expr &name, QHash<QPair<int, QString>, int> &equations, Reporter &report)
{
    int &defined = equations[{d.record.macro, canonicalName(name.text)}];
    if (defined > 0) {
        report.error(name.offset, QStringLiteral("DELAYP's pipeline '%1' is a variable of its own, but the model defines '%1' "
                                                 "already").arg(name.text));
        return false;
    }
    const std::vector<Subscript> own = ownSubscripts(d);
    const bool same = name.subscripts.empty()
                      || (name.subscripts.size() == own.size()
                          && std::equal(own.begin(), own.end(), name.subscripts.begin(), [](const Subscript &a, const Subscript &b) {
                                 return canonicalName(a.name) == canonicalName(b.name);
                             }));
    if (!same) {
        report.error(name.offset, QStringLiteral("DELAYP's pipeline '%1' takes the subscripts of the equation's left side")
                                      .arg(name.text));
        return false;
    }
    ++defined;
    return true;
}

} // namespace

std::vector<DelayMaterialConveyor> rewriteLevels(std::vector<Definition> &defs, Reporter &report)
{
    QHash<QPair<int, QString>, int> equations; // per variable, how many equations define it
    for (const Definition &d : defs)
        ++equations[{d.record.macro, canonicalName(d.name)}];
    std::vector<DelayMaterialConveyor> conveyors;
    std::vector<Definition> added;
    for (Definition &d : defs) {
        if (!d.rhs || d.rhs->kind != Expr::Kind::Call)
            continue;
        const QString f = d.rhs->text.simplified().toUpper();
        const bool material = f == QLatin1String("DELAY MATERIAL");
        const bool pipeline = f == QLatin1String("DELAYP");
        const bool batch = f == QLatin1String("DELAY BATCH");
        if (!material && !pipeline && !batch && f != QLatin1String("DEPRECIATE STRAIGHTLINE"))
            continue;
        if (batch && d.rhs->args.size() != 6) {
            report.error(d.rhs->offset, QStringLiteral("DELAY BATCH takes 6 arguments (input, batch size, batch time, initial "
                                                       "batch, its time, initial backlog), not %1").arg(d.rhs->args.size()));
            continue;
        }
        if (pipeline && (d.rhs->args.size() != 2 || d.rhs->outputs.size() > 1)) {
            report.error(d.rhs->offset, QStringLiteral("DELAYP takes 2 arguments (input, delay time) and the name of its "
                                                       "pipeline after ':'"));
            continue;
        }
        if (pipeline && !d.rhs->outputs.empty() && !pipelineNameFree(d, d.rhs->outputs.front(), equations, report))
            continue;
        if (!pipeline && !batch && d.rhs->args.size() != 4) {
            report.error(d.rhs->offset, QStringLiteral("%1 takes 4 arguments (%2), not %3")
                                            .arg(f, material ? QStringLiteral("input, delay time, initial value, missing value")
                                                             : QStringLiteral("stream, depreciation time, fiscal period, initial value"))
                                            .arg(d.rhs->args.size()));
            continue;
        }
        if (equations.value({d.record.macro, canonicalName(d.name)}) != 1) {
            report.error(d.rhs->offset, QStringLiteral("%1 in a variable defined element by element is not supported: "
                                                       "write '%2' as one equation over its ranges").arg(f, d.name));
            continue;
        }
        Rewrite r{d, added};
        if (pipeline)
            delayPipeline(r);
        else if (batch)
            delayBatch(r);
        else if (material)
            delayMaterial(r, conveyors);
        else
            depreciateStraightline(r);
    }
    for (Definition &e : added)
        defs.push_back(std::move(e));
    return conveyors;
}

void markConveyors(Model &model, int macro, const std::vector<DelayMaterialConveyor> &conveyors)
{
    for (const DelayMaterialConveyor &c : conveyors) {
        if (c.macro != macro)
            continue;
        for (Variable &v : model.variables) {
            if (canonicalName(v.name) == canonicalName(c.outflow))
                v.equation.clear();
            if (v.kind != VariableKind::Stock || canonicalName(v.name) != canonicalName(c.stock))
                continue;
            XmlNode len;
            len.name = QStringLiteral("len");
            XmlNode text;
            text.text = equationName(c.transitTime);
            len.children.push_back(std::move(text));
            XmlNode conveyor;
            conveyor.name = QStringLiteral("conveyor");
            conveyor.children.push_back(std::move(len));
            XmlNode carriesNegatives;
            carriesNegatives.name = QStringLiteral("meadows:signed");
            conveyor.children.push_back(std::move(carriesNegatives));
            v.extras.children.push_back(std::move(conveyor));
        }
    }
}

} // namespace meadows::vensim
