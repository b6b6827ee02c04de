#pragma once
// Link polarity from an equation: the sign of the partial derivative of the equation
// with respect to one of its inputs, read off the expression tree. Sums, products,
// quotients, powers with constant exponents, monotone builtins (EXP, LN, SQRT, MIN,
// MAX...), smooths and delays (monotone in their input) and monotone graphical
// functions have a sign; where it depends on values (the input on both sides of a
// quotient, a non-monotone lookup, an IF on the input) the polarity is unknown and the
// reason says why. Variables are taken to be non-negative, as stocks and most
// quantities in system-dynamics models are, unless the context knows their range (a
// constant, a graphical function's y values).
#include "solver/expr.h"
#include "solver/analysis/valuerange.h"

#include "model/graphicalfunction.h"
#include "solver/analysis/causalgraph.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace meadows {

enum class Sign : std::int8_t { Zero, Positive, Negative, Unknown };

struct PolarityContext {
    // The range of a variable's value, by canonical name. Unset: every variable
    // non-negative.
    std::function<ValueRange(const QString &name)> valueRange;
    // A graphical function called by name (LOOKUP(table, x) or table(x)), by canonical
    // name; nullptr when there is none.
    std::function<const GraphicalFunction *(const QString &name)> table;
};

struct InferredPolarity {
    LinkPolarity polarity = LinkPolarity::Unknown;
    QString reason; // set when unknown
};

// The polarity of the link from `input` (a canonical name, as Expr::name holds it) to a
// variable defined by `equation`. `label` names the input in reasons (its display name).
InferredPolarity inferPolarity(const Expr &equation, const QString &input, const QString &label,
                               const PolarityContext &context = {});

// Positive when y never falls as x rises, Negative when it never rises (a flat table
// counts as positive), Unknown otherwise.
LinkPolarity tablePolarity(const GraphicalFunction &table);

// The values a graphical function can give: its y range (unbounded when it extrapolates).
ValueRange tableRange(const GraphicalFunction &table);

// The inputs of the causal links into a variable: the canonical names its equation reads,
// each once, in order of first use, leaving out what has no lasting effect (an initial
// value, INIT(x)), function names, subscripts and the table of LOOKUP(table, x). Unlike
// namesInEquationText (solver/references.h), which lists every name as written in the text.
QStringList causalInputs(const Expr &equation);

} // namespace meadows
