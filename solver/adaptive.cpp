// Adaptive integration through Boost.Odeint: Dormand-Prince RK45 with dense output, and
// Rosenbrock4 for stiff models. Both report on the save grid. Recorded series (DELAY,
// PREVIOUS, HISTORY) are kept at the save step, since there is no fixed DT to keep them at.
#include "runner.h"
#include "stiffintegrator.h"

#include <boost/numeric/odeint/integrate/integrate_times.hpp>
#include <boost/numeric/odeint/stepper/generation.hpp>
#include <boost/numeric/odeint/stepper/runge_kutta_dopri5.hpp>

#include <cmath>
#include <limits>

namespace meadows::detail {

namespace {

constexpr double kAbsoluteTolerance = 1e-9;
constexpr double kRelativeTolerance = 1e-8;

struct Cancelled {};

std::vector<double> saveTimes(const Runner &run)
{
    const long long rows = std::llround(std::floor((run.stop - run.start) / run.saveStep + 1e-9));
    std::vector<double> times;
    times.reserve(std::size_t(rows + 1));
    for (long long j = 0; j <= rows; ++j)
        times.push_back(run.start + double(j) * run.saveStep);
    return times;
}

} // namespace

RunResult runAdaptive(Runner &run, Method method, const std::atomic<bool> *cancel)
{
    namespace odeint = boost::numeric::odeint;
    RunResult result;
    const std::vector<double> times = saveTimes(run);
    Results r = run.emptyResults(times.size());
    run.state.dt = run.saveStep;
    std::vector<double> levels = run.initialise();
    const std::size_t n = levels.size();
    std::vector<double> flows(n);

    // At each save time: the stocks as integrated, everything else evaluated from them.
    const auto observe = [&](const std::vector<double> &x, double t) {
        if (run.cancelled(cancel))
            throw Cancelled{};
        run.evaluate(x, t);
        run.netFlows(flows.data(), run.dt);
        run.record();
        run.save(r);
        run.reportProgress(t);
    };
    const auto derivative = [&](const std::vector<double> &x, double *dxdt, double t) {
        run.evaluate(x, t);
        run.netFlows(dxdt, run.dt);
    };

    try {
        if (n == 0) {
            for (double t : times)
                observe(levels, t);
        } else if (method == Method::RK45) {
            auto stepper = odeint::make_dense_output(kAbsoluteTolerance, kRelativeTolerance,
                                                     odeint::runge_kutta_dopri5<std::vector<double>>());
            odeint::integrate_times(
                stepper,
                [&](const std::vector<double> &x, std::vector<double> &dxdt, double t) { derivative(x, dxdt.data(), t); },
                levels, times.begin(), times.end(), run.dt,
                [&](const std::vector<double> &x, double t) { observe(x, t); });
        } else {
            integrateStiff(levels, times, run.dt, kAbsoluteTolerance, kRelativeTolerance,
                           [&](const std::vector<double> &x, std::vector<double> &dxdt, double t) { derivative(x, dxdt.data(), t); },
                           observe);
        }
    } catch (const Cancelled &) {
        result.error = QStringLiteral("cancelled");
        return result;
    }
    result.results = std::move(r);
    return result;
}

} // namespace meadows::detail
