#include "mdllevels.h"

#include "mdldepreciation.h"

#include "model/names.h"

#include <QHash>
#include <algorithm>

namespace meadows::vensim {

namespace {

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
    const auto name = [&](const char *part) { return r.name(QString::fromLatin1(part)); };
    const auto add = [&](const char *part, Expr rhs, bool sameUnits) { r.add(QString::fromLatin1(part), std::move(rhs), sameUnits); };
    const Expr dt = nameAt(QStringLiteral("TIME STEP"), r.at), time = nameAt(QStringLiteral("Time"), r.at);
    add("input", args[0], true);
    add("size", args[1], false);
    add("time", args[2], false);
    // What each step starts from: the last step's state after it, or the initial values.
    add("backlog", r.callOf("PREVIOUS", {binaryOf("+", name("backlog after"), binaryOf("*", name("input"), dt)), args[5]}), false);
    add("in process", r.callOf("PREVIOUS", {name("in process after"), binaryOf("*", args[3], dt)}), false);
    add("due", r.callOf("PREVIOUS", {name("due after"), args[4]}), false);
    add("busy", r.callOf("PREVIOUS", {name("busy after"), r.ifThen(binaryOf(">", args[3], r.number(0)), r.number(1), r.number(0))}),
        false);
    add("completing", r.ifThen(binaryOf("AND", binaryOf(">", name("busy"), r.number(0)),
                                        binaryOf(">=", time, binaryOf("-", name("due"), binaryOf("/", dt, r.number(2))))),
                               r.number(1), r.number(0)), false);
    const Expr idle = binaryOf("OR", binaryOf("=", name("busy"), r.number(0)), binaryOf(">", name("completing"), r.number(0)));
    add("starting", r.ifThen(binaryOf("AND", idle, binaryOf(">=", name("backlog"), name("size"))), r.number(1), r.number(0)), false);
    const Expr starting = binaryOf(">", name("starting"), r.number(0));
    add("backlog after", binaryOf("-", name("backlog"), binaryOf("*", name("starting"), name("size"))), false);
    add("in process after", r.ifThen(starting, name("size"), r.ifThen(binaryOf(">", name("completing"), r.number(0)), r.number(0),
                                                                       name("in process"))), false);
    add("due after", r.ifThen(starting, binaryOf("+", time, name("time")), name("due")), false);
    add("busy after", r.ifThen(binaryOf("OR", starting, binaryOf("AND", binaryOf(">", name("busy"), r.number(0)),
                                                                 binaryOf("=", name("completing"), r.number(0)))),
                               r.number(1), r.number(0)), false);
    r.call.rhs = r.ifThen(binaryOf(">", name("completing"), r.number(0)), binaryOf("/", name("in process"), dt), r.number(0));
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

namespace {

// The functions rewritten here, with the arguments they take (DELAYP's are said apart: it
// names its pipeline after ':').
struct LevelFunction {
    const char *name;
    int count;
    const char *arguments;
};
constexpr LevelFunction kLevelFunctions[] = {
    {"DELAY MATERIAL", 4, "input, delay time, initial value, missing value"},
    {"DEPRECIATE STRAIGHTLINE", 4, "stream, depreciation time, fiscal period, initial value"},
    {"DEPRECIATE BY SCHEDULE", 5, "stream, schedule, initial depreciation, depreciation time, fiscal start"},
    {"DELAY BATCH", 6, "input, batch size, batch time, initial batch, its time, initial backlog"},
    {"DELAYP", 2, nullptr},
};

// DEPRECIATE BY SCHEDULE's schedule, and its initial depreciation where that is a vector
// too, as the elements they stand for; false, said at the argument, when they are not
// what the reference asks for.
bool scheduleOf(const Definition &d, const std::vector<Definition> &defs, const SubscriptRanges &ranges, QStringList &schedule,
                std::optional<QStringList> &initial, Reporter &report)
{
    const Expr &sch = d.rhs->args[1], &init = d.rhs->args[2];
    const std::optional<Vector> vector = vectorFrom(sch, defs, ranges);
    if (!vector) {
        report.error(sch.offset, QStringLiteral("DEPRECIATE BY SCHEDULE's schedule must be a subscripted variable written "
                                                "with the first element of its last range, as sch[first]"));
        return false;
    }
    schedule = vector->elements();
    if (init.kind == Expr::Kind::Name && !init.subscripts.empty()) {
        const std::optional<Vector> initVector = vectorFrom(init, defs, ranges);
        if (initVector)
            initial = initVector->elements();
        if (!initial || initial->size() != schedule.size()) {
            report.error(init.offset, QStringLiteral("DEPRECIATE BY SCHEDULE's initial depreciation must be a variable "
                                                     "without subscripts, or one written with the first element of a "
                                                     "range of %1 elements, as long as the schedule").arg(schedule.size()));
            return false;
        }
    }
    return true;
}

} // namespace

std::vector<DelayMaterialConveyor> rewriteLevels(std::vector<Definition> &defs, const SubscriptRanges &ranges, Reporter &report)
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
        const auto function = std::find_if(std::begin(kLevelFunctions), std::end(kLevelFunctions),
                                           [&f](const LevelFunction &l) { return f == QLatin1String(l.name); });
        if (function == std::end(kLevelFunctions))
            continue;
        const bool pipeline = f == QLatin1String("DELAYP");
        if (pipeline && (d.rhs->args.size() != 2 || d.rhs->outputs.size() > 1)) {
            report.error(d.rhs->offset, QStringLiteral("DELAYP takes 2 arguments (input, delay time) and the name of its "
                                                       "pipeline after ':'"));
            continue;
        }
        if (pipeline && !d.rhs->outputs.empty() && !pipelineNameFree(d, d.rhs->outputs.front(), equations, report))
            continue;
        if (!pipeline && int(d.rhs->args.size()) != function->count) {
            report.error(d.rhs->offset, QStringLiteral("%1 takes %2 arguments (%3), not %4")
                                            .arg(f).arg(function->count).arg(QLatin1String(function->arguments))
                                            .arg(d.rhs->args.size()));
            continue;
        }
        if (equations.value({d.record.macro, canonicalName(d.name)}) != 1) {
            report.error(d.rhs->offset, QStringLiteral("%1 in a variable defined element by element is not supported: "
                                                       "write '%2' as one equation over its ranges").arg(f, d.name));
            continue;
        }
        QStringList schedule;
        std::optional<QStringList> initial;
        if (f == QLatin1String("DEPRECIATE BY SCHEDULE") && !scheduleOf(d, defs, ranges, schedule, initial, report))
            continue;
        Rewrite r{d, added};
        if (pipeline)
            delayPipeline(r);
        else if (f == QLatin1String("DELAY BATCH"))
            delayBatch(r);
        else if (f == QLatin1String("DELAY MATERIAL"))
            delayMaterial(r, conveyors);
        else if (f == QLatin1String("DEPRECIATE STRAIGHTLINE"))
            depreciateStraightline(r);
        else
            depreciateBySchedule(r, schedule, initial, report);
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
