#include "newton.h"

#include <cmath>

namespace meadows {

bool isBalanced(const RateFunction &f, const Eigen::VectorXd &net, double tolerance)
{
    for (Eigen::Index s = 0; s < net.size(); ++s) {
        if (!std::isfinite(net[s]) || std::fabs(net[s]) > tolerance * (1.0 + f.grossFlow(std::size_t(s))))
            return false;
    }
    return true;
}

namespace {
void keepFeasible(const RateFunction &f, Eigen::VectorXd &x)
{
    for (Eigen::Index s = 0; s < x.size(); ++s) {
        if (f.nonNegative(std::size_t(s)) && x[s] < 0)
            x[s] = 0;
    }
}
} // namespace

// Damped Newton: the full step is taken when it lowers |net flow|, else halved until it
// does (Armijo's rule on the residual's norm). A singular Jacobian (a stock nothing
// depends on, a fold) gets the least-squares step from a rank-revealing QR.
NewtonResult solveNewton(RateFunction &f, Eigen::VectorXd x, const NewtonOptions &options)
{
    NewtonResult result;
    keepFeasible(f, x);
    Eigen::VectorXd net = f(x);
    for (int k = 0; k < options.maxIterations; ++k) {
        result.iterations = k;
        if (!net.allFinite() || !x.allFinite())
            break;
        if (isBalanced(f, net, options.tolerance)) {
            result.converged = true;
            break;
        }
        const Eigen::MatrixXd j = f.jacobian(x);
        const Eigen::VectorXd step = j.colPivHouseholderQr().solve(-net);
        if (!step.allFinite())
            break;
        const double norm = net.norm();
        double lambda = 1.0;
        bool accepted = false;
        Eigen::VectorXd trial;
        Eigen::VectorXd trialNet;
        for (int halving = 0; halving < 30; ++halving, lambda /= 2) {
            trial = x + lambda * step;
            keepFeasible(f, trial);
            trialNet = f(trial);
            if (trialNet.allFinite() && trialNet.norm() <= (1.0 - 1e-4 * lambda) * norm) {
                accepted = true;
                break;
            }
        }
        if (!accepted) {
            // No descent: a local minimum of |net| that is not a root, or a root at a kink
            // the full step keeps overshooting. Accept only if it is a root after all.
            f(x);
            break;
        }
        const bool stalled = (trial - x).cwiseAbs().maxCoeff() <= 1e-15 * (1.0 + x.cwiseAbs().maxCoeff());
        x = trial;
        net = trialNet;
        if (stalled)
            break;
    }
    // The memory holds x's evaluation here: judge the last point.
    net = f(x);
    result.converged = isBalanced(f, net, options.tolerance);
    result.stocks = x;
    return result;
}

} // namespace meadows
