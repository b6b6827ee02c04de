#pragma once
// Where an equilibrium sits on a corner of the equations: a MIN or MAX whose two sides are
// equal there, or an IF whose condition flips there. The net flows have no single slope
// at such a point, so its eigenvalues describe neither side alone: it is reported, never
// hidden.
#include "ratefunction.h"

#include "solver/flatmodel.h"

namespace meadows {

struct Kink {
    QString function;  // "MIN", "MAX" or "IF"
    QString variable;  // whose equation holds it, as the model displays it
    Diagnostic where;  // the variable's equation, for FILE:LINE:COL
};

// The corners at `stocks` that a step of RateFunction::differenceStep along some stock
// crosses. `flat` is the model `f` was compiled from.
std::vector<Kink> kinksAt(RateFunction &f, const FlatModel &flat, const Eigen::VectorXd &stocks);

} // namespace meadows
