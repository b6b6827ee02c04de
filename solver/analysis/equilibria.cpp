#include "equilibria.h"
#include "newton.h"

#include "solver/simulation.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace meadows {

QString stabilityName(Stability s)
{
    switch (s) {
    case Stability::Stable: return QStringLiteral("stable");
    case Stability::Unstable: return QStringLiteral("unstable");
    case Stability::Saddle: return QStringLiteral("saddle");
    }
    return {};
}

Equilibrium classify(RateFunction &f, const Eigen::VectorXd &stocks)
{
    Equilibrium e;
    e.stocks.assign(stocks.data(), stocks.data() + stocks.size());
    const Eigen::MatrixXd j = f.jacobian(stocks);
    if (j.size() == 0 || !j.allFinite())
        return e;
    const Eigen::EigenSolver<Eigen::MatrixXd> solver(j, false);
    if (solver.info() != Eigen::Success)
        return e;
    const Eigen::VectorXcd values = solver.eigenvalues();
    e.eigenvalues.assign(values.data(), values.data() + values.size());
    std::sort(e.eigenvalues.begin(), e.eigenvalues.end(), [](auto a, auto b) {
        return a.real() != b.real() ? a.real() > b.real() : a.imag() > b.imag();
    });
    // What counts as zero: differences of step 1e-6 leave errors near 1e-8 of the largest
    // entries, and rounding in the eigen-solver a few ulps of the matrix's norm.
    const double zero = 1e-7 * std::max(j.cwiseAbs().maxCoeff(), 1e-300);
    int positive = 0, negative = 0;
    for (std::complex<double> &v : e.eigenvalues) {
        if (std::fabs(v.real()) <= zero)
            v.real(0);
        if (std::fabs(v.imag()) <= zero)
            v.imag(0);
        positive += v.real() > 0;
        negative += v.real() < 0;
        e.oscillatory = e.oscillatory || v.imag() != 0;
    }
    e.stability = positive == 0 ? Stability::Stable : (negative == 0 ? Stability::Unstable : Stability::Saddle);
    e.neutral = !e.eigenvalues.empty() && e.eigenvalues.front().real() == 0;
    return e;
}

bool sameStocks(const Eigen::VectorXd &a, const Eigen::VectorXd &b, double relative)
{
    for (Eigen::Index s = 0; s < a.size(); ++s) {
        if (std::fabs(a[s] - b[s]) > relative * std::max({1.0, std::fabs(a[s]), std::fabs(b[s])}))
            return false;
    }
    return true;
}

std::vector<QString> stockNames(const FlatModel &flat, const CompiledModel &model)
{
    std::vector<QString> names;
    for (std::uint32_t slot : model.stockSlots) {
        const FlatVar &v = flat.vars[slot - FirstVarSlot];
        names.push_back(v.hidden ? QString() : v.name);
    }
    return names;
}

namespace {

// The initial state, points along a run, corners of the range the stocks cover in it, and
// points along the range's diagonal.
std::vector<Eigen::VectorXd> startingPoints(const CompiledModel &model, RateFunction &f, int maxCorners)
{
    const Eigen::VectorXd initial = f.initialStocks();
    const Eigen::Index n = initial.size();
    std::vector<Eigen::VectorXd> points{initial};
    Eigen::VectorXd low = initial, high = initial;

    // Points along a run of the model as it stands: where its trajectory goes.
    const RunResult run = simulate(model);
    if (run.results) {
        const Results &r = *run.results;
        std::vector<int> column(std::size_t(n), -1);
        for (std::size_t c = 0; c < model.outputs.size(); ++c) {
            for (Eigen::Index s = 0; s < n; ++s) {
                if (model.outputs[c].slot == model.stockSlots[std::size_t(s)])
                    column[std::size_t(s)] = int(c + 1);
            }
        }
        const std::size_t rows = r.rows();
        for (std::size_t row = 0; row < rows; ++row) {
            Eigen::VectorXd x = initial;
            for (Eigen::Index s = 0; s < n; ++s) {
                const double v = column[std::size_t(s)] >= 0 ? r.at(row, std::size_t(column[std::size_t(s)])) : initial[s];
                if (std::isfinite(v)) {
                    x[s] = v;
                    low[s] = std::min(low[s], v);
                    high[s] = std::max(high[s], v);
                }
            }
            const std::size_t every = std::max<std::size_t>(1, rows / 16);
            if (row % every == 0 || row + 1 == rows)
                points.push_back(x);
        }
    }
    // The range, widened to hold zero and to some width of its own.
    for (Eigen::Index s = 0; s < n; ++s) {
        low[s] = std::min(low[s], 0.0);
        high[s] = std::max(high[s], 0.0);
        const double span = std::max(high[s] - low[s], std::max(1.0, std::fabs(high[s])));
        high[s] = std::max(high[s], low[s] + span);
    }
    // Corners: all of them for a few stocks, a seeded sample for many.
    const bool all = n <= 6 && (1 << n) <= maxCorners;
    std::mt19937_64 random(42);
    const int corners = all ? (1 << n) : maxCorners;
    for (int c = 0; c < corners; ++c) {
        Eigen::VectorXd x(n);
        for (Eigen::Index s = 0; s < n; ++s) {
            const bool up = all ? ((c >> s) & 1) : (random() & 1);
            x[s] = up ? high[s] : low[s];
        }
        points.push_back(x);
    }
    // Along the diagonal from the low corner to twice the high one: in one stock this
    // brackets every root of a model whose net flow changes sign a few times.
    for (int k = 1; k <= 24; ++k) {
        const double t = 2.0 * k / 24.0;
        points.push_back(low + t * (high - low));
    }
    return points;
}

} // namespace

