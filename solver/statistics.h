#pragma once
// Stella's deterministic statistical and root functions (their registry entries are in
// solver/builtins.cpp):
//   NORMALCDF(left, right [, mean, sd])  the probability that a normal value of that mean and
//                                        standard deviation (0 and 1 when not given) lies
//                                        between left and right: Phi((right - mean) / sd) -
//                                        Phi((left - mean) / sd), negative when right < left
//   INVNORM(p [, mean, sd])              the value below which a normal value lies with
//                                        probability p: -Inf at 0, +Inf at 1, NaN outside
//   ROOTN(x, n)                          the real n-th root of x (n rounded to a whole number);
//                                        of a negative x only for an odd n, NaN otherwise
// A standard deviation that is not positive gives NaN, which the run reports.
#include <cstddef>

namespace meadows {

struct BuiltinClock;

double normalProbabilityBetween(const double *a, std::size_t n, const BuiltinClock &c);
double inverseNormal(const double *a, std::size_t n, const BuiltinClock &c);
double realRoot(const double *a, std::size_t n, const BuiltinClock &c);

} // namespace meadows
