#pragma once
// Newton's method with a backtracking line search, for "every stock's net flow is zero".
#include "ratefunction.h"

namespace meadows {

struct NewtonResult {
    bool converged = false;
    Eigen::VectorXd stocks;
    int iterations = 0;
};

struct NewtonOptions {
    int maxIterations = 60;
    // Converged when every net flow is below this share of the flows that make it up
    // (plus the same share of one unit, for stocks where nothing flows).
    double tolerance = 1e-10;
};

// Starts from `start`; non-negative stocks are kept at or above zero.
NewtonResult solveNewton(RateFunction &f, Eigen::VectorXd start, const NewtonOptions &options = {});

// True when `net` (from f at the last evaluation) is zero to the tolerance.
bool isBalanced(const RateFunction &f, const Eigen::VectorXd &net, double tolerance);

} // namespace meadows
