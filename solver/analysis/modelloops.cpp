#include "solver/analysis/modelloops.h"

namespace meadows {

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
