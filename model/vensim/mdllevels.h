#pragma once
// Vensim's functions that make the variable they define a level, written as the stocks they
// are before the variables are built: DELAY MATERIAL (a conveyor), DEPRECIATE
// STRAIGHTLINE and BY SCHEDULE (an accumulation of the stream, read back through HISTORY), DELAYP's
// pipeline (a stock beside its DELAY3) and DELAY BATCH (its backlog and batch in process,
// kept from step to step through PREVIOUS).
#include "mdlrewrite.h"

#include <QStringList>
#include <vector>

namespace meadows::vensim {

// The conveyors the rewrite made, by the macro they are in (-1: the main model).
struct DelayMaterialConveyor {
    int macro = -1;
    QString stock;
    QString transitTime;
    QString outflow; // the variable that was the call's: what the belt releases
};

// Rewrites, in `defs`:
// - every "y = DELAY MATERIAL(input, delay, initial, missing)" as four equations:
//   "y DELAY MATERIAL input = input", "y DELAY MATERIAL time = delay", the stock
//   "y DELAY MATERIAL in transit = INTEG(y DELAY MATERIAL input - y, ...)" and "y = 0", y
//   being the stock's outflow, which the belt computes; with a missing value other than 0,
//   the belt's outflow is "y DELAY MATERIAL output", a second belt "y DELAY MATERIAL
//   entries" counts what comes due ("... entries due"), and y is the output, or the missing
//   value where nothing comes due;
// - every "y = DEPRECIATE STRAIGHTLINE(...)" and "y = DEPRECIATE BY SCHEDULE(...)" as the
//   stream, its accumulation and y computed from the two (mdldepreciation.h); the schedule
//   the elements of its vector, read from `ranges`;
// - every "y = DELAYP(input, delay : pipeline)" as "y = DELAY3(y DELAYP input, y DELAYP
//   time)" and the stock "pipeline = INTEG(y DELAYP change, ...)", the change being
//   "y DELAYP input - y";
// - every "y = DELAY BATCH(input, bsize, btime, inibatch, initime, inibacklog)" as its state,
//   "y DELAY BATCH backlog", "... in process", "... due", "... busy" and what they become.
// Returns the stocks to be made conveyors once the models are built (markConveyors).
std::vector<DelayMaterialConveyor> rewriteLevels(std::vector<Definition> &defs, const SubscriptRanges &ranges, Reporter &report);

// Gives each stock the rewrite made in `model` (macro `macro`, -1: the main model) its
// <conveyor>, the transit time its time variable, and leaves its outflow without an
// equation, as a conveyor's outflow is (the 0 the rewrite gave it only made it a flow).
void markConveyors(Model &model, int macro, const std::vector<DelayMaterialConveyor> &conveyors);

} // namespace meadows::vensim
