#include "recovery.h"
#include "equilibria.h"
#include "parallel.h"

#include <algorithm>
#include <cmath>

namespace meadows {

std::vector<double> RecoveryMap::valuesAt(std::size_t point) const
{
    std::vector<double> values(axes.size());
    for (std::size_t a = axes.size(); a-- > 0;) { // the last axis fastest
        const std::size_t count = std::size_t(std::max(1, axes[a].count));
        values[a] = axes[a].value(int(point % count));
        point /= count;
    }
    return values;
}

namespace {

// The stocks' final values of one run at `values`, or empty when it could not run.
std::vector<double> finalStocks(CompiledModel &copy, const ParameterizedModel &model, const std::vector<double> &values,
                                const std::vector<int> &columns, const RunOptions &run, const std::atomic<bool> *cancel,
                                std::vector<double> *peaks = nullptr, QString *error = nullptr)
{
    for (std::size_t a = 0; a < values.size(); ++a)
        model.set(copy, a, values[a]);
    const RunResult result = simulate(copy, run, cancel);
    if (!result.results || result.results->rows() == 0) {
        if (error)
            *error = result.error;
        return {};
    }
    const Results &r = *result.results;
    std::vector<double> out;
    for (int c : columns)
        out.push_back(r.at(r.rows() - 1, std::size_t(c)));
    if (peaks) {
        peaks->assign(columns.size(), 0.0);
        for (std::size_t s = 0; s < columns.size(); ++s)
            for (std::size_t row = 0; row < r.rows(); ++row)
                (*peaks)[s] = std::fmax((*peaks)[s], std::fabs(r.at(row, std::size_t(columns[s]))));
    }
    return out;
}

bool recovered(const RecoveryMap &map, const std::vector<double> &finals)
{
    if (finals.size() != map.reference.size())
        return false;
    for (std::size_t s = 0; s < finals.size(); ++s) {
        // NaN fails the comparison, so a run that blew up does not recover.
        if (!(std::fabs(finals[s] - map.reference[s]) <= map.tolerance * map.scale[s]))
            return false;
    }
    return true;
}

} // namespace

RecoveryMap mapRecovery(const ParameterizedModel &model, const std::vector<SweepAxis> &axes, const RecoveryOptions &options,
                        const RunOptions &run, unsigned threads, const std::atomic<bool> *cancel,
                        const std::function<void(std::size_t, std::size_t)> &progress)
{
    RecoveryMap map;
    map.axes = axes;
    map.tolerance = options.tolerance;
    if (!model.model() || axes.empty())
        return map;
    const CompiledModel &compiled = *model.model();
    // The stocks the model displays (not those hidden inside SMOOTH and DELAY), by their
    // column in the run's results.
    std::vector<int> columns;
    const std::vector<QString> names = stockNames(model.flat(), compiled);
    CompiledModel probe = compiled;
    RunOptions zero = run;
    zero.stop = run.start.value_or(compiled.specs.start);
    const RunResult layout = simulate(probe, zero, cancel);
    for (const QString &name : names) {
        const int column = name.isEmpty() || !layout.results ? -1 : layout.results->column(name);
        if (column > 0) {
            columns.push_back(column);
            map.stocks.push_back(name);
        }
    }
    if (columns.empty()) {
        map.error = layout.results ? QStringLiteral("the model has no stock to compare") : layout.error;
        return map;
    }

    std::vector<double> start(axes.size());
    for (std::size_t a = 0; a < axes.size(); ++a)
        start[a] = axes[a].from;
    std::vector<double> peaks;
    map.reference = finalStocks(probe, model, start, columns, run, cancel, &peaks, &map.error);
    if (map.reference.empty())
        return map;
    for (double peak : peaks)
        map.scale.push_back(peak > 0 ? peak : 1.0);

    std::size_t points = 1;
    for (const SweepAxis &a : axes)
        points *= std::size_t(std::max(1, a.count));
    map.finals.assign(points, {});
    map.recovers.assign(points, 0);
    std::vector<CompiledModel> copies(workerCount(threads, points), compiled);
    std::vector<QString> errors(copies.size());
    parallelFor(points, threads, [&](std::size_t i, unsigned worker) {
        map.finals[i] = finalStocks(copies[worker], model, map.valuesAt(i), columns, run, cancel, nullptr, &errors[worker]);
        map.recovers[i] = recovered(map, map.finals[i]);
    }, cancel, progress);
    if (cancel && cancel->load()) {
        map.error = QStringLiteral("cancelled");
        return map;
    }
    for (const QString &e : errors)
        if (!e.isEmpty())
            map.error = e;

    // Neighbours along the last axis that disagree: bisect between them.
    const SweepAxis &last = axes.back();
    const std::size_t count = std::size_t(std::max(1, last.count));
    struct Crossing { std::size_t point; RecoveryBoundary boundary; };
    std::vector<Crossing> crossings;
    for (std::size_t i = 0; i + 1 < points; ++i) {
        if ((i + 1) % count == 0 || map.recovers[i] == map.recovers[i + 1])
            continue;
        RecoveryBoundary b;
        if (axes.size() > 1)
            b.across = map.valuesAt(i).front();
        // "Below" in value: a grid may run from a larger value to a smaller one.
        b.recoversBelow = (last.to >= last.from ? map.recovers[i] : map.recovers[i + 1]) != 0;
        crossings.push_back({i, b});
    }
    const double span = std::fabs(last.to - last.from);
    parallelFor(crossings.size(), threads, [&](std::size_t k, unsigned worker) {
        Crossing &c = crossings[k];
        std::vector<double> values = map.valuesAt(c.point);
        double lo = values.back(), hi = map.valuesAt(c.point + 1).back();
        while (std::fabs(hi - lo) > options.precision * span) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return;
            const double mid = 0.5 * (lo + hi);
            values.back() = mid;
            const bool recovers = recovered(map, finalStocks(copies[worker], model, values, columns, run, cancel));
            (recovers == (map.recovers[c.point] != 0) ? lo : hi) = mid;
        }
        c.boundary.value = 0.5 * (lo + hi);
    }, cancel, progress);
    if (cancel && cancel->load()) {
        map.error = QStringLiteral("cancelled");
        return map;
    }
    for (const Crossing &c : crossings)
        map.boundary.push_back(c.boundary);
    return map;
}

} // namespace meadows
