#pragma once
// Sensitivity runs as Stella and Vensim offer them: the model run many times with
// parameters drawn from distributions, and every variable's spread over time as
// percentile bands.
#include "parameters.h"

#include "solver/simulation.h"

#include <atomic>
#include <functional>

namespace meadows {

struct Distribution {
    enum class Kind { Uniform, Normal, Triangular } kind = Kind::Uniform;
    double a = 0, b = 1, c = 0; // uniform(min, max), normal(mean, sd), triangular(min, mode, max)

    // The value below which a share u (0 < u < 1) of draws fall.
    double quantile(double u) const;
    // Reads "uniform(a,b)", "normal(m,s)" or "triangular(min,mode,max)"; on a mistake,
    // empty with `error` saying what is wrong.
    static std::optional<Distribution> parse(const QString &text, QString *error);
};

enum class Sampling { LatinHypercube, MonteCarlo };

// The parameters' values for each run: samples[run][parameter]. Latin hypercube sampling
// splits each parameter's probability into `runs` equal strata and draws once in each,
// in a random order per parameter; Monte Carlo draws independently. The same seed gives
// the same samples on every machine (a 64-bit Mersenne Twister, used bit by bit).
std::vector<std::vector<double>> drawSamples(const std::vector<Distribution> &distributions, int runs, std::uint64_t seed,
                                             Sampling sampling);

// The percentile p (0..100) of sorted values, interpolating linearly between order
// statistics at rank (n - 1) p / 100 (numpy's default, Excel's PERCENTILE.INC).
double percentileOfSorted(const double *sorted, std::size_t n, double p);

inline constexpr double kBandPercentiles[] = {5, 25, 50, 75, 95};

struct SensitivityResult {
    // Time, then for every variable its bands, named "NAME:p5", "NAME:p25", "NAME:p50",
    // "NAME:p75", "NAME:p95": the CSV `meadows run` writes, with these columns.
    std::optional<Results> bands;
    std::vector<std::vector<double>> samples;
    QString error;
};

// Runs `model` (made with the distributions' parameters settable, in order) once per
// sample, on `threads` threads (0: every core).
SensitivityResult runSensitivity(const ParameterizedModel &model, const std::vector<Distribution> &distributions,
                                 int runs, std::uint64_t seed, Sampling sampling, const RunOptions &run = {},
                                 unsigned threads = 0, const std::atomic<bool> *cancel = nullptr,
                                 const std::function<void(std::size_t, std::size_t)> &progress = {});

} // namespace meadows
