#include "solver/analysis/expreval.h"

#include "solver/builtins.h"
#include "solver/tablepoints.h"

#include <cmath>

namespace meadows {

namespace {

using Value = std::optional<double>;

class Evaluator {
public:
    explicit Evaluator(const EvaluationContext &c) : m_c(c) {}

    Value eval(const Expr &e) const
    {
        switch (e.kind) {
        case Expr::Kind::Number: return e.value;
        case Expr::Kind::Star:
        case Expr::Kind::Range:
        case Expr::Kind::Position: return std::nullopt;
        case Expr::Kind::Name: return name(e);
        case Expr::Kind::Unary: {
            const Value a = eval(e.args[0]);
            if (!a)
                return std::nullopt;
            return e.unaryOp == UnaryOp::Negate ? -*a : e.unaryOp == UnaryOp::Plus ? *a : (*a == 0.0 ? 1.0 : 0.0);
        }
        case Expr::Kind::Binary: return binary(e);
        case Expr::Kind::If: return choose(e.args[0], e.args[1], e.args[2]);
        case Expr::Kind::Call: return call(e);
        }
        return std::nullopt;
    }

private:
    Value name(const Expr &e) const
    {
        if (e.subscripted)
            return std::nullopt;
        if (e.name == QLatin1String("time")) return m_c.time;
        if (e.name == QLatin1String("dt")) return m_c.dt;
        if (e.name == QLatin1String("starttime")) return m_c.start;
        if (e.name == QLatin1String("stoptime")) return m_c.stop;
        if (e.name == QLatin1String("pi")) return M_PI;
        return m_c.value ? m_c.value(e.name) : std::nullopt;
    }

    Value choose(const Expr &condition, const Expr &then, const Expr &otherwise) const
    {
        const Value c = eval(condition);
        if (!c)
            return std::nullopt;
        return *c != 0.0 ? eval(then) : eval(otherwise);
    }

    Value binary(const Expr &e) const
    {
        const Value av = eval(e.args[0]), bv = eval(e.args[1]);
        if (!av || !bv)
            return std::nullopt;
        const double a = *av, b = *bv;
        switch (e.binaryOp) {
        case BinaryOp::Add: return a + b;
        case BinaryOp::Subtract: return a - b;
        case BinaryOp::Multiply: return a * b;
        case BinaryOp::Divide: return a / b;
        case BinaryOp::Power: return std::pow(a, b);
        case BinaryOp::Modulo: return flooredModulo(a, b);
        case BinaryOp::Equal: return a == b ? 1.0 : 0.0;
        case BinaryOp::NotEqual: return a != b ? 1.0 : 0.0;
        case BinaryOp::Less: return a < b ? 1.0 : 0.0;
        case BinaryOp::LessEqual: return a <= b ? 1.0 : 0.0;
        case BinaryOp::Greater: return a > b ? 1.0 : 0.0;
        case BinaryOp::GreaterEqual: return a >= b ? 1.0 : 0.0;
        case BinaryOp::And: return a != 0.0 && b != 0.0 ? 1.0 : 0.0;
        case BinaryOp::Or: return a != 0.0 || b != 0.0 ? 1.0 : 0.0;
        }
        return std::nullopt;
    }

    const GraphicalFunction *table(const QString &name) const { return m_c.table ? m_c.table(name) : nullptr; }

    Value call(const Expr &e) const
    {
        const QString &f = e.name;
        const std::size_t n = e.args.size();
        if (f == QLatin1String("if_then_else") && n == 3)
            return choose(e.args[0], e.args[1], e.args[2]);
        if ((f == QLatin1String("time") || f == QLatin1String("pi")) && n == 0)
            return f == QLatin1String("time") ? m_c.time : M_PI;
        if (const auto reading = lookupReading(f); reading && n == 2 && e.args[0].kind == Expr::Kind::Name) {
            const GraphicalFunction *t = table(e.args[0].name);
            const Value x = eval(e.args[1]);
            if (!t || !x)
                return std::nullopt;
            if (!*reading)
                return Value(t->evaluate(*x));
            GraphicalFunction readOtherwise = *t;
            readOtherwise.kind = **reading;
            return Value(readOtherwise.evaluate(*x));
        }
        if (f == QLatin1String("lookup_invert") && n == 2 && e.args[0].kind == Expr::Kind::Name) {
            const GraphicalFunction *t = table(e.args[0].name);
            const Value y = eval(e.args[1]);
            if (!t || !risesOrFallsThroughout(*t) || !y)
                return std::nullopt;
            return Value(inverseOf(*t, *y));
        }
        const BuiltinInfo *b = findBuiltin(f);
        if (b && b->lowering == Lowering::TableSummary && n >= 1 && e.args[0].kind == Expr::Kind::Name) {
            const GraphicalFunction *t = table(e.args[0].name);
            std::vector<double> bounds;
            for (std::size_t i = 1; i < n; ++i) {
                const Value v = eval(e.args[i]);
                if (!v)
                    return std::nullopt;
                bounds.push_back(*v);
            }
            return t ? Value(tableSummary(f, *t, bounds.data(), bounds.size())) : std::nullopt;
        }
        std::vector<double> args;
        for (const Expr &a : e.args) {
            const Value v = eval(a);
            if (!v)
                return std::nullopt;
            args.push_back(*v);
        }
        if (n == 1) {
            if (const GraphicalFunction *t = table(f))
                return t->evaluate(args[0]);
        }
        // The registry's evaluation, as the VM computes it, for builtins whose value
        // depends on their arguments alone. Stateful functions, time inputs, random
        // numbers and RANK (whose arguments are lowered into another order) are not
        // evaluated here.
        if (!b || b->readsTime || (b->lowering != Lowering::Instruction && b->lowering != Lowering::ArrayArguments)
            || int(n) < b->minArgs || (b->maxArgs >= 0 && int(n) > b->maxArgs))
            return std::nullopt;
        const double value = evaluateBuiltin(*b, args.data(), n, BuiltinClock{m_c.time, m_c.dt, m_c.start});
        return b->unary || b->evaluate ? Value(value) : std::nullopt;
    }

    const EvaluationContext &m_c;
};

} // namespace

std::optional<double> evaluate(const Expr &e, const EvaluationContext &context)
{
    return Evaluator(context).eval(e);
}

} // namespace meadows
