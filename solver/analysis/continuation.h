#pragma once
// Continuation: each equilibrium followed as one parameter moves, the parameter values
// where branches meet or vanish (folds: the tipping points) and where a branch's
// stability changes through a complex pair of eigenvalues (Hopf points).
#include "equilibria.h"
#include "parameters.h"

#include <functional>

namespace meadows {

struct BranchPoint {
    double value = 0; // of the parameter
    std::vector<double> stocks;
    Stability stability = Stability::Stable;
    bool oscillatory = false;
};

struct SpecialPoint {
    double value = 0;
    std::vector<double> stocks;
};

struct Continuation {
    QString parameter;               // as the model displays it
    std::vector<QString> stockNames; // "" for hidden stocks
    std::vector<std::vector<BranchPoint>> branches; // each in the grid's order
    std::vector<SpecialPoint> folds;
    std::vector<SpecialPoint> hopf;
    bool cancelled = false;
};

struct ContinuationOptions {
    std::optional<double> at;   // time held; the model's start by default
    double precision = 1e-8;    // of folds and Hopf points, relative to the parameter's value
    // Called with (grid points done, grid points) from the thread that runs it.
    std::function<void(int, int)> progress;
};

// Follows the equilibria of `model` (made with `parameter` settable) over `points` values
// from `from` to `to`.
Continuation continueEquilibria(const ParameterizedModel &model, std::size_t parameter, double from, double to,
                                int points, const ContinuationOptions &options = {},
                                const std::atomic<bool> *cancel = nullptr);

} // namespace meadows
