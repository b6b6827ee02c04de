#include "solver/analysis/causalmodel.h"

#include "solver/parser.h"
#include "solver/analysis/polarity.h"

#include "model/conveyoroptions.h"
#include "model/names.h"

namespace meadows {

int CausalModel::resolve(int scope, QString canonical) const
{
    for (int depth = 0; depth < 64 && scope >= 0 && scope < int(scopes.size()); ++depth) {
        if (canonical.startsWith(u'.'))
            canonical.remove(0, 1);
        const CausalScope &s = scopes[std::size_t(scope)];
        if (auto it = s.variables.constFind(canonical); it != s.variables.constEnd())
            return *it;
        const qsizetype dot = canonical.indexOf(u'.');
        if (dot < 0)
            return -1;
        scope = s.modules.value(canonical.left(dot), -1);
        canonical = canonical.mid(dot + 1);
    }
    return -1;
}

bool CausalModel::hasErrors() const
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

std::optional<LinkPolarity> connectorPolarity(const QString &mark)
{
    const QString m = mark.trimmed().toLower();
    if (m == QLatin1String("+") || m == QLatin1String("positive"))
        return LinkPolarity::Positive;
    if (m == QLatin1String("-") || m == QString(QChar(0x2212)) || m == QLatin1String("negative"))
        return LinkPolarity::Negative;
    return std::nullopt;
}

namespace {

class Builder {
public:
    explicit Builder(const Project &project) : m_project(project) {}

    CausalModel run()
    {
        if (m_project.models.empty())
            return std::move(m_out);
        m_out.scopes.emplace_back();
        m_instances.push_back({&m_project.mainModel(), QString()});
        declare(0, 0);
        for (std::size_t s = 0; s < m_instances.size(); ++s)
            connectModules(int(s));
        m_hasEquation.assign(m_out.variables.size(), false);
        for (std::size_t v = 0; v < m_out.variables.size(); ++v)
            readEquations(int(v));
        inferLinks(); // after every equation is parsed: constants' signs are known then
        for (std::size_t s = 0; s < m_instances.size(); ++s)
            applyConnectors(int(s));
        return std::move(m_out);
    }

private:
    struct Instance {
        const Model *model;
        QString prefix; // "" or "module." (nested: "a.b.")
    };

    void warn(const SourceRef &ref, qsizetype offset, const QString &message, Severity severity = Severity::Error)
    {
        Diagnostic d;
        d.severity = severity;
        d.file = ref.isValid() ? ref.fileName() : m_project.fileName;
        d.pos = ref.isValid() ? ref.positionOfDecodedOffset(offset) : SourcePos{};
        d.message = message;
        m_out.diagnostics.push_back(d);
    }

    void declare(int scope, int depth)
    {
        const Instance instance = m_instances[std::size_t(scope)];
        for (const GraphicalFunction &gf : instance.model->graphicalFunctions)
            m_out.scopes[std::size_t(scope)].tables.insert(canonicalName(gf.name), gf);
        for (const Variable &v : instance.model->variables) {
            const QString key = canonicalName(v.name);
            CausalScope &s = m_out.scopes[std::size_t(scope)];
            if (s.variables.contains(key) || s.modules.contains(key))
                continue; // defined twice: `meadows check` reports it
            if (v.kind == VariableKind::Module) {
                const Model *m = m_project.findModel(v.modelName);
                if (!m || depth > 32)
                    continue;
                const int child = int(m_out.scopes.size());
                s.modules.insert(key, child);
                m_out.scopes.emplace_back();
                m_instances.push_back({m, instance.prefix + displayName(v.name) + QLatin1Char('.')});
                declare(child, depth + 1);
                continue;
            }
            const int index = m_out.graph.addVariable(instance.prefix + displayName(v.name));
            m_out.scopes[std::size_t(scope)].variables.insert(key, index);
            if (v.gf)
                m_out.scopes[std::size_t(scope)].tables.insert(key, *v.gf);
            CausalVariable cv;
            cv.kind = v.kind;
            cv.scope = scope;
            cv.table = v.gf;
            cv.isArray = v.isArray();
            m_out.variables.push_back(std::move(cv));
            m_sources.push_back(&v);
        }
    }

