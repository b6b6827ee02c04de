#include "tablepoints.h"
#include "builtins.h"
#include "minmax.h"

#include <algorithm>
#include <functional>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace meadows {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The value a call gives when no point qualifies: its argument after the `used` ones.
double noneValue(const double *args, std::size_t count, std::size_t used)
{
    return count > used ? args[used] : kNaN;
}

// One statistic of the y values of the points with from <= x <= to (both ends count:
// Vensim's GET DATA MIN "over a time range" from INITIAL TIME to FINAL TIME includes the
// points at both), or `none` when there are none.
template<typename Statistic>
double overRange(const PointsView &p, const double *args, std::size_t count, Statistic statistic)
{
    if (count < 2)
        return kNaN;
    const double from = args[0], to = args[1];
    std::vector<double> values;
    for (std::size_t i = 0; i < p.n; ++i)
        if (p.xs[i] >= from && p.xs[i] <= to)
            values.push_back(p.ys[i]);
    return values.empty() ? noneValue(args, count, 2) : statistic(values);
}

double mean(const std::vector<double> &v)
{
    return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}

} // namespace

std::optional<PointsView> pointsOf(const GraphicalFunction &table)
{
    if (table.ypts.empty() || table.xpts.size() != table.ypts.size())
        return std::nullopt;
    return PointsView{table.ypts.size(), table.xpts.data(), table.ypts.data(),
                      table.kind == GraphicalFunction::Kind::Extrapolate};
}

double pointsMin(const PointsView &p, const double *args, std::size_t count)
{
    return overRange(p, args, count, [](const std::vector<double> &v) {
        return std::accumulate(v.begin() + 1, v.end(), v.front(), minOf);
    });
}

double pointsMax(const PointsView &p, const double *args, std::size_t count)
{
    return overRange(p, args, count, [](const std::vector<double> &v) {
        return std::accumulate(v.begin() + 1, v.end(), v.front(), maxOf);
    });
}

double pointsMean(const PointsView &p, const double *args, std::size_t count)
{
    return overRange(p, args, count, mean);
}

