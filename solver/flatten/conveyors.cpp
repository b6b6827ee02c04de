// Stella's conveyors (solver/conveyor.h): a conveyor stays a stock, its transit time,
// capacity and inflow limit become hidden auxiliaries, and the equations of its outflow
// and leaks become Belt nodes that read the belt. A leak flow's own equation is its leak
// fraction, kept in a hidden auxiliary.
#include "flattener.h"

#include "model/conveyoroptions.h"
#include "solver/conveyorlinks.h"

#include <algorithm>

namespace meadows::flattening {

// Before any equation is resolved: the flows whose values the belt computes, so that
// their equations (usually none) are neither required nor used.
void Flattener::collectConveyorExits()
{
    // A macro's body may hold conveyors too (Vensim's DELAY MATERIAL).
    for (const Model *model : m_project.allModels()) {
        for (const Variable &stock : model->variables) {
            if (isQueue(stock)) {
                // The queue drives its outflows, whatever their equations (XMILE 1.0 section
                // 4.3: queue outflows "MUST NOT have an equation as their attached conveyor or
                // queue drives them"; Stella writes 0 there): an outflow takes everything the
                // queue holds, as far as a conveyor or oven downstream takes it, and an
                // overflow what is refused there.
                for (const QString &name : stock.outflows) {
                    const Variable *flow = model->findVariable(name);
                    if (flow && flow->kind == VariableKind::Flow) {
                        m_conveyorExits.insert(flow);
                        if (!isOverflow(*flow))
                            m_queueOutflows.insert(flow);
                    }
                }
            }
            if (ovenOptions(stock) && stock.outflows.size() == 1) {
                const Variable *flow = model->findVariable(stock.outflows.front());
                if (flow && flow->kind == VariableKind::Flow) {
                    m_conveyorExits.insert(flow);
                    m_ovenExits.insert(flow);
                }
            }
            if (!conveyorOptions(stock))
                continue;
            for (const QString &name : stock.outflows) {
                const Variable *flow = model->findVariable(name);
                if (flow && flow->kind == VariableKind::Flow && !leakOptions(*flow))
                    m_conveyorExits.insert(flow);
            }
        }
    }
}

// XMILE 1.0 (section 3.2.4) makes conveyors and queues containers, lists of numbers read as
// arrays are: SUM, MEAN, MIN, MAX, STDDEV, PROD and SIZE over a conveyor's slats (from the
// exit; what each holds) or a queue's batches (from the front), and belt[k], the k-th of
// them. Only a conveyor or queue that is not arrayed: an arrayed one's subscripts pick
// its elements, as any array's do.
bool Flattener::isContainer(const Symbol &s) const
{
    return s.type == Symbol::Type::Variable && s.variable && s.dims.empty() && s.variable->kind == VariableKind::Stock
           && (conveyorOptions(*s.variable) || isQueue(*s.variable));
}

std::optional<Node> Flattener::containerReduction(Context &c, const Expr &call, Builtin reduce)
{
    if (call.args.size() != 1 || call.args[0].kind != Expr::Kind::Name || call.args[0].subscripted)
        return std::nullopt;
    const Symbol *s = lookupQualified(*c.scope, call.args[0].name);
    if (!s || !isContainer(*s))
        return std::nullopt;
    Node n = Node::of(Node::Kind::Container);
    n.index = s->first;
    n.value = double(int(reduce));
    n.args.push_back(Node::var(s->first));
    return n;
}

Node Flattener::containerElement(Context &c, const Symbol &s, const Expr &e)
{
    if (e.args.size() != 1 || e.args[0].kind == Expr::Kind::Star || e.args[0].kind == Expr::Kind::Range
        || e.args[0].kind == Expr::Kind::Position) {
        const bool queue = isQueue(*s.variable);
        fail(e, QStringLiteral("'%1' is a %2: name one of its %3 by its number, %1[1] being the one at the %4")
                    .arg(e.spelling, queue ? QStringLiteral("queue") : QStringLiteral("conveyor"),
                         queue ? QStringLiteral("batches") : QStringLiteral("slats"),
                         queue ? QStringLiteral("front") : QStringLiteral("exit")));
    }
    Node n = Node::of(Node::Kind::Container);
    n.index = s.first;
    n.value = -1;
    n.args.push_back(expr(c, e.args[0]));
    n.args.push_back(Node::var(s.first));
    return n;
}

// A graphical function read as a container (XMILE 1.0 §3.7.1.3: "var[3] returns the y-value of
// the third data point in a graphical function"): the point's y, or, for a number computed
// while the model runs, the pick among them, whose number out of range stops the run as an
// array's subscript does (runTimeElement).
Node Flattener::tablePoint(Context &c, const GraphicalFunction &gf, const Expr &e)
{
    if (e.args.size() != 1 || e.args[0].kind == Expr::Kind::Star || e.args[0].kind == Expr::Kind::Range
        || e.args[0].kind == Expr::Kind::Position)
        fail(e, QStringLiteral("'%1' is a graphical function: name one of its %2 points by its number, %1[1] being the "
                               "first").arg(e.spelling).arg(gf.size()));
    const int size = int(gf.size());
    const QString points = QStringLiteral("the points of '%1'").arg(e.spelling);
    Node number = expr(c, e.args[0]);
    if (const std::optional<double> k = constantValue(number)) {
        const std::optional<std::size_t> at = indexedPosition(*k, gf.size());
        if (!at)
            fail(e.args[0], QStringLiteral("point %1 is outside %2 (1 to %3)").arg(*k).arg(points).arg(size));
        return Node::constant(gf.ypts[*at]);
    }
    Node pick = Node::call(Builtin::SubscriptAt, {shared(QStringLiteral("index"), std::move(number))});
    pick.index = subscriptSite(c, e, points, size);
    readArrays(e, gf.ypts.size());
    for (double y : gf.ypts)
        pick.args.push_back(Node::constant(y));
    return pick;
}

void Flattener::addConveyor(Scope &scope, const Variable &stock, int index, const ElementContext &ctx)
{
    const std::optional<ConveyorOptions> options = conveyorOptions(stock);
    if (!options)
        return;
    const QString name = displayName(stock.name);
    // The belt keeps the conveyor at or above zero; limiting its flows as a non-negative
    // stock would cut what the belt has already released.
    m_out.vars[index].nonNegative = false;
    const auto option = [&](const QString &text, const QString &what) { return stockOption(scope, stock, text, what, ctx); };
    FlatConveyor c;
    c.stock = index;
    c.exponentialLeak = options->exponentialLeak;
    c.signedMaterial = options->signedMaterial;
    c.discrete = options->discrete;
    c.oneAtATime = options->oneAtATime;
    c.batchIntegrity = options->batchIntegrity;
    if (options->transitTime.trimmed().isEmpty()) {
        errorAt(stock, QStringLiteral("conveyor '%1' has no transit time (<len>)").arg(name));
        return;
    }
    c.transitTime = option(options->transitTime, QStringLiteral("transit time"));
    c.capacity = option(options->capacity, QStringLiteral("capacity"));
    c.inflowLimit = option(options->inflowLimit, QStringLiteral("inflow limit"));
    c.arrest = option(options->arrest, QStringLiteral("arrest condition"));
    c.sample = option(options->sample, QStringLiteral("sample condition"));
    // Another conveyor's outflow waits while this one is arrested; its leak cannot wait.
    for (const QString &flowName : stock.inflows) {
        const Symbol *s = c.arrest >= 0 ? lookupQualified(scope, flowName) : nullptr;
        if (s && s->type == Symbol::Type::Variable && s->variable && leakOptions(*s->variable))
            errorAt(stock, QStringLiteral("conveyor '%1' takes in the leak '%2' of another conveyor: what leaks into it "
                                          "while it is arrested is lost").arg(name, displayName(flowName)),
                    Severity::Warning);
    }
    if (c.transitTime < 0)
        return;
    for (const QString &flowName : stock.outflows) {
        const Symbol *s = lookupQualified(scope, flowName);
        if (!s || s->type != Symbol::Type::Variable || !s->variable)
            continue; // linkFlow has said what is wrong
        const std::optional<int> flow = flowElement(*s, ctx);
        if (!flow)
            continue;
        if (const std::optional<LeakOptions> leak = leakOptions(*s->variable)) {
            c.leaks.push_back({*flow, -1, leak->start, leak->end, leak->integers});
        } else if (c.outflow < 0) {
            c.outflow = *flow;
        } else {
            errorAt(stock, QStringLiteral("conveyor '%1' has two outflows that are not leaks, '%2' and '%3': "
                                          "a conveyor releases through one")
                               .arg(name, m_out.vars[c.outflow].name, m_out.vars[*flow].name));
            return;
        }
    }
    // A signed belt takes what comes: there is no capacity or limit to cut negative material
    // to, and a leak's share of it has no meaning.
    if (c.signedMaterial && (c.capacity >= 0 || c.inflowLimit >= 0 || !c.leaks.empty())) {
        errorAt(stock, QStringLiteral("conveyor '%1' carries negative material (meadows:signed), so it takes no capacity, "
                                      "inflow limit or leak").arg(name));
        return;
    }
    m_out.conveyors.push_back(std::move(c));
}

int Flattener::stockOption(Scope &scope, const Variable &stock, const QString &text, const QString &what,
                           const ElementContext &ctx)
{
    if (text.trimmed().isEmpty())
        return -1;
    std::optional<Node> n = resolveEquation(scope, stock, text, stock.elementSource, ctx);
    if (!n)
        return -1;
    try {
        return addHidden(FlatVar::Kind::Aux, what, std::move(*n));
    } catch (const Failure &f) {
        errorAt(stock, f.message);
        return -1;
    }
}

// Whether a stock of `model` that `flow` fills is a conveyor or an oven: what limits a
// queue's outflow.
bool Flattener::fillsConveyorOrOven(const Model &model, const QString &flow) const
{
    const QString name = canonicalName(flow);
    return std::any_of(model.variables.begin(), model.variables.end(), [&](const Variable &v) {
        return (conveyorOptions(v) || ovenOptions(v))
               && std::any_of(v.inflows.begin(), v.inflows.end(), [&](const QString &in) { return canonicalName(in) == name; });
    });
}

void Flattener::addQueue(Scope &scope, const Variable &stock, int index, const ElementContext &ctx)
{
    if (!isQueue(stock))
        return;
    if (conveyorOptions(stock)) {
        errorAt(stock, QStringLiteral("'%1' is both a conveyor and a queue").arg(displayName(stock.name)));
        return;
    }
    m_out.vars[index].nonNegative = false; // the queue serves its outflows from what it holds
    FlatQueue q;
    q.stock = index;
    // An outflow into anything but a conveyor or an oven takes all the queue holds (XMILE 1.0
    // section 3.7.3: "Queues flowing to regular stocks and clouds are not limited in any way,
    // so their outflows will always empty the queue"): the outflows after it never flow.
    const Variable *unlimited = nullptr;
    for (const QString &flowName : stock.outflows) {
        const Symbol *s = lookupQualified(scope, flowName);
        if (!s || s->type != Symbol::Type::Variable || !s->variable)
            continue;
        const std::optional<int> flow = flowElement(*s, ctx);
        if (!flow)
            continue;
        if (isOverflow(*s->variable)) {
            q.overflows.push_back(*flow);
            continue;
        }
        q.outflows.push_back(*flow);
        if (unlimited && !m_saidOnce.contains({s->variable, QStringLiteral("never flows")})) {
            m_saidOnce.insert({s->variable, QStringLiteral("never flows")});
            errorAt(*s->variable, QStringLiteral("'%1' never flows: the queue '%2' lists it after '%3', which takes all the "
                                                 "queue holds (nothing downstream of it, a conveyor or an oven, limits it)")
                                      .arg(displayName(s->variable->name), displayName(stock.name), displayName(unlimited->name)),
                    Severity::Warning);
        }
        if (!unlimited) {
            // Once for the variable, not for each element of an arrayed queue.
            auto known = m_fillsConveyorOrOven.constFind(s->variable);
            if (known == m_fillsConveyorOrOven.constEnd())
                known = m_fillsConveyorOrOven.insert(s->variable, fillsConveyorOrOven(*scope.model, s->variable->name));
            if (!*known)
                unlimited = s->variable;
        }
    }
    m_out.queues.push_back(std::move(q));
}

// After every equation is resolved: the leak flows' equations move into their fraction
// auxiliaries, and the belt computes the outflow and the leaks.
void Flattener::finishConveyors()
{
    // A queue's outflow asks for everything: the queue over DT (collectConveyorExits).
    for (const FlatQueue &q : m_out.queues)
        for (int f : q.outflows)
            m_out.vars[f].equation = Node::binary(BinaryOp::Divide, Node::var(q.stock), Node::of(Node::Kind::TimeStep));
    for (std::size_t i = 0; i < m_out.conveyors.size(); ++i) {
        FlatConveyor &c = m_out.conveyors[i];
        Node belt = Node::of(Node::Kind::Belt);
        belt.index = int(i);
        belt.args.push_back(Node::var(c.stock));
        for (FlatLeak &leak : c.leaks) {
            try {
                leak.fraction = addHidden(FlatVar::Kind::Aux, QStringLiteral("leak fraction"), m_out.vars[leak.flow].equation);
            } catch (const Failure &f) {
                m_out.diagnostics.push_back({Severity::Error, m_project.fileName, {}, f.message});
                return;
            }
            belt.args.push_back(Node::var(leak.fraction));
        }
        // The belt reads its arrest condition, and its exit the arrest of the conveyor it
        // feeds (solver/conveyor.h): both are computed before what leaves.
        if (c.arrest >= 0)
            belt.args.push_back(Node::var(c.arrest));
        if (const int held = arrestDownstream(m_out, c); held >= 0)
            belt.args.push_back(Node::var(held));
        for (std::size_t k = 0; k < c.leaks.size(); ++k) {
            Node n = belt;
            n.value = double(k);
            m_out.vars[c.leaks[k].flow].equation = std::move(n);
        }
        if (c.outflow >= 0) {
            belt.value = -1;
            m_out.vars[c.outflow].equation = std::move(belt);
        }
    }
}

} // namespace meadows::flattening
