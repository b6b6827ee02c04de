#pragma once
// MIN and MAX of two values, the one home of their arithmetic (the builtins' registry and the
// VM): NaN when either is NaN. std::fmin and std::fmax drop a NaN, and a 0/0 would then go
// unseen: MAX(1, 0/0) would be 1, and the run would not report it.
#include <cmath>

namespace meadows {

inline double minOf(double a, double b)
{
    return a < b || std::isnan(a) ? a : b; // b when b is NaN: no comparison with a NaN is true
}

inline double maxOf(double a, double b)
{
    return a > b || std::isnan(a) ? a : b;
}

} // namespace meadows
