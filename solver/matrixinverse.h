#pragma once
// Vensim's INVERT MATRIX, one element at a time: each element of the inverse is one call
// (the VM computes a variable's elements one by one), so the inverse of the last matrix is
// kept and reused while its elements are asked for.
#include <cstddef>

namespace meadows {

struct BuiltinClock;

// INVERT MATRIX as lowered: args are the row and the column wanted (0-based), the size n,
// then the n x n matrix row by row. NaN for a singular matrix, a NaN element, or a row or
// column outside the matrix; the run reports a NaN with the variable, time and equation.
double invertedMatrixElement(const double *args, std::size_t count, const BuiltinClock &clock);

} // namespace meadows
