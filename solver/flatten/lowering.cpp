// Expr -> Node lowering: operators, names (scalars, array slices, built-in values) and
// constant folding for subscripts and orders.
#include "flattener.h"
#include "solver/tablepoints.h"
#include "solver/minmax.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace meadows::flattening {

// Lowering recurses once for each level of an equation's tree, and a macro's body is lowered
// inside the call that uses it, so the levels add up along a chain of macro calls: a macro
// calling itself 64 deep (the macro limit) inside 60 NOTs overflowed the stack of a
// sanitizer build (a fuzzer's input). The parser keeps one equation within 256 levels; past
// 1,024 in all the equation is refused.
Node Flattener::expr(Context &c, const Expr &e)
{
    constexpr int kMaxLoweringDepth = 1024;
    if (m_loweringDepth >= kMaxLoweringDepth)
        fail(e, QStringLiteral("the equations nest more than %1 levels deep, each macro's body counted inside its call")
                    .arg(kMaxLoweringDepth));
    struct Level {
        int &depth;
        explicit Level(int &d) : depth(++d) {}
        ~Level() { --depth; }
    } level(m_loweringDepth);
    return lowered(c, e);
}

Node Flattener::lowered(Context &c, const Expr &e)
{
    switch (e.kind) {
    case Expr::Kind::Number:
        return Node::constant(e.value);
    case Expr::Kind::Star:
        fail(e, QStringLiteral("'*' is only allowed inside a subscript"));
    case Expr::Kind::Range:
        fail(e, QStringLiteral("a range '%1' is only allowed inside a subscript").arg(toString(e)));
    case Expr::Kind::Position:
        fail(e, QStringLiteral("a dimension position '%1' is only allowed inside a subscript").arg(toString(e)));
    case Expr::Kind::Unary: {
        Node n = Node::of(Node::Kind::Unary);
        n.unaryOp = e.unaryOp;
        n.args.push_back(expr(c, e.args[0]));
        if (e.unaryOp == UnaryOp::Plus)
            return std::move(n.args[0]);
        return n;
    }
    case Expr::Kind::Binary:
        return Node::binary(e.binaryOp, expr(c, e.args[0]), expr(c, e.args[1]));
    case Expr::Kind::If: {
        Node condition = expr(c, e.args[0]); // in order: lowering adds hidden variables
        Node then = expr(c, e.args[1]);
        return Node::ifThenElse(std::move(condition), std::move(then), expr(c, e.args[2]));
    }
    case Expr::Kind::Name: {
        std::vector<Node> nodes = names(c, e);
        if (nodes.size() != 1)
            fail(e, QStringLiteral("'%1' is an array of %2 values where one value is expected; "
                                   "pick an element or use SUM, MEAN, MIN or MAX")
                        .arg(e.spelling).arg(nodes.size()));
        return std::move(nodes[0]);
    }
    case Expr::Kind::Call:
        return call(c, e);
    }
    fail(e, QStringLiteral("unsupported expression"));
}

// Names of the run's clock as Vensim's control section writes them, which a model's variable
// of the name stands for (the run reads the clock, which --dt and a computed TIME STEP move).
bool Flattener::isClockName(const QString &n)
{
    return n == QLatin1String("time") || n == QLatin1String("time_step") || n == QLatin1String("initial_time")
           || n == QLatin1String("final_time") || n == QLatin1String("saveper");
}

// The values the language builds in, written as names (TIME, DT, PI...) or, for TIME and
// PI, as calls with no arguments: one home for both spellings.
std::optional<Node> Flattener::builtinValue(const QString &n) const
{
    if (n == QLatin1String("time"))
        return Node::of(Node::Kind::Time);
    if (n == QLatin1String("dt") || n == QLatin1String("time_step"))
        return Node::of(Node::Kind::TimeStep);
    if (n == QLatin1String("starttime") || n == QLatin1String("initial_time"))
        return Node::of(Node::Kind::StartTime);
    if (n == QLatin1String("stoptime") || n == QLatin1String("final_time"))
        return Node::of(Node::Kind::StopTime);
    if (n == QLatin1String("saveper") && m_project.simSpecs.varying.saveStep.isEmpty())
        return Node::constant(m_project.simSpecs.effectiveSaveStep()); // else the variable computing it
    if (n == QLatin1String("pi"))
        return Node::constant(M_PI);
    if (n == QLatin1String("inf"))
        return Node::constant(std::numeric_limits<double>::infinity());
    if (n == QLatin1String("nan"))
        return Node::constant(std::numeric_limits<double>::quiet_NaN());
    return std::nullopt;
}

