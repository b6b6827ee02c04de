#include "mdlsinteg.h"

#include <optional>

namespace meadows::vensim {

namespace {

// A limit as written: a number (perhaps negative), or :NA: for none. Anything else is not
// a limit Vensim accepts ("the last five arguments must be numbers or :NA:").
struct Limit {
    bool valid = true;
    std::optional<double> value; // empty: :NA:
};

Limit limitOf(const Expr &e)
{
    if (e.kind == Expr::Kind::NotAvailable)
        return {};
    if (e.kind == Expr::Kind::Number)
        return {true, e.number};
    if (e.kind == Expr::Kind::Unary && e.text == QLatin1String("-") && e.args.front().kind == Expr::Kind::Number)
        return {true, -e.args.front().number};
    return {false, std::nullopt};
}

// Where Vensim puts a value v: spec when within thresh of it, then no lower than min and no
// higher than max ("SINTEG will never go below min or above max").
Expr limited(Expr v, const Limit &min, const Limit &max, const Limit &spec, const Limit &thresh, qsizetype at)
{
    if (spec.value && thresh.value) {
        Expr near = binaryOf("<", callAt("ABS", {binaryOf("-", v, numberAt(*spec.value, at))}, at), numberAt(*thresh.value, at));
        v = callAt("IF THEN ELSE", {std::move(near), numberAt(*spec.value, at), v}, at);
    }
    if (max.value)
        v = callAt("MIN", {numberAt(*max.value, at), std::move(v)}, at);
    if (min.value)
        v = callAt("MAX", {numberAt(*min.value, at), std::move(v)}, at);
    return v;
}

// rewrite() gives the correction a variable of its own, so that the stock's rate stays a sum
// of flows (drawn on their valves) and the correction is one more inflow.
struct Correction {
    QString name;
    Expr rhs;
};

std::optional<Correction> rewrite(Definition &d, Reporter &report)
{
    Expr &s = *d.rhs;
    if (s.args.size() != 7) {
        report.error(s.offset, QStringLiteral("SINTEG takes 7 arguments (rate, initial, min, max, quant, spec, thresh), not %1")
                                   .arg(s.args.size()));
        return std::nullopt;
    }
    Limit limits[5];
    for (int i = 0; i < 5; ++i) {
        limits[i] = limitOf(s.args[std::size_t(i) + 2]);
        if (!limits[i].valid) {
            report.error(s.args[std::size_t(i) + 2].offset, QStringLiteral("SINTEG's limits (its last five arguments) "
                                                                           "must be numbers or :NA:"));
            return std::nullopt;
        }
    }
    const Limit &min = limits[0], &max = limits[1], &quant = limits[2], &spec = limits[3], &thresh = limits[4];
    if (quant.value)
        report.warning(s.args[4].offset, QStringLiteral("SINTEG's quantum is not supported: the value is not kept to "
                                                        "multiples of it"));
    const qsizetype at = s.offset;
    Expr rate = s.args[0], initial = s.args[1];
    s.text = QStringLiteral("INTEG");
    if (!min.value && !max.value && !(spec.value && thresh.value)) { // "is equal to INTEG(rate,initial)"
        s.args = {std::move(rate), std::move(initial)};
        return std::nullopt;
    }
    // After a step of Euler's method the stock would be self + rate * TIME STEP; Vensim keeps
    // it where the limits say. The correction flow makes up the difference in that step, so
    // with Euler's method the stock is exactly the limited value (with other methods, close).
    const std::vector<Subscript> own = ownSubscripts(d);
    const Expr self = nameAt(d.name, at, own), step = nameAt(QStringLiteral("TIME STEP"), at);
    const Expr next = binaryOf("+", self, binaryOf("*", rate, step));
    // Said, because the flow is a variable of the model: it shows in the results, and loops
    // through the stock's rate are found through it as well.
    report.warning(at, QStringLiteral("SINTEG is read as INTEG with a flow '%1 SINTEG limits' that keeps '%1' within its "
                                      "limits; it is in the results, and loops are found through it too")
                           .arg(d.name.simplified()));
    Correction c{d.name.simplified() + QStringLiteral(" SINTEG limits"),
                 binaryOf("-", binaryOf("/", binaryOf("-", limited(next, min, max, spec, thresh, at), self), step), rate)};
    s.args = {binaryOf("+", rate, nameAt(c.name, at, own)), limited(std::move(initial), min, max, spec, thresh, at)};
    return c;
}

} // namespace

void rewriteSinteg(std::vector<Definition> &defs, Reporter &report)
{
    std::vector<Definition> corrections;
    for (Definition &d : defs) {
        if (!d.rhs || d.rhs->kind != Expr::Kind::Call
            || d.rhs->text.simplified().compare(QLatin1String("SINTEG"), Qt::CaseInsensitive) != 0)
            continue;
        if (std::optional<Correction> c = rewrite(d, report)) {
            Definition flow = d; // where the stock is, so that what is said of it points there
            flow.name = c->name;
            flow.op = Tok::Eq;
            flow.rhs = std::move(c->rhs);
            corrections.push_back(std::move(flow));
        }
    }
    for (Definition &flow : corrections)
        defs.push_back(std::move(flow));
}

} // namespace meadows::vensim
