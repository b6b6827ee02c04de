// Builtin dispatch: a call lowered as its registry entry (solver/builtins.h) says.
#include "flattener.h"
#include "solver/tablepoints.h"

#include <algorithm>
#include <cmath>

namespace meadows::flattening {

// Messages name a function as its author wrote it. An equation translated from Vensim
// (its source rewritten) spells VECTOR RANK where XMILE has VECTOR_RANK.
QString Flattener::calledAs(const Expr &call) const
{
    QString name = (call.spelling.isEmpty() ? call.name : call.spelling).toUpper();
    if (m_equationRef && m_equationRef->rewritten)
        name.replace(u'_', u' ');
    return name;
}

void Flattener::checkArity(const Expr &e, int min, int max)
{
    const int n = int(e.args.size());
    if (n < min || (max >= 0 && n > max)) {
        const QString expected = min == max ? QString::number(min)
                                 : max < 0 ? QStringLiteral("at least %1").arg(min)
                                           : QStringLiteral("%1 to %2").arg(min).arg(max);
        fail(e, QStringLiteral("%1 takes %2 argument(s), not %3").arg(calledAs(e), expected).arg(n));
    }
}

// SUM(v) (or MEAN, MIN, MAX, STDDEV, PROD of one argument) in an equation over every one of
// v's dimensions reads the one element of v the equation computes, as a dimension name left
// out binds it (XMILE 1.0, "Arrays"): the element itself, which is surely not what was meant,
// and Stella's help reads such a call as over the whole array. Said, with the way to write it.
void Flattener::warnIfBoundToOneElement(Context &c, const Expr &call)
{
    if (call.args.size() != 1 || call.args[0].kind != Expr::Kind::Name || call.args[0].subscripted)
        return;
    const Symbol *s = symbolOf(c, call.args[0].name);
    if (!s || s->type != Symbol::Type::Variable || s->dims.empty())
        return;
    for (int dim : s->dims)
        if (!mappedElement(c.element, dim))
            return;
    warnOnce(c, call, QStringLiteral("%1(%2) in an equation over its dimensions reads the one element computed, so it "
                                     "is that element; write %1(%2[%3]) for the whole array")
                          .arg(calledAs(call), call.args[0].spelling,
                               QStringList(qsizetype(s->dims.size()), QStringLiteral("*")).join(QStringLiteral(", "))));
}

// Stella's INTERPOLATE(array, fraction...): the array read between its elements, linearly
// in each dimension, a fraction of its length from the first element (0) to the last (1):
// bptk_py's test_interpolate (from Stella's results) has 17.5 for 0.75 of 10, 15, 20. Each
// element weighs max(0, 1 - |position - its index|) in each dimension, so the sum is the
// interpolation whatever the fractions are while the model runs; a fraction outside 0..1 is
// the nearer end (Meadows' reading: no source says).
Node Flattener::interpolateArray(Context &c, const Expr &e)
{
    const Expr &a = e.args[0];
    const Symbol *s = a.kind == Expr::Kind::Name && !a.subscripted ? symbolOf(c, a.name) : nullptr;
    if (!s || s->type != Symbol::Type::Variable || s->dims.empty())
        fail(a, QStringLiteral("INTERPOLATE reads an array by its name, as its first argument"));
    if (e.args.size() != s->dims.size() + 1)
        fail(e, QStringLiteral("INTERPOLATE of '%1' needs a fraction for each of its %2 dimension(s), not %3")
                    .arg(a.spelling).arg(s->dims.size()).arg(e.args.size() - 1));
    std::vector<Node> positions;
    for (std::size_t d = 0; d < s->dims.size(); ++d) {
        const double last = double(m_dims[s->dims[d]].elements.size() - 1);
        Node fraction = Node::call(Builtin::Min, {Node::constant(1), Node::call(Builtin::Max, {Node::constant(0), expr(c, e.args[d + 1])})});
        positions.push_back(Node::var(addHidden(FlatVar::Kind::Aux, e.name,
                                                Node::binary(BinaryOp::Multiply, std::move(fraction), Node::constant(last)))));
    }
    std::vector<Node> terms;
    const int count = elementCount(s->dims);
    for (int flat = 0; flat < count; ++flat) {
        const std::vector<int> index = unflatten(s->dims, flat);
        Node term = Node::var(s->first + flat);
        for (std::size_t d = 0; d < index.size(); ++d) {
            Node distance = Node::call(Builtin::Abs, {Node::binary(BinaryOp::Subtract, positions[d], Node::constant(index[d]))});
            term = Node::binary(BinaryOp::Multiply, std::move(term),
                                Node::call(Builtin::Max, {Node::constant(0), Node::binary(BinaryOp::Subtract, Node::constant(1),
                                                                                           std::move(distance))}));
        }
        terms.push_back(std::move(term));
    }
    return Node::call(Builtin::Sum, std::move(terms));
}

// The graphical function a reference names: a named <gf>, a variable's own, or, for an
// arrayed variable whose elements have graphical functions of their own, the one of the
// element its subscripts (or the element being computed) pick.
const GraphicalFunction *Flattener::tableNamed(Context &c, const Expr &e)
{
    if (e.kind != Expr::Kind::Name)
        return nullptr;
    if (auto it = c.scope->namedTables.constFind(e.name); it != c.scope->namedTables.constEnd() && !e.subscripted)
        return *it;
    const Symbol *s = lookupQualified(*c.scope, e.name);
    if (!s || s->type != Symbol::Type::Variable)
        return nullptr;
    const Variable &v = *s->variable;
    const GraphicalFunction *own = v.gf ? &*v.gf : nullptr;
    if (std::none_of(v.elements.begin(), v.elements.end(), [](const ArrayElement &a) { return a.gf.has_value(); }))
        return own;
    const std::vector<const ArrayElement *> written = writtenElements(v, s->dims);
    const GraphicalFunction *picked = nullptr;
    for (int id : elementIds(c, *s, e)) {
        const ArrayElement *element = written[std::size_t(id - s->first)];
        const GraphicalFunction *gf = element && element->gf ? &*element->gf : own;
        if (!gf)
            fail(e, QStringLiteral("element %1 of '%2' has no graphical function")
                        .arg(elementSuffix(s->dims, id - s->first), e.spelling));
        if (picked && picked != gf && !(*picked == *gf))
            fail(e, QStringLiteral("each element of '%1' has a graphical function of its own: pick one, as %1[...]")
                        .arg(e.spelling));
        picked = gf;
    }
    return picked;
}

// The graphical function a table builtin's first argument names (LOOKUP, LOOKUP AREA,
// LOOKUPMEAN...); an error at that argument when it names none, or, with `withPoints`, one
// without points.
const GraphicalFunction &Flattener::tableArgument(Context &c, const Expr &call, bool withPoints)
{
    const GraphicalFunction *gf = tableNamed(c, call.args[0]);
    if (!gf || (withPoints && gf->size() == 0))
        fail(call.args[0], QStringLiteral("%1 needs a graphical function as its first argument").arg(calledAs(call)));
    return *gf;
}

// LOOKUPAREA(table [, to [, from]]) and LOOKUPMEAN: numbers from the table's points; the
// table's whole x range when no bound is given. Bounds known before the run give a number;
// others (LOOKUPAREA(gf, TIME)) the same computation while the model runs.
Node Flattener::tableSummary(Context &c, const Expr &e)
{
    const GraphicalFunction &gf = tableArgument(c, e, true);
    std::vector<Node> given;
    std::vector<double> bounds;
    for (std::size_t i = 1; i < e.args.size(); ++i) {
        given.push_back(expr(c, e.args[i]));
        if (const std::optional<double> v = constantValue(given.back()))
            bounds.push_back(*v);
    }
    if (bounds.size() == given.size())
        return Node::constant(meadows::tableSummary(e.name, gf, bounds.data(), bounds.size()));
    // As meadows::tableSummary computes it, in nodes: each bound read once (a hidden
    // variable), the area between them within the x range (beyond it a continuous or
    // discrete table counts 0), the mean that area over the distance, or the value where
    // the two bounds meet.
    const auto held = [&](Node n) { return Node::var(addHidden(FlatVar::Kind::Aux, e.name, std::move(n))); };
    const Node to = held(given.empty() ? Node::constant(gf.x(gf.size() - 1)) : std::move(given[0]));
    const Node from = held(given.size() > 1 ? std::move(given[1]) : Node::constant(gf.x(0)));
    Node low = Node::call(Builtin::Min, {from, to}), high = Node::call(Builtin::Max, {from, to});
    if (gf.kind != GraphicalFunction::Kind::Extrapolate) {
        low = Node::call(Builtin::Max, {std::move(low), Node::constant(gf.x(0))});
        high = Node::call(Builtin::Min, {std::move(high), Node::constant(gf.x(gf.size() - 1))});
    }
    const int table = addTable(gf);
    Node area = Node::of(Node::Kind::LookupArea);
    area.index = table;
    area.args = {low, high};
    Node none = Node::binary(BinaryOp::Multiply, Node::binary(BinaryOp::Add, from, to), Node::constant(0)); // NaN stays
    const Node within = held(Node::ifThenElse(Node::binary(BinaryOp::Greater, std::move(high), std::move(low)), std::move(area),
                                        std::move(none)));
    if (e.name == QLatin1String("lookuparea"))
        return within;
    Node at = Node::of(Node::Kind::Lookup);
    at.index = table;
    at.args = {from};
    return Node::ifThenElse(Node::binary(BinaryOp::Equal, from, to), std::move(at),
                      Node::binary(BinaryOp::Divide, within,
                                   Node::call(Builtin::Abs, {Node::binary(BinaryOp::Subtract, to, from)})));
}

// A call whose first argument names a table, with the table's index in its place (see
// solver/tablepoints.h), then the call's other arguments. The table is stored once however
// many calls read it, with an x for each point, so the machine reads its points where they are.
std::vector<Node> Flattener::withTablePoints(Context &c, const Expr &call)
{
    const GraphicalFunction &named = tableArgument(c, call, true);
    int table = m_pointsTables.value(&named, -1);
    if (table < 0) {
        GraphicalFunction points = named;
        if (points.xpts.size() != points.ypts.size()) {
            std::vector<double> xs;
            for (std::size_t i = 0; i < points.ypts.size(); ++i)
                xs.push_back(points.x(i));
            points.xpts = std::move(xs);
        }
        table = addTable(points);
        m_pointsTables.insert(&named, table);
    }
    std::vector<Node> args{Node::constant(double(table))};
    for (std::size_t i = 1; i < call.args.size(); ++i)
        args.push_back(expr(c, call.args[i]));
    return args;
}

// SINWAVE and COSWAVE are read every DT: a period of two steps or less is lost between
// them (a SINWAVE of period 2 DT is 0 at every step, one of DT always 0). The wave stays as
// isee defines it, and the modeller is told at the period, once for the variable.
void Flattener::checkWavePeriod(Context &c, const Expr &call, const Node &period)
{
    const std::optional<double> p = constantValue(period);
    const double dt = m_out.specs.dt;
    if (!p || m_out.specs.varying.any() || !(std::fabs(*p) <= 2 * dt) || *p == 0)
        return;
    warnOnce(c, call.args[1], QStringLiteral("%1's period (%2) is not more than two steps of DT (%3): read every DT, "
                                             "the wave is lost between the steps (make DT less than half the period)")
                                  .arg(calledAs(call)).arg(*p).arg(dt));
}

Node Flattener::lookupCall(Context &c, const GraphicalFunction *gf, const Expr &input)
{
    Node n = Node::of(Node::Kind::Lookup);
    n.index = addTable(*gf);
    n.args.push_back(expr(c, input));
    return n;
}

Node Flattener::call(Context &c, const Expr &e)
{
    // The model's own macro before a builtin of the same name: its author defined it to be
    // used. Inside its own body the name is the builtin's: Vensim's "INIT = INITIAL(x)" is
    // read as INIT(x) in XMILE's terms, which is not the macro calling itself.
    if (const Macro *m = m_project.findMacro(e.spelling, int(e.args.size()));
        m && (std::find(m_expanding.begin(), m_expanding.end(), m) == m_expanding.end() || !findBuiltin(e.name)))
        return expandMacro(c, e, *m);
    // A table of the model's own named like a builtin (a Vensim lookup called BETA or
    // LOGISTIC), called with its one input, is the table, as a macro of the name is the macro.
    Expr asName;
    asName.kind = Expr::Kind::Name;
    asName.name = e.name;
    if (e.args.size() == 1 && findBuiltin(e.name))
        if (const GraphicalFunction *gf = tableNamed(c, asName))
            return lookupCall(c, gf, e.args[0]);
    if (const BuiltinInfo *b = findBuiltin(e.name)) {
        checkArity(e, b->minArgs, b->maxArgs);
        switch (b->lowering) {
        case Lowering::Special:
            if (e.name == QLatin1String("if_then_else")) {
                Node condition = expr(c, e.args[0]); // in order: lowering adds hidden variables
                Node then = expr(c, e.args[1]);
                return Node::ifThenElse(std::move(condition), std::move(then), expr(c, e.args[2]));
            }
            if (const auto reading = lookupReading(e.name)) {
                const GraphicalFunction &gf = tableArgument(c, e);
                if (!*reading)
                    return lookupCall(c, &gf, e.args[1]);
                GraphicalFunction readOtherwise = gf;
                readOtherwise.kind = **reading;
                return lookupCall(c, &readOtherwise, e.args[1]);
            }
            if (e.name == QLatin1String("lookup_invert")) {
                // The x where the table reaches the value: LOOKUPINV's search (tablepoints.h),
                // over a table that reaches each value once.
                if (!risesOrFallsThroughout(tableArgument(c, e, true)))
                    fail(e.args[0], QStringLiteral("%1 needs a table whose values rise at every point, or fall at every "
                                                   "point: '%2' has no single x for some values").arg(calledAs(e), e.args[0].spelling));
                return Node::call(Builtin::LookupInverse, withTablePoints(c, e));
            }
            if (std::optional<Node> drawn = stellaDraw(c, e))
                return std::move(*drawn);
            if (e.name == QLatin1String("ismoduleinput")) {
                // ISMODULEINPUT(name): 1 where this instance of the module wires an input to its
                // variable `name`, else 0 (the main model has no inputs). No isee page on it was
                // found; read as Simlin, an open engine that follows Stella, computes it. Known
                // before the run, as the wiring is.
                const Expr &a = e.args[0];
                const Symbol *s = a.kind == Expr::Kind::Name && a.args.empty() ? lookupQualified(*c.scope, a.name) : nullptr;
                if (!s || s->type != Symbol::Type::Variable)
                    fail(a, QStringLiteral("%1 takes the name of one of this model's variables").arg(calledAs(e)));
                return Node::constant(m_connected.contains(s->first) ? 1 : 0);
            }
            if (e.name == QLatin1String("runcount")) {
                // Stella's RUNCOUNT "returns the number of complete runs prior to the current
                // run" (isee's help v3, "Simulation builtins"): 0 in a headless run, the only one
                // of its session; Meadows counts no runs, so the editor's reruns are each read as
                // the first, as ENDVAL's are (stateful.cpp).
                warnOnce(c, e, QStringLiteral("RUNCOUNT is 0 in every run: Meadows counts no runs, so each is read as the "
                                              "first of its session"));
                return Node::constant(0);
            }
            if (e.name == QLatin1String("vector_select") || e.name == QLatin1String("vector_select_of"))
                return vectorSelect(c, e);
            if (e.name == QLatin1String("cgrowth")) {
                // ((1 + percent / 100)^DT - 1) / DT: compounded every DT, it grows a stock by
                // percent in each time unit (bptk_py's test_cgrowth, written from Stella's
                // results: CGROWTH(10) at DT 1/4 is 0.096, and the stock 100 * 1.1^t).
                const Node dt = Node::of(Node::Kind::TimeStep);
                Node growth = Node::binary(BinaryOp::Add, Node::constant(1),
                                           Node::binary(BinaryOp::Divide, expr(c, e.args[0]), Node::constant(100)));
                return Node::binary(BinaryOp::Divide,
                                    Node::binary(BinaryOp::Subtract, Node::binary(BinaryOp::Power, std::move(growth), dt),
                                                 Node::constant(1)),
                                    dt);
            }
            if (e.name == QLatin1String("interpolate"))
                return interpolateArray(c, e);
            if (e.name == QLatin1String("lookup_area")) {
                Node n = Node::of(Node::Kind::LookupArea);
                n.index = addTable(tableArgument(c, e));
                n.args.push_back(expr(c, e.args[1]));
                n.args.push_back(expr(c, e.args[2]));
                return n;
            }
            return *builtinValue(e.name); // PI(), TIME()
        case Lowering::Stateful:
            return *stateful(c, e);
        case Lowering::TableSummary:
            return tableSummary(c, e);
        case Lowering::TablePoints:
            return Node::call(b->id, withTablePoints(c, e));
        case Lowering::ArrayArguments: {
            if (std::optional<Node> n = containerReduction(c, e, b->id))
                return std::move(*n);
            warnIfBoundToOneElement(c, e);
            std::vector<Node> args = spread(c, e);
            // Over no elements a sum is 0, a product 1; a mean, a minimum or a maximum is undefined.
            if (args.empty() && (b->id == Builtin::Sum || b->id == Builtin::Prod))
                return Node::constant(b->id == Builtin::Sum ? 0 : 1);
            if (args.empty())
                fail(e, QStringLiteral("%1 of no elements is undefined").arg(calledAs(e)));
            return Node::call(b->id, std::move(args));
        }
        case Lowering::ElementCount: {
            if (std::optional<Node> n = containerReduction(c, e, b->id))
                return std::move(*n);
            const Expr &a = e.args[0];
            if (e.args.size() == 1 && a.kind == Expr::Kind::Name && !a.subscripted) {
                // SIZE(array), SIZE(SELF): the whole array's size, even in an equation over its
                // dimensions, where the bare name would be the one element computed (isee's
                // "Working with Array Equations in Version 10": "In the equation for array
                // A[Dim1, Dim2], SIZE(SELF) gives the total number of elements in array A").
                if (const Symbol *s = symbolOf(c, a.name); s && s->type == Symbol::Type::Variable)
                    return Node::constant(double(elementCount(s->dims)));
                // SIZE(Dimension): the dimension's element count (when no variable has its name).
                if (const int dim = dimensionIndex(a.name); dim >= 0 && !symbolOf(c, a.name))
                    return Node::constant(double(m_dims[dim].elements.size()));
            }
            return Node::constant(double(spread(c, e).size()));
        }
        case Lowering::RankOf: {
            // RANK(array, n [, secondary sort array]): for the machine n first, then how
            // many elements the array has, its elements spread, and the secondary's.
            const auto elements = [&](const Expr &array) {
                Expr only = e;
                only.args = {array};
                return spread(c, only);
            };
            std::vector<Node> values = elements(e.args[0]);
            // An array read at the element computed (x[Region] in an equation over Region) is
            // one element, whose rank is 1 whatever it is: what Simlin writes for Vensim's
            // VECTOR RANK(x[Region], 1), which ranks every element. Said, not run silently.
            const Expr &array = e.args[0];
            const bool readAtTheElement = std::any_of(array.args.begin(), array.args.end(), [&](const Expr &sub) {
                const int dim = array.subscripted && sub.kind == Expr::Kind::Name ? dimensionIndex(sub.name) : -1;
                return dim >= 0 && mappedElement(c.element, dim);
            });
            if (const Symbol *s = array.kind == Expr::Kind::Name ? symbolOf(c, array.name) : nullptr;
                values.size() == 1 && readAtTheElement && s && s->type == Symbol::Type::Variable && elementCount(s->dims) > 1)
                warnOnce(c, e, QStringLiteral("%1 of %2 ranks one element here, the one this equation computes, so its "
                                              "rank is 1: write %2[*] to rank the whole array (Vensim's VECTOR RANK is "
                                              "VECTOR_RANK)").arg(calledAs(e), array.spelling));
            std::vector<Node> args{expr(c, e.args[1]), Node::constant(double(values.size()))};
            for (Node &n : values)
                args.push_back(std::move(n));
            if (e.args.size() > 2) {
                for (Node &n : elements(e.args[2]))
                    args.push_back(std::move(n));
            }
            return Node::call(Builtin::Rank, std::move(args));
        }
        case Lowering::Allocation:
            return allocation(c, e);
        case Lowering::Market:
            return market(c, e, b->id);
        case Lowering::VectorOrder:
            return vectorOrder(c, e, b->id);
        case Lowering::ElementMap:
            return elementMap(c, e);
        case Lowering::Reorder:
            return vectorReorder(c, e);
        case Lowering::MatrixInverse:
            return matrixInverse(c, e);
        case Lowering::VectorLookup:
            return vectorLookup(c, e);
        case Lowering::RandomDraw:
        case Lowering::Instruction: {
            std::vector<Node> args;
            if (b->id == Builtin::RandomLookup)
                args = withTablePoints(c, e);
            else
                for (const Expr &a : e.args)
                    args.push_back(expr(c, a));
            if (b->id == Builtin::SafeDiv2 && args.size() == 3)
                return Node::call(Builtin::SafeDiv3, std::move(args));
            if (b->id == Builtin::Pulse && args.size() == 2 && m_out.vensimDialect)
                return Node::call(Builtin::VensimPulse, std::move(args));
            if (b->id == Builtin::SinWave || b->id == Builtin::CosWave)
                checkWavePeriod(c, e, args[1]);
            Node n = Node::call(b->id, std::move(args));
            if (b->lowering == Lowering::RandomDraw)
                n.index = m_out.randomCalls++;
            return n;
        }
        }
    }
    if (const GraphicalFunction *gf = tableNamed(c, asName)) {
        checkArity(e, 1, 1);
        return lookupCall(c, gf, e.args[0]);
    }
    const QString guess = closest(e.name, builtinNames());
    fail(e, QStringLiteral("unknown function '%1'%2").arg(calledAs(e),
            guess.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(guess)));
}

} // namespace meadows::flattening
