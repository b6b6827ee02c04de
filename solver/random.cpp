#include "random.h"
#include "tablepoints.h"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/exponential.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/negative_binomial.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/weibull.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace meadows {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Bad arguments give NaN (which the run reports with the variable and time), never an
// exception; a discrete quantile is the smallest whole number whose CDF reaches p.
using Policy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>,
    boost::math::policies::pole_error<boost::math::policies::ignore_error>,
    boost::math::policies::rounding_error<boost::math::policies::ignore_error>,
    boost::math::policies::discrete_quantile<boost::math::policies::integer_round_up>>;

// SplitMix64's finaliser: a counter-based generator, so a draw depends only on its inputs.
std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// [0, 1) in steps of 2^-53.
double unitDraw(std::uint64_t seed, std::uint64_t site, std::uint64_t step, std::uint64_t which)
{
    const std::uint64_t bits = mix(mix(mix(seed) ^ site) ^ (step * 2 + which));
    return double(bits >> 11) * 0x1.0p-53;
}

// The standard form Y of a distribution drawn by inverting its CDF on the part of its
// support that [lo, hi] keeps: p uniform between F(lo) and F(hi), Y = F^-1(p). One uniform
// number per draw, so a truncated draw is exactly the distribution conditioned on the range
// (what Vensim's redrawing converges to) and never loops. When the range holds none of the
// distribution, the end nearer to it.
// The distribution is Boost's or one of this file's (TableDensity), found by its argument.
template<typename Distribution>
double truncatedContinuous(const Distribution &d, double lo, double hi, double u)
{
    using boost::math::cdf, boost::math::quantile, boost::math::support;
    const auto [low, high] = support(d);
    const double flo = lo <= low ? 0.0 : cdf(d, lo);
    const double fhi = hi >= high ? 1.0 : cdf(d, hi);
    if (std::isnan(flo) || std::isnan(fhi))
        return kNaN;
    if (!(fhi > flo))
        return flo >= 1.0 ? lo : hi;
    const double y = quantile(d, flo + u * (fhi - flo));
    return std::clamp(y, std::max(lo, low), std::min(hi, high));
}

// RANDOM LOOKUP's distribution: the density a table draws, linear between its points and 0
// beyond them, scaled to an area of 1. Its CDF is the area from the first point on; within
// a segment from (x0, y0) with slope s the area up to x0 + d is y0 d + s d^2 / 2, so the
// quantile solves that quadratic, as 2A / (y0 + sqrt(y0^2 + 2 s A)) (no cancellation when s
// is near 0, and right for either sign of s).
struct TableDensity {
    PointsView points;
    std::vector<double> below; // the area left of each point
    // Nothing for points that draw no density: fewer than two, x falling back, a y below 0
    // or none above it.
    static std::optional<TableDensity> of(const PointsView &p)
    {
        TableDensity d{p, std::vector<double>(p.n, 0.0)};
        if (p.n < 2)
            return std::nullopt;
        for (std::size_t i = 0; i < p.n; ++i) {
            if (!(p.ys[i] >= 0) || (i > 0 && !(p.xs[i] >= p.xs[i - 1])))
                return std::nullopt;
            if (i > 0)
                d.below[i] = d.below[i - 1] + (p.ys[i - 1] + p.ys[i]) / 2 * (p.xs[i] - p.xs[i - 1]);
        }
        if (!(d.below.back() > 0) || std::isinf(d.below.back()))
            return std::nullopt;
        return d;
    }
    double total() const { return below.back(); }
};

std::pair<double, double> support(const TableDensity &d)
{
    return {d.points.xs[0], d.points.xs[d.points.n - 1]};
}

double cdf(const TableDensity &d, double x)
{
    const PointsView &p = d.points;
    if (std::isnan(x))
        return kNaN;
    const std::size_t i = std::size_t(std::upper_bound(p.xs, p.xs + p.n, x) - p.xs); // points at or left of x
    if (i == 0)
        return 0;
    if (i == p.n)
        return 1;
    const double width = p.xs[i] - p.xs[i - 1], dx = x - p.xs[i - 1];
    const double slope = (p.ys[i] - p.ys[i - 1]) / width;
    return (d.below[i - 1] + p.ys[i - 1] * dx + slope * dx * dx / 2) / d.total();
}

