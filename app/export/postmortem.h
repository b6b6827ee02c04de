#pragma once
// A postmortem bundle in Markdown: what an incident review needs from a model in one page
// that renders on GitHub/GitLab. Built in two steps so that this part stays QtCore only:
// buildPostmortem() analyses and runs the model (and the baseline); the caller draws the
// diagram and the behaviour charts it asks for (the GUI module has the scene) and then
// postmortemMarkdown() writes the page linking to those files.
#include "model/project.h"
#include "solver/analysis/continuation.h"
#include "solver/analysis/sweep.h"
#include "solver/simulation.h"

#include <QByteArray>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace meadows {

struct PostmortemLoop {
    QString name;       // "R1"
    QString letter;     // "R", "B", "U"
    QStringList variables; // in loop order
    QString dominance;  // periods it dominates ("12–40"), empty when never or not simulated
};

struct PostmortemParameter {
    QString name;
    QString value;    // as the equation writes it; empty when this model lacks it
    QString baseline; // the baseline's, when comparing; empty when the baseline lacks it
    QString units;
};

// One of the small multiples: a variable's run (and the baseline's, dashed) on its own axis.
struct PostmortemChart {
    QString variable;      // display name, a column of the results
    QString units;
    QString documentation; // the variable's <doc>, for the page's list of what is charted
};

struct PostmortemInputs {
    const Project *baseline = nullptr; // its constants are compared, its run drawn dashed
    // A run to draw dashed instead of the baseline model's (the editor's saved run) and its name.
    std::shared_ptr<const Results> baselineRun;
    QString baselineRunName;
    // The variables to chart (those ticked in the Results panel); empty: every stock and
    // flow, and the variables on the loops that were in charge.
    QStringList variables;
    // The tipping points: equilibria followed along this constant (`--bifurcation`), or a
    // continuation already made (the editor's Bifurcation tab) with the stock it shows.
    std::optional<SweepAxis> bifurcation;
    std::shared_ptr<const Continuation> continuation;
    QString bifurcationStock; // empty: every stock the model displays
};

// The page's tipping-point section: the equilibria along one constant.
struct PostmortemTipping {
    std::shared_ptr<const Continuation> continuation;
    std::vector<std::size_t> stocks; // charted, indices into continuation->stockNames
    double from = 0, to = 0;         // the constant's range
    int points = 0;
};

struct PostmortemReport {
    QString title;
    QString description;
    QString sourceFile;
    std::vector<PostmortemLoop> loops;
    std::size_t reinforcing = 0, balancing = 0, unknown = 0;
    bool loopsComplete = true;
    bool simulated = false;
    QString simulationNote; // why the model was not run, or what to know about the run
    QStringList inCharge;   // "Which loop was in charge": one sentence per period, in time order
    std::vector<PostmortemParameter> parameters; // every constant, or with a baseline those that differ
    QString baselineFile;                        // set when comparing
    SimSpecs simSpecs;
    std::optional<Results> results;
    std::vector<PostmortemChart> charts;
    bool chartsTicked = false;              // charts are the given variables, not the default choice
    QStringList inChargeVariables;          // on the loops that were in charge, in loop order
    std::shared_ptr<const Results> baselineResults; // drawn dashed; null without a baseline
    QString baselineLabel;                  // what the dashed lines are ("saved run retry storm")
    std::optional<PostmortemTipping> tipping;
    std::vector<Diagnostic> diagnostics; // problems found on the way (warnings, compile errors)
    QString error;                       // set when no report can be made
};

// Finds the loops, runs the model when it can (for charts and loop dominance) and collects
// its constants; with a baseline, only constants whose values differ are kept, and the
// baseline is run too.
PostmortemReport buildPostmortem(const Project &project, const PostmortemInputs &inputs = {});

// The page. `diagramFile`, `behaviourFile` (the small multiples of report.charts) and
// `bifurcationFile` (report.tipping's chart) are paths relative to the page; an empty one
// is left out.
QByteArray postmortemMarkdown(const PostmortemReport &report, const QString &diagramFile, const QString &behaviourFile,
                              const QString &bifurcationFile = {});

// postmortemtipping.cpp: follows the equilibria along inputs.bifurcation (or takes
// inputs.continuation) into report.tipping; a constant the model lacks sets report.error.
void addTippingPoints(const Project &project, const PostmortemInputs &inputs, PostmortemReport &report);
// The "Tipping points" section, linking to the chart.
QString tippingMarkdown(const PostmortemTipping &tipping, const QString &chartLink);

// The model's constants: variables whose equation is a plain number.
std::vector<PostmortemParameter> modelConstants(const Project &project);

} // namespace meadows
