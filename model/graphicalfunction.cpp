#include "graphicalfunction.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meadows {

double GraphicalFunction::x(std::size_t i) const
{
    if (i < xpts.size())
        return xpts[i];
    const Scale s = xscale.value_or(Scale{0, 1});
    if (ypts.size() < 2)
        return s.min;
    return s.min + (s.max - s.min) * double(i) / double(ypts.size() - 1);
}

double GraphicalFunction::evaluate(double at) const
{
    const std::size_t n = size();
    if (n == 0)
        return std::numeric_limits<double>::quiet_NaN();
    if (std::isnan(at))
        return at;
    if (n == 1)
        return ypts[0];
    const auto interpolate = [this](std::size_t i, double v) {
        const double x0 = x(i), x1 = x(i + 1);
        if (x1 == x0)
            return ypts[i + 1];
        return ypts[i] + (v - x0) * (ypts[i + 1] - ypts[i]) / (x1 - x0);
    };
    if (at <= x(0)) {
        if (kind == Kind::Extrapolate)
            return interpolate(0, at);
        return ypts[0];
    }
    if (at >= x(n - 1)) {
        if (kind == Kind::Extrapolate)
            return interpolate(n - 2, at);
        return ypts[n - 1];
    }
    // Binary search for the segment [x(i), x(i+1)) holding `at`.
    std::size_t lo = 0, hi = n - 1;
    while (hi - lo > 1) {
        const std::size_t mid = (lo + hi) / 2;
        if (x(mid) <= at)
            lo = mid;
        else
            hi = mid;
    }
    if (kind == Kind::Discrete)
        return ypts[lo];
    if (kind == Kind::Forward)
        return x(lo) == at ? ypts[lo] : ypts[hi];
    return interpolate(lo, at);
}

double GraphicalFunction::area(double from, double to) const
{
    if (std::isnan(from) || std::isnan(to) || size() == 0)
        return std::numeric_limits<double>::quiet_NaN();
    if (to < from)
        return -area(to, from);
    // Between two neighbouring breaks (the points' x inside the range, and its ends) the
    // function is linear or constant, so its value at the middle times the width is exact.
    std::vector<double> breaks{from};
    for (std::size_t i = 0; i < size(); ++i) {
        if (x(i) > from && x(i) < to)
            breaks.push_back(x(i));
    }
    breaks.push_back(to);
    double total = 0;
    for (std::size_t i = 0; i + 1 < breaks.size(); ++i) {
        const double width = breaks[i + 1] - breaks[i];
        if (width > 0)
            total += width * evaluate(breaks[i] + width / 2);
    }
    return total;
}

QString GraphicalFunction::problem() const
{
    // A table whose points cannot be placed would be read at the wrong x without a word.
    if (!xpts.empty() && xpts.size() != ypts.size())
        return QStringLiteral("the graphical function has %1 x points but %2 y points").arg(xpts.size()).arg(ypts.size());
    // Read between its neighbours, a point out of order gives values no drawing of the table
    // shows (Stella and XMILE keep x in ascending order; Vensim's reader sorts its points).
    for (std::size_t i = 1; i < xpts.size(); ++i)
        if (xpts[i] < xpts[i - 1])
            return QStringLiteral("the graphical function's x points must not decrease: point %1 is %2, after %3")
                .arg(i + 1)
                .arg(xpts[i])
                .arg(xpts[i - 1]);
    if (xpts.empty() && ypts.size() > 1 && xscale && !(xscale->min < xscale->max))
        return QStringLiteral("the graphical function's x scale runs from %1 to %2: its minimum must be below its maximum")
            .arg(xscale->min)
            .arg(xscale->max);
    return {};
}

} // namespace meadows
