#pragma once
// What every tab of the Analysis panel shares: the model as the editor has it (with the
// sliders' values), a Run button, and a job that runs on a worker thread with progress and
// Cancel.
#include "analysisjob.h"

#include "model/project.h"
#include "solver/flatmodel.h"

#include <QPushButton>
#include <QWidget>

namespace meadows {

class ParameterizedModel;

class AnalysisTab : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisTab(const QString &runText, QWidget *parent = nullptr);

    // The model changed (an edit, a slider, a file opened).
    void setModel(const Project &project, const FlattenOptions &overrides);
    const Project &project() const { return m_project; }
    AnalysisJob *job() const { return m_job; }
    QPushButton *runButton() const { return m_run; }
    virtual void run() = 0;

protected:
    virtual void modelChanged() {}
    // Why this model cannot be analysed (a causal-loop diagram, no model), or empty.
    QString unanalysable() const;
    // The first error of a model that does not compile, as FILE:LINE:COL: error: ..., or empty.
    static QString firstError(const ParameterizedModel &model);

    Project m_project;
    FlattenOptions m_overrides;
    AnalysisJob *m_job = nullptr;
    QPushButton *m_run = nullptr;
};

// Whether two projects' equations and sim specs are the same (views aside): only then
// is an analysis of one an analysis of the other.
bool sameEquations(const Project &a, const Project &b);

} // namespace meadows
