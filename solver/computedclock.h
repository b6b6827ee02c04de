#pragma once
// Runs whose clock the model computes: Vensim lets INITIAL TIME, FINAL TIME, TIME STEP and
// SAVEPER be equations of Time (SimSpecs::varying). The compiler finds the variables that
// compute them; the run (computedclock.cpp) steps by TIME STEP at each time, goes on while
// Time is below FINAL TIME at that time, and saves where SAVEPER at that time divides the
// time since the start.
#include "model/source.h"
#include "node.h"
#include "program.h"

#include <optional>
#include <vector>

namespace meadows {

struct FlatModel;

// Whether n reads DT or the stop time anywhere: with a computed clock they change as the
// model runs, so what reads them is computed at every step.
bool readsClock(const Node &n);

// The slots of the variables SimSpecs::varying names; an error for a name that is not a
// variable of the model (an XMILE file's meadows: attribute can name anything).
std::optional<VaryingSlots> varyingSlots(const FlatModel &flat, const CompiledModel &m, std::vector<Diagnostic> &diagnostics);

} // namespace meadows
