#include "mdlshift.h"

#include "model/names.h"

#include <algorithm>

namespace meadows::vensim {

namespace {

// What a call shifts: the elements of its variable, and the INTEG equations that define it.
struct Shifted {
    Vector vector;
    std::vector<Definition *> levels;
};

bool sameSubscripts(const std::vector<Subscript> &a, const std::vector<Subscript> &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const Subscript &x, const Subscript &y) {
               return canonicalName(x.name) == canonicalName(y.name);
           });
}

// The level a call shifts, or nothing, said at the argument.
std::optional<Shifted> shiftedBy(const Definition &d, std::vector<Definition> &defs, const SubscriptRanges &ranges, Reporter &report)
{
    const Expr &var = d.rhs->args[0];
    const std::optional<Vector> vector = vectorFrom(var, defs, ranges);
    if (!vector) {
        report.error(var.offset, QStringLiteral("SHIFT IF TRUE shifts a subscripted level, written with the first element "
                                                "of its last range, as Population[..., first]"));
        return std::nullopt;
    }
    const std::vector<Subscript> leading(var.subscripts.begin(), var.subscripts.end() - 1);
    if (!sameSubscripts(leading, d.subscripts)) {
        report.error(var.offset, QStringLiteral("SHIFT IF TRUE's level takes the subscripts of the equation's left side "
                                                "before its last: '%1' is written with others").arg(var.text));
        return std::nullopt;
    }
    Shifted s{*vector, {}};
    bool other = false;
    for (Definition &level : defs) {
        if (level.record.macro != d.record.macro || level.op == Tok::Colon || level.op == Tok::Equiv
            || canonicalName(level.name) != canonicalName(var.text))
            continue;
        if (level.rhs && isCall(*level.rhs, "INTEG") && level.rhs->args.size() == 2)
            s.levels.push_back(&level);
        else
            other = true;
    }
    if (s.levels.empty() || other) {
        report.error(var.offset, QStringLiteral("SHIFT IF TRUE shifts a level, and '%1' is not one: every equation of it "
                                                "must be INTEG").arg(var.text));
        return std::nullopt;
    }
    return s;
}

