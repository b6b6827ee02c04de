#include "modelloading.h"

#include "model/modelfile.h"

#include "model/xmilereader.h"

#include <QFileInfo>

namespace meadows {

void printDiagnostics(QTextStream &out, const std::vector<Diagnostic> &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        out << d.format() << '\n';
    out.flush();
}

bool hasErrors(const std::vector<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

std::optional<Project> loadProject(const QString &path, QTextStream &errors)
{
    if (!QFileInfo(path).isFile()) {
        errors << path << ": error: " << (QFileInfo::exists(path) ? "not a file" : "no such file") << '\n';
        errors.flush();
        return std::nullopt;
    }
    XmileReadResult read = readModelFile(path);
    printDiagnostics(errors, read.diagnostics);
    // A reader error (a number that is not one, a bad size) leaves a model that would
    // run wrong; a command does not go on with it.
    if (hasErrors(read.diagnostics))
        return std::nullopt;
    return std::move(read.project);
}

std::optional<ModelLoops> loadModelLoops(const QString &path, QTextStream &errors, const LoopSearchOptions &search)
{
    std::optional<Project> project = loadProject(path, errors);
    if (!project)
        return std::nullopt;
    CausalModel causal = buildCausalModel(*project);
    printDiagnostics(errors, causal.diagnostics);
    if (causal.hasErrors())
        return std::nullopt;
    LoopList loops = findLoops(causal.graph, search);
    return ModelLoops{std::move(*project), std::move(causal), std::move(loops)};
}

} // namespace meadows