const Symbol *Flattener::symbolOf(Context &c, const QString &name)
{
    if (const Symbol *s = lookupQualified(*c.scope, name))
        return s;
    // Stella's SELF: the variable being defined (XMILE 1.0, "Array Built-in Functions", writes
    // SIZE(SELF[1, *]) for one row of ourselves), as if it were named: in its own array
    // equation the element computed, as in PREVIOUS(SELF, 0); a slice or SIZE sees the array.
    if (name == QLatin1String("self") && c.self >= 0 && c.variable)
        return lookupQualified(*c.scope, c.variable->name);
    return nullptr;
}

// A name's value(s): one node for a scalar, one per element for an array slice.
std::vector<Node> Flattener::names(Context &c, const Expr &e)
{
    const QString &n = e.name;
    if (!e.subscripted) {
        // A variable of the model named like a value the language builds in (a Vensim model's
        // own dt or pi) is that variable, and said where it is declared (scopes.cpp); the
        // clock's names are the run's clock whatever the model declares.
        std::optional<Node> value = builtinValue(n);
        if (value && (isClockName(n) || !lookupQualified(*c.scope, n)))
            return {std::move(*value)};
    }
    if (e.transposed && !e.subscripted) {
        // Stella's customers', unquoted: the lexer reads the apostrophe as XMILE's
        // transposition (solver/lexer.cpp), but a variable of the whole name is that variable.
        const QString whole = n + u'\'';
        if (lookupQualified(*c.scope, whole)) {
            Expr named = e;
            named.name = whole;
            named.spelling += u'\'';
            named.transposed = false;
            return names(c, named);
        }
    }
    const Symbol *s = symbolOf(c, n);
    if (!s && !e.subscripted && n == QLatin1String("self") && c.self >= 0)
        return {Node::var(c.self)}; // a variable the scope does not name (a macro's own)
    if (!s && !e.subscripted && n == QLatin1String("runcount")) { // Stella writes it without parentheses
        Expr asCall = e;
        asCall.kind = Expr::Kind::Call;
        return {call(c, asCall)};
    }
    if (!s && !e.subscripted) {
        // A dimension's name in an array equation: the index of the element computed.
        const int dim = dimensionIndex(n);
        if (dim >= 0) {
            if (const auto at = mappedElement(c.element, dim))
                return {Node::constant(double(*at + 1))};
            fail(e, QStringLiteral("dimension '%1' used as a value outside an equation over it").arg(e.spelling));
        }
    }
    if (!s) {
        // An element name used as a value (Stella: the element's index).
        // Stella also writes it qualified by its dimension: Dimension.Element.
        for (const ResolvedDimension &d : m_dims) {
            qsizetype at = d.position(n);
            if (at < 0 && n.startsWith(d.key + QLatin1Char('.')))
                at = d.position(n.mid(d.key.size() + 1));
            if (at >= 0 && !e.subscripted)
                return {Node::constant(double(at + 1))};
        }
        if (e.subscripted) { // a standalone graphical function's point (XMILE 1.0 §3.7.1.3)
            if (auto it = c.scope->namedTables.constFind(n); it != c.scope->namedTables.constEnd())
                return {tablePoint(c, **it, e)};
        }
        QString guess;
        if (m_guessesLeft > 0) {
            --m_guessesLeft;
            QStringList candidates;
            for (auto it = c.scope->symbols.cbegin(); it != c.scope->symbols.cend(); ++it)
                candidates << displayName(it->variable->name);
            guess = closest(n, candidates);
        }
        fail(e, QStringLiteral("unknown name '%1'%2").arg(e.spelling,
                guess.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(guess)));
    }
    if (s->type == Symbol::Type::Module)
        fail(e, QStringLiteral("'%1' is a module, not a value; name one of its variables as %1.name").arg(e.spelling));
    if (e.transposed)
        return transposed(c, *s, e);
    if (e.subscripted && isContainer(*s))
        return {containerElement(c, *s, e)};
    if (e.subscripted && s->dims.empty() && s->variable && s->variable->gf)
        return {tablePoint(c, *s->variable->gf, e)};
    if (std::optional<Node> picked = runTimeElement(c, *s, e))
        return {std::move(*picked)};
    std::vector<Node> out;
    for (int id : elementIds(c, *s, e))
        out.push_back(Node::var(id));
    return out;
}