double pointsMedian(const PointsView &p, const double *args, std::size_t count)
{
    return overRange(p, args, count, [](std::vector<double> &v) {
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

// GET DATA STDV: Vensim's reference page for it was not found, nor whether it divides by n
// or n - 1. Meadows takes the population's (n), as its STDDEV does (the same function), and
// says so in a warning where the model is read.
double pointsStdv(const PointsView &p, const double *args, std::size_t count)
{
    return overRange(p, args, count, [](const std::vector<double> &v) {
        return evaluateBuiltin(builtinInfo(Builtin::Stddev), v.data(), v.size(), BuiltinClock{});
    });
}

double pointsCount(const PointsView &p, const double *, std::size_t)
{
    return double(p.n);
}

// The point at x itself, to a rounding error's width: a time computed as start + k * dt
// can miss a point's time written in a file by a few units in the last place.
double pointsAt(const PointsView &p, const double *args, std::size_t count)
{
    if (count < 1)
        return kNaN;
    const double at = args[0];
    for (std::size_t i = 0; i < p.n; ++i)
        if (std::fabs(p.xs[i] - at) <= 1e-12 * std::max(1.0, std::fabs(at)))
            return p.ys[i];
    return noneValue(args, count, 1);
}

double pointsLastX(const PointsView &p, const double *, std::size_t)
{
    return *std::max_element(p.xs, p.xs + p.n);
}

// Vensim's reference (LOOKUP SLOPE): between two points the slope of the segment joining
// them; at a point, the average of the slopes before and after it, and :NA: where several
// points share that x; beyond the points, by `outside` (m): 0 gives 0, 1 the slope of the
// closest segment, -1 :NA:. At an end point the slope beyond it is averaged in as m says,
// so LOOKUP SLOPE((0,0),(1,1),(2,1.5)) is 0.75 at 1, 0.5 at 0 with m = 0, 1 with m = 1.
// :NA: is the call's `none` argument (after x and m), NaN when not given. An m above 0 reads
// as 1, below 0 as -1.
double pointsSlope(const PointsView &p, const double *args, std::size_t count)
{
    if (count < 1 || std::isnan(args[0]))
        return kNaN;
    const double x = args[0];
    const double outsideRule = count > 1 ? args[1] : 0;
    const double none = noneValue(args, count, 2);
    const auto segment = [&](std::size_t i) { // a segment standing upright has no slope: :NA:
        return p.xs[i + 1] == p.xs[i] ? none : (p.ys[i + 1] - p.ys[i]) / (p.xs[i + 1] - p.xs[i]);
    };
    const auto outside = [&](bool before) {
        if (outsideRule < 0)
            return none;
        if (outsideRule == 0 || p.n < 2)
            return 0.0;
        return segment(before ? 0 : p.n - 2);
    };
    const double *at = std::lower_bound(p.xs, p.xs + p.n, x);
    const std::size_t i = std::size_t(at - p.xs); // the first point at or right of x
    if (i == p.n)
        return outside(false);
    if (*at != x)
        return i == 0 ? outside(true) : segment(i - 1);
    if (i + 1 < p.n && p.xs[i + 1] == x)
        return none; // two points at x: no one slope there
    const double before = i == 0 ? outside(true) : segment(i - 1);
    const double after = i + 1 == p.n ? outside(false) : segment(i);
    if (outsideRule < 0 && (i == 0 || i + 1 == p.n))
        return none; // the slope beyond an end is :NA:, so the average there is too
    return (before + after) / 2;
}

// Stella's LOOKUPINV(table, y), as isee's help ("Graphical builtins") describes it: the x at
// which the table gives y. The segments are walked from the first x, and the first to reach
// y gives it, by linear interpolation (on a flat stretch at y, the stretch's first x): for a
// table that rises or falls throughout, its one x; for any other, the first. Beyond the
// table's values, an extrapolated table continues the end segment nearer in value (while
// that leads outward), any other gives that end point's x, as a lookup holds its ends. A
// discrete table is read as the line through its points: the help says nothing of its steps.
double pointsInverse(const PointsView &p, const double *args, std::size_t count)
{
    if (count < 1 || std::isnan(args[0]) || p.n == 0)
        return kNaN;
    const double y = args[0];
    const auto along = [&](std::size_t i) { // the x where segment i (points i, i + 1) is at y
        return p.xs[i] + (y - p.ys[i]) * (p.xs[i + 1] - p.xs[i]) / (p.ys[i + 1] - p.ys[i]);
    };
    for (std::size_t i = 0; i < p.n; ++i) {
        if (p.ys[i] == y)
            return p.xs[i];
        if (i + 1 < p.n && (p.ys[i] - y) * (p.ys[i + 1] - y) < 0)
            return along(i);
    }
    // The end nearer in value; for an infinite y, the end on its side (both ends are
    // infinitely far from it).
    const bool first = std::isinf(y) ? (y > 0) == (p.ys[0] > p.ys[p.n - 1])
                                     : std::fabs(p.ys[0] - y) <= std::fabs(p.ys[p.n - 1] - y);
    const std::size_t end = first ? 0 : p.n - 1;
    if (!p.extrapolates || p.n < 2)
        return p.xs[end];
    const std::size_t segment = first ? 0 : p.n - 2;
    if (p.ys[segment + 1] == p.ys[segment])
        return p.xs[end];
    const double x = along(segment);
    return (first ? x <= p.xs[end] : x >= p.xs[end]) ? x : p.xs[end];
}

bool risesOrFallsThroughout(const GraphicalFunction &table)
{
    const std::vector<double> &y = table.ypts;
    return std::adjacent_find(y.begin(), y.end(), std::greater_equal<>()) == y.end()
           || std::adjacent_find(y.begin(), y.end(), std::less_equal<>()) == y.end();
}

double inverseOf(const GraphicalFunction &table, double y)
{
    if (const std::optional<PointsView> p = pointsOf(table))
        return pointsInverse(*p, &y, 1);
    thread_local std::vector<double> xs; // one per thread: runs may go in parallel
    xs.resize(table.ypts.size());
    for (std::size_t i = 0; i < xs.size(); ++i)
        xs[i] = table.x(i);
    const PointsView spread{xs.size(), xs.data(), table.ypts.data(), table.kind == GraphicalFunction::Kind::Extrapolate};
    return pointsInverse(spread, &y, 1);
}

} // namespace meadows