std::vector<Diagnostic> equilibriumCaveats(const FlatModel &flat, const CompiledModel &model)
{
    std::vector<Diagnostic> out;
    const auto where = [&](std::uint32_t slot) {
        const FlatVar &v = flat.vars[slot - FirstVarSlot];
        return Diagnostic{Severity::Warning, v.source.fileName(), v.source.isValid() ? v.source.positionOfDecodedOffset(0) : SourcePos{}, {}};
    };
    bool history = false, random = false;
    for (std::size_t k = 0; k < model.rates.code.size(); ++k) {
        // An information delay and a delay conveyor read past values as History does.
        const Op read = model.rates.code[k].op;
        const Op op = read == Op::InfoDelay || read == Op::ConveyorDelay || read == Op::AgedQueue ? Op::History : read;
        if ((op == Op::History && !history) || (op == Op::Random && !random)) {
            // The variable it belongs to: the next instruction that writes a variable's slot.
            std::size_t e = k;
            while (e < model.rates.code.size() && !(model.rates.code[e].dst >= FirstVarSlot
                                                    && model.rates.code[e].dst < FirstVarSlot + flat.vars.size()))
                ++e;
            Diagnostic d = e < model.rates.code.size() ? where(model.rates.code[e].dst) : Diagnostic{Severity::Warning, {}, {}, {}};
            d.message = op == Op::History
                            ? QStringLiteral("equilibria take past values (DELAY FIXED, DELAY INFORMATION, QUEUE FIFO, PREVIOUS, HISTORY) as they are before any "
                                             "history exists, not as the steady state's own")
                            : QStringLiteral("equilibria see one frozen draw of the model's random numbers");
            out.push_back(d);
            (op == Op::History ? history : random) = true;
        }
    }
    return out;
}

EquilibriumSearch findEquilibria(const FlatModel &flat, const CompiledModel &model, const EquilibriumOptions &options,
                                 const std::atomic<bool> *cancel)
{
    EquilibriumSearch search;
    search.stockNames = stockNames(flat, model);
    search.warnings = equilibriumCaveats(flat, model);
    // A Vensim queue is a level the rates do not integrate (solver/agedqueue.h): the search
    // would see its contents fixed, and every state an equilibrium.
    if (!flat.agedQueues.empty()) {
        const FlatVar &queue = flat.vars[std::size_t(flat.agedQueues.front().variable)];
        search.warnings.push_back({Severity::Error, queue.source.fileName(),
                                   queue.source.isValid() ? queue.source.positionOfDecodedOffset(0) : SourcePos{},
                                   QStringLiteral("equilibria are not searched in a model with QUEUE FIFO ('%1'): the "
                                                  "queue is a level the search cannot move").arg(queue.name)});
        return search;
    }
    RateFunction f(model, options.at.value_or(model.specs.start));
    if (f.size() == 0)
        return search;
    const std::vector<Eigen::VectorXd> points = startingPoints(model, f, options.maxCorners);
    std::vector<Eigen::VectorXd> found;
    for (const Eigen::VectorXd &start : points) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            break;
        ++search.starts;
        const NewtonResult r = solveNewton(f, start);
        if (!r.converged)
            continue;
        const bool duplicate = std::any_of(found.begin(), found.end(), [&](const Eigen::VectorXd &x) { return sameStocks(x, r.stocks); });
        if (!duplicate)
            found.push_back(r.stocks);
    }
    std::sort(found.begin(), found.end(), [](const Eigen::VectorXd &a, const Eigen::VectorXd &b) {
        return std::lexicographical_compare(a.data(), a.data() + a.size(), b.data(), b.data() + b.size());
    });
    for (const Eigen::VectorXd &x : found) {
        Equilibrium e = classify(f, x);
        if (options.findKinks)
            e.kinks = kinksAt(f, flat, x);
        search.equilibria.push_back(std::move(e));
    }
    return search;
}

} // namespace meadows
