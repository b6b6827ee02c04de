#pragma once
// Evaluates one model-level equation (an Expr) from given values of the names it reads.
// Loops That Matter needs this: a link score re-evaluates an equation with one input at
// its new value and the others at their old ones, which the compiled program, computing
// every variable at once, cannot do. Stateful functions (SMTH, DELAY...) have hidden
// state and are not evaluated here: the result is then empty.
#include "solver/expr.h"

#include "model/graphicalfunction.h"

#include <functional>
#include <optional>

namespace meadows {

struct EvaluationContext {
    // A variable's value by canonical name; nullopt when there is none to use.
    std::function<std::optional<double>(const QString &name)> value;
    // A named graphical function by canonical name; nullptr when none.
    std::function<const GraphicalFunction *(const QString &name)> table;
    double time = 0;
    double dt = 1;
    double start = 0;
    double stop = 0;
};

// nullopt when the equation uses something this evaluator does not handle (stateful
// functions, macros, subscripts, time inputs) or a name without a value.
std::optional<double> evaluate(const Expr &e, const EvaluationContext &context);

} // namespace meadows
