#pragma once
// The one registry of the equation language's functions. Each function has one entry
// (kBuiltins in builtins.cpp) that says everything the rest of Meadows needs to know about
// it: its names, its arity, how flattening lowers a call, its units rule (units.cpp), its
// polarity and value-range rules (analysis/polarity.cpp) and its evaluation, one math
// function that both the VM (vm.cpp) and the expression evaluator (analysis/expreval.cpp)
// call. The equation highlighter and "did you mean" read the names from here.
// docs/ARCHITECTURE.md, "How to add a builtin", walks through adding one.
#include "model/graphicalfunction.h"

#include <QString>
#include <QStringList>
#include <cmath>
#include <cstddef>
#include <optional>

namespace meadows {

// The functions that compile to one instruction (Node::Call). Stateful functions and the
// special forms have registry entries too, but no id here: flattening rewrites them.
enum class Builtin {
    // one argument
    Abs, Exp, Ln, Log10, Sqrt, Sin, Cos, Tan, Arcsin, Arccos, Arctan, Int, Round, Sinh, Cosh, Tanh, GammaLn, Percent, Factorial,
    // two arguments
    Pow, Mod, Min2, Max2, SafeDiv2, Arctan2, Combinations, Permutations,
    // Stella's ROOTN(x, n), NORMALCDF(left, right [, mean, sd]) and INVNORM(p [, mean, sd])
    // (solver/statistics.h)
    RootN, NormalCdf, InverseNormal,
    // three arguments
    SafeDiv3, Xidz, Zidz,
    // any number of arguments (arrays arrive expanded)
    Min, Max, Sum, Mean, Size, Prod, Stddev,
    // time inputs (solver/timeinputs.h), Stella's waves and counter among them
    Step, Ramp, Pulse, PulseTrain, VensimPulse, SinWave, CosWave, Counter,
    // Stella's FV, PV and PMT (solver/financial.h)
    FutureValue, PresentValue, Payment,
    // RANK(array, n [, secondary sort array]): the 1-based index of the n-th smallest element
    Rank,
    // Vensim's VECTOR SORT ORDER and VECTOR RANK as lowered: the position asked for
    // (0-based), the direction (> 0 ascending), then the vector's elements
    SortOrder, VectorRank,
    // Vensim's INVERT MATRIX as lowered: the row and column asked for (0-based), the size n,
    // then the n x n matrix's elements row by row (solver/matrixinverse.h)
    InvertMatrix,
    // Vensim's VECTOR LOOKUP as lowered: x, xmin, xmax, the mode, then the vector's values
    VectorLookup,
    // an array element picked by a subscript computed while the model runs: the index
    // (1-based), then the candidates; NaN out of range
    ElementAt,
    // the same for XMILE's subscripts (a[INT(TIME / 4) + 1]), whose index out of range stops
    // the run (the VM's Pick instruction); Node::index its FlatModel::subscriptSites entry
    SubscriptAt,
    // Vensim's ALLOCATE AVAILABLE (and ALLOCATE BY PRIORITY, lowered to it): one requester's
    // allocation; the arguments as solver/allocation.h lays them out
    AllocateAvailable,
    // Vensim's market: DEMAND AT PRICE and SUPPLY AT PRICE (quantity, price, the profile's four
    // values) and FIND MARKET PRICE (the demanders' count, then as solver/allocation.h says)
    DemandAtPrice, SupplyAtPrice, FindMarketPrice,
    // random numbers, the same for a given seed, call and step (solver/random.h): XMILE's,
    // then Vensim's with its truncation, shift and stretch arguments
    RandomUniform, RandomNormal,
    VensimRandomNormal, RandomExponential, RandomGamma, RandomBeta, RandomPoisson, RandomBinomial,
    RandomNegativeBinomial, RandomTriangular, RandomWeibull,
    // Vensim's RANDOM LOOKUP as lowered: the table's index (solver/tablepoints.h) first
    RandomLookup,
    // a table's points read as data (solver/tablepoints.h), as Vensim's GET DATA functions
    // on a data variable are written: the table's index first, then the call's other arguments
    PointsMin, PointsMax, PointsMean, PointsMedian, PointsStdv, PointsCount, PointsAt, PointsLastX,
    // Stella's LOOKUPINV(table, y): the x at which the table first reaches y (tablepoints.h)
    LookupInverse,
    // LOOKUP_SLOPE(table, x, outside [, none]): the slope of the line through a table's points
    // (solver/tablepoints.h), as Vensim's LOOKUP SLOPE reads it
    LookupSlope,
    // CALENDAR(elapsed, measure, year, month, day, days per unit): a calendar reading of a
    // time, as Vensim's GET TIME VALUE gives it (solver/calendar.h)
    Calendar,
    // not a function: the entries of stateful functions and special forms
    None,
};
constexpr int kBuiltinCount = int(Builtin::None) + 1;

// How flattening (solver/flatten/calls.cpp) turns a call into Nodes.
enum class Lowering {
    Instruction,    // Node::Call with the arguments in order
    ArrayArguments, // Node::Call with each array argument spread into its elements (MIN, SUM...)
    ElementCount,   // a constant: how many values the arguments hold (SIZE)
    RankOf,         // RANK(array, n [, ties]): n, the count, the array's elements, the ties' 
    VectorOrder,    // VECTOR SORT ORDER, VECTOR RANK: one element of a vector-valued result
    ElementMap,     // VECTOR ELM MAP: an element picked by an offset from a referenced one
    Reorder,        // VECTOR REORDER: a vector's element picked by a sort order
    MatrixInverse,  // INVERT MATRIX: one element of the inverse of a matrix's last two dimensions
    VectorLookup,   // VECTOR LOOKUP: a vector along its last dimension read as a lookup's y values
    RandomDraw,     // Node::Call numbered by call site, so each call draws its own stream
    TablePoints,    // Node::Call with the first argument's table by its index (tablepoints.h)
    Allocation,     // Vensim's allocations over the request's last dimension (solver/flatten/allocation.cpp)
    Market,         // Vensim's FIND MARKET PRICE, DEMAND AT PRICE, SUPPLY AT PRICE (solver/flatten/allocation.cpp)
    Stateful,       // hidden stocks, flows and recorded series (solver/flatten/stateful.cpp)
    TableSummary,   // LOOKUPAREA, LOOKUPMEAN: a number from a table's points, its bounds known before the run
    Special,        // IF_THEN_ELSE, LOOKUP, PI, TIME: built into flattening itself
};

// What units checking (units.cpp) infers for a call.
enum class UnitsRule {
    Unchecked,             // unknown: the arguments are checked within themselves only
    SameAsFirst,           // the first argument's units (ABS, SMTH1, DELAY, STEP...)
    DimensionlessArgument, // needs a dimensionless argument, gives a dimensionless value (EXP, SIN...)
    ArgumentsAgree,        // every argument in the same units, which the result has (MIN, SUM...)
    SquareRoot,            // half the powers of the argument's units
    Quotient,              // the first argument's units over the second's (SAFEDIV, XIDZ, ZIDZ)
    PerTimeUnit,           // 1 / the model's time unit (TREND)
    TimesTimeUnit,         // the first argument's units times the model's time unit (NPV)
    Dimensionless,         // a dimensionless result; the arguments checked within themselves
    TableUnits,            // the declared units of the table variable (LOOKUP)
};

// The sign of d(call)/d(input) (analysis/polarity.cpp).
enum class PolarityRule {
    Unknown,                   // "the direction of F is not known"
    Increasing,                // rises with its one argument (EXP, LN, SQRT...)
    Decreasing,                // falls as its one argument rises (ARCCOS)
    AbsoluteValue,             // the argument's direction times its sign
    IncreasingInEveryArgument, // MIN, MAX, SUM, MEAN
    Power,                     // as a^b
    Quotient,                  // as a/b, the third argument (used when b is 0) added
    NotMonotone,               // SIN, COS, MOD: unknown, said so
    TimeInput,                 // STEP, RAMP, PULSE: an input there is a parameter of a time input
    FixedAtStart,              // INIT: read once, no link over time
    FollowsInput,              // smooths and delays: the first argument's; see StatefulRoles
    Level,                     // QUEUE FIFO: a level its first argument flows into, its second out of
    Conditional,               // IF_THEN_ELSE
    Lookup,                    // LOOKUP: the table's slope
};

// The values a call can take, for polarity's sign of a factor.
enum class RangeRule { Anything, Exponential, NonNegative, Minimum, Maximum, Sum, Hull, FirstArgument, Branches, Table };

// Smooths and delays: the arguments that set their speed (an input there changes timing,
// not direction) and the initial value (read once, so no causal link over time).
struct StatefulRoles {
    int timeArgs[2] = {-1, -1}; // -1: none
    int initArg = -1;           // -1: none
};

// What a time input needs to know about the run.
struct BuiltinClock {
    double time = 0;
    double dt = 1;
    double start = 0;
};

using EvaluateFunction = double (*)(const double *args, std::size_t count, const BuiltinClock &clock);
struct PointsView;
// A function of a table's points (solver/tablepoints.h) and the call's other arguments.
using PointsFunction = double (*)(const PointsView &points, const double *args, std::size_t count);
using UnaryFunction = double (*)(double x);

struct BuiltinInfo {
    const char *names[3];  // canonical names: the first, then aliases (nullptr ends)
    Builtin id;            // Builtin::None for stateful functions and special forms
    int minArgs;
    int maxArgs;           // -1: any
    bool readsTime;        // its value changes while its arguments stay the same
    Lowering lowering;
    UnitsRule units;
    PolarityRule polarity;
    RangeRule range;
    StatefulRoles roles;
    UnaryFunction unary;       // one-argument math (the VM's Math1), else nullptr
    EvaluateFunction evaluate; // any other evaluation; nullptr when it needs run state
    // A test input (STEP, PULSE, RAMP, PULSE TRAIN): it reads the input time, which Vensim's
    // Runge-Kutta holds at the step's start through the step's stages (program.h InputTimeSlot).
    bool readsInputTime = false;
    // A function of a table's points (Lowering::TablePoints), read where the table holds them.
    PointsFunction points = nullptr;

