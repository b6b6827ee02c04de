#include "allocation.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace meadows {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Vensim reads a normal priority curve's standard deviation as at least 0.05: widths of 0 to
// 0.05 give the same allocations and market quantities (SDEverywhere's allocate_normal_width
// test, whose outputs Vensim made, says so and shows it).
constexpr double kMinimumNormalWidth = 0.05;

// The standard normal distribution's upper tail, 1 - Phi(z), as Vensim computes it:
// Hastings' three-term approximation (Abramowitz and Stegun 26.2.16, absolute error below
// 1e-5), not the exact function. Determined from Vensim's own output
// (test-models-vensim/tests/allocate_available): with this curve the allocations Vensim
// reports for three normal profiles all imply one threshold, to 6 digits; with the exact
// erfc they imply thresholds 1.5e-3 apart, and allocations 0.5 % off.
double normalUpperTail(double z)
{
    if (z < 0)
        return 1.0 - normalUpperTail(-z);
    constexpr double p = 0.33267, a1 = 0.4361836, a2 = -0.1201676, a3 = 0.9372980;
    const double t = 1.0 / (1.0 + p * z);
    const double density = std::exp(-z * z / 2) / std::sqrt(2 * M_PI);
    return density * t * (a1 + t * (a2 + t * a3));
}

bool isCurve(double type)
{
    return type == std::floor(type) && type >= 0 && type <= 4;
}

// One computation serves every element of a call: the elements of one allocation are
// evaluated one after another with the same arguments, so the last allocation is kept
// (per thread: sweeps run models on several threads) and reused while they match.
struct LastAllocation {
    std::vector<double> inputs; // the arguments after the requester's index
    std::vector<double> out;
};

// Halves [low, high] until it is one representable number wide, keeping `atOrBelow` true at
// low and false at high (2200 halvings take any finite bracket there), and gives its middle:
// the threshold of an allocation and the price of a market are both found so.
template<typename AtOrBelow>
double lastBitBisection(double low, double high, AtOrBelow atOrBelow)
{
    for (int k = 0; k < 2200; ++k) {
        const double middle = low + (high - low) / 2;
        if (middle <= low || middle >= high)
            break;
        (atOrBelow(middle) ? low : high) = middle;
    }
    return low + (high - low) / 2;
}

} // namespace

QString priorityProfileProblem(double type, double width)
{
    if (type == 5)
        return QStringLiteral("the constant elasticity priority curve (ptype 5) is not supported");
    if (type >= 10 && type <= 14 && type == std::floor(type))
        return QStringLiteral("integer allocations (ptype %1, a curve type plus 10) are not supported").arg(type);
    if (!isCurve(type))
        return QStringLiteral("the priority curve type (ptype) must be 0 (fixed quantity), 1 (rectangular), "
                              "2 (triangular), 3 (normal) or 4 (exponential), not %1").arg(type);
    // A normal curve narrower than kMinimumNormalWidth is read as that wide (priorityCurveShare).
    if (type != 0 && type != 3 && !(width > 0))
        return QStringLiteral("the width of a priority curve (pwidth) must be greater than 0, not %1").arg(width);
    if (type == 3 && std::isnan(width))
        return QStringLiteral("the width of a priority curve (pwidth) must be a number");
    return {};
}

double priorityCurveShare(PriorityCurve curve, double priority, double width, double x)
{
    const double from = priority - width / 2, to = priority + width / 2;
    switch (curve) {
    case PriorityCurve::Fixed:
        return 1.0;
    case PriorityCurve::Rectangular: // falls linearly from 1 at `from` to 0 at `to`
        return std::clamp((to - x) / width, 0.0, 1.0);
    case PriorityCurve::Triangular: // the integral of a triangle over [from, to] peaking at the priority
        if (x <= from)
            return 1.0;
        if (x >= to)
            return 0.0;
        if (x <= priority)
            return 1.0 - 2 * (x - from) * (x - from) / (width * width);
        return 2 * (to - x) * (to - x) / (width * width);
    case PriorityCurve::Normal: // the width is the standard deviation, at least kMinimumNormalWidth
        return normalUpperTail((x - priority) / std::max(width, kMinimumNormalWidth));
    case PriorityCurve::Exponential: // the integral of exp(-|x - priority| / width) / (2 width)
        return x < priority ? 1.0 - 0.5 * std::exp((x - priority) / width) : 0.5 * std::exp((priority - x) / width);
    }
    return kNaN;
}

