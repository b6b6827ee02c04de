#include "solver/analysis/polarity.h"

#include "solver/builtins.h"

#include <QSet>
#include <cmath>

namespace meadows {

namespace {

// A sign with, when unknown, the reason it could not be told.
struct Signed {
    Sign sign = Sign::Zero;
    QString reason;
};

Signed known(Sign s) { return {s, {}}; }
Signed unknown(const QString &reason) { return {Sign::Unknown, reason}; }

Sign flip(Sign s)
{
    return s == Sign::Positive ? Sign::Negative : s == Sign::Negative ? Sign::Positive : s;
}
Signed flip(Signed s)
{
    s.sign = flip(s.sign);
    return s;
}

Sign times(Sign a, Sign b)
{
    if (a == Sign::Zero || b == Sign::Zero)
        return Sign::Zero;
    if (a == Sign::Unknown || b == Sign::Unknown)
        return Sign::Unknown;
    return a == b ? Sign::Positive : Sign::Negative;
}

// The sign of a sum of two terms.
Sign plus(Sign a, Sign b)
{
    if (a == Sign::Zero)
        return b;
    if (b == Sign::Zero || a == b)
        return a;
    return Sign::Unknown;
}

class Inference {
public:
    Inference(const QString &input, const QString &label, const PolarityContext &context)
        : m_input(input), m_label(label), m_context(context)
    {
    }

    // The sign of d(e)/d(input).
    Signed derivative(const Expr &e) const
    {
        switch (e.kind) {
        case Expr::Kind::Number:
        case Expr::Kind::Star:
        case Expr::Kind::Range:
        case Expr::Kind::Position:
            return known(Sign::Zero);
        case Expr::Kind::Name:
            return known(e.name == m_input ? Sign::Positive : Sign::Zero);
        case Expr::Kind::Unary:
            if (e.unaryOp == UnaryOp::Not)
                return stepIn(e);
            return e.unaryOp == UnaryOp::Negate ? flip(derivative(e.args[0])) : derivative(e.args[0]);
        case Expr::Kind::Binary:
            return binary(e);
        case Expr::Kind::If:
            return conditional(e, e.args[0], e.args[1], e.args[2]);
        case Expr::Kind::Call:
            return call(e);
        }
        return known(Sign::Zero);
    }

    // The sign of e's value, from the range it can take.
    Sign value(const Expr &e) const
    {
        const ValueRange r = range(e);
        if (r.isZero())
            return Sign::Zero;
        return r.atLeastZero() ? Sign::Positive : r.atMostZero() ? Sign::Negative : Sign::Unknown;
    }

    ValueRange range(const Expr &e) const
    {
        switch (e.kind) {
        case Expr::Kind::Number:
            return ValueRange::exactly(e.value);
        case Expr::Kind::Star:
        case Expr::Kind::Range:
        case Expr::Kind::Position:
            return ValueRange::anything();
        case Expr::Kind::Name:
            return m_context.valueRange ? m_context.valueRange(e.name) : ValueRange::nonNegative();
        case Expr::Kind::Unary:
            if (e.unaryOp == UnaryOp::Not)
                return {0, 1};
            return e.unaryOp == UnaryOp::Negate ? -range(e.args[0]) : range(e.args[0]);
        case Expr::Kind::Binary: {
            const ValueRange a = range(e.args[0]), b = range(e.args[1]);
            switch (e.binaryOp) {
            case BinaryOp::Add: return a + b;
            case BinaryOp::Subtract: return a - b;
            case BinaryOp::Multiply: return a * b;
            case BinaryOp::Divide: return a / b;
            case BinaryOp::Power: return a.atLeastZero() ? ValueRange::nonNegative() : ValueRange::anything();
            case BinaryOp::Modulo: return ValueRange::anything();
            default: return {0, 1}; // comparisons and logic
            }
        }
        case Expr::Kind::If:
            return hull(range(e.args[1]), range(e.args[2]));
        case Expr::Kind::Call:
            return callRange(e);
        }
        return ValueRange::anything();
    }

private:
    bool reads(const Expr &e) const { return derivativeIsZero(e) == false; }

    bool derivativeIsZero(const Expr &e) const
    {
        if (e.kind == Expr::Kind::Name)
            return e.name != m_input;
        if (e.kind == Expr::Kind::Call && !e.args.empty() && isLookup(e))
            return derivativeIsZero(e.args.back());
        for (const Expr &a : e.args) {
            if (!derivativeIsZero(a))
                return false;
        }
        return true;
    }