// The four operations of arithmetic on values known before the run; nullopt for others.
std::optional<double> foldArithmetic(BinaryOp op, double a, double b)
{
    switch (op) {
    case BinaryOp::Add: return a + b;
    case BinaryOp::Subtract: return a - b;
    case BinaryOp::Multiply: return a * b;
    case BinaryOp::Divide: return a / b;
    default: return std::nullopt;
    }
}

std::optional<double> Flattener::constantValue(const Node &n, int followVariables) const
{
    return value(n, followVariables, false);
}

std::optional<double> Flattener::valueAtStart(const Node &n, int followVariables) const
{
    return value(n, followVariables, true);
}

bool Flattener::fixedThroughRun(const Node &n, int followVariables) const
{
    switch (n.kind) {
    case Node::Kind::Const:
        return true;
    case Node::Kind::TimeStep:
    case Node::Kind::StartTime:
    case Node::Kind::StopTime:
        return !m_out.specs.varying.any();
    case Node::Kind::Var: {
        const FlatVar &v = m_out.vars[n.index];
        if (followVariables <= 0 || m_unresolved.contains(n.index) || v.kind == FlatVar::Kind::Flow)
            return false;
        if (v.kind == FlatVar::Kind::Stock) // keeps its initial value, computed once, when nothing flows
            return v.inflows.empty() && v.outflows.empty();
        return fixedThroughRun(v.equation, followVariables - 1);
    }
    case Node::Kind::Unary:
    case Node::Kind::Binary:
    case Node::Kind::If:
    case Node::Kind::Lookup:
        return std::all_of(n.args.begin(), n.args.end(), [&](const Node &a) { return fixedThroughRun(a, followVariables); });
    case Node::Kind::Call: {
        const BuiltinInfo &b = builtinInfo(n.builtin);
        return (b.lowering == Lowering::Instruction || b.lowering == Lowering::TablePoints) && !b.readsTime
               && std::all_of(n.args.begin(), n.args.end(), [&](const Node &a) { return fixedThroughRun(a, followVariables); });
    }
    default:
        return false;
    }
}

