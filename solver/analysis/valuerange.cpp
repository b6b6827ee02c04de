#include "solver/analysis/valuerange.h"

#include <algorithm>
#include <iterator>
#include <cmath>

namespace meadows {

namespace {
// 0 * inf is 0 here: a factor that is exactly zero wins over an unbounded one.
double product(double a, double b)
{
    return a == 0 || b == 0 ? 0.0 : a * b;
}
} // namespace

ValueRange operator+(ValueRange a, ValueRange b)
{
    const double low = a.low + b.low, high = a.high + b.high;
    return {std::isnan(low) ? -std::numeric_limits<double>::infinity() : low,
            std::isnan(high) ? std::numeric_limits<double>::infinity() : high};
}

ValueRange operator-(ValueRange a)
{
    return {-a.high, -a.low};
}

ValueRange operator-(ValueRange a, ValueRange b)
{
    return a + -b;
}

ValueRange operator*(ValueRange a, ValueRange b)
{
    const double p[] = {product(a.low, b.low), product(a.low, b.high), product(a.high, b.low), product(a.high, b.high)};
    return {*std::min_element(std::begin(p), std::end(p)), *std::max_element(std::begin(p), std::end(p))};
}

ValueRange operator/(ValueRange a, ValueRange b)
{
    if (b.low > 0 || b.high < 0) {
        // 1/b is bounded: [1/high, 1/low] (1/inf = 0).
        return a * ValueRange{1 / b.high, 1 / b.low};
    }
    // The divisor can be zero: only the sign survives, and only when b keeps to one side.
    if (b.low == 0 && b.high > 0)
        return a.atLeastZero() ? ValueRange::nonNegative() : a.atMostZero() ? -ValueRange::nonNegative() : ValueRange::anything();
    if (b.high == 0 && b.low < 0)
        return a.atLeastZero() ? -ValueRange::nonNegative() : a.atMostZero() ? ValueRange::nonNegative() : ValueRange::anything();
    return ValueRange::anything();
}

ValueRange hull(ValueRange a, ValueRange b)
{
    return {std::min(a.low, b.low), std::max(a.high, b.high)};
}

ValueRange minimum(ValueRange a, ValueRange b)
{
    return {std::min(a.low, b.low), std::min(a.high, b.high)};
}

ValueRange maximum(ValueRange a, ValueRange b)
{
    return {std::max(a.low, b.low), std::max(a.high, b.high)};
}

} // namespace meadows