    QString quoted() const { return QLatin1Char('\'') + m_label + QLatin1Char('\''); }

    // A comparison, NOT, AND, OR of the input: a step, up or down depending on values.
    Signed stepIn(const Expr &e) const
    {
        if (!reads(e))
            return known(Sign::Zero);
        return unknown(QStringLiteral("%1 is compared in '%2': the effect is a step whose direction depends on values")
                           .arg(quoted(), toString(e)));
    }

    Signed sum(const Expr &whole, Signed a, Signed b) const
    {
        if (a.sign == Sign::Unknown)
            return a;
        if (b.sign == Sign::Unknown)
            return b;
        const Sign s = plus(a.sign, b.sign);
        if (s == Sign::Unknown)
            return unknown(QStringLiteral("%1 both raises and lowers '%2': which wins depends on values")
                               .arg(quoted(), toString(whole)));
        return known(s);
    }

    // d(term) * value(factor): the factor's sign must be known for the product's to be.
    Signed scaled(const Signed &d, const Expr &factor, bool inverse = false) const
    {
        if (d.sign == Sign::Zero || d.sign == Sign::Unknown)
            return d;
        const Sign f = value(factor);
        if (f == Sign::Unknown)
            return unknown(QStringLiteral("the sign of '%1', which %2 %3, is not known")
                               .arg(toString(factor), inverse ? QStringLiteral("divides") : QStringLiteral("multiplies"),
                                    quoted()));
        return known(times(d.sign, f));
    }

    Signed quotient(const Expr &whole, const Expr &numerator, const Expr &denominator) const
    {
        const Signed top = derivative(numerator);
        const Signed bottom = derivative(denominator);
        if (top.sign != Sign::Zero && bottom.sign != Sign::Zero)
            return unknown(QStringLiteral("%1 is on both sides of the quotient '%2'").arg(quoted(), toString(whole)));
        if (top.sign != Sign::Zero)
            return scaled(top, denominator, true);
        // d(a/b)/db = -a/b^2: the opposite of the numerator's sign.
        return flip(scaled(bottom, numerator));
    }

    Signed power(const Expr &whole, const Expr &base, const Expr &exponent) const
    {
        const Signed db = derivative(base);
        const Signed de = derivative(exponent);
        if (de.sign == Sign::Zero) {
            // d(a^k) = k a^(k-1) da, with a taken positive.
            if (db.sign == Sign::Zero || db.sign == Sign::Unknown)
                return db;
            const Sign k = value(exponent);
            if (k == Sign::Unknown)
                return unknown(QStringLiteral("the exponent of '%1' has no known sign").arg(toString(whole)));
            return known(times(db.sign, k));
        }
        if (db.sign == Sign::Zero && base.kind == Expr::Kind::Number && base.value > 0) {
            // c^x rises with x when c > 1 and falls when c < 1.
            if (base.value == 1)
                return known(Sign::Zero);
            return base.value > 1 ? de : flip(de);
        }
        return unknown(QStringLiteral("%1 is in the exponent of '%2'").arg(quoted(), toString(whole)));
    }

    Signed binary(const Expr &e) const
    {
        const Expr &a = e.args[0];
        const Expr &b = e.args[1];
        switch (e.binaryOp) {
        case BinaryOp::Add: return sum(e, derivative(a), derivative(b));
        case BinaryOp::Subtract: return sum(e, derivative(a), flip(derivative(b)));
        case BinaryOp::Multiply: {
            const Signed da = derivative(a), db = derivative(b);
            if (da.sign == Sign::Zero)
                return scaled(db, a);
            if (db.sign == Sign::Zero)
                return scaled(da, b);
            return sum(e, scaled(da, b), scaled(db, a));
        }
        case BinaryOp::Divide: return quotient(e, a, b);
        case BinaryOp::Power: return power(e, a, b);
        case BinaryOp::Modulo:
            if (!reads(e))
                return known(Sign::Zero);
            return unknown(QStringLiteral("MOD is not monotone: '%1'").arg(toString(e)));
        default:
            return stepIn(e);
        }
    }

    Signed conditional(const Expr &whole, const Expr &condition, const Expr &then, const Expr &otherwise) const
    {
        if (reads(condition))
            return unknown(QStringLiteral("the IF condition '%1' depends on %2").arg(toString(condition), quoted()));
        return sum(whole, derivative(then), derivative(otherwise));
    }