std::optional<double> Flattener::value(const Node &n, int followVariables, bool atStart) const
{
    const SimSpecs &specs = m_out.specs;
    if (atStart && !specs.varying.any()) {
        switch (n.kind) {
        case Node::Kind::Time:
        case Node::Kind::InputTime:
        case Node::Kind::StartTime: return specs.start;
        case Node::Kind::TimeStep: return specs.dt;
        case Node::Kind::StopTime: return specs.stop;
        case Node::Kind::Var: { // a stock (INITIAL's too) starts at its initial value
            const FlatVar &v = m_out.vars[n.index];
            if (v.kind == FlatVar::Kind::Stock && followVariables > 0 && !m_unresolved.contains(n.index))
                return value(v.equation, followVariables - 1, atStart);
            break;
        }
        case Node::Kind::Lookup: {
            const std::optional<double> x = value(n.args[0], followVariables, atStart);
            return x ? std::optional<double>(m_out.tables[std::size_t(n.index)].evaluate(*x)) : std::nullopt;
        }
        case Node::Kind::If: {
            const auto condition = value(n.args[0], followVariables, atStart);
            return condition ? value(n.args[*condition != 0 ? 1 : 2], followVariables, atStart) : std::nullopt;
        }
        case Node::Kind::Call: {
            const BuiltinInfo &b = builtinInfo(n.builtin);
            const bool points = b.lowering == Lowering::TablePoints && b.points; // the table's index first
            if (!points && (!b.evaluate || b.lowering != Lowering::Instruction))
                break;
            std::vector<double> args;
            for (const Node &a : n.args) {
                const std::optional<double> v = value(a, followVariables, atStart);
                if (!v)
                    return std::nullopt;
                args.push_back(*v);
            }
            if (points) {
                const std::optional<PointsView> table = pointsOf(m_out.tables[std::size_t(args[0])]);
                return table ? std::optional<double>(b.points(*table, args.data() + 1, args.size() - 1)) : std::nullopt;
            }
            return b.evaluate(args.data(), args.size(), BuiltinClock{specs.start, specs.dt, specs.start});
        }
        default:
            break;
        }
    }
    switch (n.kind) {
    case Node::Kind::Const:
        return n.value;
    case Node::Kind::Var: {
        const FlatVar &v = m_out.vars[n.index];
        if (followVariables <= 0 || v.kind != FlatVar::Kind::Aux || m_unresolved.contains(n.index))
            return std::nullopt;
        return value(v.equation, followVariables - 1, atStart);
    }
    case Node::Kind::Unary:
        if (n.unaryOp == UnaryOp::Negate)
            if (auto a = value(n.args[0], followVariables, atStart))
                return -*a;
        return std::nullopt;
    case Node::Kind::Binary: {
        const auto a = value(n.args[0], followVariables, atStart);
        const auto b = value(n.args[1], followVariables, atStart);
        return a && b ? foldArithmetic(n.binaryOp, *a, *b) : std::nullopt;
    }
    case Node::Kind::Call: {
        // MIN and MAX of values known before the run: "MAX(1, order)" is known too.
        const bool min = n.builtin == Builtin::Min || n.builtin == Builtin::Min2;
        if ((!min && n.builtin != Builtin::Max && n.builtin != Builtin::Max2) || n.args.empty())
            return std::nullopt;
        std::optional<double> out;
        for (const Node &arg : n.args) {
            const std::optional<double> v = value(arg, followVariables, atStart);
            if (!v)
                return std::nullopt;
            out = !out ? *v : min ? minOf(*out, *v) : maxOf(*out, *v);
        }
        return out;
    }
    default:
        return std::nullopt;
    }
}

// Every value read is a node of the compiled program (about 100 bytes): sixteen for each
// value the size limit allows (1.6 GB at the default limit) lets x[d] / SUM(x[d!]) over 4,000
// elements and a 63 x 63 INVERT MATRIX through, and stops a SUM over 100,000 elements for
// each of 100,000 (10^10) before it fills memory. Called with 0 before a call is lowered, it
// stops at once when the model is already over. An equation that computes every element of
// an array reads as much for each: once two elements have been lowered, what the rest will
// read is counted too, so that SUM is refused at its third element (0.5 s), not at its 161st
// (10 s and a gigabyte).
void Flattener::readArrays(const Expr &call, std::size_t values)
{
    constexpr std::int64_t kReadsPerValue = 16;
    const std::int64_t limit = kReadsPerValue * maxModelSize();
    m_arrayReads += std::int64_t(std::min<std::size_t>(values, std::size_t(limit) + 1));
    // What the elements still to come will read, as few as any finished element read.
    const std::int64_t ahead = m_fewestElementReads > 0 ? m_fewestElementReads * m_elementsLeft : 0;
    if (m_arrayReads + ahead > limit) {
        m_arrayReadsRefused = true;
        fail(call, QStringLiteral("the array functions in this model would read more than %1 values, a whole array for "
                                  "each element computed: this %2 goes past the limit (raise it with --max-size)")
                       .arg(limit).arg(calledAs(call)));
    }
}

