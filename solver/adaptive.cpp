// Adaptive integration through Boost.Odeint: Dormand-Prince RK45 with dense output, and
// Rosenbrock4 for stiff models. Both report on the save grid. A model that records series
// (DELAY, PREVIOUS, HISTORY, DERIVN) or has information delays is observed at every DT too,
// and its series kept there with their times: kept at the save step only, they made the
// results depend on how often they are saved (a tester's HISTORY(s, TIME - 2) gave s(5) =
// 7.55 saved every 5, 4.5 saved every DT).
#include "runner.h"
#include "stiffintegrator.h"

#include <boost/numeric/odeint/integrate/integrate_times.hpp>
#include <boost/numeric/odeint/stepper/generation.hpp>
#include <boost/numeric/odeint/stepper/runge_kutta_dopri5.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace meadows::detail {

namespace {

constexpr double kAbsoluteTolerance = 1e-9;
constexpr double kRelativeTolerance = 1e-8;

struct Cancelled {};

std::vector<double> gridTimes(const Runner &run, double step)
{
    const long long rows = std::llround(std::floor((run.stop - run.start) / step + 1e-9));
    std::vector<double> times;
    times.reserve(std::size_t(rows + 1));
    for (long long j = 0; j <= rows; ++j)
        times.push_back(run.start + double(j) * step);
    return times;
}

// Two times within rounding of each other: a billionth of the smaller step, or a few units
// in the last place of the time itself, whichever is more.
bool sameTime(double a, double b, double tolerance)
{
    const double ulps = 4 * (std::nextafter(std::abs(b), HUGE_VAL) - std::abs(b));
    return std::abs(a - b) <= std::max(tolerance, ulps);
}

// The save times and, for a model that records, every DT: merged, in order, each once; a DT
// time within rounding of a save time gives way to it, so that the saved row's Time is the
// save time.
std::vector<double> observeTimes(const Runner &run, const std::vector<double> &saved, bool everyDt, double tolerance)
{
    if (!everyDt)
        return saved;
    std::vector<double> times;
    for (double t : gridTimes(run, run.dt)) {
        const auto near = std::lower_bound(saved.begin(), saved.end(), t - run.saveStep / 2);
        if (near == saved.end() || !sameTime(*near, t, tolerance))
            times.push_back(t);
    }
    times.insert(times.end(), saved.begin(), saved.end());
    std::sort(times.begin(), times.end());
    return times;
}

} // namespace

RunResult runAdaptive(Runner &run, Method method, const std::atomic<bool> *cancel)
{
    namespace odeint = boost::numeric::odeint;
    RunResult result;
    const std::vector<double> saved = gridTimes(run, run.saveStep);
    const bool records = !run.model.seriesSlots.empty();
    const bool everyDt = records || !run.model.informationDelays.empty() || !run.model.delayConveyors.empty()
                         || !run.model.agedQueues.empty();
    const double tolerance = 1e-9 * std::min(run.dt, run.saveStep);
    const std::vector<double> times = observeTimes(run, saved, everyDt, tolerance);
    Results r = run.emptyResults(saved.size());
    // DT, as in a fixed-step run: the spacing of recorded series and of random draws (a
    // draw per DT, RunState::stepAt), whatever the save step.
    run.state.dt = run.dt;
    std::vector<double> levels = run.initialise();
    const std::size_t n = levels.size();
    std::vector<double> flows(n);

    // At each observed time: the stocks as integrated, everything else evaluated from them,
    // the series recorded (with their times, which need not be evenly spaced), and the row
    // saved at a save time.
    std::size_t nextSave = 0;
    const auto observe = [&](const std::vector<double> &x, double t) {
        if (run.cancelled(cancel))
            throw Cancelled{};
        run.evaluate(x, t);
        run.netFlows(flows.data(), run.dt);
        // A save time between two of DT's is observed, but it ends no step of the delays.
        run.record(sameTime(t, run.start + std::round((t - run.start) / run.dt) * run.dt, tolerance));
        if (records)
            run.state.times.push_back(t);
        if (nextSave < saved.size() && sameTime(t, saved[nextSave], tolerance)) {
            ++nextSave;
            run.save(r);
            run.reportProgress(t);
        }
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
