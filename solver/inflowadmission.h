#pragma once
// How a stock that limits what it takes in (a conveyor, an oven) admits its inflows in one
// DT. What another conveyor releases into it is never cut (that material has nowhere else to
// go); the other inflows are served in the order listed and cannot run backwards.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace meadows {

// The rate the belt-driven inflows bring, per time unit.
inline double beltDrivenRate(const double *m, const std::vector<std::uint32_t> &inflows,
                             const std::vector<std::uint8_t> &beltDriven)
{
    double rate = 0;
    for (std::size_t f = 0; f < inflows.size(); ++f)
        if (beltDriven[f])
            rate += std::max(0.0, m[inflows[f]]);
    return rate;
}

// Cuts the other inflows, first listed first served, to share `available` (an amount over
// this DT).
inline void serveInflows(double *m, const std::vector<std::uint32_t> &inflows,
                         const std::vector<std::uint8_t> &beltDriven, double available, double dt)
{
    for (std::size_t f = 0; f < inflows.size(); ++f) {
        if (beltDriven[f])
            continue;
        double &flow = m[inflows[f]];
        const double served = std::min(std::max(0.0, flow) * dt, available);
        available -= served;
        flow = served / dt;
    }
}

} // namespace meadows
