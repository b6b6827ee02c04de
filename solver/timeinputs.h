#pragma once
// The evaluations of the time inputs: functions of the run's clock and of their arguments
// (STEP, RAMP, PULSE, PULSE TRAIN, and Stella's SINWAVE, COSWAVE and COUNTER). Each has its
// registry entry in solver/builtins.cpp, which says everything else about it.
#include <cstddef>

namespace meadows {

struct BuiltinClock;

double stepInput(const double *a, std::size_t n, const BuiltinClock &c);        // STEP(height, start)
double rampInput(const double *a, std::size_t n, const BuiltinClock &c);        // RAMP(slope, start [, end])
double pulseInput(const double *a, std::size_t n, const BuiltinClock &c);       // XMILE's PULSE(magnitude [, first [, interval]])
double vensimPulseInput(const double *a, std::size_t n, const BuiltinClock &c); // Vensim's PULSE(start, width)
double pulseTrainInput(const double *a, std::size_t n, const BuiltinClock &c);  // PULSE TRAIN(start, width, interval, end)
double sineWave(const double *a, std::size_t n, const BuiltinClock &c);         // SINWAVE(amplitude, period)
double cosineWave(const double *a, std::size_t n, const BuiltinClock &c);       // COSWAVE(amplitude, period)
double counterInput(const double *a, std::size_t n, const BuiltinClock &c);     // COUNTER(start, end)

} // namespace meadows
