#pragma once
// Reading any file Meadows opens as a model: XMILE, or a Mermaid flowchart (.mmd) as a
// causal-loop diagram. The editor and every subcommand read models through here, so
// they accept the same files and say the same thing about one they cannot read.
#include "xmilereader.h"

#include <QTextStream>
#include <optional>

namespace meadows {

bool isMermaidFile(const QString &path);
XmileReadResult readModelFile(const QString &path);

// For the subcommands: problems in the one format they share, "FILE:LINE:COL: error: what".
void printDiagnostics(QTextStream &out, const std::vector<Diagnostic> &diagnostics);
bool hasErrors(const std::vector<Diagnostic> &diagnostics);
// Reads the file, printing its problems to `errors`. Empty on any error.
std::optional<Project> loadProject(const QString &path, QTextStream &errors);

} // namespace meadows
