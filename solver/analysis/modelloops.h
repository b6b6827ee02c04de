#pragma once
// A model with its causal structure and its feedback loops, read for the subcommands that
// analyse or draw loops (loops, export), with problems reported as every subcommand does.
#include "model/modelfile.h"
#include "solver/analysis/causalmodel.h"
#include "solver/analysis/loopfinder.h"

#include <QTextStream>
#include <optional>

namespace meadows {

struct ModelLoops {
    Project project;
    CausalModel causal;
    LoopList loops;
};
// Empty, with the problems printed, when the file cannot be read or its structure has errors.
std::optional<ModelLoops> loadModelLoops(const QString &path, QTextStream &errors, const LoopSearchOptions &search = {});

} // namespace meadows
