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

DominanceResult computeDominance(const CausalModel &causal, const LoopList &loops, const CompiledModel &model,
                                 const RunOptions &options, const std::atomic<bool> *cancel)
{
    DominanceResult out;
    const double dt = options.dt.value_or(model.specs.dt);
    const double saveStep = options.saveStep.value_or(options.dt && !model.specs.saveStep ? dt : model.specs.effectiveSaveStep());
    RunOptions everyStep = options;
    everyStep.saveStep = dt; // scores compare successive steps
    const RunResult run = simulate(model, everyStep, cancel);
    if (!run.results) {
        out.error = run.error;
        return out;
    }
    const Results &results = *run.results;
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
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            out.error = QStringLiteral("cancelled");
            return out;
        }
    }
    out.approximatedLinks = scorer.approximated;

    const std::size_t stride = std::max<std::size_t>(1, std::size_t(std::llround(saveStep / dt)));
    int components = 0;
    for (std::size_t l = 0; l < loops.size(); ++l) {
        out.loopNames.push_back(loops.name(l));
        components = std::max(components, loops.component(l) + 1);
    }
    out.loopCount = loops.size();
    std::vector<double> score(loops.size());
    std::vector<double> total(static_cast<std::size_t>(components));
    for (std::size_t t = 0; t < rows; t += stride) {
        std::fill(total.begin(), total.end(), 0.0);
        for (std::size_t l = 0; l < loops.size(); ++l) {
            double s = 1.0;
            for (std::size_t link : loopLinks[l])
                s *= linkScores[link][t];
            score[l] = std::isfinite(s) ? s : 0.0;
            total[std::size_t(loops.component(l))] += std::fabs(score[l]);
        }
        out.times.push_back(results.at(t, 0));
        for (const std::vector<double> &link : linkScores)
            out.linkScores.push_back(link[t]);
        for (std::size_t l = 0; l < loops.size(); ++l) {
            const double sum = total[std::size_t(loops.component(l))];
            out.relativeScores.push_back(sum > 0 ? score[l] / sum : 0.0);
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