// Vensim's reference: SHIFT IF TRUE(var, cond, size, accum, inval), where cond is true,
// "shifts size elements" of var "along the rightmost subscript"; var is written with the
// first element of that subscript; with accum non-zero "the second to last element is
// added to the last", else it replaces the last; "the first element is replaced with
// inval"; the function returns "the amount removed from the last element", always 0 with
// accum non-zero. It changes the level it is given, normally an aging chain ("everything
// ages once a year").
//
// The reference does not say when in a step the level changes. Meadows makes up the shift
// with a flow into the level over the step from the time cond holds: with Euler's method
// the level is the shifted one plus that step's other flows a step later, while at that
// time the level, and whatever reads it, is as before the shift. A size beyond the range's
// end, which in Vensim "can change other variables", stops at the range's end. Both are
// said at the call.
void shift(Rewrite &r, const Shifted &s, Reporter &report)
{
    report.warning(r.at, QStringLiteral("SHIFT IF TRUE: Vensim's reference does not say when in a step the level shifts; "
                                        "Meadows shifts it over the step from the time the condition holds (what reads it "
                                        "then sees it unshifted), by Euler's method, and stops a size beyond the range's "
                                        "end at its end"));
    const std::vector<Expr> &args = r.call.rhs->args;
    const QStringList elements = s.vector.elements();
    const qsizetype count = elements.size();
    r.add(QStringLiteral("condition"), args[1], false);
    const Expr whole = r.callOf("INTEGER", {args[2]});
    r.add(QStringLiteral("size"), r.callOf("MAX", {r.number(0), r.callOf("MIN", {r.number(double(count)), whole})}), false);
    r.add(QStringLiteral("accumulates"), args[3], false);
    r.add(QStringLiteral("value in"), args[4], true);
    const Expr shifting = binaryOf("<>", r.name(QStringLiteral("condition")), r.number(0));
    const Expr size = r.name(QStringLiteral("size"));
    const Expr accumulates = binaryOf("<>", r.name(QStringLiteral("accumulates")), r.number(0));
    const Expr dt = nameAt(QStringLiteral("TIME STEP"), r.at);
    const auto v = [&](qsizetype k) { return elementOf(r.call.rhs->args[0], elements[k]); };
    const auto at = [&](qsizetype k) { return binaryOf("=", size, r.number(double(k + 1))); };
    // Each element of the range, what it becomes ("y SHIFT IF TRUE target", one equation per
    // element): those before the one written and beyond size stay; the first takes inval,
    // the last (at size) the one before it, or both added.
    const auto becomes = [&](qsizetype k) {
        if (k < 0)
            return elementOf(r.call.rhs->args[0], s.vector.range[s.vector.first + k]);
        if (k == 0)
            return r.ifThen(binaryOf(">=", size, r.number(1)), r.name(QStringLiteral("value in")), v(0));
        return r.ifThen(binaryOf(">", size, r.number(double(k + 1))), v(k - 1),
                        r.ifThen(at(k), r.ifThen(accumulates, binaryOf("+", v(k), v(k - 1)), v(k - 1)), v(k)));
    };
    const auto over = [&](const QString &part, const QString &last, Expr rhs) {
        Definition e = r.call;
        e.name = r.base + part;
        e.op = Tok::Eq;
        e.record.units.clear();
        e.subscripts.push_back({last, false});
        e.rhs = std::move(rhs);
        r.added.push_back(std::move(e));
    };
    for (qsizetype k = -s.vector.first; k < count; ++k)
        over(QStringLiteral("target"), s.vector.range[s.vector.first + k], becomes(k));
    // The flow is one equation over the level's ranges, as its other flows are, so that it
    // is one more inflow of the level (the sketch's flows stay the level's own).
    std::vector<Subscript> all = r.own;
    all.push_back({s.vector.name, false});
    const Expr target = nameAt(r.base + QStringLiteral("target"), r.at, all);
    over(QStringLiteral("shift"), s.vector.name,
         r.ifThen(shifting, binaryOf("/", binaryOf("-", target, elementOf(r.call.rhs->args[0], s.vector.name)), dt), r.number(0)));
    const QString flow = r.base + QStringLiteral("shift");
    for (Definition *level : s.levels)
        level->rhs->args[0] = binaryOf("+", level->rhs->args[0], nameAt(flow, r.at, ownSubscripts(*level)));
    std::vector<Expr> last;
    for (qsizetype k = 0; k < count; ++k)
        last.push_back(r.ifThen(at(k), v(k), r.number(0)));
    const Expr replacing = binaryOf("=", r.name(QStringLiteral("accumulates")), r.number(0));
    r.call.rhs = r.ifThen(binaryOf("AND", shifting, replacing), sumOf(std::move(last), r.at), r.number(0));
}

} // namespace

void rewriteShifts(std::vector<Definition> &defs, const SubscriptRanges &ranges, Reporter &report)
{
    std::vector<Definition> added;
    for (qsizetype i = 0; i < qsizetype(defs.size()); ++i) {
        Definition &d = defs[std::size_t(i)];
        if (!d.rhs || !isCall(*d.rhs, "SHIFT IF TRUE"))
            continue;
        if (d.rhs->args.size() != 5) {
            report.error(d.rhs->offset, QStringLiteral("SHIFT IF TRUE takes 5 arguments (level, condition, size, accumulate, "
                                                       "value in), not %1").arg(d.rhs->args.size()));
            continue;
        }
        const auto sameName = [&d](const Definition &e) {
            return e.record.macro == d.record.macro && canonicalName(e.name) == canonicalName(d.name);
        };
        if (std::count_if(defs.begin(), defs.end(), sameName) != 1) {
            report.error(d.rhs->offset, QStringLiteral("SHIFT IF TRUE in a variable defined element by element is not "
                                                       "supported: write '%1' as one equation over its ranges").arg(d.name));
            continue;
        }
        const std::optional<Shifted> s = shiftedBy(d, defs, ranges, report);
        if (!s)
            continue;
        Rewrite r{d, added};
        shift(r, *s, report);
    }
    for (Definition &e : added)
        defs.push_back(std::move(e));
}

} // namespace meadows::vensim
