#pragma once
// The range a value can take, as polarity inference needs it: the sign of a factor
// decides the sign of a product's derivative, and "1 - Breaker Open" is positive only
// because Breaker Open's graphical function stays below 1. Interval arithmetic, with the
// convention of system dynamics that a variable of unknown range is non-negative.
#include <limits>

namespace meadows {

struct ValueRange {
    double low = 0;
    double high = std::numeric_limits<double>::infinity();

    static ValueRange exactly(double v) { return {v, v}; }
    static ValueRange anything()
    {
        return {-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
    }
    static ValueRange nonNegative() { return {}; }

    bool isZero() const { return low == 0 && high == 0; }
    bool atLeastZero() const { return low >= 0; }
    bool atMostZero() const { return high <= 0; }
};

ValueRange operator+(ValueRange a, ValueRange b);
ValueRange operator-(ValueRange a);
ValueRange operator-(ValueRange a, ValueRange b);
ValueRange operator*(ValueRange a, ValueRange b);
ValueRange operator/(ValueRange a, ValueRange b);
ValueRange hull(ValueRange a, ValueRange b); // the smallest range holding both
ValueRange minimum(ValueRange a, ValueRange b);
ValueRange maximum(ValueRange a, ValueRange b);

} // namespace meadows