void allocateAvailable(const double *requests, const double *profiles, std::size_t n, double available, double *out)
{
    bool unusable = std::isnan(available);
    double total = 0, fixedTotal = 0;
    for (std::size_t i = 0; i < n && !unusable; ++i) {
        const double r = requests[i];
        const double *pp = profiles + kProfileSize * i;
        unusable = std::isnan(r) || (r > 0 && !priorityProfileProblem(pp[0], pp[2]).isEmpty());
        if (r > 0) {
            total += r;
            if (pp[0] == 0)
                fixedTotal += r;
        }
    }
    if (unusable) {
        std::fill(out, out + n, kNaN);
        return;
    }
    const auto request = [&](std::size_t i) { return std::max(requests[i], 0.0); };
    if (available >= total || available <= 0) {
        for (std::size_t i = 0; i < n; ++i)
            out[i] = available <= 0 ? 0.0 : request(i);
        return;
    }
    // Fixed quantities first: their curves are flat, so no threshold gives them less than
    // their requests while anything is left for the others.
    const double fixedShare = fixedTotal > available ? available / fixedTotal : 1.0;
    const double rest = std::max(available - fixedTotal, 0.0);
    const auto curveOf = [&](std::size_t i) { return PriorityCurve(int(profiles[kProfileSize * i])); };
    const auto shares = [&](double x, bool write) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double *pp = profiles + kProfileSize * i;
            double value = 0;
            if (request(i) > 0)
                value = curveOf(i) == PriorityCurve::Fixed ? 0.0 : request(i) * priorityCurveShare(curveOf(i), pp[1], pp[2], x);
            if (write)
                out[i] = curveOf(i) == PriorityCurve::Fixed ? request(i) * fixedShare : value;
            sum += value;
        }
        return sum;
    };
    if (rest <= 0) { // not even enough for the fixed quantities
        for (std::size_t i = 0; i < n; ++i)
            out[i] = curveOf(i) == PriorityCurve::Fixed ? request(i) * fixedShare : 0.0;
        return;
    }
    // The curves' total falls as the threshold rises. Bracket `rest` between a threshold
    // low enough to give at least it and one high enough to give at most it (normal and
    // exponential curves have tails, so the bracket may have to widen), then halve the
    // bracket until it is one representable number wide.
    double low = std::numeric_limits<double>::max(), high = std::numeric_limits<double>::lowest(), reach = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (request(i) <= 0 || curveOf(i) == PriorityCurve::Fixed)
            continue;
        const double *pp = profiles + kProfileSize * i;
        low = std::min(low, pp[1] - pp[2]);
        high = std::max(high, pp[1] + pp[2]);
        reach = std::max(reach, pp[2]);
    }
    reach = std::max(reach, kMinimumNormalWidth); // a normal curve of width 0 is that wide
    for (double step = reach; shares(low, false) < rest && std::isfinite(low); step *= 2)
        low -= step;
    for (double step = reach; shares(high, false) > rest && std::isfinite(high); step *= 2)
        high += step;
    shares(lastBitBisection(low, high, [&](double x) { return shares(x, false) >= rest; }), true);
}

namespace {

// One demander's or supplier's quantity at `price`: `supply` mirrors the demand curve.
double atPrice(double quantity, const double *pp, double price, bool supply)
{
    if (std::isnan(quantity) || !priorityProfileProblem(pp[0], pp[2]).isEmpty())
        return kNaN;
    const PriorityCurve curve = PriorityCurve(int(pp[0]));
    if (curve == PriorityCurve::Fixed)
        return quantity; // at any price, even none (a market of fixed quantities has no price)
    if (std::isnan(price))
        return kNaN;
    const double share = priorityCurveShare(curve, pp[1], pp[2], price);
    return quantity * (supply ? 1.0 - share : share);
}

} // namespace

