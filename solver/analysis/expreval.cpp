#include "solver/analysis/expreval.h"

#include <cmath>

namespace meadows {

namespace {

using Value = std::optional<double>;

// Floored modulo, as the engine computes MOD (Stella and Vensim agree).
double flooredModulo(double a, double b)
{
    const double r = std::fmod(a, b);
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

Value oneArgument(const QString &f, double x)
{
    if (f == QLatin1String("abs")) return std::fabs(x);
    if (f == QLatin1String("exp")) return std::exp(x);
    if (f == QLatin1String("ln")) return std::log(x);
    if (f == QLatin1String("log10")) return std::log10(x);
    if (f == QLatin1String("sqrt")) return std::sqrt(x);
    if (f == QLatin1String("sin")) return std::sin(x);
    if (f == QLatin1String("cos")) return std::cos(x);
    if (f == QLatin1String("tan")) return std::tan(x);
    if (f == QLatin1String("arcsin")) return std::asin(x);
    if (f == QLatin1String("arccos")) return std::acos(x);
    if (f == QLatin1String("arctan")) return std::atan(x);
    if (f == QLatin1String("int")) return std::floor(x);
    if (f == QLatin1String("round")) return std::round(x);
    return std::nullopt;
}

class Evaluator {
public:
    explicit Evaluator(const EvaluationContext &c) : m_c(c) {}

    Value eval(const Expr &e) const
    {
        switch (e.kind) {
        case Expr::Kind::Number: return e.value;
        case Expr::Kind::Star: return std::nullopt;
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
        if (f == QLatin1String("lookup") && n == 2 && e.args[0].kind == Expr::Kind::Name) {
            const GraphicalFunction *t = table(e.args[0].name);
            const Value x = eval(e.args[1]);
            return t && x ? Value(t->evaluate(*x)) : std::nullopt;
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
            if (Value v = oneArgument(f, args[0]))
                return v;
        }
        if ((f == QLatin1String("min") || f == QLatin1String("max")) && n >= 1) {
            double r = args[0];
            for (double a : args)
                r = f == QLatin1String("min") ? std::fmin(r, a) : std::fmax(r, a);
            return r;
        }
        if ((f == QLatin1String("sum") || f == QLatin1String("mean")) && n >= 1) {
            double s = 0;
            for (double a : args)
                s += a;
            return f == QLatin1String("sum") ? s : s / double(n);
        }
        if ((f == QLatin1String("pow") || f == QLatin1String("power")) && n == 2)
            return std::pow(args[0], args[1]);
        if ((f == QLatin1String("mod") || f == QLatin1String("modulo")) && n == 2)
            return flooredModulo(args[0], args[1]);
        if ((f == QLatin1String("safediv") || f == QLatin1String("xidz") || f == QLatin1String("zidz")) && n >= 2)
            return args[1] != 0.0 ? args[0] / args[1] : (n == 3 ? args[2] : 0.0);
        if (f == QLatin1String("arctan2") && n == 2)
            return std::atan2(args[0], args[1]);
        return std::nullopt; // stateful, time input, macro: not evaluated here
    }

    const EvaluationContext &m_c;
};

} // namespace

std::optional<double> evaluate(const Expr &e, const EvaluationContext &context)
{
    return Evaluator(context).eval(e);
}

} // namespace meadows
