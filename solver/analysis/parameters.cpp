#include "parameters.h"

#include "solver/simulation.h"

#include <algorithm>

namespace meadows {

ParameterizedModel::ParameterizedModel(const Project &project, const QStringList &parameters, const FlattenOptions &base)
{
    // Flatten once as given, to read each parameter's own value. As with --set, any
    // variable can be varied: its equation is replaced by the number.
    FlatModel given = flatten(project, base);
    m_diagnostics = given.diagnostics;
    if (given.hasErrors())
        return;
    FlattenOptions options = base;
    for (const QString &name : parameters)
        options.overrides.push_back({name, 0.0}); // an unknown name: flatten reports it, with a guess
    m_flat = flatten(project, options);
    CompileResult compiled = compile(m_flat);
    m_diagnostics = compiled.diagnostics;
    if (!compiled.model)
        return;
    CompiledModel model = std::move(*compiled.model);
    for (const QString &name : parameters) {
        const int index = m_flat.findVar(name);
        const std::uint32_t slot = FirstVarSlot + std::uint32_t(index);
        // The override made the parameter's initial equation one Copy from a constant:
        // take it out, so the value put in the memory image is what every run starts from.
        auto &code = model.initial.code;
        code.erase(std::remove_if(code.begin(), code.end(), [slot](const Instr &i) { return i.op != Op::End && i.dst == slot; }),
                   code.end());
        // Its value as the model (with --set) gives it: evaluated by the given model.
        const int givenIndex = given.findVar(name);
        double value = 0;
        if (given.vars[givenIndex].equation.kind == Node::Kind::Const) {
            value = given.vars[givenIndex].equation.value;
        } else if (const CompileResult g = compile(given); g.model) {
            // Computed from others (a stock's initial value, say): run zero steps to read it.
            RunOptions zero;
            zero.stop = g.model->specs.start;
            const RunResult r = simulate(*g.model, zero);
            const int column = r.results ? r.results->column(name) : -1;
            value = column >= 0 ? r.results->at(0, std::size_t(column)) : 0.0;
        }
        model.memory[slot] = value;
        m_names << m_flat.vars[index].name;
        m_slots.push_back(slot);
        m_base.push_back(value);
    }
    m_model = std::move(model);
}

std::vector<int> ParameterizedModel::stockVars() const
{
    std::vector<int> out;
    if (!m_model)
        return out;
    for (std::uint32_t slot : m_model->stockSlots)
        out.push_back(int(slot - FirstVarSlot));
    return out;
}

} // namespace meadows
