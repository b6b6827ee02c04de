#include "financial.h"

#include <cmath>
#include <limits>

namespace meadows {

namespace {

// The three functions solve one equation of the time value of money for one of its terms:
//   pv * (1 + rate)^nper + pmt * annuity + fv = 0,
// where the annuity factor is (1 + rate * type) * ((1 + rate)^nper - 1) / rate, and nper
// when the rate is 0 (the limit: nothing grows, the payments add up).
struct Terms {
    double growth = 1;  // (1 + rate)^nper
    double annuity = 0; // what a payment of 1 each period adds up to at the end
    bool valid = false; // the type is 0 or 1
};

Terms termsOf(double rate, double nper, const double *a, std::size_t n)
{
    const double type = n > 4 ? a[4] : 0.0;
    Terms t;
    t.valid = type == 0 || type == 1;
    // (1 + rate)^nper - 1 by expm1 and log1p: for a rate that is 0 but for rounding
    // (0.1 + 0.2 - 0.3), the power's own rounding would make it 0, and the annuity 0 or Inf.
    const bool logs = std::abs(rate) < 1e-3; // elsewhere pow, as spreadsheets compute it
    const double grown = logs ? std::expm1(nper * std::log1p(rate)) : std::pow(1 + rate, nper) - 1;
    t.growth = grown + 1;
    t.annuity = rate == 0 ? nper : (1 + rate * type) * grown / rate;
    return t;
}

double optional(const double *a, std::size_t n, std::size_t i)
{
    return n > i ? a[i] : 0.0;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

double futureValue(const double *a, std::size_t n, const BuiltinClock &)
{
    const Terms t = termsOf(a[0], a[1], a, n);
    return t.valid ? -(optional(a, n, 3) * t.growth + a[2] * t.annuity) : kNaN;
}

double presentValue(const double *a, std::size_t n, const BuiltinClock &)
{
    const Terms t = termsOf(a[0], a[1], a, n);
    return t.valid ? -(optional(a, n, 3) + a[2] * t.annuity) / t.growth : kNaN;
}

double payment(const double *a, std::size_t n, const BuiltinClock &)
{
    const Terms t = termsOf(a[0], a[1], a, n);
    return t.valid ? -(a[2] * t.growth + optional(a, n, 3)) / t.annuity : kNaN;
}

} // namespace meadows
