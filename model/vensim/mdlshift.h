#pragma once
// Vensim's SHIFT IF TRUE, which moves the elements of a level along its last range: written
// as a flow into the level that makes up the shift over one step.
#include "mdlrewrite.h"

namespace meadows::vensim {

// Rewrites, in `defs`, every "a = SHIFT IF TRUE(var[..., first], cond, size, accum, inval)":
// its arguments as "a SHIFT IF TRUE condition", "... size", "... accumulates" and "... value
// in", what each element of var's last range becomes as "a SHIFT IF TRUE target[..., e]" (one
// equation per element), and the flow that makes up the difference, "a SHIFT IF TRUE
// shift[..., range]", added to the rate of every INTEG that defines var; a is what leaves the
// last element shifted. A call that cannot be rewritten is said, as an error, at what is wrong.
void rewriteShifts(std::vector<Definition> &defs, const SubscriptRanges &ranges, Reporter &report);

} // namespace meadows::vensim
