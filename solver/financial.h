#pragma once
// Stella's financial functions on a constant rate, read as a spreadsheet reads them
// (their registry entries are in solver/builtins.cpp):
//   FV(rate, nper, pmt [, pv [, type]])   the future value
//   PV(rate, nper, pmt [, fv [, type]])   the present value
//   PMT(rate, nper, pv [, fv [, type]])   the payment each period
// pv and fv are 0 when not given; type 0 (the default) pays at the end of each period, 1 at
// its start; any other type gives NaN, which the run reports. Money paid out is negative:
// FV(0.1, 2, -100) = 210.
#include <cstddef>

namespace meadows {

struct BuiltinClock;

double futureValue(const double *a, std::size_t n, const BuiltinClock &c);
double presentValue(const double *a, std::size_t n, const BuiltinClock &c);
double payment(const double *a, std::size_t n, const BuiltinClock &c);

} // namespace meadows
