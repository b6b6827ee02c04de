#pragma once
// How the conveyors of a flat model connect, for the flattener (the order in which what
// leaves a belt is computed) and the compiler (what the belt reads): one rule, one place.
#include "flatmodel.h"

#include <algorithm>

namespace meadows {

// The arrest condition (a hidden auxiliary) of the conveyor that `c`'s outflow flows
// into; -1 when it flows into none, or into one that is never arrested. While it is set,
// `c`'s exit waits (docs/conveyors.md, "Arrest").
inline int arrestDownstream(const FlatModel &flat, const FlatConveyor &c)
{
    if (c.outflow < 0)
        return -1;
    for (const FlatConveyor &d : flat.conveyors) {
        const std::vector<int> &in = flat.vars[std::size_t(d.stock)].inflows;
        if (d.arrest >= 0 && std::find(in.begin(), in.end(), c.outflow) != in.end())
            return d.arrest;
    }
    return -1;
}

} // namespace meadows
