#include "postmortem.h"

#include "solver/analysis/dominanceperiods.h"

#include "solver/analysis/loopfinder.h"
#include "model/names.h"
#include "solver/analysis/causalmodel.h"
#include "solver/compiler.h"
#include "solver/flatmodel.h"
#include "solver/analysis/loopdominance.h"
#include "solver/parser.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QUrl>

namespace meadows {

namespace {

constexpr std::size_t kMaxCharts = 12; // small multiples: more become a wall of charts
constexpr std::size_t kMaxTableLoops = 50;

// The story of the model: the header's caption or documentation, else the diagram's
// longer text boxes (the examples tell theirs there); short boxes are labels.
QString describe(const Project &project)
{
    for (const XmlNode &child : project.header.children) {
        if ((child.name == QLatin1String("caption") || child.name == QLatin1String("doc"))
            && !child.children.empty() && child.children[0].isText())
            return child.children[0].text.trimmed();
    }
    QStringList paragraphs;
    for (const View &view : project.mainModel().views) {
        for (const ViewElement &e : view.elements) {
            if (e.type == ViewElement::Type::TextBox && e.text.trimmed().size() >= 60)
                paragraphs << e.text.trimmed();
        }
    }
    return paragraphs.join(QStringLiteral("\n\n"));
}

QString cell(QString text)
{
    return text.replace(u'|', QLatin1String("\\|")).replace(u'\n', u' ');
}

QString number(double v)
{
    return QString::number(v, 'g', 10);
}

// One plain sentence per period: "From 20 to 45 minutes, R1 (reinforcing: Backlog →
// Latency → …) was in charge."
QStringList inChargeSentences(const std::vector<DominancePeriod> &story, const DominanceResult &dominance,
                              const LoopList &loops, const CausalGraph &graph, const QString &timeUnits)
{
    QStringList out;
    const QString units = timeUnits.isEmpty() ? QString() : QLatin1Char(' ') + timeUnits.toLower();
    int groups = 0;
    for (std::size_t i = 0; i < story.size(); ++i)
        groups += i == 0 || story[i].component != story[i - 1].component;
    for (const DominancePeriod &p : story) {
        QString when = QStringLiteral("From %1 to %2%3").arg(formatTime(p.from), formatTime(p.to), units);
        if (groups > 1) {
            for (std::size_t l = 0; l < loops.size(); ++l) {
                if (loops.component(l) == p.component) {
                    when += QStringLiteral(" (the loops through %1)").arg(graph.name(loops.variables(l)[0]));
                    break;
                }
            }
        }
        switch (p.loop) {
        case DominancePeriod::kAtRest:
            out << QStringLiteral("%1, the system was at rest: no stock on a loop moved noticeably.").arg(when);
            break;
        case DominancePeriod::kInactive:
            out << QStringLiteral("%1, no loop was active: the stocks moved at a steady pace that no feedback changed "
                                  "(a limit held a flow constant, or an outside input drove them).").arg(when);
            break;
        case DominancePeriod::kShared:
            out << QStringLiteral("%1, no single loop was in charge: several shared the behaviour.").arg(when);
            break;
        default: {
            const std::size_t l = std::size_t(p.loop);
            out << QStringLiteral("%1, %2 was in charge (%3: %4).")
                       .arg(when, dominance.loopNames[l], polarityName(loops.polarity(l)),
                            cell(loopVariableNames(graph, loops, l).join(QStringLiteral(" → "))));
        }
        }
    }
    return out;
}

void findLoopsAndDominance(const Project &project, PostmortemReport &report)
{
    const CausalModel causal = buildCausalModel(project);
    if (causal.hasErrors()) {
        report.diagnostics.insert(report.diagnostics.end(), causal.diagnostics.begin(), causal.diagnostics.end());
        report.error = QStringLiteral("the model's equations do not parse, so its loops cannot be found");
        return;
    }
    const LoopList loops = findLoops(causal.graph);
    report.loopsComplete = loops.complete;
    report.reinforcing = loops.count(LoopPolarity::Reinforcing);
    report.balancing = loops.count(LoopPolarity::Balancing);
    report.unknown = loops.count(LoopPolarity::Unknown);
    for (std::size_t i = 0; i < loops.size() && i < kMaxTableLoops; ++i) {
        report.loops.push_back({loops.name(i), polarityLetter(loops.polarity(i)), loopVariableNames(causal.graph, loops, i), {}});
    }

    if (project.mainModel().isCausalLoopDiagram()) {
        report.simulationNote = QStringLiteral("A causal-loop diagram: there is nothing to simulate.");
        return;
    }
    const CompileResult compiled = compileProject(project);
    if (!compiled.model) {
        report.diagnostics.insert(report.diagnostics.end(), compiled.diagnostics.begin(), compiled.diagnostics.end());
        report.simulationNote = QStringLiteral("The model does not compile (see `meadows check`), so it was not run.");
        return;
    }
    RunResult run = simulate(*compiled.model);
    if (!run.results) {
        report.simulationNote = QStringLiteral("The run failed: %1").arg(run.error);
        return;
    }
    report.results = std::move(run.results);
    report.simulated = true;
    if (loops.empty())
        return;
    const DominanceResult dominance = computeDominance(causal, loops, *compiled.model);
    if (!dominance.error.isEmpty()) {
        report.simulationNote = QStringLiteral("Loop dominance could not be computed: %1").arg(dominance.error);
        return;
    }
    const std::vector<DominancePeriod> story = dominanceStory(dominance);
    const std::vector<std::vector<TimePeriod>> periods = dominancePeriods(dominance, loops);
    for (std::size_t i = 0; i < report.loops.size(); ++i)
        report.loops[i].dominance = formatPeriods(periods[i]);
    report.inCharge = inChargeSentences(story, dominance, loops, causal.graph, project.simSpecs.timeUnits);
    for (const DominancePeriod &p : story) {
        if (p.loop < 0)
            continue;
        for (const QString &name : loopVariableNames(causal.graph, loops, std::size_t(p.loop)))
            if (!report.inChargeVariables.contains(name))
                report.inChargeVariables << name;
    }
}

// The variable behind a column ("Population[north]" is Population's).
const Variable *variableOfColumn(const Project &project, const QString &column)
{
    const qsizetype bracket = column.indexOf(u'[');
    return project.mainModel().findVariable(bracket < 0 ? column : column.left(bracket));
}

void addChart(const Project &project, PostmortemReport &report, const QString &name)
{
    const int column = report.results->column(name);
    if (column <= 0 || report.charts.size() == kMaxCharts)
        return;
    const QString shown = report.results->names[std::size_t(column)];
    for (const PostmortemChart &c : report.charts)
        if (c.variable == shown)
            return;
    const Variable *v = variableOfColumn(project, shown);
    report.charts.push_back({shown, v ? v->units : QString(), v ? v->doc.trimmed() : QString()});
}

// The baseline model's run, to draw dashed; a model that does not run is said, not drawn.
void runBaseline(const Project &baseline, PostmortemReport &report)
{
    const QString name = QFileInfo(baseline.fileName).fileName();
    const CompileResult compiled = compileProject(baseline);
    RunResult run = compiled.model ? simulate(*compiled.model) : RunResult{};
    if (!run.results) {
        const QString why = compiled.model ? run.error : QStringLiteral("it does not compile");
        report.simulationNote += QStringLiteral("%1The baseline `%2` could not be run (%3), so it is not drawn.")
                                     .arg(report.simulationNote.isEmpty() ? QString() : QStringLiteral(" "), name, why);
        return;
    }
    report.baselineResults = std::make_shared<const Results>(std::move(*run.results));
    report.baselineLabel = QStringLiteral("baseline %1").arg(name);
}

// One chart per variable: those asked for, or every stock, every flow and then what the
// loops in charge run through (03's Latency and Breaker, not only its Backlog).
void chooseCharts(const Project &project, PostmortemReport &report, const QStringList &variables)
{
    if (!report.results)
        return;
    for (const QString &name : variables)
        addChart(project, report, name);
    report.chartsTicked = !report.charts.empty();
    if (report.chartsTicked) // none of them in the run (ticks of another model): the default
        return;
    for (VariableKind kind : {VariableKind::Stock, VariableKind::Flow})
        for (const Variable &v : project.mainModel().variables)
            if (v.kind == kind && !v.isArray())
                addChart(project, report, displayName(v.name));
    for (const QString &name : report.inChargeVariables)
        addChart(project, report, name);
}

} // namespace

std::vector<PostmortemParameter> modelConstants(const Project &project)
{
    std::vector<PostmortemParameter> constants;
    for (const Variable &v : project.mainModel().variables) {
        if (v.kind == VariableKind::Stock || v.kind == VariableKind::Module || v.isArray() || v.gf)
            continue;
        if (numberValue(v.equation))
            constants.push_back({displayName(v.name), v.equation.trimmed(), {}, v.units});
    }
    return constants;
}

PostmortemReport buildPostmortem(const Project &project, const PostmortemInputs &inputs)
{
    const Project *baseline = inputs.baseline;
    PostmortemReport report;
    report.title = project.title();
    report.description = describe(project);
    report.sourceFile = project.fileName;
    report.simSpecs = project.simSpecs;
    findLoopsAndDominance(project, report);
    if (!report.error.isEmpty())
        return report;
    chooseCharts(project, report, inputs.variables);
    addTippingPoints(project, inputs, report);
    if (!report.error.isEmpty())
        return report;
    if (inputs.baselineRun) {
        report.baselineResults = inputs.baselineRun;
        report.baselineLabel = QStringLiteral("saved run %1").arg(inputs.baselineRunName);
    } else if (baseline && report.simulated) {
        runBaseline(*baseline, report);
    }

    std::vector<PostmortemParameter> constants = modelConstants(project);
    if (!baseline) {
        report.parameters = std::move(constants);
        return report;
    }
    report.baselineFile = baseline->fileName;
    // Compared by canonical name; a value the baseline computes (not a constant) shows its equation.
    QHash<QString, const Variable *> baselineVariables;
    for (const Variable &v : baseline->mainModel().variables)
        baselineVariables.insert(canonicalName(v.name), &v);
    QSet<QString> seen;
    for (PostmortemParameter &p : constants) {
        const QString key = canonicalName(p.name);
        seen.insert(key);
        const Variable *other = baselineVariables.value(key);
        if (other)
            p.baseline = other->equation.trimmed();
        const std::optional<double> a = numberValue(p.value);
        const std::optional<double> b = other ? numberValue(other->equation) : std::nullopt;
        if (!(a && b && *a == *b))
            report.parameters.push_back(p);
    }
    for (const PostmortemParameter &p : modelConstants(*baseline)) {
        if (!seen.contains(canonicalName(p.name)))
            report.parameters.push_back({p.name, {}, p.value, p.units});
    }
    return report;
}

QByteArray postmortemMarkdown(const PostmortemReport &report, const QString &diagramFile, const QString &behaviourFile,
                              const QString &bifurcationFile)
{
    // Relative links percent-encoded, so names with spaces still link.
    const auto link = [](const QString &file) { return QString::fromUtf8(QUrl::toPercentEncoding(file, "/")); };
    QString md;
    md += QStringLiteral("# %1\n\n").arg(report.title.isEmpty() ? QStringLiteral("Model") : report.title);
    if (!report.sourceFile.isEmpty())
        md += QStringLiteral("_Exported by Meadows from `%1`._\n\n").arg(QFileInfo(report.sourceFile).fileName());
    if (!report.description.isEmpty())
        md += report.description + QStringLiteral("\n\n");

    if (!diagramFile.isEmpty())
        md += QStringLiteral("## Diagram\n\n![Diagram of %1](%2)\n\n").arg(cell(report.title), link(diagramFile));

    md += QStringLiteral("## Feedback loops\n\n");
    if (report.loops.empty()) {
        md += QStringLiteral("No feedback loops.\n\n");
    } else {
        md += QStringLiteral("%1 loops: %2 reinforcing (R), %3 balancing (B)")
                  .arg(report.reinforcing + report.balancing + report.unknown)
                  .arg(report.reinforcing)
                  .arg(report.balancing);
        if (report.unknown)
            md += QStringLiteral(", %1 of unknown polarity (U)").arg(report.unknown);
        md += report.loopsComplete ? QStringLiteral(".") : QStringLiteral(" (the search stopped early: there are more).");
        if (report.reinforcing + report.balancing + report.unknown > report.loops.size())
            md += QStringLiteral(" The first %1 are listed (`meadows loops` lists all).").arg(report.loops.size());
        md += QStringLiteral("\n\n");
        const QString timeUnits = report.simSpecs.timeUnits.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(report.simSpecs.timeUnits);
        md += report.simulated ? QStringLiteral("| Loop | Polarity | Variables | Dominates%1 |\n|---|---|---|---|\n").arg(timeUnits)
                               : QStringLiteral("| Loop | Polarity | Variables |\n|---|---|---|\n");
        for (const PostmortemLoop &loop : report.loops) {
            const QString path = cell((loop.variables + QStringList{loop.variables.value(0)}).join(QStringLiteral(" → ")));
            md += QStringLiteral("| %1 | %2 | %3 |").arg(loop.name, loop.letter, path);
            if (report.simulated)
                md += QStringLiteral(" %1 |").arg(loop.dominance.isEmpty() ? QStringLiteral("—") : loop.dominance);
            md += u'\n';
        }
        if (report.simulated)
            md += QStringLiteral("\nA loop dominates while its Loops That Matter relative score is at least half of "
                                 "its component's total.\n");
        md += u'\n';
    }

    if (!report.inCharge.isEmpty()) {
        md += QStringLiteral("## Which loop was in charge\n\n");
        for (const QString &sentence : report.inCharge)
            md += QStringLiteral("- %1\n").arg(sentence);
        md += QStringLiteral("\nA loop is in charge while its Loops That Matter relative score is at least half of all "
                             "the loops' together; periods shorter than a fortieth of the run are merged into their "
                             "neighbours.\n\n");
    }

    if (!report.simulationNote.isEmpty() || !report.charts.empty()) {
        md += QStringLiteral("## Behaviour\n\n");
        if (!report.simulationNote.isEmpty())
            md += report.simulationNote + QStringLiteral("\n\n");
        if (!report.charts.empty() && !behaviourFile.isEmpty()) {
            QStringList names;
            for (const PostmortemChart &c : report.charts)
                names << c.variable;
            md += QStringLiteral("![%1](%2)\n\n").arg(cell(names.join(QStringLiteral(", "))), link(behaviourFile));
            md += report.chartsTicked ? QStringLiteral("The variables ticked in the Results panel")
                                      : QStringLiteral("Every stock and flow, and the variables on the loops that were in charge");
            md += QStringLiteral(", each on its own axis over the same time.");
            if (report.baselineResults)
                md += QStringLiteral(" Solid: this model; dashed: the %1.").arg(report.baselineLabel);
            md += QStringLiteral("\n\n");
            for (const PostmortemChart &c : report.charts) {
                md += QStringLiteral("- **%1**").arg(cell(c.variable));
                if (!c.units.isEmpty())
                    md += QStringLiteral(" (%1)").arg(cell(c.units));
                if (!c.documentation.isEmpty())
                    md += QStringLiteral(": %1").arg(cell(c.documentation));
                md += u'\n';
            }
            md += u'\n';
        }
    }

    if (report.tipping && !bifurcationFile.isEmpty())
        md += tippingMarkdown(*report.tipping, link(bifurcationFile));

    if (!report.baselineFile.isEmpty()) {
        md += QStringLiteral("## Parameters that differ from `%1`\n\n").arg(QFileInfo(report.baselineFile).fileName());
        if (report.parameters.empty()) {
            md += QStringLiteral("None: every constant has the baseline's value.\n\n");
        } else {
            md += QStringLiteral("| Parameter | Baseline | This model | Units |\n|---|---|---|---|\n");
            for (const PostmortemParameter &p : report.parameters)
                md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                          .arg(cell(p.name), p.baseline.isEmpty() ? QStringLiteral("—") : cell(p.baseline),
                               p.value.isEmpty() ? QStringLiteral("—") : cell(p.value), cell(p.units));
            md += u'\n';
        }
    } else if (!report.parameters.empty()) {
        md += QStringLiteral("## Parameters\n\n| Parameter | Value | Units |\n|---|---|---|\n");
        for (const PostmortemParameter &p : report.parameters)
            md += QStringLiteral("| %1 | %2 | %3 |\n").arg(cell(p.name), cell(p.value), cell(p.units));
        md += u'\n';
    }

    const SimSpecs &s = report.simSpecs;
    md += QStringLiteral("## Simulation specs\n\n| Setting | Value |\n|---|---|\n");
    md += QStringLiteral("| Start | %1 |\n| Stop | %2 |\n| DT | %3 |\n| Save step | %4 |\n| Method | %5 |\n")
              .arg(number(s.start), number(s.stop), number(s.dt), number(s.effectiveSaveStep()), cell(s.method));
    if (!s.timeUnits.isEmpty())
        md += QStringLiteral("| Time units | %1 |\n").arg(cell(s.timeUnits));
    return md.toUtf8();
}

} // namespace meadows
