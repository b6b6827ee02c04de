#include "tablepoints.h"
#include "minmax.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace meadows {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The value a call gives when no point qualifies: its argument after the `used` ones.
double noneValue(const LoweredPoints &p, std::size_t used)
{
    return p.restCount > used ? p.rest[used] : kNaN;
}

// The y values of the points with from <= x <= to (both ends count: Vensim's GET DATA MIN
// "over a time range" from INITIAL TIME to FINAL TIME includes the points at both).
std::vector<double> valuesWithin(const LoweredPoints &p)
{
    std::vector<double> out;
    if (p.restCount < 2)
        return out;
    const double from = p.rest[0], to = p.rest[1];
    for (std::size_t i = 0; i < p.n; ++i)
        if (p.xs[i] >= from && p.xs[i] <= to)
            out.push_back(p.ys[i]);
    return out;
}

// One statistic of the points within the range, or `none` when there are none.
template<typename Statistic>
double overRange(const double *args, std::size_t count, Statistic statistic)
{
    const std::optional<LoweredPoints> p = loweredPoints(args, count);
    if (!p)
        return kNaN;
    std::vector<double> values = valuesWithin(*p);
    return values.empty() ? noneValue(*p, 2) : statistic(values);
}

} // namespace

std::optional<LoweredPoints> loweredPoints(const double *args, std::size_t count)
{
    if (count < 1 || !(args[0] >= 0) || 1 + 2 * args[0] > double(count))
        return std::nullopt;
    LoweredPoints p;
    p.n = std::size_t(args[0]);
    p.xs = args + 1;
    p.ys = p.xs + p.n;
    p.rest = p.ys + p.n;
    p.restCount = count - 1 - 2 * p.n;
    return p;
}

double pointsMin(const double *args, std::size_t count, const BuiltinClock &)
{
    return overRange(args, count, [](const std::vector<double> &v) {
        return std::accumulate(v.begin() + 1, v.end(), v.front(), minOf);
    });
}

double pointsMax(const double *args, std::size_t count, const BuiltinClock &)
{
    return overRange(args, count, [](const std::vector<double> &v) {
        return std::accumulate(v.begin() + 1, v.end(), v.front(), maxOf);
    });
}

double pointsMean(const double *args, std::size_t count, const BuiltinClock &)
{
    return overRange(args, count, [](const std::vector<double> &v) {
        return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    });
}

double pointsMedian(const double *args, std::size_t count, const BuiltinClock &)
{
    return overRange(args, count, [](std::vector<double> &v) {
        if (std::any_of(v.begin(), v.end(), [](double y) { return std::isnan(y); }))
            return kNaN; // no order to take the middle of
        const std::size_t half = v.size() / 2;
        std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(half), v.end());
        const double upper = v[half];
        if (v.size() % 2 == 1)
            return upper;
        const double lower = *std::max_element(v.begin(), v.begin() + std::ptrdiff_t(half));
        return (lower + upper) / 2;
    });
}

double pointsCount(const double *args, std::size_t count, const BuiltinClock &)
{
    const std::optional<LoweredPoints> p = loweredPoints(args, count);
    return p ? double(p->n) : kNaN;
}

// The point at x itself, to a rounding error's width: a time computed as start + k * dt
// can miss a point's time written in a file by a few units in the last place.
double pointsAt(const double *args, std::size_t count, const BuiltinClock &)
{
    const std::optional<LoweredPoints> p = loweredPoints(args, count);
    if (!p || p->restCount < 1)
        return kNaN;
    const double at = p->rest[0];
    for (std::size_t i = 0; i < p->n; ++i)
        if (std::fabs(p->xs[i] - at) <= 1e-12 * std::max(1.0, std::fabs(at)))
            return p->ys[i];
    return noneValue(*p, 1);
}

double pointsLastX(const double *args, std::size_t count, const BuiltinClock &)
{
    const std::optional<LoweredPoints> p = loweredPoints(args, count);
    if (!p || p->n == 0)
        return kNaN;
    return *std::max_element(p->xs, p->xs + p->n);
}

} // namespace meadows
