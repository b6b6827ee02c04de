#pragma once
// The range a constant's slider starts with, from its value and its units, as a modeller
// would set it: a fraction moves between 0 and 1, a percentage up to 100, a time no further
// than the run is long, and a count of things (pods, servers, connections) in whole steps.
#include "sliderpanel.h"

namespace meadows {

SliderRange rangeFor(const Variable &constant, double value, const Project &project);

} // namespace meadows