    // A module input mirrors the variable connected to it, as the flattener wires it.
    void connectModules(int scope)
    {
        const Instance instance = m_instances[std::size_t(scope)];
        for (const Variable &v : instance.model->variables) {
            if (v.kind != VariableKind::Module)
                continue;
            const int child = m_out.scopes[std::size_t(scope)].modules.value(canonicalName(v.name), -1);
            if (child < 0)
                continue;
            for (const ModuleConnection &c : v.connections) {
                const QString to = canonicalName(c.to);
                int dst = to.contains(u'.') ? m_out.resolve(scope, to) : -1;
                if (dst < 0)
                    dst = m_out.resolve(child, to);
                const int src = m_out.resolve(scope, canonicalName(c.from));
                if (dst < 0 || src < 0)
                    continue; // `meadows check` reports it
                // As in the flattener: the input becomes a window onto its source, an
                // auxiliary even where the module drew it as a stock.
                m_out.variables[std::size_t(dst)].mirrors = src;
                m_out.variables[std::size_t(dst)].kind = VariableKind::Aux;
                m_out.graph.addLink(src, dst, LinkPolarity::Positive);
            }
        }
    }

    std::optional<Expr> parse(const QString &text, const SourceRef &ref, const QString &name)
    {
        if (text.trimmed().isEmpty())
            return std::nullopt;
        ParseResult r = parseEquation(text);
        if (!r.ok()) {
            // Stella's list of an array's values ("4, 2, 9", Flattener::arrayConstant): numbers,
            // which link nothing, not an equation that failed.
            const QStringList parts = text.split(u',');
            if (parts.size() > 1 && std::all_of(parts.begin(), parts.end(), [](const QString &p) { return numberValue(p).has_value(); }))
                return std::nullopt;
            warn(ref, r.error->offset, QStringLiteral("in the equation of '%1': %2").arg(name, r.error->message));
            return std::nullopt;
        }
        return std::move(r.expr);
    }

    PolarityContext contextFor(int scope) const
    {
        PolarityContext context;
        context.valueRange = [this, scope](const QString &name) {
            const int v = m_out.resolve(scope, name);
            if (v < 0)
                return ValueRange::nonNegative();
            const CausalVariable &cv = m_out.variables[std::size_t(v)];
            if (cv.table)
                return tableRange(*cv.table);
            if (!cv.equation)
                return ValueRange::nonNegative();
            // A constant's range is its number; anything else is taken as non-negative.
            if (const std::optional<double> value = numberValue(*cv.equation))
                return ValueRange::exactly(*value);
            return ValueRange::nonNegative();
        };
        context.table = [this, scope](const QString &name) -> const GraphicalFunction * {
            const CausalScope &s = m_out.scopes[std::size_t(scope)];
            auto it = s.tables.constFind(name);
            return it == s.tables.constEnd() ? nullptr : &*it;
        };
        return context;
    }

    // Parses the variable's equations (a stock's flows are its links) for inferLinks.
    void readEquations(int index)
    {
        CausalVariable &cv = m_out.variables[std::size_t(index)];
        const Variable &v = *m_sources[std::size_t(index)];
        const QString &name = m_out.graph.name(index);
        if (cv.kind == VariableKind::Stock) {
            linkFlows(index, v.inflows, LinkPolarity::Positive);
            linkFlows(index, v.outflows, LinkPolarity::Negative);
            // A conveyor's belt, a queue and an oven decide their outflows: more held, more released.
            if (conveyorOptions(v) || isQueue(v) || ovenOptions(v)) {
                for (int flow : cv.outflows)
                    m_out.graph.addLink(index, flow, LinkPolarity::Positive);
            }
            return;
        }
        if (cv.mirrors >= 0)
            return;
        // Apply-to-all: one equation. Otherwise each element's, merged.
        std::vector<std::pair<Expr, const GraphicalFunction *>> equations;
        if (std::optional<Expr> e = parse(v.equation, v.equationSource, name)) {
            cv.equation = *e;
            // Elements with a table of their own and no equation read this one through their
            // tables (XMILE 1.0 section 4.5.3): paired with each such table.
            bool throughTables = false;
            for (const ArrayElement &element : v.elements) {
                if (element.gf && element.equation.trimmed().isEmpty()) {
                    equations.push_back({*e, &*element.gf});
                    throughTables = true;
                }
            }
            if (!throughTables)
                equations.push_back({std::move(*e), v.gf ? &*v.gf : nullptr});
        }
        for (const ArrayElement &element : v.elements) {
            if (std::optional<Expr> e = parse(element.equation, element.equationSource, name))
                equations.push_back({std::move(*e), element.gf ? &*element.gf : v.gf ? &*v.gf : nullptr});
        }
        if (!v.elements.empty())
            cv.equation.reset(); // elements differ: no single equation to evaluate
        m_hasEquation[std::size_t(index)] = !equations.empty();
        m_pending.push_back({index, std::move(equations)});
    }