double quantile(const TableDensity &d, double probability)
{
    const PointsView &p = d.points;
    const double area = probability * d.total();
    // The segment whose area reaches it: the last point with no more area to its left.
    const std::size_t i = std::min<std::size_t>(
        std::size_t(std::upper_bound(d.below.begin(), d.below.end(), area) - d.below.begin()), p.n - 1);
    if (i == 0)
        return p.xs[0];
    const double within = area - d.below[i - 1], y0 = p.ys[i - 1];
    const double slope = (p.ys[i] - y0) / (p.xs[i] - p.xs[i - 1]);
    const double root = y0 + std::sqrt(std::max(0.0, y0 * y0 + 2 * slope * within));
    const double dx = root > 0 ? 2 * within / root : 0.0;
    return std::min(p.xs[i - 1] + dx, p.xs[i]);
}

// The same over whole numbers: k from ceil(lo) to floor(hi).
template<typename Distribution>
double truncatedDiscrete(const Distribution &d, double lo, double hi, double u)
{
    const auto [low, high] = boost::math::support(d);
    const double klo = std::max(std::ceil(lo), low), khi = std::min(std::floor(hi), high);
    if (klo > khi) // no whole number the distribution can take lies in the range
        return hi < low ? hi : lo;
    const double flo = klo <= low ? 0.0 : boost::math::cdf(d, klo - 1);
    const double fhi = khi >= high ? 1.0 : boost::math::cdf(d, khi);
    if (std::isnan(flo) || std::isnan(fhi))
        return kNaN;
    if (!(fhi > flo))
        return flo >= 1.0 ? klo : khi;
    const double k = boost::math::quantile(d, flo + u * (fhi - flo));
    return std::clamp(k, klo, khi);
}

// Beyond this a count's quantile search in Boost takes seconds a draw (a Poisson mean of 1e16,
// a binomial of 1e300 trials never end); there the count's distribution function is a
// continuous one's to within about 1 / sqrt(count): drawn so, and rounded.
constexpr double kLargeCount = 1e9;

// A whole number near a draw of the continuous distribution `d`, kept to [lo, hi].
template<typename Distribution>
double rounded(const Distribution &d, double lo, double hi, double u)
{
    const double k = std::round(truncatedContinuous(d, lo, hi, u));
    return std::ceil(lo) <= std::floor(hi) ? std::clamp(k, std::ceil(lo), std::floor(hi)) : k;
}

double roundedNormal(double mean, double sd, double lo, double hi, double u)
{
    return rounded(boost::math::normal_distribution<double, Policy>(mean, sd), lo, hi, u);
}

// A Poisson count of that mean within [lo, hi].
double poissonCount(double mean, double lo, double hi, double u)
{
    if (mean > kLargeCount)
        return roundedNormal(mean, std::sqrt(mean), lo, hi, u);
    return truncatedDiscrete(boost::math::poisson_distribution<double, Policy>(mean), lo, hi, u);
}

// Vensim's common arguments: the value is h + r * Y truncated to [m, x], so Y is kept
// within [(m - h) / r, (x - h) / r] (reversed when r < 0). `draw` gives Y within bounds.
template<typename Draw>
double stretched(double m, double x, double h, double r, Draw draw)
{
    if (std::isnan(m) || std::isnan(x) || std::isnan(h) || std::isnan(r) || m > x)
        return kNaN;
    if (r == 0)
        return std::clamp(h, m, x);
    double lo = (m - h) / r, hi = (x - h) / r;
    if (r < 0)
        std::swap(lo, hi);
    const double y = draw(lo, hi);
    return std::isnan(y) ? kNaN : std::clamp(h + r * y, m, x);
}

