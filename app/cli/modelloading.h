#pragma once
// Reading a model for a subcommand and reporting what went wrong in the one format all
// subcommands share: FILE:LINE:COL: error: what.
#include "model/project.h"
#include "solver/compiler.h"

#include <QTextStream>
#include <optional>

namespace meadows {

void printDiagnostics(QTextStream &out, const std::vector<Diagnostic> &diagnostics);
bool hasErrors(const std::vector<Diagnostic> &diagnostics);

// Reads and compiles; prints problems to `errors`. Empty on any error.
std::optional<Project> loadProject(const QString &path, QTextStream &errors);

} // namespace meadows
