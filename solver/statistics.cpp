#include "statistics.h"

#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <limits>

// Sources. NORMALCDF and INVNORM are on isee's lists of Stella's statistical builtins (help
// v1 to v3, "Statistical builtins"), whose paragraphs on them the stored pages do not reach.
// The forms read here are those Stella itself saved (Stella Architect 1.9.2 model files with
// NORMALCDF(left, right) and INVNORM(p), in transentis/bptk_py's tests). NORMALCDF's optional
// mean and standard deviation are as BPTK, an open XMILE compiler, takes them; INVNORM's are
// Meadows' reading by analogy (its files show p alone). ROOTN(x, n) is read
// as the same files use it (ROOTN(-27, 3) = -3, ROOTN(144, 2) = 12), and isee gives no
// complex numbers, so an even root of a negative number is NaN.

namespace meadows {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Bad arguments give NaN, never an exception (as solver/random.cpp's draws).
using Policy = boost::math::policies::policy<boost::math::policies::domain_error<boost::math::policies::ignore_error>,
                                             boost::math::policies::overflow_error<boost::math::policies::ignore_error>>;

// The standard normal of (x - mean) / sd, from the optional mean and standard deviation at
// a[from] and a[from + 1]; nothing when the standard deviation is not positive.
bool standardised(const double *a, std::size_t n, std::size_t from, double &mean, double &sd)
{
    mean = n > from ? a[from] : 0.0;
    sd = n > from + 1 ? a[from + 1] : 1.0;
    return sd > 0 && std::isfinite(sd) && !std::isnan(mean);
}

} // namespace

double normalProbabilityBetween(const double *a, std::size_t n, const BuiltinClock &)
{
    double mean, sd;
    if (n < 2 || std::isnan(a[0]) || std::isnan(a[1]) || !standardised(a, n, 2, mean, sd))
        return kNaN;
    const boost::math::normal_distribution<double, Policy> normal(mean, sd);
    // The upper tail where both bounds lie above the mean: there the two CDFs are both near 1
    // and their difference would lose its digits.
    if (a[0] > mean && a[1] > mean)
        return boost::math::cdf(boost::math::complement(normal, a[0])) - boost::math::cdf(boost::math::complement(normal, a[1]));
    return boost::math::cdf(normal, a[1]) - boost::math::cdf(normal, a[0]);
}

double inverseNormal(const double *a, std::size_t n, const BuiltinClock &)
{
    double mean, sd;
    if (n < 1 || !(a[0] >= 0 && a[0] <= 1) || !standardised(a, n, 1, mean, sd))
        return kNaN;
    if (a[0] == 0 || a[0] == 1)
        return a[0] == 0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    return boost::math::quantile(boost::math::normal_distribution<double, Policy>(mean, sd), a[0]);
}

double realRoot(const double *a, std::size_t n, const BuiltinClock &)
{
    if (n < 2 || std::isnan(a[0]) || !std::isfinite(a[1]))
        return kNaN;
    const double degree = std::round(a[1]);
    if (degree == 0)
        return kNaN;
    if (a[0] >= 0)
        return std::pow(a[0], 1 / degree);
    if (std::fmod(degree, 2) == 0)
        return kNaN; // an even root of a negative number is not real
    return -std::pow(-a[0], 1 / degree);
}

} // namespace meadows
