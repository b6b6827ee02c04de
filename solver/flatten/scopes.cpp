// Module scopes: declaring every variable of a model (and of the models its modules
// instantiate) as flat variables, finding qualified names, and wiring module inputs.
#include "flattener.h"

#include <cmath>
#include <functional>
#include <limits>

namespace meadows::flattening {

namespace {
// One part of a qualified name ("module.variable"), quoted when it holds '.' or '/'.
QString pathPart(const QString &display)
{
    if (display.contains(u'.') || display.contains(u'/'))
        return QLatin1Char('"') + display + QLatin1Char('"');
    return display;
}
} // namespace

void Flattener::declare(Scope &scope, int depth)
{
    for (const GraphicalFunction &gf : scope.model->graphicalFunctions)
        scope.namedTables.insert(canonicalName(gf.name), &gf);
    for (const Variable &v : scope.model->variables) {
        if (m_tooLarge)
            return;
        const QString key = canonicalName(v.name);
        if (scope.symbols.contains(key)) {
            // A macro's parameter declared in its body (expandMacro): its kind, not a second variable.
            const Symbol &known = scope.symbols[key];
            if (!m_expanding.empty() && scope.model == &m_expanding.back()->body && isParameterDeclaration(v) && known.variable
                && known.variable->kind == v.kind)
                continue;
            errorAt(v, QStringLiteral("'%1' is defined twice").arg(displayName(v.name)));
            continue;
        }
        // TIME is the clock in every equation: a variable of that name would shadow it in
        // some places and not others. Stella and Vensim reserve the name too.
        if (key == QLatin1String("time")) {
            errorAt(v, QStringLiteral("'%1' is the name of the simulation clock (TIME), which a variable cannot "
                                      "take: rename the variable").arg(displayName(v.name)));
            continue;
        }
        // DT, PI, STARTTIME, STOPTIME, INF and NAN are builtins in XMILE but names like any in
        // Vensim: the model's variable is read (lowering.cpp), and said.
        if (!isClockName(key) && builtinValue(key))
            errorAt(v, QStringLiteral("'%1' is also the name of a value the equations build in (%2): equations read this "
                                      "variable").arg(displayName(v.name), key.toUpper()), Severity::Warning);
        // XMILE 1.0 §3.7.1: dimension names "must be distinct from model variables names".
        // Where both are, an equation's bare name reads the variable, and a subscript the
        // dimension: said, as the author may have meant either.
        if (const Dimension *d = m_project.findDimension(v.name))
            errorAt(v, QStringLiteral("'%1' has the name of dimension '%2', which no variable may have: outside square "
                                      "brackets the name reads the variable, inside them the dimension; rename one")
                           .arg(displayName(v.name), d->name), Severity::Warning);
        Symbol sym;
        sym.variable = &v;
        if (v.kind == VariableKind::Module) {
            sym.type = Symbol::Type::Module;
            const Model *m = m_project.findModel(v.modelName);
            if (!m) {
                errorAt(v, QStringLiteral("module '%1' refers to a model '%2' that the file does not contain")
                               .arg(displayName(v.name), v.modelName));
                continue;
            }
            if (depth > 32) {
                errorAt(v, QStringLiteral("modules nest more than 32 deep (does a model contain itself?)"));
                continue;
            }
            // Each copy of a module counts toward the size: a binary tree of modules 20
            // deep is a million copies before any variable is declared in them.
            if (++m_moduleCopies + std::int64_t(m_out.vars.size()) > maxModelSize()) {
                errorAt(v, QStringLiteral("module '%1' makes the model more than %2 values large "
                                          "(raise the limit with --max-size)")
                               .arg(scope.prefix + displayName(v.name))
                               .arg(maxModelSize()));
                m_tooLarge = true;
                return;
            }
            auto child = std::make_unique<Scope>();
            child->model = m;
            child->prefix = scope.prefix + pathPart(displayName(v.name)) + QLatin1Char('.');
            sym.module = child.get();
            scope.children.push_back(std::move(child));
            declare(*sym.module, depth + 1);
            scope.symbols.insert(key, sym);
            continue;
        }
        bool dimsOk = true;
        for (const QString &d : v.dimensions) {
            const int di = dimensionIndex(d);
            if (di < 0) {
                errorAt(v, QStringLiteral("'%1' uses a dimension '%2' that is not defined").arg(displayName(v.name), d));
                dimsOk = false;
            }
            sym.dims.push_back(di);
        }
        if (!dimsOk)
            continue;
        // Sizes are multiplied in 64 bits and checked against the limit before any element
        // exists: three dimensions of 2,000 would otherwise overflow an int.
        std::int64_t wanted = 1;
        for (int d : sym.dims)
            wanted = std::min<std::int64_t>(wanted * std::int64_t(m_dims[d].elements.size()), std::int64_t(1) << 40);
        if (wanted + std::int64_t(m_out.vars.size()) > maxModelSize()) {
            errorAt(v, QStringLiteral("'%1' would make the model %2 values large, more than the limit of %3 "
                                      "(raise it with --max-size)")
                           .arg(scope.prefix + displayName(v.name))
                           .arg(wanted + std::int64_t(m_out.vars.size()))
                           .arg(maxModelSize()));
            m_tooLarge = true;
            return;
        }
        sym.first = int(m_out.vars.size());
        const int count = elementCount(sym.dims);
        for (int i = 0; i < count; ++i) {
            FlatVar fv;
            fv.kind = v.kind == VariableKind::Stock ? FlatVar::Kind::Stock
                      : v.kind == VariableKind::Flow ? FlatVar::Kind::Flow
                                                     : FlatVar::Kind::Aux;
            // Inside a module, a name with '.' or '/' is quoted, so that "m.a.b" cannot be read
            // as module a's b: m."a.b" (XMILE's qualified names; the CSV header shows it).
            fv.name = scope.prefix + (scope.prefix.isEmpty() ? displayName(v.name) : pathPart(displayName(v.name)))
                      + elementSuffix(sym.dims, i);
            fv.nonNegative = v.nonNegative && v.kind == VariableKind::Stock;
            fv.units = v.units;
            fv.source = v.equationSource;
            m_unresolved.insert(int(m_out.vars.size()));
            m_out.vars.push_back(std::move(fv));
        }
        scope.symbols.insert(key, sym);
    }
}

// Finds "a", "module.a" or ".a" from a scope.
const Symbol *Flattener::lookupQualified(Scope &scope, QString name) const
{
    if (name.startsWith(u'.'))
        name.remove(0, 1);
    const QString key = canonicalName(name);
    if (auto it = scope.symbols.constFind(key); it != scope.symbols.constEnd())
        return &*it;
    const qsizetype dot = key.indexOf(u'.');
    if (dot < 0)
        return nullptr;
    auto it = scope.symbols.constFind(key.left(dot));
    if (it == scope.symbols.constEnd() || it->type != Symbol::Type::Module)
        return nullptr;
    return lookupQualified(*it->module, key.mid(dot + 1));
}

void Flattener::connect(Scope &scope)
{
    for (const Variable &v : scope.model->variables) {
        if (v.kind != VariableKind::Module)
            continue;
        // Only the module the symbol was declared for: a second of the same name (an error
        // already) would connect the same child again, and at every level of a model that
        // contains itself that doubled the work (2^32 calls).
        auto it = scope.symbols.find(canonicalName(v.name));
        if (it == scope.symbols.end() || it->type != Symbol::Type::Module || it->variable != &v)
            continue;
        Scope &child = *it->module;
        for (const ModuleConnection &c : v.connections) {
            // "to" names the input inside a module: "module.var" in the parent's terms,
            // or just "var" meaning this module's.
            const QString toKey = canonicalName(c.to);
            const Symbol *dst = toKey.contains(u'.') ? lookupQualified(scope, c.to) : nullptr;
            if (!dst)
                dst = lookupQualified(child, c.to);
            const Symbol *src = lookupQualified(scope, c.from);
            if (!dst || !src || dst->type != Symbol::Type::Variable || src->type != Symbol::Type::Variable) {
                errorAt(v, QStringLiteral("module '%1': cannot connect '%2' to '%3'").arg(displayName(v.name), c.from, c.to));
                continue;
            }
            const int n = elementCount(dst->dims);
            if (n != elementCount(src->dims)) {
                errorAt(v, QStringLiteral("module '%1': '%2' and '%3' have different sizes").arg(displayName(v.name), c.from, c.to));
                continue;
            }
            for (int i = 0; i < n; ++i) {
                FlatVar &fv = m_out.vars[dst->first + i];
                fv.kind = FlatVar::Kind::Aux; // an input is a window onto its source
                fv.equation = Node::var(src->first + i);
                m_unresolved.remove(dst->first + i);
                fv.inflows.clear();
                fv.outflows.clear();
                m_connected.insert(dst->first + i);
            }
        }
        connect(child);
    }
}

} // namespace meadows::flattening
