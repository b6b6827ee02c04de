// The postmortem page's tipping points: the model's equilibria followed along one constant
// (solver/analysis/continuation.h), and the words under the chart.
#include "postmortem.h"

#include "solver/analysis/parameters.h"

namespace meadows {

namespace {
QString number(double v) { return QString::number(v, 'g', 6); }

QString stocksText(const Continuation &c, const std::vector<double> &stocks)
{
    QStringList parts;
    for (std::size_t s = 0; s < stocks.size() && s < c.stockNames.size(); ++s)
        if (!c.stockNames[s].isEmpty())
            parts << QStringLiteral("%1 = %2").arg(c.stockNames[s], number(stocks[s]));
    return parts.join(QStringLiteral(", "));
}
} // namespace

void addTippingPoints(const Project &project, const PostmortemInputs &inputs, PostmortemReport &report)
{
    PostmortemTipping tipping;
    if (inputs.continuation) {
        tipping.continuation = inputs.continuation;
        const Continuation &c = *inputs.continuation;
        tipping.from = std::numeric_limits<double>::infinity();
        tipping.to = -tipping.from;
        for (const auto &branch : c.branches) {
            tipping.points = std::max(tipping.points, int(branch.size()));
            for (const BranchPoint &p : branch) {
                tipping.from = std::min(tipping.from, p.value);
                tipping.to = std::max(tipping.to, p.value);
            }
        }
    } else if (inputs.bifurcation) {
        const SweepAxis &axis = *inputs.bifurcation;
        if (project.mainModel().isCausalLoopDiagram()) {
            report.error = QStringLiteral("a causal-loop diagram has no equilibria to follow along %1").arg(axis.name);
            return;
        }
        const ParameterizedModel model(project, {axis.name});
        if (!model.model()) {
            report.diagnostics.insert(report.diagnostics.end(), model.diagnostics().begin(), model.diagnostics().end());
            report.error = QStringLiteral("cannot follow the equilibria along '%1'").arg(axis.name);
            return;
        }
        tipping.continuation = std::make_shared<const Continuation>(continueEquilibria(model, 0, axis.from, axis.to, axis.count));
        tipping.from = axis.from;
        tipping.to = axis.to;
        tipping.points = axis.count;
    } else {
        return;
    }
    const Continuation &c = *tipping.continuation;
    for (std::size_t s = 0; s < c.stockNames.size(); ++s) {
        const QString &name = c.stockNames[s];
        if (!name.isEmpty() && (inputs.bifurcationStock.isEmpty() || name == inputs.bifurcationStock))
            tipping.stocks.push_back(s);
    }
    report.tipping = std::move(tipping);
}

QString tippingMarkdown(const PostmortemTipping &tipping, const QString &chartLink)
{
    const Continuation &c = *tipping.continuation;
    QStringList names;
    for (std::size_t s : tipping.stocks)
        names << c.stockNames[s];
    QString md = QStringLiteral("## Tipping points\n\n");
    md += QStringLiteral("![Equilibria of %1 against %2](%3)\n\n").arg(names.join(QStringLiteral(", ")), c.parameter, chartLink);
    md += QStringLiteral("The steady states as %1 goes from %2 to %3 (%4 values), followed by continuation: stable ones "
                         "solid, unstable ones and saddles dashed.")
              .arg(c.parameter, number(tipping.from), number(tipping.to))
              .arg(tipping.points);
    if (c.folds.empty() && c.hopf.empty())
        md += QStringLiteral(" No fold or Hopf point in this range.");
    md += QStringLiteral("\n\n");
    // A stability change that is neither (a real eigenvalue crossing zero where branches
    // cross, as at a transcritical point) is said between the grid values around it.
    QStringList changes;
    for (const auto &branch : c.branches)
        for (std::size_t i = 1; i < branch.size(); ++i)
            if (branch[i].stability != branch[i - 1].stability)
                changes << QStringLiteral("- A steady state turns from %1 to %2 between %3 = %4 and %5.\n")
                               .arg(stabilityName(branch[i - 1].stability), stabilityName(branch[i].stability), c.parameter,
                                    number(branch[i - 1].value), number(branch[i].value));
    for (const SpecialPoint &p : c.folds)
        md += QStringLiteral("- **Tipping point (fold)** at %1 = %2: %3. Two steady states meet here and vanish beyond it.\n")
                  .arg(c.parameter, number(p.value), stocksText(c, p.stocks));
    for (const SpecialPoint &p : c.hopf)
        md += QStringLiteral("- **Hopf point** at %1 = %2: %3. A steady state changes stability through an oscillation.\n")
                  .arg(c.parameter, number(p.value), stocksText(c, p.stocks));
    for (const QString &change : changes)
        md += change;
    if (!c.folds.empty() || !c.hopf.empty() || !changes.isEmpty())
        md += u'\n';
    return md;
}

} // namespace meadows
