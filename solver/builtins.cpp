#include "builtins.h"
#include "minmax.h"
#include "allocation.h"
#include "calendar.h"
#include "financial.h"
#include "matrixinverse.h"
#include "statistics.h"
#include "node.h"
#include "tablepoints.h"
#include "timeinputs.h"
#include "vectororder.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <vector>

namespace meadows {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---- evaluations: one home for each builtin's arithmetic ----------------------------------

double fold(const double *a, std::size_t n, double (*step)(double, double))
{
    double r = a[0];
    for (std::size_t i = 1; i < n; ++i)
        r = step(r, a[i]);
    return r;
}

// STDDEV(array): the population standard deviation, sqrt(sum((x - mean)^2) / n), computed
// about the mean in two passes (no cancellation from sum(x^2) - n*mean^2). Stella's help
// ("Array builtins": "find the sum, the standard deviation, or the mean across dimensions";
// isee's 2012 "Working with Array Equations in Version 10": "SUM, MEAN, and STDDEV all work
// in a similar way") does not say whether it divides by n or by n - 1, and the XMILE 1.0
// specification lists STDDEV without a formula. n is chosen as Simlin, an open XMILE engine
// that follows Stella, chose it: its tests expect sqrt(125) for the elements 10, 20, 30, 40
// (n gives sqrt(500 / 4) = sqrt(125), n - 1 would give sqrt(500 / 3)); and with n, one
// element has a spread of 0 rather than a division by zero.
double populationStdDev(const double *a, std::size_t n, const BuiltinClock &)
{
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += a[i];
    const double mean = sum / double(n);
    double squares = 0;
    for (std::size_t i = 0; i < n; ++i)
        squares += (a[i] - mean) * (a[i] - mean);
    return std::sqrt(squares / double(n));
}

double safeDivide(const double *a, std::size_t n, const BuiltinClock &)
{
    return a[1] != 0.0 ? a[0] / a[1] : (n > 2 ? a[2] : 0.0);
}

// ELEMENT_AT(index, candidates...): the candidate the 1-based index names; NaN (reported
// by the run with the variable and time) when the index is outside the dimension.
double elementAt(const double *a, std::size_t n, const BuiltinClock &)
{
    const std::optional<std::size_t> k = indexedPosition(a[0], n - 1);
    return k ? a[*k + 1] : kNaN;
}

// Vensim's VECTOR LOOKUP as lowered: x, xmin, xmax, the mode, then the vector's values, read
// as a lookup's y values at points spread evenly from xmin to xmax. The mode picks the
// reading, as Vensim's reference lists them: 0 LOOKUP, 1 LOOKUP AREA from xmin, 2 LOOKUP
// BACKWARD, 3 LOOKUP EXTRAPOLATE, 4 LOOKUP FORWARD, 5 LOOKUP INVERT, 6 LOOKUP SLOPE, 7 the
// area, 8 the inverse and 9 the slope with the end segments extended (the slope beyond the
// ends that of the end segment, as LOOKUP SLOPE's m = 1 gives, where mode 6 gives 0, its
// m = 0). Any other mode, a vector of fewer than two values and an empty x range give NaN,
// which the run reports. Flattening refuses a constant mode it cannot read
// (solver/flatten/vectors.cpp).
double vectorLookup(const double *a, std::size_t n, const BuiltinClock &)
{
    using Kind = GraphicalFunction::Kind;
    const double x = a[0], xmin = a[1], xmax = a[2], mode = a[3];
    if (n < 6 || !(xmax > xmin) || !(mode >= 0 && mode <= 9) || mode != std::round(mode))
        return kNaN;
    const int m = int(mode);
    // One table per thread, refilled at each call: the vector may change every step.
    thread_local GraphicalFunction table;
    table.xscale = Scale{xmin, xmax};
    table.ypts.assign(a + 4, a + n);
    table.kind = m == 2 ? Kind::Discrete : m == 4 ? Kind::Forward : (m == 3 || m == 7) ? Kind::Extrapolate : Kind::Continuous;
    switch (m) {
    case 0: case 2: case 3: case 4:
        return table.evaluate(x);
    case 1: case 7:
        return table.area(xmin, x);
    case 5: case 8:
        if (!risesOrFallsThroughout(table))
            return kNaN; // a vector with a flat or turning stretch has no one inverse
        table.kind = m == 8 ? Kind::Extrapolate : Kind::Continuous;
        return inverseOf(table, x);
    case 6: case 9: { // LOOKUP SLOPE, 0 beyond the ends (6) or the end segment's slope (9)
        thread_local std::vector<double> xs;
        xs.resize(table.size());
        for (std::size_t i = 0; i < xs.size(); ++i)
            xs[i] = table.x(i);
        const double slopeArgs[2] = {x, m == 9 ? 1.0 : 0.0};
        return pointsSlope(PointsView{xs.size(), xs.data(), table.ypts.data()}, slopeArgs, 2);
    }
    default:
        return kNaN;
    }
}

// Stella's FACTORIAL(n), COMBINATIONS(n, r) = n! / (r! (n - r)!) and PERMUTATIONS(n, r) =
// n! / (n - r)! (isee's help, "Statistical builtins"), counted as products so that small
// counts come out whole. Their help speaks of whole n and r only: any other argument (a
// fraction, a negative) gives NaN, which the run reports; r above n gives 0 ways.
bool whole(double x) { return x >= 0 && std::floor(x) == x; }

double factorial(double n)
{
    if (!whole(n))
        return kNaN;
    double product = 1;
    for (double k = 2; k <= n && std::isfinite(product); ++k)
        product *= k;
    return product;
}

double choices(const double *a, bool ordered)
{
    const double n = a[0], r = a[1];
    if (!whole(n) || !whole(r))
        return kNaN;
    if (r > n)
        return 0.0;
    double product = 1;
    const double picks = ordered ? r : std::min(r, n - r); // C(n, r) = C(n, n - r)
    for (double i = 0; i < picks && std::isfinite(product); ++i)
        product = ordered ? product * (n - i) : product * (n - i) / (i + 1);
    return product;
}

double lnGamma(double x)
{
    int sign = 0;
    return ::lgamma_r(x, &sign);
}

using L = Lowering;
using U = UnitsRule;
using P = PolarityRule;
using R = RangeRule;

constexpr StatefulRoles kNoRoles{};
constexpr StatefulRoles kSmooth{{1, -1}, 2};      // (input, time [, initial])
constexpr StatefulRoles kSmoothN{{1, 2}, 3};      // (input, time, order [, initial])
constexpr StatefulRoles kPrevious{{-1, -1}, 1};   // (input [, initial])
constexpr StatefulRoles kNpv{{1, 3}, 2};          // (stream, rate [, initial [, factor]])
constexpr StatefulRoles kConveyor{{1, 5}, 4};     // (input, time, leak, profile, total, initial time)
constexpr StatefulRoles kAgedQueue{{4, -1}, 3};   // (inflow, outflow, profile, initial, age range)

#define UNARY(expr) [](double x) -> double { return expr; }
// A C library function as it is: the VM calls it through the pointer with no wrapper between
// (a lambda around std::sin was one more call per SIN in the ring benchmark's hot loop).
#define LIBM(name) static_cast<UnaryFunction>(&::name)
#define EVAL(expr) [](const double *a, std::size_t n, const BuiltinClock &c) -> double { (void)a; (void)n; (void)c; return expr; }

// Every function of the language, once. Aliases share their entry.
const BuiltinInfo kBuiltins[] = {
    // one-argument math
    {{"abs"}, Builtin::Abs, 1, 1, false, L::Instruction, U::SameAsFirst, P::AbsoluteValue, R::NonNegative, kNoRoles, LIBM(fabs), nullptr},
    {{"exp"}, Builtin::Exp, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::Increasing, R::Exponential, kNoRoles, LIBM(exp), nullptr},
    // LOGN is Stella's name for the natural logarithm
    {{"ln", "logn"}, Builtin::Ln, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::Increasing, R::Anything, kNoRoles, LIBM(log), nullptr},
    {{"log10"}, Builtin::Log10, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::Increasing, R::Anything, kNoRoles, UNARY(std::log10(x)), nullptr},
    {{"sqrt"}, Builtin::Sqrt, 1, 1, false, L::Instruction, U::SquareRoot, P::Increasing, R::NonNegative, kNoRoles, LIBM(sqrt), nullptr},
    {{"sin"}, Builtin::Sin, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::NotMonotone, R::Anything, kNoRoles, LIBM(sin), nullptr},
    {{"cos"}, Builtin::Cos, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::NotMonotone, R::Anything, kNoRoles, LIBM(cos), nullptr},
    {{"tan"}, Builtin::Tan, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::NotMonotone, R::Anything, kNoRoles, LIBM(tan), nullptr},
    {{"arcsin"}, Builtin::Arcsin, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::Increasing, R::Anything, kNoRoles, LIBM(asin), nullptr},
    {{"arccos"}, Builtin::Arccos, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::Decreasing, R::Anything, kNoRoles, LIBM(acos), nullptr},
    {{"arctan"}, Builtin::Arctan, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::Increasing, R::Anything, kNoRoles, LIBM(atan), nullptr},
    // Stella's hyperbolic functions: SINH and TANH rise everywhere; COSH falls then rises.
    {{"sinh"}, Builtin::Sinh, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::Increasing, R::Anything, kNoRoles, LIBM(sinh), nullptr},
    {{"cosh"}, Builtin::Cosh, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::NotMonotone, R::NonNegative, kNoRoles, LIBM(cosh), nullptr},
    {{"tanh"}, Builtin::Tanh, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::Increasing, R::Anything, kNoRoles, LIBM(tanh), nullptr},
    // Vensim's GAMMA LN: ln |Gamma(x)| (lgamma_r: std::lgamma writes the global signgam, a
    // data race when analyses run models on several threads). It falls to x = 1.46, then rises.
    {{"gamma_ln", "gammaln"}, Builtin::GammaLn, 1, 1, false, L::Instruction, U::DimensionlessArgument, P::NotMonotone, R::Anything, kNoRoles, UNARY(lnGamma(x)), nullptr},
    {{"int"}, Builtin::Int, 1, 1, false, L::Instruction, U::SameAsFirst, P::Increasing, R::Anything, kNoRoles, LIBM(floor), nullptr},
    {{"round"}, Builtin::Round, 1, 1, false, L::Instruction, U::SameAsFirst, P::Increasing, R::Anything, kNoRoles, LIBM(round), nullptr},
    // Stella's counting functions (factorial() and choices() above); GAMMALN is Stella's GAMMA LN
    {{"factorial"}, Builtin::Factorial, 1, 1, false, L::Instruction, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, UNARY(factorial(x)), nullptr},
    {{"combinations"}, Builtin::Combinations, 2, 2, false, L::Instruction, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, nullptr, EVAL(choices(a, false))},
    {{"permutations"}, Builtin::Permutations, 2, 2, false, L::Instruction, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, nullptr, EVAL(choices(a, true))},
    // Stella's PCT: a fraction as a percentage, PCT(0.25) = 25
    {{"pct"}, Builtin::Percent, 1, 1, false, L::Instruction, U::SameAsFirst, P::Increasing, R::Anything, kNoRoles, UNARY(100 * x), nullptr},
    // Stella's real n-th root and normal distribution (statistics.h)
    {{"rootn"}, Builtin::RootN, 2, 2, false, L::Instruction, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, realRoot},
    {{"normalcdf"}, Builtin::NormalCdf, 2, 4, false, L::Instruction, U::Dimensionless, P::Unknown, R::Anything, kNoRoles, nullptr, normalProbabilityBetween},
    {{"invnorm"}, Builtin::InverseNormal, 1, 3, false, L::Instruction, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, inverseNormal},
    // two and three arguments
    {{"pow", "power"}, Builtin::Pow, 2, 2, false, L::Instruction, U::Unchecked, P::Power, R::Anything, kNoRoles, nullptr, EVAL(std::pow(a[0], a[1]))},
    {{"mod", "modulo"}, Builtin::Mod, 2, 2, false, L::Instruction, U::Unchecked, P::NotMonotone, R::Anything, kNoRoles, nullptr, EVAL(flooredModulo(a[0], a[1]))},
    {{"arctan2"}, Builtin::Arctan2, 2, 2, false, L::Instruction, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, EVAL(std::atan2(a[0], a[1]))},
    {{"safediv"}, Builtin::SafeDiv2, 2, 3, false, L::Instruction, U::Quotient, P::Quotient, R::Anything, kNoRoles, nullptr, safeDivide},
    {{"xidz"}, Builtin::Xidz, 3, 3, false, L::Instruction, U::Quotient, P::Quotient, R::Anything, kNoRoles, nullptr, safeDivide},
    {{"zidz"}, Builtin::Zidz, 2, 2, false, L::Instruction, U::Quotient, P::Quotient, R::Anything, kNoRoles, nullptr, safeDivide},
    // arrays
    {{"min"}, Builtin::Min, 1, -1, false, L::ArrayArguments, U::ArgumentsAgree, P::IncreasingInEveryArgument, R::Minimum, kNoRoles, nullptr, EVAL(fold(a, n, minOf))},
    {{"max"}, Builtin::Max, 1, -1, false, L::ArrayArguments, U::ArgumentsAgree, P::IncreasingInEveryArgument, R::Maximum, kNoRoles, nullptr, EVAL(fold(a, n, maxOf))},
    {{"sum"}, Builtin::Sum, 1, -1, false, L::ArrayArguments, U::ArgumentsAgree, P::IncreasingInEveryArgument, R::Sum, kNoRoles, nullptr, EVAL(fold(a, n, [](double x, double y) { return x + y; }))},
    {{"mean"}, Builtin::Mean, 1, -1, false, L::ArrayArguments, U::ArgumentsAgree, P::IncreasingInEveryArgument, R::Hull, kNoRoles, nullptr, EVAL(fold(a, n, [](double x, double y) { return x + y; }) / double(n))},
    // STDDEV: the elements' population standard deviation (populationStdDev above)
    {{"stddev"}, Builtin::Stddev, 1, -1, false, L::ArrayArguments, U::ArgumentsAgree, P::NotMonotone, R::NonNegative, kNoRoles, nullptr, populationStdDev},
    // PROD: the product of the elements (Stella, XMILE)
    {{"prod"}, Builtin::Prod, 1, -1, false, L::ArrayArguments, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, EVAL(fold(a, n, [](double x, double y) { return x * y; }))},
    {{"size"}, Builtin::Size, 1, -1, false, L::ElementCount, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, EVAL(double(n))},
    // Vensim's allocations: every element of the request's last dimension in one call. ALLOCATE
    // BY PRIORITY is ALLOCATE AVAILABLE with rectangular profiles, and lowers to it.
    {{"allocate_available"}, Builtin::AllocateAvailable, 3, 3, false, L::Allocation, U::SameAsFirst, P::Unknown, R::NonNegative, kNoRoles, nullptr, allocationOf},
    {{"allocate_by_priority"}, Builtin::None, 5, 5, false, L::Allocation, U::SameAsFirst, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"demand_at_price"}, Builtin::DemandAtPrice, 3, 3, false, L::Market, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, demandAtPrice},
    {{"supply_at_price"}, Builtin::SupplyAtPrice, 3, 3, false, L::Market, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, supplyAtPrice},
    {{"find_market_price"}, Builtin::FindMarketPrice, 4, 4, false, L::Market, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, marketPrice},
    {{"rank"}, Builtin::Rank, 2, 3, false, L::RankOf, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, rank},
    // Vensim's vector functions, over the last dimension of their first argument
    {{"vector_sort_order"}, Builtin::SortOrder, 2, 2, false, L::VectorOrder, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, nullptr, sortOrder},
    {{"vector_rank"}, Builtin::VectorRank, 2, 2, false, L::VectorOrder, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, nullptr, vectorRank},
    {{"vector_elm_map"}, Builtin::None, 2, 2, false, L::ElementMap, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"vector_reorder"}, Builtin::None, 2, 2, false, L::Reorder, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"invert_matrix"}, Builtin::InvertMatrix, 2, 2, false, L::MatrixInverse, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, invertedMatrixElement},
    {{"vector_lookup"}, Builtin::VectorLookup, 5, 5, false, L::VectorLookup, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, vectorLookup},
    // time inputs
    {{"step"}, Builtin::Step, 2, 2, true, L::Instruction, U::SameAsFirst, P::TimeInput, R::Anything, kNoRoles, nullptr, stepInput, true},
    {{"ramp"}, Builtin::Ramp, 2, 3, true, L::Instruction, U::Unchecked, P::TimeInput, R::Anything, kNoRoles, nullptr, rampInput, true},
    {{"pulse"}, Builtin::Pulse, 1, 3, true, L::Instruction, U::Unchecked, P::TimeInput, R::Anything, kNoRoles, nullptr, pulseInput, true},
    {{"pulse_train"}, Builtin::PulseTrain, 4, 4, true, L::Instruction, U::Unchecked, P::TimeInput, R::Anything, kNoRoles, nullptr, pulseTrainInput, true},
    // Stella's waves, in the amplitude's units, and COUNTER(start, end), in theirs; they read
    // the time itself, Stella's way, not Vensim's input time (timeinputs.h)
    {{"sinwave"}, Builtin::SinWave, 2, 2, true, L::Instruction, U::SameAsFirst, P::TimeInput, R::Anything, kNoRoles, nullptr, sineWave},
    {{"coswave"}, Builtin::CosWave, 2, 2, true, L::Instruction, U::SameAsFirst, P::TimeInput, R::Anything, kNoRoles, nullptr, cosineWave},
    {{"counter"}, Builtin::Counter, 2, 2, true, L::Instruction, U::ArgumentsAgree, P::TimeInput, R::Hull, kNoRoles, nullptr, counterInput},
    // Stella's financial functions (financial.h): rates and counts of periods with money
    {{"fv"}, Builtin::FutureValue, 3, 5, false, L::Instruction, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, futureValue},
    {{"pv"}, Builtin::PresentValue, 3, 5, false, L::Instruction, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, presentValue},
    {{"pmt"}, Builtin::Payment, 3, 5, false, L::Instruction, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, payment},
    // random numbers: drawn by the VM, which knows the seed and the step
    {{"random", "uniform", "random_uniform"}, Builtin::RandomUniform, 2, 3, true, L::RandomDraw, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    // Stella's random builtins: the distribution's own arguments, then Stella 2's optional
    // seed, min, max and sample, lowered to the draws here (solver/flatten/stelladraws.cpp)
    {{"normal"}, Builtin::None, 2, 6, true, L::Special, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"lognormal"}, Builtin::None, 2, 6, true, L::Special, U::SameAsFirst, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"exprnd"}, Builtin::None, 1, 5, true, L::Special, U::SameAsFirst, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"poisson"}, Builtin::None, 1, 5, true, L::Special, U::SameAsFirst, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"gamma"}, Builtin::None, 2, 6, true, L::Special, U::Unchecked, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"weibull"}, Builtin::None, 2, 6, true, L::Special, U::Unchecked, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"beta"}, Builtin::None, 2, 6, true, L::Special, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"binomial"}, Builtin::None, 2, 6, true, L::Special, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"negbinomial"}, Builtin::None, 2, 6, true, L::Special, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"geometric"}, Builtin::None, 1, 5, true, L::Special, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"triangular"}, Builtin::None, 3, 7, true, L::Special, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"pareto"}, Builtin::None, 2, 6, true, L::Special, U::Unchecked, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"logistic"}, Builtin::None, 2, 6, true, L::Special, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"montecarlo"}, Builtin::None, 1, 2, true, L::Special, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    // Vensim's RANDOM functions, with its arguments: (min, max, ..., stream ID)
    {{"random_normal"}, Builtin::VensimRandomNormal, 5, 5, true, L::RandomDraw, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"random_exponential"}, Builtin::RandomExponential, 5, 5, true, L::RandomDraw, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"random_gamma"}, Builtin::RandomGamma, 6, 6, true, L::RandomDraw, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"random_beta"}, Builtin::RandomBeta, 7, 7, true, L::RandomDraw, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"random_poisson"}, Builtin::RandomPoisson, 6, 6, true, L::RandomDraw, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"random_binomial"}, Builtin::RandomBinomial, 7, 7, true, L::RandomDraw, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"random_negative_binomial"}, Builtin::RandomNegativeBinomial, 7, 7, true, L::RandomDraw, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"random_triangular"}, Builtin::RandomTriangular, 6, 6, true, L::RandomDraw, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"random_weibull"}, Builtin::RandomWeibull, 6, 6, true, L::RandomDraw, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    // (table, m, x, h, r, s): drawn from the density the table draws; its value in m's units
    {{"random_lookup"}, Builtin::RandomLookup, 6, 6, true, L::RandomDraw, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    // a table's points read as data (tablepoints.h): y values in the table's units
    {{"points_min"}, Builtin::PointsMin, 3, 4, false, L::TablePoints, U::TableUnits, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr, false, pointsMin},
    {{"points_max"}, Builtin::PointsMax, 3, 4, false, L::TablePoints, U::TableUnits, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr, false, pointsMax},
    {{"points_mean"}, Builtin::PointsMean, 3, 4, false, L::TablePoints, U::TableUnits, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr, false, pointsMean},
    {{"points_stdv"}, Builtin::PointsStdv, 3, 4, false, L::TablePoints, U::TableUnits, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr, false, pointsStdv},
    {{"points_median"}, Builtin::PointsMedian, 3, 4, false, L::TablePoints, U::TableUnits, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr, false, pointsMedian},
    {{"points_count"}, Builtin::PointsCount, 1, 1, false, L::TablePoints, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr, false, pointsCount},
    {{"points_at"}, Builtin::PointsAt, 2, 3, false, L::TablePoints, U::TableUnits, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr, false, pointsAt},
    {{"lookup_slope"}, Builtin::LookupSlope, 3, 4, false, L::TablePoints, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr, false, pointsSlope},
    {{"calendar"}, Builtin::Calendar, 6, 7, false, L::Instruction, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, calendarValue},
    {{"points_last_x"}, Builtin::PointsLastX, 1, 1, false, L::TablePoints, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr, false, pointsLastX},
    // Stella's LOOKUPINV(table, y): an x of the table's, in the table's x units (unknown here)
    {{"lookupinv"}, Builtin::LookupInverse, 2, 2, false, L::TablePoints, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr, false, pointsInverse},
    // stateful: rewritten into hidden stocks, flows and recorded series
    {{"smth1", "smooth"}, Builtin::None, 2, 3, false, L::Stateful, U::SameAsFirst, P::FollowsInput, R::FirstArgument, kSmooth, nullptr, nullptr},
    {{"smth3", "smooth3"}, Builtin::None, 2, 3, false, L::Stateful, U::SameAsFirst, P::FollowsInput, R::FirstArgument, kSmooth, nullptr, nullptr},
    {{"smthn", "smoothn"}, Builtin::None, 3, 4, false, L::Stateful, U::SameAsFirst, P::FollowsInput, R::FirstArgument, kSmoothN, nullptr, nullptr},
    {{"delay1"}, Builtin::None, 2, 3, false, L::Stateful, U::SameAsFirst, P::FollowsInput, R::FirstArgument, kSmooth, nullptr, nullptr},
    {{"delay3"}, Builtin::None, 2, 3, false, L::Stateful, U::SameAsFirst, P::FollowsInput, R::FirstArgument, kSmooth, nullptr, nullptr},
    {{"delayn"}, Builtin::None, 3, 4, false, L::Stateful, U::SameAsFirst, P::FollowsInput, R::FirstArgument, kSmoothN, nullptr, nullptr},
    {{"delay"}, Builtin::None, 2, 3, false, L::Stateful, U::SameAsFirst, P::FollowsInput, R::FirstArgument, kSmooth, nullptr, nullptr},
    // Its initial value is always given in Vensim and need not lie in its input's range.
    {{"delay_fixed"}, Builtin::None, 2, 3, false, L::Stateful, U::SameAsFirst, P::FollowsInput, R::Anything, kSmooth, nullptr, nullptr},
    // Vensim's DELAY INFORMATION: the most recent input whose delay has passed.
    {{"delay_information"}, Builtin::None, 3, 3, false, L::Stateful, U::SameAsFirst, P::FollowsInput, R::Anything, kSmooth, nullptr, nullptr},
    // Vensim's DELAY CONVEYOR(input, ctime, leak, profile, total, initial ctime): a belt moving
    // as a whole (solver/delayconveyor.h)
    {{"delay_conveyor"}, Builtin::None, 6, 6, false, L::Stateful, U::SameAsFirst, P::FollowsInput, R::Anything, kConveyor, nullptr, nullptr},
    {{"trend"}, Builtin::None, 2, 3, false, L::Stateful, U::PerTimeUnit, P::FollowsInput, R::Anything, kSmooth, nullptr, nullptr},
    // Vensim's QUEUE FIFO(inflow, outflow, profile, initial, age range): a level that keeps
    // when each part came in, and the QUEUE AGE functions that read it (solver/agedqueue.h).
    // QUEUE AGE AVERAGE's quantity may be left out, as the help's own example does.
    {{"queue_fifo"}, Builtin::None, 5, 5, true, L::Stateful, U::TimesTimeUnit, P::Level, R::Anything, kAgedQueue, nullptr, nullptr},
    {{"queue_age_average"}, Builtin::None, 1, 2, true, L::Stateful, U::Unchecked, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"queue_age_in_range"}, Builtin::None, 3, 3, true, L::Stateful, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"queue_age_oldest"}, Builtin::None, 1, 1, true, L::Stateful, U::Unchecked, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"forcst", "forecast"}, Builtin::None, 3, 4, false, L::Stateful, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"previous"}, Builtin::None, 1, 2, false, L::Stateful, U::SameAsFirst, P::FollowsInput, R::FirstArgument, kPrevious, nullptr, nullptr},
    {{"history"}, Builtin::None, 2, 2, false, L::Stateful, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"init"}, Builtin::None, 1, 1, false, L::Stateful, U::SameAsFirst, P::FixedAtStart, R::FirstArgument, kNoRoles, nullptr, nullptr},
    // Stella's ENDVAL(input [, initial]): the input's value at the end of the session's last
    // run; every Meadows run is read as the first, so its initial value (stateful.cpp)
    {{"endval"}, Builtin::None, 1, 2, false, L::Stateful, U::SameAsFirst, P::FixedAtStart, R::Anything, kNoRoles, nullptr, nullptr},
    // DERIVN(input, order): the order-th time derivative by differences over DT (stateful.cpp);
    // its units, the input's over the time unit to the order, are not checked
    {{"derivn"}, Builtin::None, 2, 2, false, L::Stateful, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"npv"}, Builtin::None, 2, 4, false, L::Stateful, U::TimesTimeUnit, P::FollowsInput, R::Anything, kNpv, nullptr, nullptr},
    {{"npve"}, Builtin::None, 2, 4, false, L::Stateful, U::TimesTimeUnit, P::FollowsInput, R::Anything, kNpv, nullptr, nullptr},
    // special forms
    // Stella's CGROWTH(percent): the growth per time unit that, applied every DT, grows by
    // percent each time unit; INTERPOLATE(array, fraction...): between the array's elements,
    // a fraction per dimension from its first (0) to its last (1) (calls.cpp says whence)
    {{"cgrowth"}, Builtin::None, 1, 1, false, L::Special, U::PerTimeUnit, P::Increasing, R::Anything, kNoRoles, nullptr, nullptr},
    {{"interpolate"}, Builtin::None, 2, -1, false, L::Special, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"if_then_else"}, Builtin::None, 3, 3, false, L::Special, U::Unchecked, P::Conditional, R::Branches, kNoRoles, nullptr, nullptr},
    {{"lookup"}, Builtin::None, 2, 2, false, L::Special, U::TableUnits, P::Lookup, R::Table, kNoRoles, nullptr, nullptr},
    {{"lookup_forward"}, Builtin::None, 2, 2, false, L::Special, U::TableUnits, P::Lookup, R::Table, kNoRoles, nullptr, nullptr},
    {{"lookup_backward"}, Builtin::None, 2, 2, false, L::Special, U::TableUnits, P::Lookup, R::Table, kNoRoles, nullptr, nullptr},
    {{"lookup_extrapolate"}, Builtin::None, 2, 2, false, L::Special, U::TableUnits, P::Lookup, R::Table, kNoRoles, nullptr, nullptr},
    // Vensim's LOOKUP INVERT(table, value): the x where a monotone table reaches the value
    {{"lookup_invert"}, Builtin::None, 2, 2, false, L::Special, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    // Vensim's LOOKUP AREA(table, from, to): the area under the table between two inputs
    {{"lookup_area"}, Builtin::None, 3, 3, false, L::Special, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    // Stella's LOOKUPAREA(table [, to [, from]]) and LOOKUPMEAN, the area over the width
    // (GraphicalFunction::area): the table's whole x range when no bound is given.
    {{"lookuparea"}, Builtin::None, 1, 3, false, L::TableSummary, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"lookupmean"}, Builtin::None, 1, 3, false, L::TableSummary, U::TableUnits, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    // Vensim's VECTOR SELECT over two arrays (solver/flatten/vectors.cpp): written out as sums,
    // products, minima and maxima of the selected elements
    {{"vector_select"}, Builtin::None, 5, 5, false, L::Special, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    // the same over listed pairs: VECTOR_SELECT_OF(missing, action, error action, s1, x1, ...),
    // as the Vensim reader writes every combination of Vensim's '!' ranges
    {{"vector_select_of"}, Builtin::None, 5, -1, false, L::Special, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    // ISMODULEINPUT(name): whether the module instance wires an input to `name` (calls.cpp)
    {{"ismoduleinput"}, Builtin::None, 1, 1, false, L::Special, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    // Stella's RUNCOUNT: the runs before this one in the session (calls.cpp)
    {{"runcount"}, Builtin::None, 0, 0, false, L::Special, U::Dimensionless, P::Unknown, R::NonNegative, kNoRoles, nullptr, nullptr},
    {{"pi"}, Builtin::None, 0, 0, false, L::Special, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
    {{"time"}, Builtin::None, 0, 0, true, L::Special, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
};

// Instructions flattening makes from the entries above; they have no name of their own.
const BuiltinInfo kInternal[] = {
    {{"min"}, Builtin::Min2, 2, 2, false, L::Instruction, U::ArgumentsAgree, P::IncreasingInEveryArgument, R::Minimum, kNoRoles, nullptr, EVAL(minOf(a[0], a[1]))},
    {{"max"}, Builtin::Max2, 2, 2, false, L::Instruction, U::ArgumentsAgree, P::IncreasingInEveryArgument, R::Maximum, kNoRoles, nullptr, EVAL(maxOf(a[0], a[1]))},
    {{"safediv"}, Builtin::SafeDiv3, 3, 3, false, L::Instruction, U::Quotient, P::Quotient, R::Anything, kNoRoles, nullptr, safeDivide},
    {{"pulse"}, Builtin::VensimPulse, 2, 2, true, L::Instruction, U::Unchecked, P::TimeInput, R::Anything, kNoRoles, nullptr, vensimPulseInput, true},
    {{"element_at"}, Builtin::ElementAt, 2, -1, false, L::Instruction, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, elementAt},
    {{"subscript_at"}, Builtin::SubscriptAt, 2, -1, false, L::Instruction, U::Unchecked, P::Unknown, R::Anything, kNoRoles, nullptr, elementAt},
    // NORMAL(mean, sd [, seed]) as XMILE writes it (Flattener::stellaDraw)
    {{"normal"}, Builtin::RandomNormal, 2, 3, true, L::RandomDraw, U::SameAsFirst, P::Unknown, R::Anything, kNoRoles, nullptr, nullptr},
};

#undef UNARY
#undef LIBM
#undef EVAL

std::array<const BuiltinInfo *, kBuiltinCount> indexById()
{
    std::array<const BuiltinInfo *, kBuiltinCount> byId{};
    for (const BuiltinInfo &b : kInternal)
        byId[std::size_t(b.id)] = &b;
    for (const BuiltinInfo &b : kBuiltins) {
        if (b.id != Builtin::None)
            byId[std::size_t(b.id)] = &b;
    }
    static const BuiltinInfo none{{"internal"}, Builtin::None, 0, -1, false, L::Special, U::Unchecked, P::Unknown,
                                  R::Anything, kNoRoles, nullptr, nullptr};
    for (const BuiltinInfo *&b : byId) {
        if (!b)
            b = &none;
    }
    return byId;
}

const std::array<const BuiltinInfo *, kBuiltinCount> kById = indexById();

} // namespace

std::optional<std::size_t> indexedPosition(double index, std::size_t count)
{
    const double k = std::round(index);
    if (!(k >= 1 && k <= double(count)))
        return std::nullopt;
    return std::size_t(k) - 1;
}

double tableSummary(const QString &canonical, const GraphicalFunction &table, const double *bounds, std::size_t count)
{
    if (table.size() == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double to = count > 0 ? bounds[0] : table.x(table.size() - 1);
    const double from = count > 1 ? bounds[1] : table.x(0);
    // Stella's area is the same in either order, and beyond the x range a continuous or
    // discrete table counts 0 (an extrapolated one continues its end segments).
    double low = std::min(from, to), high = std::max(from, to);
    if (table.kind != GraphicalFunction::Kind::Extrapolate) {
        low = std::max(low, table.x(0));
        high = std::min(high, table.x(table.size() - 1));
    }
    const double area = high > low ? table.area(low, high) : (std::isnan(from) || std::isnan(to) ? from + to : 0.0);
    if (canonical == QLatin1String("lookuparea"))
        return area;
    return from == to ? table.evaluate(from) : area / std::fabs(to - from);
}

std::optional<std::optional<GraphicalFunction::Kind>> lookupReading(const QString &canonical)
{
    using Kind = GraphicalFunction::Kind;
    if (canonical == QLatin1String("lookup"))
        return std::optional<Kind>{};
    if (canonical == QLatin1String("lookup_forward"))
        return Kind::Forward;
    if (canonical == QLatin1String("lookup_backward"))
        return Kind::Discrete;
    if (canonical == QLatin1String("lookup_extrapolate"))
        return Kind::Extrapolate;
    return std::nullopt;
}

const BuiltinInfo *findBuiltin(const QString &canonical)
{
    for (const BuiltinInfo &b : kBuiltins) {
        for (const char *name : b.names) {
            if (name && canonical == QLatin1String(name))
                return &b;
        }
    }
    return nullptr;
}

const BuiltinInfo &builtinInfo(Builtin id)
{
    return *kById[std::size_t(id)];
}

double evaluateBuiltin(const BuiltinInfo &b, const double *args, std::size_t count, const BuiltinClock &clock)
{
    if (b.unary && count == 1)
        return b.unary(args[0]);
    if (b.evaluate)
        return b.evaluate(args, count, clock);
    return kNaN;
}

QStringList languageKeywords()
{
    return {QStringLiteral("if"), QStringLiteral("then"), QStringLiteral("else"), QStringLiteral("and"),
            QStringLiteral("or"), QStringLiteral("not"), QStringLiteral("mod"), QStringLiteral("time"),
            QStringLiteral("dt"), QStringLiteral("starttime"), QStringLiteral("stoptime"), QStringLiteral("pi")};
}

QStringList builtinNames()
{
    QStringList names;
    for (const BuiltinInfo &b : kBuiltins) {
        for (const char *name : b.names) {
            if (name)
                names << QString::fromLatin1(name).toUpper();
        }
    }
    for (const QString &k : languageKeywords()) {
        if (!names.contains(k.toUpper()))
            names << k.toUpper();
    }
    return names;
}

bool readsTime(const Node &n)
{
    switch (n.kind) {
    case Node::Kind::Time:
    case Node::Kind::InputTime:
    case Node::Kind::History:
    case Node::Kind::Belt:
    case Node::Kind::Oven:
    case Node::Kind::InformationDelay:
    case Node::Kind::DelayConveyor:
    case Node::Kind::AgedQueue:
    case Node::Kind::AgedQueueAge:
    case Node::Kind::Container:
        return true;
    case Node::Kind::Call:
        if (builtinInfo(n.builtin).readsTime)
            return true;
        break;
    default:
        break;
    }
    for (const Node &a : n.args) {
        if (readsTime(a))
            return true;
    }
    return false;
}

} // namespace meadows
