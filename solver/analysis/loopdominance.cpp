#include "solver/analysis/loopdominance.h"

#include "solver/analysis/expreval.h"
#include "solver/flatmodel.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace meadows {

namespace {

double sign(double v) { return v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0; }

// A stock is at rest at a step when it is still (moving at that step's pace for the
// whole run, it would cover less than kStill of the range it covers in the run) or has
// settled (from that step to the end of the run it stays within kSettled of that
// range: what is left is a fading wiggle no chart shows). Relative to the stock's own
// range, so units do not matter; slow but steady movement is neither, however slow.
constexpr double kStill = 1e-3;
constexpr double kSettled = 0.01;

// Scores the links of a causal model over the rows of a run at every DT.
class LinkScorer {
public:
    LinkScorer(const CausalModel &causal, const Results &results) : m_causal(causal), m_results(results)
    {
        QHash<QString, int> columnOf;
        for (std::size_t c = 1; c < results.names.size(); ++c)
            columnOf.insert(variableKey(results.names[c]), int(c));
        for (const QString &name : causal.graph.names())
            m_column.push_back(columnOf.value(variableKey(name), -1));
    }

    int approximated = 0;

    // The run's column of a graph variable; -1 when the run has none.
    int column(int variable) const { return m_column[std::size_t(variable)]; }

    // The link's score at every row (row 0: 0, nothing has changed yet).
    std::vector<double> scores(const CausalLink &link)
    {
        const std::size_t rows = m_results.rows();
        std::vector<double> out(rows, 0.0);
        const int x = link.from, z = link.to;
        const int cx = m_column[std::size_t(x)], cz = m_column[std::size_t(z)];
        const CausalVariable &target = m_causal.variables[std::size_t(z)];
        bool exact = cx >= 0 && cz >= 0;
        for (std::size_t t = 1; t < rows && exact; ++t) {
            const double dx = change(cx, t), dz = change(cz, t);
            if (target.mirrors == x) {
                out[t] = dx != 0.0 && dz != 0.0 ? 1.0 : 0.0;
            } else if (target.kind == VariableKind::Stock) {
                const std::optional<double> dNet = netFlowChange(target, t);
                const bool inflow = std::find(target.inflows.begin(), target.inflows.end(), x) != target.inflows.end();
                if (!dNet)
                    exact = false;
                else
                    out[t] = *dNet == 0.0 ? 0.0 : (inflow ? 1.0 : -1.0) * std::fabs(dx / *dNet);
            } else if (dx == 0.0 || dz == 0.0) {
                out[t] = 0.0;
            } else if (const std::optional<double> partial = partialChange(target, x, t)) {
                out[t] = sign(*partial) * sign(dx) * std::fabs(*partial / dz);
            } else {
                exact = false;
            }
        }
        if (!exact) {
            ++approximated;
            approximate(link, cx, cz, out);
        }
        return out;
    }

private:
    double value(int column, std::size_t row) const { return m_results.at(row, std::size_t(column)); }
    double change(int column, std::size_t row) const { return value(column, row) - value(column, row - 1); }

    std::optional<double> netFlowChange(const CausalVariable &stock, std::size_t t) const
    {
        double d = 0;
        for (const auto &[flows, direction] : {std::pair{&stock.inflows, 1.0}, std::pair{&stock.outflows, -1.0}}) {
            for (int f : *flows) {
                const int c = m_column[std::size_t(f)];
                if (c < 0)
                    return std::nullopt;
                d += direction * change(c, t);
            }
        }
        return d;
    }

