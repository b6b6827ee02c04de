#pragma once
// Steady states: stock values where every stock's net flow is zero, with time-driven
// inputs held at one instant, and how the model behaves near each (its eigenvalues).
#include "kinks.h"
#include "ratefunction.h"

#include "solver/flatmodel.h"

#include <atomic>
#include <complex>
#include <optional>

namespace meadows {

// Stable: every eigenvalue's real part is negative, or zero with none positive (a centre:
// orbits neither grow nor shrink). Unstable: some positive and none negative. Saddle:
// some of each, so nearby states leave along some directions and return along others.
enum class Stability { Stable, Unstable, Saddle };
QString stabilityName(Stability s); // "stable", "unstable", "saddle"

struct Equilibrium {
    std::vector<double> stocks; // in the compiled model's stock order
    std::vector<std::complex<double>> eigenvalues; // by real part, largest first
    Stability stability = Stability::Stable;
    bool oscillatory = false;   // some eigenvalue is complex: the approach or departure spirals
    bool neutral = false;       // the largest real part is zero (to rounding): a centre or a fold
    std::vector<Kink> kinks;
};

// Eigenvalues and classification of the Jacobian at `stocks`.
Equilibrium classify(RateFunction &f, const Eigen::VectorXd &stocks);

struct EquilibriumOptions {
    std::optional<double> at;    // time held; the model's start by default
    int maxCorners = 64;         // corners of the stocks' ranges tried as starting points
    bool findKinks = true;
};

struct EquilibriumSearch {
    std::vector<QString> stockNames; // as the model displays them; hidden stocks are "" 
    std::vector<Equilibrium> equilibria; // sorted by their stocks
    int starts = 0;                      // starting points tried
    // What the search could not take into account; an error when it searched nothing (a
    // model with a Vensim QUEUE FIFO, whose contents it cannot move).
    std::vector<Diagnostic> warnings;
};

// Warnings for what equilibria cannot honour: past values (DELAY FIXED, DELAY INFORMATION, PREVIOUS, HISTORY)
// are taken before any history exists, and random numbers are one frozen draw.
std::vector<Diagnostic> equilibriumCaveats(const FlatModel &flat, const CompiledModel &model);

// Every equilibrium Newton reaches from the initial state, points along a run, corners of
// the range the stocks cover in that run, and points between; duplicates merged.
EquilibriumSearch findEquilibria(const FlatModel &flat, const CompiledModel &model, const EquilibriumOptions &options = {},
                                 const std::atomic<bool> *cancel = nullptr);

// Whether two stock vectors are the same equilibrium (1e-6 relative per stock).
bool sameStocks(const Eigen::VectorXd &a, const Eigen::VectorXd &b, double relative = 1e-6);

// Names of the compiled model's stocks, from the flat model it was compiled from.
std::vector<QString> stockNames(const FlatModel &flat, const CompiledModel &model);

} // namespace meadows