    bool isLookup(const Expr &e) const
    {
        if (lookupReading(e.name))
            return true;
        return e.args.size() == 1 && m_context.table && m_context.table(e.name);
    }

    const GraphicalFunction *tableOf(const Expr &e) const
    {
        if (!m_context.table)
            return nullptr;
        if (lookupReading(e.name))
            return e.args.size() == 2 && e.args[0].kind == Expr::Kind::Name ? m_context.table(e.args[0].name) : nullptr;
        return m_context.table(e.name);
    }

    Signed lookup(const Expr &e) const
    {
        const Signed d = derivative(e.args.back());
        if (d.sign == Sign::Zero || d.sign == Sign::Unknown)
            return d;
        const GraphicalFunction *table = tableOf(e);
        const LinkPolarity shape = table ? tablePolarity(*table) : LinkPolarity::Unknown;
        if (shape == LinkPolarity::Unknown)
            return unknown(QStringLiteral("the graphical function in '%1' is not monotone").arg(toString(e)));
        return shape == LinkPolarity::Positive ? d : flip(d);
    }

    Signed call(const Expr &e) const
    {
        const auto argument = [&](std::size_t i) { return i < e.args.size() ? derivative(e.args[i]) : known(Sign::Zero); };
        const BuiltinInfo *b = findBuiltin(e.name);
        const PolarityRule rule = b ? b->polarity : PolarityRule::Unknown;
        if (rule == PolarityRule::Conditional && e.args.size() == 3)
            return conditional(e, e.args[0], e.args[1], e.args[2]);
        if (isLookup(e) && !e.args.empty())
            return lookup(e);
        const bool oneArgument = e.args.size() == 1;
        switch (rule) {
        case PolarityRule::Increasing:
            if (oneArgument)
                return argument(0);
            break;
        case PolarityRule::Decreasing:
            if (oneArgument)
                return flip(argument(0));
            break;
        case PolarityRule::AbsoluteValue:
            if (oneArgument) {
                const Signed d = argument(0);
                if (d.sign == Sign::Zero || d.sign == Sign::Unknown)
                    return d;
                const Sign v = value(e.args[0]);
                if (v == Sign::Unknown)
                    return unknown(QStringLiteral("ABS of '%1', whose sign is not known").arg(toString(e.args[0])));
                return known(times(d.sign, v));
            }
            break;
        case PolarityRule::IncreasingInEveryArgument: {
            Signed total = known(Sign::Zero);
            for (std::size_t i = 0; i < e.args.size(); ++i)
                total = sum(e, total, argument(i));
            return total;
        }
        case PolarityRule::Power:
            if (e.args.size() == 2)
                return power(e, e.args[0], e.args[1]);
            break;
        case PolarityRule::Quotient:
            if (e.args.size() >= 2)
                return sum(e, quotient(e, e.args[0], e.args[1]), argument(2)); // the third: what is used when b is 0
            break;
        case PolarityRule::FixedAtStart:
            return known(Sign::Zero); // fixed at the start: no link over time
        case PolarityRule::FollowsInput:
            for (int t : b->roles.timeArgs) {
                if (t >= 0 && std::size_t(t) < e.args.size() && reads(e.args[std::size_t(t)]))
                    return unknown(QStringLiteral("%1 sets the time of %2 in '%3'").arg(quoted(), e.spelling.toUpper(), toString(e)));
            }
            return argument(0); // the initial value is read once: no link over time
        case PolarityRule::Level: // its inflow adds, its outflow takes away
            return sum(e, argument(0), flip(argument(1)));
        default:
            break;
        }
        if (!reads(e))
            return known(Sign::Zero);
        if (rule == PolarityRule::NotMonotone)
            return unknown(QStringLiteral("%1 is not monotone: '%2'").arg(e.spelling.toUpper(), toString(e)));
        if (rule == PolarityRule::TimeInput)
            return unknown(QStringLiteral("%1 is a parameter of the time input '%2'").arg(quoted(), toString(e)));
        return unknown(QStringLiteral("the direction of '%1' in %2 is not known").arg(e.spelling, quoted()));
    }