    // f(x now, everything else before) - f(everything before).
    std::optional<double> partialChange(const CausalVariable &target, int x, std::size_t t) const
    {
        if (!target.equation || target.isArray)
            return std::nullopt;
        const CausalScope &scope = m_causal.scopes[std::size_t(target.scope)];
        EvaluationContext context;
        context.time = value(0, t - 1);
        context.dt = value(0, t) - value(0, t - 1);
        context.table = [&](const QString &name) -> const GraphicalFunction * {
            auto it = scope.tables.constFind(name);
            return it == scope.tables.constEnd() ? nullptr : &*it;
        };
        std::size_t rowOfX = t;
        context.value = [&](const QString &name) -> std::optional<double> {
            const int v = m_causal.resolve(target.scope, name);
            const int c = v >= 0 ? m_column[std::size_t(v)] : -1;
            if (c < 0)
                return std::nullopt;
            return value(c, v == x ? rowOfX : t - 1);
        };
        const std::optional<double> moved = evaluate(*target.equation, context);
        rowOfX = t - 1;
        const std::optional<double> before = evaluate(*target.equation, context);
        if (!moved || !before)
            return std::nullopt;
        if (target.table)
            return target.table->evaluate(*moved) - target.table->evaluate(*before);
        return *moved - *before;
    }

    // ±1 while both ends change, the sign from the link's polarity (or, when that is
    // unknown, from the direction the two ends move in).
    void approximate(const CausalLink &link, int cx, int cz, std::vector<double> &out) const
    {
        std::fill(out.begin(), out.end(), 0.0);
        if (cx < 0 || cz < 0)
            return; // no values (an array element, a diagram-only variable): inactive
        for (std::size_t t = 1; t < out.size(); ++t) {
            const double dx = change(cx, t), dz = change(cz, t);
            if (dx == 0.0 || dz == 0.0)
                continue;
            out[t] = link.polarity == LinkPolarity::Positive   ? 1.0
                     : link.polarity == LinkPolarity::Negative ? -1.0
                                                               : sign(dx) * sign(dz);
        }
    }

    const CausalModel &m_causal;
    const Results &m_results;
    std::vector<int> m_column; // per graph variable; -1 when the run has no column for it
};

} // namespace

namespace {

// The run at every DT (scores compare successive steps) and how many DT rows make a save step.
struct EveryStepRun {
    RunResult run;
    std::size_t stride = 1;
};

EveryStepRun runEveryStep(const CompiledModel &model, const RunOptions &options, const std::atomic<bool> *cancel)
{
    const double dt = options.dt.value_or(model.specs.dt);
    const double saveStep = options.saveStep.value_or(options.dt && !model.specs.saveStep ? dt : model.specs.effectiveSaveStep());
    RunOptions everyStep = options;
    everyStep.saveStep = dt;
    EveryStepRun out;
    // A DT the model computes (a Vensim TIME STEP of Time) has no save step that is every
    // step, and the scores compare successive steps.
    if (!options.dt && !model.specs.varying.dt.isEmpty()) {
        out.run.error = QStringLiteral("the model computes its DT ('%1') as it runs, and loop dominance compares "
                                       "successive steps of one fixed DT: Meadows cannot score this model's loops "
                                       "over time").arg(model.specs.varying.dt);
        return out;
    }
    out.run = simulate(model, everyStep, cancel);
    const bool computedSaveStep = !options.saveStep && !model.specs.varying.saveStep.isEmpty();
    out.stride = computedSaveStep ? 1 : std::max<std::size_t>(1, std::size_t(std::llround(saveStep / dt)));
    return out;
}

// Row r of the link scores holds the step from r - 1 to r; the score at save row t is
// the step from t to t + DT (see the header), the last row keeps the step into it.
std::size_t forwardRow(std::size_t t, std::size_t rows)
{
    return rows > 1 ? std::min(t + 1, rows - 1) : 0;
}

// Both scorers give up the same way when the every-DT run did not start or was cancelled.
template <typename Out>
Out failed(Out &out, const QString &error)
{
    out.error = error;
    return std::move(out);
}

} // namespace

