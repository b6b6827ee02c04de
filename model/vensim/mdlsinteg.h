#pragma once
// Vensim's SINTEG(rate, initial, min, max, quant, spec, thresh): an integral kept within
// bounds, written as the INTEG the rest of the reader knows.
#include "mdldefinition.h"

#include <vector>

namespace meadows::vensim {

// Every "x = SINTEG(...)" in `defs` becomes "x = INTEG(rate + x SINTEG limits, initial)",
// and "x SINTEG limits", added to `defs`, is the flow that moves the stock to where
// Vensim's limits put it after each step.
void rewriteSinteg(std::vector<Definition> &defs, Reporter &report);

} // namespace meadows::vensim
