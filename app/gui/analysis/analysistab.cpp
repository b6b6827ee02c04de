#include "analysistab.h"

#include "solver/analysis/parameters.h"

namespace meadows {

AnalysisTab::AnalysisTab(const QString &runText, QWidget *parent) : QWidget(parent)
{
    m_job = new AnalysisJob(this);
    m_run = new QPushButton(runText, this);
    connect(m_run, &QPushButton::clicked, this, [this]() { run(); });
}

void AnalysisTab::setModel(const Project &project, const FlattenOptions &overrides)
{
    const bool same = sameEquations(project, m_project) && overrides.overrides == m_overrides.overrides;
    m_project = project;
    m_overrides = overrides;
    if (!same)
        modelChanged();
}

QString AnalysisTab::unanalysable() const
{
    if (m_project.models.empty())
        return tr("Open a model to analyse it.");
    if (m_project.mainModel().isCausalLoopDiagram())
        return tr("A causal-loop diagram has no equations: give the variables equations to find its steady states.");
    return {};
}

QString AnalysisTab::firstError(const ParameterizedModel &model)
{
    for (const Diagnostic &d : model.diagnostics())
        if (d.severity == Severity::Error)
            return d.format();
    return model.model() ? QString() : tr("The model does not compile.");
}

bool sameEquations(const Project &a, const Project &b)
{
    if (a.models.size() != b.models.size() || !(a.simSpecs == b.simSpecs) || !(a.dimensions == b.dimensions)
        || !(a.macros == b.macros))
        return false;
    for (std::size_t m = 0; m < a.models.size(); ++m) {
        if (a.models[m].name != b.models[m].name || a.models[m].variables != b.models[m].variables
            || a.models[m].graphicalFunctions != b.models[m].graphicalFunctions)
            return false;
    }
    return true;
}

} // namespace meadows
