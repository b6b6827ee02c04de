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
    checkArity(e, m.requiredArguments(), int(m.parameters.size()));
    if (m_macroDepth > 64)
        fail(e, QStringLiteral("macro %1 expands more than 64 deep (does it call itself?)").arg(m.name));
    // A macro that calls another twice, which calls another twice..., doubles the model at
    // every level without nesting deep: the copies one call makes are counted before any
    // is made, and refused beyond the size limit.
    if (m_macroDepth == 0 && m_macroExpansions + macroSize(m) > maxModelSize())
        fail(e, QStringLiteral("macro %1 would make more than %2 copies of macro bodies, one per call of a macro "
                               "inside it too (raise the limit with --max-size)").arg(m.name).arg(maxModelSize()));
    if (++m_macroExpansions > maxModelSize()) // a guard: the count above covers what it can see
        fail(e, QStringLiteral("macro %1 is expanded more than %2 times, which makes the model too large "
                               "(raise the limit with --max-size)").arg(m.name).arg(maxModelSize()));
    // The arguments given, read where the call is...
    std::vector<Node> given;
    for (const Expr &a : e.args)
        given.push_back(expr(c, a));
    auto scope = std::make_unique<Scope>();
    scope->model = &m.body;
    scope->prefix = QStringLiteral("#%1#%2.").arg(displayName(m.name)).arg(m_macroScopes.size());
    // ...and the rest from here on inside the macro, its depth counted: a parameter the call
    // leaves out takes its <parm default="...">, an equation read in the macro, where the
    // parameters before it are known (and a default calling the macro again meets the limit).
    ++m_macroDepth;
    m_expanding.push_back(&m);
    for (qsizetype i = 0; i < m.parameters.size(); ++i) {
        Variable &param = m_synthetic.emplace_back();
        param.name = m.parameters[i];
        // A parameter the body also declares without an equation takes that kind: xmutil
        // writes INTEG(input, p) in a macro as a stock whose inflow is an empty <flow
        // name="input"/>, the parameter (SDXorg's macro_stock). declare() passes over it.
        if (const Variable *declared = m.body.findVariable(param.name); declared && isParameterDeclaration(*declared))
            param.kind = declared->kind;
        Symbol sym;
        sym.variable = &param;
        std::optional<Node> value;
        if (i < qsizetype(given.size()))
            value = std::move(given[std::size_t(i)]);
        else if (!(value = resolveEquation(*scope, param, m.defaults[i], m.equationSource, {}))) {
            --m_macroDepth;
            m_expanding.pop_back();
            fail(e, QStringLiteral("macro %1: the default of its parameter '%2' has errors (reported above)")
                        .arg(m.name, param.name));
        }
        sym.first = addHidden(FlatVar::Kind::Aux, QStringLiteral("macro argument"), std::move(*value));
        scope->symbols.insert(canonicalName(param.name), sym);
    }
    const std::size_t firstBodyVar = m_out.vars.size();
    declare(*scope, 0);
    for (std::size_t i = firstBodyVar; i < m_out.vars.size(); ++i)
        m_out.vars[i].hidden = true;
    resolve(*scope);
    Variable &call = m_synthetic.emplace_back();
    call.name = m.name;
    call.equation = m.equation;
    call.equationSource = m.equationSource;
    std::optional<Node> result = resolveEquation(*scope, call, m.equation, m.equationSource, {});
    --m_macroDepth;
    m_expanding.pop_back();
    m_macroScopes.push_back(std::move(scope));
    if (!result)
        fail(e, QStringLiteral("macro %1 has errors (reported above)").arg(m.name));
    return std::move(*result);
}

bool Flattener::isParameterDeclaration(const Variable &v)
{
    // Nothing the parameter's value could not carry: a table, a non-negative flag, an initial
    // equation or elements would be dropped without a word.
    return (v.kind == VariableKind::Flow || v.kind == VariableKind::Aux) && v.equation.trimmed().isEmpty()
           && v.initEquation.trimmed().isEmpty() && v.dimensions.isEmpty() && v.elements.empty() && !v.gf
           && !v.nonNegative;
}

// How many macro bodies one call of `m` instantiates, itself included: one, plus for every
// call of a macro in its equation or its body's equations, that macro's count. Counted from
// the text before anything is expanded; a macro that calls itself counts once here (the
// depth limit above reports it), and counts stop growing past the size limit.
std::int64_t Flattener::macroSize(const Macro &m)
{
    if (const auto known = m_macroSizes.constFind(&m); known != m_macroSizes.constEnd())
        return *known;
    m_macroSizes.insert(&m, 1); // while counting: a call back to m counts once
    const std::int64_t cap = maxModelSize() + 1;
    std::int64_t total = 1;
    const std::function<void(const Expr &)> add = [&](const Expr &x) {
        if (x.kind == Expr::Kind::Call) {
            if (const Macro *callee = m_project.findMacro(x.spelling, int(x.args.size())))
                total = std::min(cap, total + macroSize(*callee));
        }
        for (const Expr &a : x.args)
            add(a);
    };
    const auto addEquation = [&](const QString &text) {
        if (const ParseResult parsed = parseEquation(text); parsed.expr)
            add(*parsed.expr);
    };
    addEquation(m.equation);
    for (const QString &d : m.defaults)
        addEquation(d);
    for (const Variable &v : m.body.variables)
        addEquation(v.equation);
    m_macroSizes.insert(&m, total);
    return total;
}

} // namespace meadows::flattening