// Arguments of an array builtin: arrays spread into their elements, and an expression over
// arrays (SUM(cost[*] * 1.2), MEAN(m[*, *] * w[*])) computed once per element of the
// dimensions its '*' subscripts stand for, a lower-dimensional array broadcast over them.
std::vector<Node> Flattener::spread(Context &c, const Expr &call)
{
    readArrays(call, 0);
    std::vector<Node> out;
    std::size_t fromArrays = 0; // values spread out of arrays
    for (const Expr &a : call.args) {
        if (a.kind == Expr::Kind::Name) {
            std::vector<Node> values = names(c, a);
            if (values.size() > 1)
                fromArrays += values.size();
            for (Node &n : values)
                out.push_back(std::move(n));
            continue;
        }
        Expr perElement = a;
        std::vector<int> dims;
        if (!starsToDimensions(c, perElement, dims)) {
            out.push_back(expr(c, a));
            continue;
        }
        const int count = elementCount(dims);
        if (count > 1)
            fromArrays += std::size_t(count);
        for (int k = 0; k < count; ++k) {
            // The element's own bindings first, so they win over an enclosing equation's.
            Context inner = c;
            inner.element.at.clear();
            const std::vector<int> idx = unflatten(dims, k);
            for (std::size_t j = 0; j < dims.size(); ++j)
                inner.element.at.push_back({dims[j], idx[j]});
            for (const auto &binding : c.element.at)
                inner.element.at.push_back(binding);
            out.push_back(expr(inner, perElement));
        }
    }
    // A call of many scalars is an array spelled out (Vensim's SUM(v[d!]) over thousands of
    // elements): those count too; a few (MAX(x, 0)) do not.
    constexpr std::size_t kFewArguments = 16;
    readArrays(call, out.size() > kFewArguments ? out.size() : fromArrays);
    return out;
}

// Rewrites each '*' subscript in e (and "*:Sub", and each range "lo:hi") into the name of
// the dimension it ranges over (which lowering then reads as "the element being
// computed"), collecting those dimensions.
// Calls that reduce arrays themselves (a SUM inside the SUM) keep their own '*'.
bool Flattener::starsToDimensions(Context &c, Expr &e, std::vector<int> &dims)
{
    if (e.kind == Expr::Kind::Call) {
        const BuiltinInfo *b = findBuiltin(e.name);
        if (b && (b->lowering == Lowering::ArrayArguments || b->lowering == Lowering::ElementCount
                  || b->lowering == Lowering::RankOf || b->lowering == Lowering::Allocation
                  || b->lowering == Lowering::VectorOrder || b->lowering == Lowering::Reorder
                  || b->lowering == Lowering::MatrixInverse))
            return false;
    }
    bool any = false;
    if (e.kind == Expr::Kind::Name && e.subscripted) {
        const Symbol *s = lookupQualified(*c.scope, e.name);
        if (!s || s->type != Symbol::Type::Variable || s->dims.size() != e.args.size())
            return false;
        for (std::size_t i = 0; i < e.args.size(); ++i) {
            if (e.args[i].kind != Expr::Kind::Star && e.args[i].kind != Expr::Kind::Range)
                continue;
            // '*' ranges over the array's own dimension; "*:Sub" over the subrange Sub;
            // "lo:hi" over a dimension made of those elements.
            int d = s->dims[i];
            if (e.args[i].kind == Expr::Kind::Range || !e.args[i].name.isEmpty()) {
                const std::vector<int> members = rangeChoice(c, d, e.args[i]);
                d = e.args[i].kind == Expr::Kind::Star ? dimensionIndex(e.args[i].name) : rangeDimension(d, members);
            }
            Expr dimension;
            dimension.kind = Expr::Kind::Name;
            dimension.name = m_dims[d].key;
            dimension.spelling = m_dims[d].name;
            dimension.offset = e.args[i].offset;
            dimension.length = e.args[i].length;
            e.args[i] = std::move(dimension);
            if (std::find(dims.begin(), dims.end(), d) == dims.end())
                dims.push_back(d);
            any = true;
        }
        return any;
    }
    for (Expr &a : e.args)
        any = starsToDimensions(c, a, dims) || any;
    return any;
}

} // namespace meadows::flattening
