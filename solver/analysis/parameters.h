#pragma once
// A model compiled once, whose chosen constants (or stocks' initial values) can be set
// per run without compiling again: sweeps, sensitivity runs and continuation change
// them thousands of times.
#include "solver/compiler.h"

#include <optional>

namespace meadows {

class ParameterizedModel {
public:
    // Compiles `project` with `base` (the --set overrides) and makes every name in
    // `parameters` settable. Errors (an unknown name, a model that does not compile) are
    // in diagnostics() and model() is then empty.
    ParameterizedModel(const Project &project, const QStringList &parameters, const FlattenOptions &base = {});

    const std::optional<CompiledModel> &model() const { return m_model; }
    const FlatModel &flat() const { return m_flat; }
    const std::vector<Diagnostic> &diagnostics() const { return m_diagnostics; }
    const QStringList &names() const { return m_names; } // as the model displays them

    // The value a parameter has when nothing sets it (its equation's, or the --set one).
    double baseValue(std::size_t parameter) const { return m_base[parameter]; }
    // Puts a parameter's value into a copy of model(): runs made from it see the value.
    void set(CompiledModel &copy, std::size_t parameter, double value) const { copy.memory[m_slots[parameter]] = value; }

    // The flat model's stocks, in the compiled model's order: index into flat().vars.
    std::vector<int> stockVars() const;

private:
    FlatModel m_flat;
    std::optional<CompiledModel> m_model;
    std::vector<Diagnostic> m_diagnostics;
    QStringList m_names;
    std::vector<std::uint32_t> m_slots;
    std::vector<double> m_base;
};

} // namespace meadows
