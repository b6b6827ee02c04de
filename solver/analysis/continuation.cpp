#include "continuation.h"
#include "newton.h"

#include <algorithm>
#include <cmath>

namespace meadows {

namespace {

struct Point {
    int index; // on the grid
    double value;
    Eigen::VectorXd stocks;
};

// Where a branch stopped before the grid's end: its last point, pushed by bisection to
// the parameter value where it vanishes.
struct End {
    double value;
    Eigen::VectorXd stocks;
};

double largestStep(const Eigen::VectorXd &a, const Eigen::VectorXd &b) { return (a - b).cwiseAbs().maxCoeff(); }

class Tracer {
public:
    Tracer(const ParameterizedModel &pm, std::size_t parameter, double time, const std::vector<double> &grid,
           double precision, const std::atomic<bool> *cancel)
        : m_pm(pm), m_parameter(parameter), m_model(*pm.model()), m_time(time), m_grid(grid), m_precision(precision),
          m_cancel(cancel)
    {
        m_scale = std::fabs(grid.back() - grid.front());
    }

    // The model's net flows with the parameter at `value`. The RateFunction copies the
    // memory image, so the next call's value does not reach it.
    RateFunction at(double value)
    {
        m_pm.set(m_model, m_parameter, value);
        return RateFunction(m_model, m_time);
    }

    CompiledModel &model() { return m_model; }
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    // Newton at `value` from the predicted point, then from the last one; a root farther
    // than `reach` from the last point belongs to another branch.
    std::optional<Eigen::VectorXd> correct(double value, const Eigen::VectorXd &guess, const Eigen::VectorXd &last, double reach)
    {
        RateFunction f = at(value);
        NewtonResult r = solveNewton(f, guess);
        if ((!r.converged || largestStep(r.stocks, last) > reach) && guess != last)
            r = solveNewton(f, last);
        if (!r.converged || largestStep(r.stocks, last) > reach)
            return std::nullopt;
        return r.stocks;
    }

    // How far a root may lie from the predicted point and still be this branch's.
    static double reachFrom(const Eigen::VectorXd &last, const Eigen::VectorXd &predicted)
    {
        return std::max(2.0 * largestStep(predicted, last), 0.05 * std::max(1.0, last.cwiseAbs().maxCoeff()));
    }

    // The tangent predictor: along the branch f(x(p), p) = 0, so dx/dp = -J^-1 df/dp
    // (df/dp by a central difference in the parameter).
    Eigen::VectorXd predict(double from, const Eigen::VectorXd &x, double to)
    {
        const double h = 1e-6 * std::max(std::fabs(from), 1e-3 * m_scale);
        RateFunction up = at(from + h);
        const Eigen::VectorXd fUp = up(x);
        RateFunction down = at(from - h);
        const Eigen::VectorXd fDown = down(x);
        RateFunction here = at(from);
        const Eigen::MatrixXd j = here.jacobian(x);
        const Eigen::VectorXd slope = j.colPivHouseholderQr().solve(-(fUp - fDown) / (2 * h));
        if (!slope.allFinite())
            return x;
        return x + (to - from) * slope;
    }

    // Follows a branch from grid point k0 in `direction` (+1 or -1) until the grid ends
    // or the branch does.
    std::vector<Point> trace(int k0, const Eigen::VectorXd &x0, int direction, std::optional<End> *end)
    {
        std::vector<Point> points{{k0, m_grid[std::size_t(k0)], x0}};
        for (int k = k0 + direction; k >= 0 && k < int(m_grid.size()); k += direction) {
            if (cancelled())
                return points;
            const Point &p = points.back();
            const double value = m_grid[std::size_t(k)];
            const std::optional<Eigen::VectorXd> next = advance(p.value, p.stocks, value);
            if (!next) {
                *end = locateEnd(p.value, p.stocks, value, reachFrom(p.stocks, predict(p.value, p.stocks, value)));
                break;
            }
            points.push_back({k, value, *next});
        }
        return points;
    }

    // From a point of the branch to the next grid value: one predictor-corrector step, or,
    // where the branch bends faster than one grid step can follow (near a fold), steps
    // halved up to kHalvings times.
    std::optional<Eigen::VectorXd> advance(double from, Eigen::VectorXd x, double to)
    {
        constexpr int kHalvings = 6;
        double at = from, step = to - from;
        for (int halvings = 0; at != to;) {
            const double next = std::fabs(to - at) <= std::fabs(step) ? to : at + step;
            const Eigen::VectorXd guess = predict(at, x, next);
            if (const std::optional<Eigen::VectorXd> y = correct(next, guess, x, reachFrom(x, guess))) {
                x = *y;
                at = next;
            } else if (++halvings > kHalvings || cancelled()) {
                return std::nullopt;
            } else {
                step /= 2;
            }
        }
        return x;
    }

