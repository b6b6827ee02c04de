#include "stiffintegrator.h"

#include <boost/numeric/odeint/integrate/integrate_times.hpp>
#include <boost/numeric/odeint/stepper/generation.hpp>
#include <boost/numeric/odeint/stepper/rosenbrock4.hpp>
#include <boost/numeric/odeint/stepper/rosenbrock4_controller.hpp>
#include <boost/numeric/odeint/stepper/rosenbrock4_dense_output.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace meadows::detail {

void integrateStiff(std::vector<double> start, const std::vector<double> &times, double firstStep,
                    double absoluteTolerance, double relativeTolerance, const Derivative &f, const Observer &observe)
{
    namespace odeint = boost::numeric::odeint;
    namespace ublas = boost::numeric::ublas;
    using Vector = ublas::vector<double>;
    using Matrix = ublas::matrix<double>;
    const std::size_t n = start.size();
    std::vector<double> at(n), out(n), bumped(n);
    const auto load = [&](const Vector &x) {
        for (std::size_t i = 0; i < n; ++i)
            at[i] = x[i];
    };
    const auto system = [&](const Vector &x, Vector &dxdt, double t) {
        load(x);
        f(at, out, t);
        for (std::size_t i = 0; i < n; ++i)
            dxdt[i] = out[i];
    };
    const auto jacobian = [&](const Vector &x, Matrix &J, double t, Vector &dfdt) {
        load(x);
        f(at, out, t);
        const double root = std::sqrt(std::numeric_limits<double>::epsilon());
        for (std::size_t j = 0; j < n; ++j) {
            const double h = root * std::max(1.0, std::fabs(at[j]));
            const double kept = at[j];
            at[j] = kept + h;
            f(at, bumped, t);
            at[j] = kept;
            for (std::size_t i = 0; i < n; ++i)
                J(i, j) = (bumped[i] - out[i]) / h;
        }
        const double ht = root * std::max(1.0, std::fabs(t));
        f(at, bumped, t + ht);
        for (std::size_t i = 0; i < n; ++i)
            dfdt[i] = (bumped[i] - out[i]) / ht;
    };
    Vector x(n);
    for (std::size_t i = 0; i < n; ++i)
        x[i] = start[i];
    std::vector<double> seen(n);
    auto stepper = odeint::make_dense_output<odeint::rosenbrock4<double>>(absoluteTolerance, relativeTolerance);
    odeint::integrate_times(stepper, std::make_pair(system, jacobian), x, times.begin(), times.end(), firstStep,
                            [&](const Vector &state, double t) {
                                for (std::size_t i = 0; i < n; ++i)
                                    seen[i] = state[i];
                                observe(seen, t);
                            });
}

} // namespace meadows::detail