    void inferLinks()
    {
        for (auto &[index, equations] : m_pending) {
            const PolarityContext context = contextFor(m_out.variables[std::size_t(index)].scope);
            for (const auto &[expr, table] : equations)
                linkEquation(index, expr, table, context);
        }
        m_pending.clear();
    }

    void linkEquation(int index, const Expr &expr, const GraphicalFunction *table, const PolarityContext &context)
    {
        const int scope = m_out.variables[std::size_t(index)].scope;
        for (const QString &input : causalInputs(expr)) {
            const int from = m_out.resolve(scope, input);
            if (from < 0)
                continue; // TIME, a dimension, a table: not a variable
            InferredPolarity p = inferPolarity(expr, input, m_out.graph.name(from), context);
            if (table && p.polarity != LinkPolarity::Unknown) {
                const LinkPolarity shape = tablePolarity(*table);
                if (shape == LinkPolarity::Unknown)
                    p = {LinkPolarity::Unknown, QStringLiteral("the graphical function of '%1' is not monotone")
                                                    .arg(m_out.graph.name(index))};
                else if (shape == LinkPolarity::Negative)
                    p.polarity = p.polarity == LinkPolarity::Positive ? LinkPolarity::Negative : LinkPolarity::Positive;
            }
            m_out.graph.addLink(from, index, p.polarity, p.reason);
        }
    }

    void linkFlows(int stock, const QStringList &flows, LinkPolarity polarity)
    {
        CausalVariable &cv = m_out.variables[std::size_t(stock)];
        for (const QString &f : flows) {
            const int flow = m_out.resolve(cv.scope, canonicalName(f));
            if (flow < 0)
                continue; // `meadows check` reports it
            (polarity == LinkPolarity::Positive ? cv.inflows : cv.outflows).push_back(flow);
            m_out.graph.addLink(flow, stock, polarity);
        }
    }

    // Connectors: a causal-loop diagram's links, and marked polarities for the rest.
    void applyConnectors(int scope)
    {
        const Instance instance = m_instances[std::size_t(scope)];
        for (const View &view : instance.model->views) {
            QHash<int, QString> aliases;
            for (const ViewElement &e : view.elements) {
                if (e.type == ViewElement::Type::Alias && e.uid)
                    aliases.insert(*e.uid, e.aliasOf);
            }
            const auto endName = [&](const ConnectorEnd &end) {
                return end.aliasUid ? aliases.value(*end.aliasUid) : end.name;
            };
            for (const ViewElement &e : view.elements) {
                if (e.type != ViewElement::Type::Connector)
                    continue;
                const int from = m_out.resolve(scope, canonicalName(endName(e.from)));
                const int to = m_out.resolve(scope, canonicalName(endName(e.to)));
                if (from < 0 || to < 0)
                    continue; // a connector to a module or a picture: no causal link
                const std::optional<LinkPolarity> marked = connectorPolarity(e.polarity);
                if (!definedByDiagram(to)) {
                    if (marked)
                        m_out.graph.overridePolarity(from, to, *marked);
                    continue;
                }
                if (marked)
                    m_out.graph.addLink(from, to, *marked);
                else
                    m_out.graph.addLink(from, to, LinkPolarity::Unknown,
                                        QStringLiteral("the connector from '%1' to '%2' has no polarity mark")
                                            .arg(m_out.graph.name(from), m_out.graph.name(to)));
            }
        }
    }

    // A variable with no equation, no flows and no module connection: the diagram's
    // connectors are all there is to say what drives it.
    bool definedByDiagram(int index) const
    {
        const CausalVariable &cv = m_out.variables[std::size_t(index)];
        if (cv.kind == VariableKind::Stock || cv.mirrors >= 0)
            return false;
        return !m_hasEquation[std::size_t(index)];
    }

    const Project &m_project;
    CausalModel m_out;
    std::vector<Instance> m_instances;
    std::vector<const Variable *> m_sources; // parallel to m_out.variables
    std::vector<bool> m_hasEquation;
    std::vector<std::pair<int, std::vector<std::pair<Expr, const GraphicalFunction *>>>> m_pending;
};

} // namespace

CausalModel buildCausalModel(const Project &project)
{
    return Builder(project).run();
}

} // namespace meadows
