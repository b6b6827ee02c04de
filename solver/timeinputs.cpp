#include "timeinputs.h"
#include "builtins.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meadows {

namespace {

// A sliver of a step of tolerance, so that a time on the grid is hit despite rounding.
double sliver(const BuiltinClock &c) { return c.dt * 1e-6; }

// SINWAVE(amplitude, period) and COSWAVE: amplitude * sin(2 pi TIME / period) and its
// cosine. The phase counts from TIME = 0, not from the run's start (isee's help writes the
// wave with TIME; a run from 1990 with a period of 4 starts where the wave is at 1990). A
// period of 0 gives NaN, which the run reports. A period of two steps or less cannot be
// drawn by steps of DT (a SINWAVE of period 2 DT is 0 at every step); flattening says so
// (Flattener::checkWavePeriod) rather than change the value.
double phaseOf(const double *a, const BuiltinClock &c)
{
    return 2 * M_PI * c.time / a[1];
}

} // namespace

double stepInput(const double *a, std::size_t, const BuiltinClock &c)
{
    return c.time + sliver(c) >= a[1] ? a[0] : 0.0;
}

double rampInput(const double *a, std::size_t n, const BuiltinClock &c)
{
    if (c.time + sliver(c) < a[1])
        return 0.0;
    const double until = n > 2 ? std::min(c.time, a[2]) : c.time;
    return a[0] * (until - a[1]);
}

// XMILE: PULSE(magnitude [, first [, interval]]): magnitude/DT at the first step at or after
// each pulse's time, so a stock gains the magnitude whole. A step at t takes the pulses at
// times in (t - DT, t] (none before the run's start): one between two steps comes at the
// step after it (PULSE(4, 0.6) with DT 0.25 at 0.75, as Simlin gives it; it was lost before),
// and pulses closer together than DT add up.
double pulseInput(const double *a, std::size_t n, const BuiltinClock &c)
{
    const double eps = sliver(c);
    const double first = n > 1 ? a[1] : c.start;
    const double interval = n > 2 ? a[2] : 0.0;
    const double to = c.time + eps;                                      // inclusive
    const double from = std::max(c.time - c.dt + eps, c.start - 2 * eps); // exclusive
    if (to < first)
        return 0.0;
    if (!(interval > 0))
        return first > from ? a[0] / c.dt : 0.0;
    // Pulses first + k * interval, k = 0, 1, ...: those with from < time <= to.
    const double kFrom = std::max(0.0, std::floor((from - first) / interval) + 1);
    const double kTo = std::floor((to - first) / interval);
    return kTo >= kFrom ? (kTo - kFrom + 1) * a[0] / c.dt : 0.0;
}

// Vensim: PULSE(start, width): 1 from start for width (at least DT).
double vensimPulseInput(const double *a, std::size_t, const BuiltinClock &c)
{
    const double eps = sliver(c);
    const double width = std::max(a[1], c.dt);
    return (c.time + eps >= a[0] && c.time + eps < a[0] + width) ? 1.0 : 0.0;
}

// PULSE TRAIN(start, width, interval, end).
double pulseTrainInput(const double *a, std::size_t, const BuiltinClock &c)
{
    const double eps = sliver(c);
    if (c.time + eps < a[0] || c.time > a[3] + eps)
        return 0.0;
    double since = c.time - a[0];
    if (a[2] > 0)
        since = std::fmod(since + eps, a[2]) - eps;
    return since < a[1] - eps ? 1.0 : 0.0;
}


double sineWave(const double *a, std::size_t, const BuiltinClock &c)
{
    return a[0] * std::sin(phaseOf(a, c));
}

double cosineWave(const double *a, std::size_t, const BuiltinClock &c)
{
    return a[0] * std::cos(phaseOf(a, c));
}

// COUNTER(start, end): start at the run's start, up by DT each step (one a unit of time),
// back to start on reaching end: start + MOD(TIME - STARTTIME, end - start). Its values lie
// in [start, end) and repeat every end - start units of time (COUNTER(0, 7) counts the days
// of a week, 0 to 6 with DT 1). Computed from the clock rather than kept in a stock, so a
// start or end that changes while the run goes moves the count at once. An end not above
// start gives NaN, which the run reports with the variable and the time.
double counterInput(const double *a, std::size_t, const BuiltinClock &c)
{
    const double span = a[1] - a[0];
    if (!(span > 0))
        return std::numeric_limits<double>::quiet_NaN();
    const double into = std::fmod(std::max(0.0, c.time - c.start), span);
    // A time that rounding left a sliver short of a whole span wraps to start all the same.
    return a[0] + (span - into <= sliver(c) ? 0.0 : into);
}

} // namespace meadows
