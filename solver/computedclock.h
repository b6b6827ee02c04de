#pragma once
// Runs whose clock the model computes: Vensim lets INITIAL TIME, FINAL TIME, TIME STEP and
// SAVEPER be equations of Time (SimSpecs::varying). The compiler finds the variables that
// compute them and settles INITIAL TIME; the run (runComputedClock) steps by TIME STEP at
// each time, takes no step past FINAL TIME at that time, and saves where the time since the
// start is a multiple of SAVEPER at that time (rounded to whole steps, as with a fixed DT).
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

// The settings' values at the start, written into m.specs, so that whatever reads the specs
// (a run's defaults, analyses that begin at the start, the settings dialog) has the numbers
// the run begins with. INITIAL TIME is evaluated once, with Time at 0 (as PySD does: it is
// computed before Time has a value), the others at that start. Called by the compiler.
void settleClockAtStart(CompiledModel &m);

} // namespace meadows