double vensimDraw(RandomKind kind, const double *a, double u)
{
    const double m = a[0], x = a[1];
    switch (kind) {
    case RandomKind::VensimNormal:
        if (!(a[3] >= 0))
            return kNaN;
        return stretched(m, x, a[2], a[3], [&](double lo, double hi) {
            return truncatedContinuous(boost::math::normal_distribution<double, Policy>(0, 1), lo, hi, u);
        });
    case RandomKind::Exponential:
        return stretched(m, x, a[2], a[3], [&](double lo, double hi) {
            return truncatedContinuous(boost::math::exponential_distribution<double, Policy>(1), lo, hi, u);
        });
    case RandomKind::Gamma: {
        const double order = a[2]; // any positive shape (the Vensim reader raises Vensim's below 1 to 1)
        if (!(order > 0))
            return kNaN;
        return stretched(m, x, a[3], a[4], [&](double lo, double hi) {
            return truncatedContinuous(boost::math::gamma_distribution<double, Policy>(order, 1), lo, hi, u);
        });
    }
    case RandomKind::Beta:
        if (!(a[2] > 0 && a[3] > 0))
            return kNaN;
        return stretched(m, x, a[4], a[5], [&](double lo, double hi) {
            return truncatedContinuous(boost::math::beta_distribution<double, Policy>(a[2], a[3]), lo, hi, u);
        });
    case RandomKind::Poisson:
        if (!(a[2] > 0) || std::isinf(a[2]))
            return a[2] == 0 ? std::clamp(a[3], m, x) : kNaN; // a mean of 0 draws 0
        return stretched(m, x, a[3], a[4], [&](double lo, double hi) { return poissonCount(a[2], lo, hi, u); });
    case RandomKind::Binomial: {
        const double trials = std::floor(a[3]);
        if (!(a[2] >= 0 && a[2] <= 1 && trials >= 0))
            return kNaN;
        if (a[2] == 0 || a[2] == 1) // one count certain (Boost's quantile gives 0 at a probability of 1)
            return stretched(m, x, a[4], a[5], [&](double lo, double hi) { return std::clamp(a[2] * trials, lo, hi); });
        return stretched(m, x, a[4], a[5], [&](double lo, double hi) {
            // Boost's quantile search never ends for counts in the 1e300s: with a variance past
            // kLargeCount the count is the normal's, and with more trials than that but a mean
            // (of successes, or of failures) within it the Poisson's of that mean.
            const double p = a[2], mean = trials * p;
            if (mean * (1 - p) > kLargeCount)
                return roundedNormal(mean, std::sqrt(mean * (1 - p)), std::max(lo, 0.0), std::min(hi, trials), u);
            if (trials > kLargeCount)
                return p <= 0.5 ? poissonCount(mean, lo, hi, u) : trials - poissonCount(trials * (1 - p), trials - hi, trials - lo, 1 - u);
            return truncatedDiscrete(boost::math::binomial_distribution<double, Policy>(trials, p), lo, hi, u);
        });
    }
    case RandomKind::NegativeBinomial: {
        // Boost counts the failures before the N-th success; Vensim the trials, N more.
        const double successes = std::floor(a[3]);
        if (!(a[2] > 0 && a[2] <= 1 && successes >= 1))
            return kNaN;
        return stretched(m, x, a[4], a[5], [&](double lo, double hi) {
            // As the binomial's: failures of a mean past kLargeCount are drawn from the
            // continuous distribution the count approaches, rounded: the gamma of the successes
            // and a scale of (1 - p) / p (the negative binomial is a Poisson of a gamma-drawn
            // mean), or with more successes than kLargeCount, the normal.
            const double p = a[2], mean = successes * (1 - p) / p;
            if (mean > kLargeCount) {
                const double from = std::max(lo - successes, 0.0), to = hi - successes;
                if (successes > kLargeCount)
                    return successes + roundedNormal(mean, std::sqrt(mean / p), from, to, u);
                return successes + rounded(boost::math::gamma_distribution<double, Policy>(successes, (1 - p) / p), from, to, u);
            }
            const boost::math::negative_binomial_distribution<double, Policy> failures(successes, p);
            return successes + truncatedDiscrete(failures, lo - successes, hi - successes, u);
        });
    }
    case RandomKind::Triangular: {
        const double start = a[2], peak = a[3], end = a[4];
        if (!(start <= peak && peak <= end && start < end))
            return kNaN;
        return stretched(m, x, 0, 1, [&](double lo, double hi) {
            return truncatedContinuous(boost::math::triangular_distribution<double, Policy>(start, peak, end), lo, hi, u);
        });
    }
    case RandomKind::Weibull: {
        // "WEIBULL with shape S starting at 0 with mean 1" (Vensim's reference, "RANDOM
        // Number Functions"): a Weibull of scale lambda has mean lambda Gamma(1 + 1/S), so
        // lambda = 1 / Gamma(1 + 1/S).
        const double shape = a[2];
        if (!(shape > 0))
            return kNaN;
        const double scale = 1 / boost::math::tgamma(1 + 1 / shape, Policy());
        return stretched(m, x, a[3], a[4], [&](double lo, double hi) {
            return truncatedContinuous(boost::math::weibull_distribution<double, Policy>(shape, scale), lo, hi, u);
        });
    }
    case RandomKind::Lookup:
    case RandomKind::Uniform:
    case RandomKind::Normal:
        break;
    }
    return kNaN;
}

