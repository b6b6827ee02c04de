#pragma once
// Orders a flat model's equations and compiles them to instructions.
#include "flatmodel.h"
#include "program.h"

#include <optional>

namespace meadows {

struct CompileResult {
    std::optional<CompiledModel> model;
    std::vector<Diagnostic> diagnostics;
};

CompileResult compile(const FlatModel &flat);

// Reads, flattens and compiles in one step.
CompileResult compileProject(const Project &project, const FlattenOptions &options = {});

} // namespace meadows
