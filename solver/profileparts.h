#pragma once
// How Vensim's DELAY CONVEYOR and QUEUE FIFO lay out their initial contents: a lookup's
// profile stretched over a length of time (the conveyor's initctime, the queue's age range),
// cut into steps of DT (the last one short when the length is not a whole number of steps),
// each part's share of the whole its area over that stretch (the profile "renormalized ...
// to have an area of 1", Vensim's help). Beyond `maxParts` steps, several consecutive steps
// make one part, so that a length of a billion steps is a million parts, not a billion.
#include "model/graphicalfunction.h"

#include <cstddef>
#include <vector>

namespace meadows {

// The longest length a QUEUE FIFO's age range is laid over, in steps: beyond any run, and a
// step count that fits a long long (agedqueue.cpp lays, flatten/agedqueues.cpp warns).
constexpr double kLongestLayout = 1e15;

struct ProfilePart {
    double share; // of the whole area, the parts adding up to 1
    double from;  // steps from the start of the length where it begins
    double to;    // and ends: from + 1, a group of steps, or the length's end
};

// Empty when the profile has no positive area over an x range, or the length is not more
// than one step: then everything is one part, which the caller places itself.
std::vector<ProfilePart> profileParts(const GraphicalFunction &profile, double length, double dt, std::size_t maxParts);

} // namespace meadows