    // Bisection between a value where the branch exists and one where it does not.
    End locateEnd(double good, Eigen::VectorXd stocks, double bad, double reach)
    {
        const double span = std::fabs(bad - good);
        while (std::fabs(bad - good) > tolerance(good) && !cancelled()) {
            const double middle = 0.5 * (good + bad);
            std::optional<Eigen::VectorXd> x = correct(middle, stocks, stocks, reach);
            // Where the branch bends too fast for one Newton step from the last good point
            // (it moves far near a fold), sub-steps; once the interval is a small part of the
            // grid step, one Newton step reaches as far as the branch goes.
            if (!x && std::fabs(middle - good) > span / 64)
                x = advance(good, stocks, middle);
            if (x) {
                good = middle;
                stocks = *x;
            } else {
                bad = middle;
            }
        }
        return {good, stocks};
    }

    double tolerance(double value) const { return m_precision * std::max(std::fabs(value), 1e-3 * m_scale); }

    // The largest real part among eigenvalues with an imaginary part: it changes sign
    // where a Hopf bifurcation is. NaN when all eigenvalues are real.
    double hopfIndicator(double value, const Eigen::VectorXd &stocks)
    {
        RateFunction f = at(value);
        const Eigen::MatrixXd j = f.jacobian(stocks);
        if (!j.allFinite())
            return std::nan("");
        const Eigen::EigenSolver<Eigen::MatrixXd> solver(j, false);
        const double zero = 1e-7 * std::max(j.cwiseAbs().maxCoeff(), 1e-300);
        double best = std::nan("");
        for (const std::complex<double> &v : solver.eigenvalues()) {
            if (std::fabs(v.imag()) > zero && !(v.real() <= best))
                best = v.real();
        }
        return best;
    }

