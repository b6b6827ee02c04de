#pragma once
// Vensim's .dat data files: the external data Vensim loads (its run setup's data sources,
// SDEverywhere's spec) for data variables written with no equation ("E Values[E1]" on a
// line of its own, a ~ and a |). The text format: a variable's name, with its element in
// brackets when it has one, on a line of its own, then one "time value" line per point
// (a tab or spaces between them). The command line's --data FILE names them.
#include "mdldefinition.h"

#include <QStringList>

namespace meadows::vensim {

// The .dat files every read of a Vensim model takes its equation-less data from (set by
// --data; empty: none, and such variables are errors as before). Returns why a path cannot
// be used (not a readable file), leaving the files as they were, or empty once they are set.
QString setDataFiles(const QStringList &paths);
const QStringList &dataFiles();

// Gives each data variable in `defs` that has no equation the points the data files hold
// for it, element by element, read as its keyword says (mdldatareading.h); what the files
// do not hold stays without an equation, which building the model reports. A file that
// cannot be read is an error at the first variable that needs it.
void supplyDataFromFiles(std::vector<Definition> &defs, const SubscriptRanges &ranges, Reporter &report);

} // namespace meadows::vensim