// RANDOM LOOKUP(table, m, x, h, r, s): the table's points, and m, x, h, r, s in `args`.
double lookupDraw(const GraphicalFunction *table, const double *args, std::uint32_t count, double u)
{
    const std::optional<PointsView> p = table ? pointsOf(*table) : std::nullopt;
    if (!p || count != 5)
        return kNaN;
    const std::optional<TableDensity> density = TableDensity::of(*p);
    if (!density)
        return kNaN;
    const double *a = args;
    return stretched(a[0], a[1], a[2], a[3], [&](double lo, double hi) { return truncatedContinuous(*density, lo, hi, u); });
}

// Where each kind's seed is, or -1: XMILE's is optional (the third argument), Vensim's last.
int seedIndex(RandomKind kind, std::uint32_t count)
{
    switch (kind) {
    case RandomKind::Uniform:
    case RandomKind::Normal:
        return count > 2 ? 2 : -1;
    default:
        return int(count) - 1;
    }
}

} // namespace

std::optional<RandomKind> randomKindOf(Builtin b)
{
    switch (b) {
    case Builtin::RandomUniform: return RandomKind::Uniform;
    case Builtin::RandomNormal: return RandomKind::Normal;
    case Builtin::VensimRandomNormal: return RandomKind::VensimNormal;
    case Builtin::RandomExponential: return RandomKind::Exponential;
    case Builtin::RandomGamma: return RandomKind::Gamma;
    case Builtin::RandomBeta: return RandomKind::Beta;
    case Builtin::RandomPoisson: return RandomKind::Poisson;
    case Builtin::RandomBinomial: return RandomKind::Binomial;
    case Builtin::RandomNegativeBinomial: return RandomKind::NegativeBinomial;
    case Builtin::RandomTriangular: return RandomKind::Triangular;
    case Builtin::RandomWeibull: return RandomKind::Weibull;
    case Builtin::RandomLookup: return RandomKind::Lookup;
    default: return std::nullopt;
    }
}

double randomDraw(RandomKind kind, const double *args, std::uint32_t count, std::uint64_t runSeed, std::uint64_t site,
                  std::uint64_t step, const GraphicalFunction *table)
{
    std::uint64_t seed = runSeed;
    if (const int s = seedIndex(kind, count); s >= 0 && args[s] != 0) {
        std::uint64_t bits;
        std::memcpy(&bits, &args[s], sizeof bits);
        seed = mix(bits ^ 0x5eedull);
    }
    // Vensim's distributions take u half a step in from 0, so that no quantile is asked for
    // at 0 itself.
    const double u = unitDraw(seed, site, step, 0);
    switch (kind) {
    case RandomKind::Uniform:
        return args[0] + (args[1] - args[0]) * u;
    case RandomKind::Normal: {
        // Box-Muller on (0, 1]: a normal draw of the given mean and standard deviation.
        const double v = unitDraw(seed, site, step, 1);
        const double z = std::sqrt(-2.0 * std::log(1.0 - u)) * std::cos(2.0 * M_PI * v);
        return args[0] + args[1] * z;
    }
    case RandomKind::Lookup:
        return lookupDraw(table, args, count, u + 0x1.0p-54);
    default:
        return vensimDraw(kind, args, u + 0x1.0p-54);
    }
}

} // namespace meadows