    // Between two points of a branch where the indicator changes sign: bisection on it.
    std::optional<SpecialPoint> locateHopf(const Point &a, const Point &b)
    {
        double lo = a.value, hi = b.value;
        Eigen::VectorXd xlo = a.stocks;
        const double sign = hopfIndicator(lo, xlo) < 0 ? -1 : 1;
        const double reach = reachFrom(a.stocks, b.stocks);
        while (std::fabs(hi - lo) > tolerance(lo) && !cancelled()) {
            const double middle = 0.5 * (lo + hi);
            const auto x = correct(middle, xlo, xlo, reach);
            if (!x)
                return std::nullopt;
            const double g = hopfIndicator(middle, *x);
            if (std::isnan(g))
                return std::nullopt;
            if ((g < 0 ? -1 : 1) == sign) {
                lo = middle;
                xlo = *x;
            } else {
                hi = middle;
            }
        }
        return SpecialPoint{0.5 * (lo + hi), std::vector<double>(xlo.data(), xlo.data() + xlo.size())};
    }

private:
    const ParameterizedModel &m_pm;
    std::size_t m_parameter;
    CompiledModel m_model;
    double m_time;
    const std::vector<double> &m_grid;
    double m_precision;
    double m_scale = 1;
    const std::atomic<bool> *m_cancel;
};

bool onBranch(const std::vector<Point> &branch, int index, const Eigen::VectorXd &x)
{
    return std::any_of(branch.begin(), branch.end(), [&](const Point &p) { return p.index == index && sameStocks(p.stocks, x, 1e-4); });
}

} // namespace

Continuation continueEquilibria(const ParameterizedModel &pm, std::size_t parameter, double from, double to, int points,
                                const ContinuationOptions &options, const std::atomic<bool> *cancel)
{
    Continuation result;
    if (!pm.model() || points < 2 || parameter >= std::size_t(pm.names().size()))
        return result;
    result.parameter = pm.names()[qsizetype(parameter)];
    result.stockNames = stockNames(pm.flat(), *pm.model());
    std::vector<double> grid(static_cast<std::size_t>(points));
    for (int k = 0; k < points; ++k)
        grid[std::size_t(k)] = k + 1 == points ? to : from + (to - from) * double(k) / double(points - 1);
    const double time = options.at.value_or(pm.model()->specs.start);
    Tracer tracer(pm, parameter, time, grid, options.precision, cancel);

    // Seeds: a full search at both ends of the range (and, for small models, between), each
    // equilibrium not yet on a branch followed both ways.
    std::vector<int> seeds{0, points - 1};
    const std::size_t stocks = pm.model()->stockSlots.size();
    if (stocks <= 10) {
        for (int k = points / 8; k > 0 && k < points - 1; k += std::max(1, points / 8))
            seeds.push_back(k);
    }
    std::vector<std::vector<Point>> branches;
    std::vector<End> ends;
    EquilibriumOptions search;
    search.at = time;
    search.findKinks = false;
    search.maxCorners = stocks <= 10 ? 64 : 4;
    for (std::size_t seedIndex = 0; seedIndex < seeds.size(); ++seedIndex) {
        const int seed = seeds[seedIndex];
        if (tracer.cancelled())
            break;
        tracer.at(grid[std::size_t(seed)]);
        const EquilibriumSearch found = findEquilibria(pm.flat(), tracer.model(), search, cancel);
        for (const Equilibrium &e : found.equilibria) {
            const Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(e.stocks.data(), Eigen::Index(e.stocks.size()));
            if (std::any_of(branches.begin(), branches.end(), [&](const auto &b) { return onBranch(b, seed, x); }))
                continue;
            std::optional<End> low, high;
            std::vector<Point> down = tracer.trace(seed, x, -1, &low);
            std::vector<Point> up = tracer.trace(seed, x, +1, &high);
            std::reverse(down.begin(), down.end());
            down.insert(down.end(), up.begin() + 1, up.end());
            branches.push_back(std::move(down));
            for (const auto &end : {low, high}) {
                if (end)
                    ends.push_back(*end);
            }
        }
        if (options.progress)
            options.progress(int(seedIndex + 1), int(seeds.size()));
    }

    // Two branches that vanish at the same value and stocks meet there (a fold); one that
    // vanishes alone ends at a corner of the equations or where it leaves the stocks'
    // allowed range, and is a tipping point too.
    std::vector<char> used(ends.size(), 0);
    for (std::size_t i = 0; i < ends.size(); ++i) {
        if (used[i])
            continue;
        Eigen::VectorXd x = ends[i].stocks;
        double value = ends[i].value;
        for (std::size_t j = i + 1; j < ends.size(); ++j) {
            // Where the branches meet at a corner (MIN, MAX, a graph's point), finite differences
            // straddle it and each side's end is found a little less exactly: ends within
            // 1e-6 of each other (relative) at the same stocks are one fold.
            const double apart = std::max(10 * tracer.tolerance(value), 1e-6 * std::max(std::fabs(value), 1e-3 * std::fabs(to - from)));
            if (!used[j] && std::fabs(ends[j].value - value) <= apart
                && sameStocks(ends[j].stocks, x, 1e-2)) {
                used[j] = 1;
                x = 0.5 * (x + ends[j].stocks);
                value = 0.5 * (value + ends[j].value);
            }
        }
        result.folds.push_back({value, std::vector<double>(x.data(), x.data() + x.size())});
    }
    std::sort(result.folds.begin(), result.folds.end(), [](const auto &a, const auto &b) { return a.value < b.value; });

    for (const std::vector<Point> &branch : branches) {
        std::vector<BranchPoint> out;
        double previousIndicator = std::nan("");
        for (std::size_t i = 0; i < branch.size() && !tracer.cancelled(); ++i) {
            const Point &p = branch[i];
            RateFunction f = tracer.at(p.value);
            const Equilibrium e = classify(f, p.stocks);
            out.push_back({p.value, e.stocks, e.stability, e.oscillatory});
            const double indicator = tracer.hopfIndicator(p.value, p.stocks);
            if (i > 0 && !std::isnan(indicator) && !std::isnan(previousIndicator)
                && (indicator < 0) != (previousIndicator < 0)) {
                if (const auto h = tracer.locateHopf(branch[i - 1], p))
                    result.hopf.push_back(*h);
            }
            previousIndicator = indicator;
        }
        result.branches.push_back(std::move(out));
    }
    std::sort(result.hopf.begin(), result.hopf.end(), [](const auto &a, const auto &b) { return a.value < b.value; });
    result.cancelled = tracer.cancelled();
    return result;
}

} // namespace meadows