LinkScoreRun scoreAllLinks(const CausalModel &causal, const CompiledModel &model, const RunOptions &options,
                           const std::atomic<bool> *cancel, std::size_t maxKeptScores)
{
    LinkScoreRun out;
    const EveryStepRun every = runEveryStep(model, options, cancel);
    if (!every.run.results)
        return failed(out, every.run.error);
    const Results &results = *every.run.results;
    const std::size_t rows = results.rows();
    LinkScorer scorer(causal, results);
    std::vector<std::vector<double>> byLink;
    for (const CausalLink &link : causal.graph.links()) {
        byLink.push_back(scorer.scores(link));
        if (cancel && cancel->load(std::memory_order_relaxed))
            return failed(out, QStringLiteral("cancelled"));
    }
    // Every DT, as Stella searches, unless that would keep more than maxKeptScores numbers:
    // then every n-th DT, never more sparsely than the save step.
    const std::size_t links = std::max<std::size_t>(byLink.size(), 1);
    out.stride = std::min(every.stride, std::max<std::size_t>(1, (rows * links + maxKeptScores - 1) / std::max<std::size_t>(maxKeptScores, 1)));
    for (std::size_t t = 0; t < rows; t += out.stride) {
        out.times.push_back(results.at(t, 0));
        for (const std::vector<double> &link : byLink)
            out.scores.push_back(t == 0 ? 0.0 : link[forwardRow(t, rows)]); // t = 0: no score, as in computeDominance
    }
    return out;
}

