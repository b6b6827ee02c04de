#include "simulation.h"

#include "flatmodel.h"
#include "runner.h"

#include <cmath>

namespace meadows {

int Results::column(const QString &name) const
{
    const QString key = variableKey(name);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (variableKey(names[i]) == key)
            return int(i);
    }
    return -1;
}

std::optional<Method> methodFromName(const QString &name)
{
    const QString n = name.trimmed().toLower().replace(u'_', u'-');
    if (n.isEmpty() || n == QLatin1String("euler"))
        return Method::Euler;
    if (n == QLatin1String("rk4") || n == QLatin1String("runge-kutta 4") || n == QLatin1String("runge-kutta-4"))
        return Method::RK4;
    if (n == QLatin1String("rk2") || n == QLatin1String("runge-kutta 2") || n == QLatin1String("runge-kutta-2"))
        return Method::RK2;
    if (n == QLatin1String("rk45") || n == QLatin1String("dopri5") || n == QLatin1String("rk4 auto")
        || n == QLatin1String("adaptive"))
        return Method::RK45;
    if (n == QLatin1String("rosenbrock") || n == QLatin1String("stiff"))
        return Method::Rosenbrock;
    return std::nullopt;
}

namespace detail {

// Euler as Vensim and Stella step it: the flows computed from this step's stocks move
// the stocks to the next step; a row is saved every save step. RK4 and RK2 step through
// Boost.Odeint over the same grid (Runner::advance).
RunResult runFixedStep(Runner &run, Method method, const std::atomic<bool> *cancel)
{
    RunResult result;
    const long long steps = std::llround(std::floor((run.stop - run.start) / run.dt + 1e-9));
    const long long saveEvery = std::max<long long>(1, std::llround(run.saveStep / run.dt));
    Results r = run.emptyResults(std::size_t(steps / saveEvery + 1));
    std::vector<double> levels = run.initialise();
    std::vector<double> derivative(levels.size());
    const std::size_t stocks = levels.size();
    double *mem = run.memory.data();


    for (long long k = 0;; ++k) {
        // Time from the step count, not by accumulation, so that it does not drift.
        const double t = run.start + double(k) * run.dt;
        if (k > 0) {
            run.evaluate(levels, t);
        } else {
            for (std::size_t s = 0; s < stocks; ++s)
                mem[run.model.stockSlots[s]] = levels[s];
        }
        run.netFlows(derivative.data(), run.dt);
        run.record();
        if (k % saveEvery == 0)
            run.save(r);
        if (k >= steps)
            break;
        if ((k & 1023) == 0) {
            if (run.cancelled(cancel)) {
                result.error = QStringLiteral("cancelled");
                return result;
            }
            run.reportProgress(t);
        }
        run.advance(method, levels, derivative, t, run.dt);
    }
    result.results = std::move(r);
    return result;
}

} // namespace detail

// The earliest saved row with an Inf or NaN, and in it the first such column. Scanned
// after the run so that the stepping loop stays free of checks.
static std::optional<Diagnostic> firstNonFinite(const CompiledModel &model, const Results &r)
{
    for (std::size_t row = 0; row < r.rows(); ++row) {
        for (std::size_t c = 1; c < r.columns; ++c) {
            const double v = r.at(row, c);
            if (std::isfinite(v))
                continue;
            const OutputColumn &column = model.outputs[c - 1];
            Diagnostic d;
            d.severity = Severity::Warning;
            d.file = column.source.fileName();
            d.pos = column.source.position();
            d.message = QStringLiteral("'%1' is %2 at time %3 (%4); later values built on it are not meaningful")
                            .arg(column.name, std::isnan(v) ? QStringLiteral("NaN") : v > 0 ? QStringLiteral("Inf") : QStringLiteral("-Inf"))
                            .arg(r.at(row, 0))
                            .arg(std::isnan(v) ? (column.computedSubscript
                                                      ? QStringLiteral("a subscript computed while the model runs is outside its "
                                                                       "dimension, or 0/0, the square root or logarithm of a "
                                                                       "negative number, or Inf - Inf")
                                                  : column.allocates
                                                      ? QStringLiteral("a priority profile with a curve type (ptype) other than "
                                                                       "0 to 4 or a width (pwidth) of 0 or less, a NaN request "
                                                                       "or amount available, or 0/0, Inf - Inf")
                                                      : QStringLiteral("0/0, the square root or logarithm of a negative number, Inf - Inf, or "
                                                                       "a function's argument outside what it is defined for"))
                                               : QStringLiteral("a division by zero, the logarithm of 0, or an overflow"));
            return d;
        }
    }
    return std::nullopt;
}

QString checkRunSettings(const CompiledModel &model, const RunOptions &options)
{
    return detail::Runner(model, options).check();
}

RunResult simulate(const CompiledModel &model, const RunOptions &options, const std::atomic<bool> *cancel)
{
    detail::Runner runner(model, options);
    RunResult result;
    result.error = runner.check();
    if (!result.error.isEmpty())
        return result;
    Method method = Method::Euler;
    if (options.method)
        method = *options.method;
    else if (const auto m = methodFromName(model.specs.method))
        method = *m; // else Euler, which compiling said (compiler.cpp)
    // A conveyor, a queue or an oven moves one DT at a time, which Runge-Kutta's part-steps
    // cannot split: Stella runs such models with Euler, and so does Meadows, saying so.
    const bool forcedEuler = (!model.conveyors.empty() || !model.queues.empty() || !model.ovens.empty()) && method != Method::Euler;
    if (forcedEuler)
        method = Method::Euler;
    bool adaptive = method == Method::RK45 || method == Method::Rosenbrock;
    // A step the model computes is the step taken: no adaptive method chooses its own.
    const bool computedClock = runner.clock.any();
    const bool forcedRK4 = computedClock && adaptive;
    if (forcedRK4) {
        method = Method::RK4;
        adaptive = false;
    }
    try {
        result = computedClock ? detail::runComputedClock(runner, method, cancel)
                 : adaptive    ? detail::runAdaptive(runner, method, cancel)
                               : detail::runFixedStep(runner, method, cancel);
    } catch (const detail::IndexOutOfRange &e) { // no results: none of them would be meaningful
        result = RunResult{};
        result.error = e.message;
        result.errorSource = e.source;
        return result;
    }
    if (!computedClock) // a computed clock's run says its own
        result.warnings = runner.warnings(!adaptive);
    result.warnings.insert(result.warnings.end(), runner.clockWarnings.begin(), runner.clockWarnings.end());
    if (forcedRK4)
        result.warnings.push_back(Diagnostic(Severity::Warning, model.specs.places.file, model.specs.places.method,
                                             QStringLiteral("the model computes its TIME STEP, FINAL TIME or SAVEPER, "
                                                            "so it runs with RK4 steps of its TIME STEP, not an "
                                                            "adaptive method")));
    if (forcedEuler)
        result.warnings.push_back(Diagnostic(Severity::Warning, model.specs.places.file, model.specs.places.method,
                                             QStringLiteral("the model has conveyors, queues or ovens (Vensim's DELAY MATERIAL is one), which "
                                                            "move one DT at a time: it runs with Euler's method, as Stella runs them")));
    if (result.results)
        result.firstNonFinite = firstNonFinite(model, *result.results);
    return result;
}

} // namespace meadows