double demandAtPrice(const double *a, std::size_t count, const BuiltinClock &)
{
    return count == 2 + kProfileSize ? atPrice(a[0], a + 2, a[1], false) : kNaN;
}

double supplyAtPrice(const double *a, std::size_t count, const BuiltinClock &)
{
    return count == 2 + kProfileSize ? atPrice(a[0], a + 2, a[1], true) : kNaN;
}

double marketPrice(const double *a, std::size_t count, const BuiltinClock &)
{
    if (count < 1 || !(a[0] >= 0))
        return kNaN;
    const std::size_t n = std::size_t(a[0]);
    if (count < 1 + n * (1 + kProfileSize) || (count - 1 - n * (1 + kProfileSize)) % (1 + kProfileSize) != 0)
        return kNaN;
    const std::size_t m = (count - 1 - n * (1 + kProfileSize)) / (1 + kProfileSize);
    const double *dq = a + 1, *dp = dq + n, *sq = dp + n * kProfileSize, *sp = sq + m;
    // Demand less supply: it falls as the price rises (demand falls, supply rises).
    const auto excess = [&](double price) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i)
            sum += atPrice(dq[i], dp + kProfileSize * i, price, false);
        for (std::size_t j = 0; j < m; ++j)
            sum -= atPrice(sq[j], sp + kProfileSize * j, price, true);
        return sum;
    };
    if (std::isnan(excess(0)))
        return kNaN;
    // The price is sought within five widths of every curve's priority (a normal curve's
    // width at least kMinimumNormalWidth; an exponential curve's tails, which fall slower,
    // ten): where demand exceeds supply even at the top of that range the price is its top,
    // and where supply exceeds demand even at its bottom, its bottom, as Vensim gives "the
    // highest priority plus five standard deviations" (SDEverywhere's allocate_normal_width,
    // made with Vensim). Between, it is halved to one representable number: the highest price
    // at which demand still meets supply. Where they meet over a whole range of prices (no
    // demand, and supply that starts at a rectangular curve's edge), that is its top, as
    // Vensim gives (SDEverywhere's allocate_price: 0.5 for curves of priority 1 and width 1
    // when demand is 0, and priority - 10 widths for exponential ones).
    double low = std::numeric_limits<double>::max(), high = std::numeric_limits<double>::lowest();
    const auto range = [&](const double *pp, std::size_t k) {
        for (std::size_t i = 0; i < k; ++i, pp += kProfileSize) {
            const PriorityCurve curve = PriorityCurve(int(pp[0]));
            if (curve == PriorityCurve::Fixed)
                continue;
            const double width = curve == PriorityCurve::Normal ? std::max(pp[2], kMinimumNormalWidth) : pp[2];
            const double widths = curve == PriorityCurve::Exponential ? 10 : 5;
            low = std::min(low, pp[1] - widths * width);
            high = std::max(high, pp[1] + widths * width);
        }
    };
    range(dp, n);
    range(sp, m);
    if (!(low <= high))
        return kNaN; // every curve is a fixed quantity: no price clears anything
    if (excess(low) < 0)
        return low;
    if (excess(high) >= 0)
        return high;
    return lastBitBisection(low, high, [&](double price) { return excess(price) >= 0; });
}

double allocationOf(const double *args, std::size_t count, const BuiltinClock &)
{
    if (count < 2 || (count - 2) % (1 + kProfileSize) != 0)
        return kNaN;
    const std::size_t n = (count - 2) / (1 + kProfileSize);
    const double which = args[0];
    if (!(which >= 0 && which < double(n)))
        return kNaN;
    thread_local LastAllocation last;
    const std::size_t inputs = count - 1;
    if (last.inputs.size() != inputs || std::memcmp(last.inputs.data(), args + 1, inputs * sizeof(double)) != 0) {
        last.inputs.assign(args + 1, args + count);
        last.out.assign(n, 0.0);
        allocateAvailable(args + 2, args + 2 + n, n, args[1], last.out.data());
    }
    return last.out[std::size_t(which)];
}

} // namespace meadows
