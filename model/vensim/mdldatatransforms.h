#pragma once
// Vensim's data functions that make a new data series from another data variable's points
// (Vensim's reference, "TIME SHIFT" and "CUMULATE"), each the whole right side of a data
// equation (":="):
//   TIME SHIFT(data, shift)  the data seen `shift` time units ahead: each point (t, v) becomes
//                            (t - shift, v), so the new series at t is the data at t + shift;
//                            `shift` a number or a constant;
//   CUMULATE(data)           at each point, the sum of the values up to it, with no time step
//                            in it ("the accumulation is pure");
//   CUMULATEF(data)          one point, at the last point's time, holding the sum of them all.
// The new series is then read like any data variable, by the keyword written with it
// (mdldatareading.h). `data` must be a data variable read from points (a file, GET DATA, or
// another of these functions); anything else is an error at the call.
#include "mdldefinition.h"

namespace meadows::vensim {

// Whether `rhs` is one of these calls (which read the keyword written with them).
bool makesDataSeries(const Expr &rhs);

// Replaces each data equation in `defs` that is one of these calls by the equations of the
// series it makes, element by element; reports a call it cannot make (and leaves 0 there).
void rewriteDataTransforms(std::vector<Definition> &defs, const SubscriptRanges &ranges, Reporter &report);

} // namespace meadows::vensim