    QString name() const { return QString::fromLatin1(names[0]); }
};

// LOOKUP(table, x) and its variants, which read the table another way whatever its own
// type: LOOKUP_FORWARD (the next point's y), LOOKUP_BACKWARD (the last point's y) and
// LOOKUP_EXTRAPOLATE (linear, and beyond the ends too). Empty for any other name; a
// GraphicalFunction::Kind, or the table's own (nullopt inside) for LOOKUP itself.
std::optional<std::optional<GraphicalFunction::Kind>> lookupReading(const QString &canonical);

// LOOKUPAREA(table [, to [, from]]) and LOOKUPMEAN (`canonical` names which) over `table`
// with `count` bounds evaluated (to, then from): by default the table's whole x range. The
// mean over no width is the table's value there. NaN for an empty table.
double tableSummary(const QString &canonical, const GraphicalFunction &table, const double *bounds, std::size_t count);

// The 0-based position a 1-based index names among `count` (an array's subscript, a graphical
// function's point), rounded to the nearest; nullopt outside 1 to `count`, NaN and 1e300 too,
// which no conversion to an integer may see.
std::optional<std::size_t> indexedPosition(double index, std::size_t count);

// Whether a call's first argument names a table whose points the call reads, not a value:
// LOOKUPAREA and LOOKUPMEAN, the POINTS functions (tablepoints.h) and RANDOM LOOKUP.
inline bool readsTablePoints(const BuiltinInfo &b)
{
    return b.lowering == Lowering::TableSummary || b.lowering == Lowering::TablePoints || b.id == Builtin::RandomLookup;
}

// Looks a function up by canonical name ("min", "safediv", "pulse_train", "smth1"...).
// Returns nullptr for names that are no function of the language.
const BuiltinInfo *findBuiltin(const QString &canonical);
// The entry of an instruction builtin (constant time: the VM calls it).
const BuiltinInfo &builtinInfo(Builtin b);

// The value of a call with evaluated arguments; NaN when the entry has no evaluation.
double evaluateBuiltin(const BuiltinInfo &b, const double *args, std::size_t count, const BuiltinClock &clock);

// Names of every function and keyword the language knows, upper case, for "did you mean",
// autocompletion and highlighting.
QStringList builtinNames();

// The words of the language that are not names of the model: IF THEN ELSE AND OR NOT MOD
// and the built-in values TIME DT STARTTIME STOPTIME PI. Canonical (lower case).
QStringList languageKeywords();

// Floored modulo: the result takes the sign of the divisor, as in Stella and Vensim.
inline double flooredModulo(double a, double b)
{
    const double r = std::fmod(a, b);
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

} // namespace meadows
