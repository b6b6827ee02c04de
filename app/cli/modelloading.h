#pragma once
// Reading a model for a subcommand and reporting what went wrong in the one format all
// subcommands share: FILE:LINE:COL: error: what.
#include "solver/analysis/loopfinder.h"
#include "model/project.h"
#include "solver/analysis/causalmodel.h"
#include "solver/compiler.h"

#include <QTextStream>
#include <optional>

namespace meadows {

void printDiagnostics(QTextStream &out, const std::vector<Diagnostic> &diagnostics);
bool hasErrors(const std::vector<Diagnostic> &diagnostics);

// Reads and compiles; prints problems to `errors`. Empty on any error.
std::optional<Project> loadProject(const QString &path, QTextStream &errors);

// A model with its causal structure and its feedback loops, for the subcommands that
// analyse or draw loops. Empty, with the problems printed, when the structure has errors.
struct ModelLoops {
    Project project;
    CausalModel causal;
    LoopList loops;
};
std::optional<ModelLoops> loadModelLoops(const QString &path, QTextStream &errors, const LoopSearchOptions &search = {});

} // namespace meadows