    ValueRange callRange(const Expr &e) const
    {
        const BuiltinInfo *b = findBuiltin(e.name);
        const RangeRule rule = b ? b->range : RangeRule::Anything;
        if (rule == RangeRule::Branches && e.args.size() == 3)
            return hull(range(e.args[1]), range(e.args[2]));
        if (isLookup(e)) {
            const GraphicalFunction *t = tableOf(e);
            return t ? tableRange(*t) : ValueRange::anything();
        }
        if (e.args.empty())
            return ValueRange::anything();
        const ValueRange first = range(e.args[0]);
        const auto across = [&](ValueRange (*combine)(const ValueRange &, const ValueRange &)) {
            ValueRange r = first;
            for (std::size_t i = 1; i < e.args.size(); ++i)
                r = combine(r, range(e.args[i]));
            return r;
        };
        switch (rule) {
        case RangeRule::Exponential: return {std::exp(first.low), std::exp(first.high)};
        case RangeRule::NonNegative: return ValueRange::nonNegative();
        case RangeRule::Minimum: return across([](const ValueRange &a, const ValueRange &b) { return minimum(a, b); });
        case RangeRule::Maximum: return across([](const ValueRange &a, const ValueRange &b) { return maximum(a, b); });
        case RangeRule::Sum: return across([](const ValueRange &a, const ValueRange &b) { return a + b; });
        case RangeRule::Hull: return across([](const ValueRange &a, const ValueRange &b) { return hull(a, b); });
        case RangeRule::FirstArgument: return first; // a smooth or delay stays within its input's range
        default: return ValueRange::anything();
        }
    }

    const QString &m_input;
    const QString &m_label;
    const PolarityContext &m_context;
};

// The argument of a call that is only an initial value, read once: -1 when none.
int initialValueArgument(const Expr &call)
{
    const BuiltinInfo *b = findBuiltin(call.name);
    return b ? b->roles.initArg : -1;
}

void collectNames(const Expr &e, QStringList &out, QSet<QString> &seen)
{
    switch (e.kind) {
    case Expr::Kind::Name:
        if (!seen.contains(e.name)) {
            seen.insert(e.name);
            out << e.name;
        }
        return; // subscripts select elements: they are not inputs
    case Expr::Kind::Call: {
        if (const BuiltinInfo *b = findBuiltin(e.name); b && b->polarity == PolarityRule::FixedAtStart)
            return; // fixed at the start: no link over time
        const int initial = initialValueArgument(e);
        for (std::size_t i = 0; i < e.args.size(); ++i) {
            // LOOKUP's first argument names a table, not a variable (so do RANDOM LOOKUP's
            // and the functions of a table's points).
            const BuiltinInfo *b = findBuiltin(e.name);
            const bool table = i == 0
                               && (((lookupReading(e.name) || e.name == QLatin1String("lookup_invert")) && e.args.size() == 2)
                                   || (b && readsTablePoints(*b)))
                               && e.args[0].kind == Expr::Kind::Name;
            if (!table && int(i) != initial)
                collectNames(e.args[i], out, seen);
        }
        return;
    }
    default:
        for (const Expr &a : e.args)
            collectNames(a, out, seen);
    }
}

} // namespace

ValueRange tableRange(const GraphicalFunction &table)
{
    if (table.ypts.empty() || table.kind == GraphicalFunction::Kind::Extrapolate)
        return ValueRange::anything();
    const auto [low, high] = std::minmax_element(table.ypts.begin(), table.ypts.end());
    return {*low, *high};
}

InferredPolarity inferPolarity(const Expr &equation, const QString &input, const QString &label,
                               const PolarityContext &context)
{
    const Signed s = Inference(input, label, context).derivative(equation);
    switch (s.sign) {
    case Sign::Positive: return {LinkPolarity::Positive, {}};
    case Sign::Negative: return {LinkPolarity::Negative, {}};
    case Sign::Zero:
        // The input is read but has no effect over time (an initial value, a
        // multiplication by zero): call it unknown rather than guess.
        return {LinkPolarity::Unknown, QStringLiteral("'%1' is read by the equation '%2' but has no lasting effect on it")
                                           .arg(label, toString(equation))};
    case Sign::Unknown: break;
    }
    return {LinkPolarity::Unknown, s.reason};
}

LinkPolarity tablePolarity(const GraphicalFunction &table)
{
    bool rises = false, falls = false;
    for (std::size_t i = 1; i < table.ypts.size(); ++i) {
        rises = rises || table.ypts[i] > table.ypts[i - 1];
        falls = falls || table.ypts[i] < table.ypts[i - 1];
    }
    if (rises && falls)
        return LinkPolarity::Unknown;
    return falls ? LinkPolarity::Negative : LinkPolarity::Positive;
}

QStringList causalInputs(const Expr &equation)
{
    QStringList out;
    QSet<QString> seen;
    collectNames(equation, out, seen);
    return out;
}

} // namespace meadows
