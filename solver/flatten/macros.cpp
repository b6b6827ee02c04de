// Macros: each call instantiates the body as a hidden scope of its own.
#include "flattener.h"

#include <cmath>
#include <functional>
#include <limits>

namespace meadows::flattening {

// Each call instantiates the macro's body as a hidden scope of its own, its parameters
// bound to the call's arguments, so a macro that keeps state keeps it per call.
Node Flattener::expandMacro(Context &c, const Expr &e, const Macro &m)
{
    checkArity(e, int(m.parameters.size()), int(m.parameters.size()));
    if (m_macroDepth > 64)
        fail(e, QStringLiteral("macro %1 expands more than 64 deep (does it call itself?)").arg(m.name));
    // A macro that calls another twice, which calls another twice..., doubles the model at
    // every level without nesting deep: each call is one more copy of a body, counted.
    if (++m_macroExpansions > maxModelSize())
        fail(e, QStringLiteral("macro %1 is expanded more than %2 times, which makes the model too large "
                               "(raise the limit with --max-size)").arg(m.name).arg(maxModelSize()));
    auto scope = std::make_unique<Scope>();
    scope->model = &m.body;
    scope->prefix = QStringLiteral("#%1#%2.").arg(displayName(m.name)).arg(m_macroScopes.size());
    for (qsizetype i = 0; i < m.parameters.size(); ++i) {
        Variable &param = m_synthetic.emplace_back();
        param.name = m.parameters[i];
        Symbol sym;
        sym.variable = &param;
        sym.first = addHidden(FlatVar::Kind::Aux, QStringLiteral("macro argument"), expr(c, e.args[i]));
        scope->symbols.insert(canonicalName(param.name), sym);
    }
    const std::size_t firstBodyVar = m_out.vars.size();
    declare(*scope, 0);
    for (std::size_t i = firstBodyVar; i < m_out.vars.size(); ++i)
        m_out.vars[i].hidden = true;
    ++m_macroDepth;
    resolve(*scope);
    Variable &call = m_synthetic.emplace_back();
    call.name = m.name;
    call.equation = m.equation;
    call.equationSource = m.equationSource;
    std::optional<Node> result = resolveEquation(*scope, call, m.equation, m.equationSource, {});
    --m_macroDepth;
    m_macroScopes.push_back(std::move(scope));
    if (!result)
        fail(e, QStringLiteral("macro %1 has errors (reported above)").arg(m.name));
    return std::move(*result);
}

} // namespace meadows::flattening
