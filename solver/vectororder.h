#pragma once
// The builtins that put a vector's values in order (their registry entries are in
// solver/builtins.cpp), as the flattener lowers them:
//   RANK(n, size, values... [, ties...])  Stella's: the 1-based position of the n-th
//                                         smallest, ties by the secondary array, then position
//   VECTOR SORT ORDER(p, direction, v...) Vensim's: the 0-based position of the p-th in order
//   VECTOR RANK(p, direction, v...)       Vensim's: the 1-based rank of the value at p
// A NaN among the values, or a position outside the vector, gives NaN, which the run reports.
#include <cstddef>

namespace meadows {

struct BuiltinClock;

double rank(const double *a, std::size_t n, const BuiltinClock &c);
double sortOrder(const double *a, std::size_t n, const BuiltinClock &c);
double vectorRank(const double *a, std::size_t n, const BuiltinClock &c);

} // namespace meadows
