#pragma once
// Random numbers: the distributions the equation language draws from, and the counter-based
// generator behind them. A draw depends only on (seed, call site, step), so the same run
// gives the same numbers and RK4's stages within a step see the same draw.
#include "builtins.h"

#include <cstdint>
#include <optional>

namespace meadows {

// What a random call draws, with its arguments in the order the language writes them. The
// seed (or Vensim's stream ID) is the last argument where there is one.
enum class RandomKind : std::uint8_t {
    Uniform,          // XMILE RANDOM(min, max [, seed]); Vensim RANDOM UNIFORM(m, x, s)
    Normal,           // XMILE NORMAL(mean, sd [, seed])
    // Vensim's: m and x bound the value, h shifts and r stretches the standard form first
    // (value = h + r * draw, then truncated to [m, x]).
    VensimNormal,     // (m, x, h, r, s): mean h, standard deviation r
    Exponential,      // (m, x, h, r, s): mean 1 before stretching
    Gamma,            // (m, x, O, h, r, s): order (shape) O > 0, scale 1
    Beta,             // (m, x, A, B, h, r, s)
    Poisson,          // (m, x, M, h, r, s): mean M, a whole number before stretching
    Binomial,         // (m, x, P, N, h, r, s): successes in N trials of probability P
    NegativeBinomial, // (m, x, P, N, h, r, s): trials needed for N successes of probability P
    Triangular,       // (m, x, S, P, T, s): between S and T with its peak at P
    Weibull,          // (m, x, S, h, r, s): shape S, scaled to mean 1 before stretching
    Lookup,           // (table, m, x, h, r, s): the density the table draws, linear between
                      // points; the table is randomDraw's, the arguments from m on
};

// The kind a builtin draws; nullopt for a builtin that is no random draw.
std::optional<RandomKind> randomKindOf(Builtin b);

// One draw of `kind` for call site `site` at step `step` of a run with seed `runSeed`. A
// seed argument of 0 (or none) follows the run's seed; any other value gives the call a
// stream of its own, the same whatever the run's seed. NaN for arguments no distribution has
// (a negative standard deviation, a probability above 1, a minimum above the maximum).
// RandomKind::Lookup draws from `table`.
double randomDraw(RandomKind kind, const double *args, std::uint32_t count, std::uint64_t runSeed, std::uint64_t site,
                  std::uint64_t step, const GraphicalFunction *table = nullptr);

} // namespace meadows
