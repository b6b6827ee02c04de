#include "random.h"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/exponential.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/negative_binomial.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <boost/math/distributions/triangular.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

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
template<typename Distribution>
double truncatedContinuous(const Distribution &d, double lo, double hi, double u)
{
    const auto [low, high] = boost::math::support(d);
    const double flo = lo <= low ? 0.0 : boost::math::cdf(d, lo);
    const double fhi = hi >= high ? 1.0 : boost::math::cdf(d, hi);
    if (std::isnan(flo) || std::isnan(fhi))
        return kNaN;
    if (!(fhi > flo))
        return flo >= 1.0 ? lo : hi;
    const double y = boost::math::quantile(d, flo + u * (fhi - flo));
    return std::clamp(y, std::max(lo, low), std::min(hi, high));
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
        const double order = std::max(a[2], 1.0); // Vensim takes an order below 1 as 1
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
        if (!(a[2] > 0))
            return a[2] == 0 ? std::clamp(a[3], m, x) : kNaN; // a mean of 0 draws 0
        return stretched(m, x, a[3], a[4], [&](double lo, double hi) {
            return truncatedDiscrete(boost::math::poisson_distribution<double, Policy>(a[2]), lo, hi, u);
        });
    case RandomKind::Binomial: {
        const double trials = std::floor(a[3]);
        if (!(a[2] >= 0 && a[2] <= 1 && trials >= 0))
            return kNaN;
        return stretched(m, x, a[4], a[5], [&](double lo, double hi) {
            return truncatedDiscrete(boost::math::binomial_distribution<double, Policy>(trials, a[2]), lo, hi, u);
        });
    }
    case RandomKind::NegativeBinomial: {
        // Boost counts the failures before the N-th success; Vensim the trials, N more.
        const double successes = std::floor(a[3]);
        if (!(a[2] > 0 && a[2] <= 1 && successes >= 1))
            return kNaN;
        return stretched(m, x, a[4], a[5], [&](double lo, double hi) {
            const boost::math::negative_binomial_distribution<double, Policy> failures(successes, a[2]);
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
    case RandomKind::Uniform:
    case RandomKind::Normal:
        break;
    }
    return kNaN;
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
    default: return std::nullopt;
    }
}

double randomDraw(RandomKind kind, const double *args, std::uint32_t count, std::uint64_t runSeed, std::uint64_t site,
                  std::uint64_t step)
{
    std::uint64_t seed = runSeed;
    if (const int s = seedIndex(kind, count); s >= 0 && args[s] != 0) {
        std::uint64_t bits;
        std::memcpy(&bits, &args[s], sizeof bits);
        seed = mix(bits ^ 0x5eedull);
    }
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
    default:
        // Half a step in from 0, so that no quantile is asked for at 0 itself.
        return vensimDraw(kind, args, u + 0x1.0p-54);
    }
}

} // namespace meadows