DominanceResult computeDominance(const CausalModel &causal, const LoopList &loops, const CompiledModel &model,
                                 const RunOptions &options, const std::atomic<bool> *cancel)
{
    DominanceResult out;
    const EveryStepRun every = runEveryStep(model, options, cancel);
    if (!every.run.results)
        return failed(out, every.run.error);
    const Results &results = *every.run.results;
    const std::size_t rows = results.rows();

    // Score each link that lies on a loop once.
    LinkScorer scorer(causal, results);
    QHash<const CausalLink *, std::size_t> linkIndex;
    std::vector<std::vector<double>> linkScores;
    std::vector<std::vector<std::size_t>> loopLinks(loops.size());
    for (std::size_t l = 0; l < loops.size(); ++l) {
        const std::vector<int> vars = loops.variables(l);
        for (std::size_t k = 0; k < vars.size(); ++k) {
            const CausalLink *link = causal.graph.findLink(vars[k], vars[(k + 1) % vars.size()]);
            if (!link)
                continue;
            auto it = linkIndex.constFind(link);
            if (it == linkIndex.constEnd()) {
                it = linkIndex.insert(link, linkScores.size());
                linkScores.push_back(scorer.scores(*link));
                out.links.push_back({link->from, link->to});
            }
            loopLinks[l].push_back(*it);
        }
        if (cancel && cancel->load(std::memory_order_relaxed))
            return failed(out, QStringLiteral("cancelled"));
    }
    out.approximatedLinks = scorer.approximated;

    const std::size_t stride = every.stride;
    int components = 0;
    for (std::size_t l = 0; l < loops.size(); ++l) {
        out.loopNames.push_back(loops.name(l));
        out.loopComponent.push_back(loops.component(l));
        components = std::max(components, loops.component(l) + 1);
    }
    out.loopCount = loops.size();
    out.componentCount = components;

    // The stocks on each component's loops, for "at rest".
    std::vector<std::vector<int>> stockColumns(static_cast<std::size_t>(components));
    {
        std::vector<char> seen(causal.variables.size(), 0);
        for (std::size_t l = 0; l < loops.size(); ++l) {
            for (int v : loops.variables(l)) {
                const int c = scorer.column(v);
                if (causal.variables[std::size_t(v)].kind == VariableKind::Stock && c >= 0 && !seen[std::size_t(v)]) {
                    seen[std::size_t(v)] = 1;
                    stockColumns[std::size_t(loops.component(l))].push_back(c);
                }
            }
        }
    }
    // Per stock: its range over the run, and its lowest and highest value from each row on.
    struct StockSpan {
        std::size_t column;
        double range;
        std::vector<double> lowFrom, highFrom;
    };
    std::vector<std::vector<StockSpan>> spans(stockColumns.size());
    for (std::size_t c = 0; c < stockColumns.size(); ++c) {
        for (int column : stockColumns[c]) {
            StockSpan span{std::size_t(column), 0, std::vector<double>(rows), std::vector<double>(rows)};
            for (std::size_t t = rows; t-- > 0;) {
                const double v = results.at(t, span.column);
                span.lowFrom[t] = t + 1 < rows ? std::min(v, span.lowFrom[t + 1]) : v;
                span.highFrom[t] = t + 1 < rows ? std::max(v, span.highFrom[t + 1]) : v;
            }
            span.range = rows ? span.highFrom[0] - span.lowFrom[0] : 0.0;
            spans[c].push_back(std::move(span));
        }
    }

    std::vector<double> score(loops.size());
    std::vector<double> total(static_cast<std::size_t>(components));
    std::vector<int> infinite(static_cast<std::size_t>(components));
    for (std::size_t t = 0; t < rows; t += stride) {
        const std::size_t step = forwardRow(t, rows);
        if (t == 0) {
            // The initial time has no score, as Stella reports it (its first scored
            // step is the one labelled DT); the periods give it to what follows.
            out.times.push_back(results.at(t, 0));
            out.linkScores.insert(out.linkScores.end(), linkScores.size(), 0.0);
            out.relativeScores.insert(out.relativeScores.end(), loops.size(), 0.0);
            out.resting.insert(out.resting.end(), spans.size(), 0);
            continue;
        }
        std::fill(total.begin(), total.end(), 0.0);
        std::fill(infinite.begin(), infinite.end(), 0);
        for (std::size_t l = 0; l < loops.size(); ++l) {
            double s = 1.0;
            for (std::size_t link : loopLinks[l])
                s *= linkScores[link][step];
            score[l] = std::isnan(s) ? 0.0 : s;
            const std::size_t c = std::size_t(loops.component(l));
            if (std::isinf(score[l]))
                ++infinite[c];
            else
                total[c] += std::fabs(score[l]);
        }
        out.times.push_back(results.at(t, 0));
        for (const std::vector<double> &link : linkScores)
            out.linkScores.push_back(link[step]);
        for (std::size_t l = 0; l < loops.size(); ++l) {
            const std::size_t c = std::size_t(loops.component(l));
            // A loop whose score overflows (a stock's acceleration exactly 0 while its
            // flows change) outweighs every finite one: those share the whole.
            if (infinite[c])
                out.relativeScores.push_back(std::isinf(score[l]) ? sign(score[l]) / infinite[c] : 0.0);
            else
                out.relativeScores.push_back(total[c] > 0 ? score[l] / total[c] : 0.0);
        }
        const double runSteps = double(rows - 1);
        for (std::size_t c = 0; c < spans.size(); ++c) {
            bool rest = true;
            for (std::size_t k = 0; k < spans[c].size() && rest && rows > 1; ++k) {
                const StockSpan &span = spans[c][k];
                const double moved = std::fabs(results.at(step, span.column) - results.at(step - 1, span.column));
                const bool still = moved == 0.0 || moved * runSteps <= kStill * span.range;
                const bool settled = span.highFrom[t] - span.lowFrom[t] <= kSettled * span.range;
                rest = still || settled;
            }
            out.resting.push_back(rest ? 1 : 0);
        }
    }
    return out;
}

std::vector<std::size_t> topLoops(const DominanceResult &result, std::size_t count)
{
    std::vector<double> mean(result.loopCount, 0.0);
    for (std::size_t t = 0; t < result.times.size(); ++t) {
        for (std::size_t l = 0; l < result.loopCount; ++l)
            mean[l] += std::fabs(result.relative(t, l));
    }
    std::vector<std::size_t> order(result.loopCount);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return mean[a] > mean[b]; });
    order.resize(std::min(count, order.size()));
    return order;
}

QByteArray dominanceCsv(const DominanceResult &result, const std::vector<std::size_t> &loops)
{
    QByteArray out = "Time";
    for (std::size_t l : loops)
        out += ',' + result.loopNames[l].toUtf8();
    out += '\n';
    for (std::size_t t = 0; t < result.times.size(); ++t) {
        out += QByteArray::number(result.times[t], 'g', 10);
        for (std::size_t l : loops)
            out += ',' + QByteArray::number(result.relative(t, l), 'g', 6);
        out += '\n';
    }
    return out;
}

} // namespace meadows
