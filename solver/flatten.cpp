#include "flatmodel.h"

#include "parser.h"

#include "model/names.h"
#include "model/sizelimit.h"

#include <QHash>
#include <QRegularExpression>
#include <cmath>
#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <optional>

namespace meadows {

bool FlatModel::hasErrors() const
{
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Error)
            return true;
    }
    return false;
}

int FlatModel::findVar(const QString &displayName) const
{
    const QString key = variableKey(displayName);
    for (std::size_t i = 0; i < vars.size(); ++i) {
        if (!vars[i].hidden && variableKey(vars[i].name) == key)
            return int(i);
    }
    return -1;
}

QString variableKey(const QString &displayName)
{
    static const QRegularExpression spacesAroundPunctuation(QStringLiteral("\\s*([\\[\\],.])\\s*"));
    QString s = displayName;
    s.replace(spacesAroundPunctuation, QStringLiteral("\\1"));
    return canonicalName(s);
}

namespace {

struct ResolvedDimension {
    QString name;              // display
    QString key;               // canonical
    QStringList elements;      // display
    QStringList elementKeys;   // canonical
};

// One element of an array: which element of which dimension (indices into the tables).
struct ElementContext {
    std::vector<std::pair<int, int>> at; // (dimension, element)
    std::optional<int> elementOf(int dimension) const
    {
        for (const auto &[d, e] : at) {
            if (d == dimension)
                return e;
        }
        return std::nullopt;
    }
};

struct Scope;

struct Symbol {
    enum class Type { Variable, Module };
    Type type = Type::Variable;
    const Variable *variable = nullptr;
    int first = -1;          // first flat variable
    std::vector<int> dims;   // dimensions, in order
    Scope *module = nullptr; // Type::Module
};

struct Scope {
    const Model *model = nullptr;
    QString prefix; // "" for the main model, "hares." inside module hares
    QHash<QString, Symbol> symbols;
    QHash<QString, const GraphicalFunction *> namedTables;
    std::vector<std::unique_ptr<Scope>> children;
};

struct Failure {
    QString message;
    int offset = 0;
    int length = 0;
};

class Flattener {
public:
    Flattener(const Project &p, const FlattenOptions &o) : m_project(p), m_options(o) {}

    FlatModel run()
    {
        m_out.specs = m_project.simSpecs;
        m_out.vensimDialect = writtenByVensim();
        for (const Dimension &d : m_project.dimensions) {
            ResolvedDimension rd{displayName(d.name), canonicalName(d.name), {}, {}};
            for (const QString &e : d.elements) {
                rd.elements << displayName(e);
                rd.elementKeys << canonicalName(e);
            }
            m_dims.push_back(std::move(rd));
        }
        if (m_project.models.empty())
            return std::move(m_out);
        m_root.model = &m_project.mainModel();
        declare(m_root, 0);
        if (m_tooLarge)
            return std::move(m_out); // reported where the limit was passed; nothing to resolve
        connect(m_root);
        applyOverridesCheck();
        resolve(m_root);
        return std::move(m_out);
    }

private:
    // Files converted from Vensim (xmutil) keep Vensim's meaning of PULSE and friends.
    bool writtenByVensim() const
    {
        for (const XmlNode &child : m_project.header.children) {
            if (child.name != QLatin1String("vendor") && child.name != QLatin1String("product"))
                continue;
            for (const XmlNode &text : child.children) {
                if (text.isText() && (text.text.contains(QLatin1String("Vensim"), Qt::CaseInsensitive)
                                      || text.text.contains(QLatin1String("Ventana"), Qt::CaseInsensitive)
                                      || text.text.contains(QLatin1String("xmutil"), Qt::CaseInsensitive)))
                    return true;
            }
        }
        return false;
    }

    // ---- diagnostics -------------------------------------------------------------------
    void error(const SourceRef &ref, int offset, const QString &message, const QString &fallbackFile = {})
    {
        Diagnostic d;
        d.file = ref.isValid() ? ref.fileName() : (fallbackFile.isEmpty() ? m_project.fileName : fallbackFile);
        d.pos = ref.isValid() ? ref.positionOfDecodedOffset(offset) : SourcePos{};
        d.message = message;
        m_out.diagnostics.push_back(d);
    }
    void errorAt(const Variable &v, const QString &message)
    {
        Diagnostic d;
        d.file = m_project.fileName;
        if (v.elementSource.isValid())
            d.pos = v.elementSource.source->position(v.elementSource.offset);
        d.message = message;
        m_out.diagnostics.push_back(d);
    }

    int dimensionIndex(const QString &name) const
    {
        const QString key = canonicalName(name);
        for (std::size_t i = 0; i < m_dims.size(); ++i) {
            if (m_dims[i].key == key)
                return int(i);
        }
        return -1;
    }

    // ---- declaring ---------------------------------------------------------------------
    void declare(Scope &scope, int depth)
    {
        for (const GraphicalFunction &gf : scope.model->graphicalFunctions)
            scope.namedTables.insert(canonicalName(gf.name), &gf);
        for (const Variable &v : scope.model->variables) {
            if (m_tooLarge)
                return;
            const QString key = canonicalName(v.name);
            if (scope.symbols.contains(key)) {
                errorAt(v, QStringLiteral("'%1' is defined twice").arg(displayName(v.name)));
                continue;
            }
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
                // Each copy of a module counts toward the size: a binary tree of modules
                // 20 deep is a million copies before any variable is declared in them.
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
                child->prefix = scope.prefix + displayName(v.name) + QLatin1Char('.');
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
            // Sizes are multiplied in 64 bits and checked against the limit before any
            // element exists: three dimensions of 2,000 would otherwise overflow an int.
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
                fv.name = scope.prefix + displayName(v.name) + elementSuffix(sym.dims, i);
                fv.nonNegative = v.nonNegative && v.kind == VariableKind::Stock;
                fv.units = v.units;
                fv.source = v.equationSource;
                m_out.vars.push_back(std::move(fv));
            }
            scope.symbols.insert(key, sym);
        }
    }

    int elementCount(const std::vector<int> &dims) const
    {
        int n = 1;
        for (int d : dims)
            n *= int(m_dims[d].elements.size());
        return n;
    }

    std::vector<int> unflatten(const std::vector<int> &dims, int linear) const
    {
        std::vector<int> idx(dims.size());
        for (int i = int(dims.size()) - 1; i >= 0; --i) {
            const int size = int(m_dims[dims[i]].elements.size());
            idx[i] = size ? linear % size : 0;
            linear = size ? linear / size : 0;
        }
        return idx;
    }

    int linearIndex(const std::vector<int> &dims, const std::vector<int> &idx) const
    {
        int linear = 0;
        for (std::size_t i = 0; i < dims.size(); ++i)
            linear = linear * int(m_dims[dims[i]].elements.size()) + idx[i];
        return linear;
    }

    QString elementSuffix(const std::vector<int> &dims, int linear) const
    {
        if (dims.empty())
            return {};
        const std::vector<int> idx = unflatten(dims, linear);
        QStringList parts;
        for (std::size_t i = 0; i < dims.size(); ++i)
            parts << m_dims[dims[i]].elements[idx[i]];
        return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
    }

    // ---- module connections ----------------------------------------------------------
    // Finds "a", "module.a" or ".a" from a scope.
    const Symbol *lookupQualified(Scope &scope, QString name) const
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

    void connect(Scope &scope)
    {
        for (const Variable &v : scope.model->variables) {
            if (v.kind != VariableKind::Module)
                continue;
            auto it = scope.symbols.find(canonicalName(v.name));
            if (it == scope.symbols.end() || it->type != Symbol::Type::Module)
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
                    fv.inflows.clear();
                    fv.outflows.clear();
                    m_connected.insert(dst->first + i);
                }
            }
            connect(child);
        }
    }

    void applyOverridesCheck()
    {
        for (const auto &[name, value] : m_options.overrides) {
            const int index = m_out.findVar(name);
            if (index < 0) {
                QStringList names;
                for (const FlatVar &v : m_out.vars)
                    names << v.name;
                const QString guess = closest(variableKey(name), names);
                m_out.diagnostics.push_back({Severity::Error, m_project.fileName, {},
                                             QStringLiteral("--set: the model has no variable '%1'%2")
                                                 .arg(name, guess.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(guess))});
                continue;
            }
            m_overrides.insert(index, value);
        }
    }

    // ---- resolving equations ----------------------------------------------------------
    void resolve(Scope &scope)
    {
        for (const Variable &v : scope.model->variables) {
            auto it = scope.symbols.find(canonicalName(v.name));
            if (it == scope.symbols.end() || it->variable != &v)
                continue;
            if (it->type == Symbol::Type::Module) {
                resolve(*it->module);
                continue;
            }
            const Symbol &sym = *it;
            const int count = elementCount(sym.dims);
            for (int i = 0; i < count; ++i)
                resolveElement(scope, sym, v, i);
        }
    }

    // The context for element `linear` of an apply-to-all array.
    ElementContext contextOf(const std::vector<int> &dims, int linear) const
    {
        ElementContext ctx;
        const std::vector<int> idx = unflatten(dims, linear);
        for (std::size_t i = 0; i < dims.size(); ++i)
            ctx.at.push_back({dims[i], idx[i]});
        return ctx;
    }

    // The non-apply-to-all element whose subscript names element `linear`.
    const ArrayElement *findElement(const Variable &v, const std::vector<int> &dims, int linear) const
    {
        const std::vector<int> idx = unflatten(dims, linear);
        for (const ArrayElement &e : v.elements) {
            const QStringList parts = e.subscript.split(u',');
            if (parts.size() != qsizetype(dims.size()))
                continue;
            bool match = true;
            for (std::size_t i = 0; i < dims.size() && match; ++i) {
                const QString key = canonicalName(parts[i].trimmed());
                const ResolvedDimension &d = m_dims[dims[i]];
                const bool byName = d.elementKeys[idx[i]] == key;
                const bool byQualifiedName = key == d.key + QLatin1Char('.') + d.elementKeys[idx[i]];
                match = byName || byQualifiedName;
            }
            if (match)
                return &e;
        }
        return nullptr;
    }

    void resolveElement(Scope &scope, const Symbol &sym, const Variable &v, int i)
    {
        const int index = sym.first + i;
        if (m_connected.contains(index))
            return;
        FlatVar &target = m_out.vars[index];
        if (auto o = m_overrides.constFind(index); o != m_overrides.constEnd()) {
            target.equation = Node::constant(*o);
        } else {
            const ElementContext ctx = contextOf(sym.dims, i);
            QString text = v.equation;
            SourceRef ref = v.equationSource;
            const GraphicalFunction *gf = v.gf ? &*v.gf : nullptr;
            if (!v.elements.empty()) {
                if (const ArrayElement *e = findElement(v, sym.dims, i)) {
                    text = e->equation;
                    ref = e->equationSource;
                    if (e->gf)
                        gf = &*e->gf;
                } else if (text.trimmed().isEmpty()) {
                    errorAt(v, QStringLiteral("'%1' has no equation for element %2")
                                   .arg(displayName(v.name), elementSuffix(sym.dims, i)));
                    return;
                }
            }
            m_out.vars[index].source = ref;
            std::optional<Node> node = resolveEquation(scope, v, text, ref, ctx);
            if (!node)
                return;
            if (gf) {
                Node lookup = Node::of(Node::Kind::Lookup);
                lookup.index = addTable(*gf);
                lookup.args.push_back(std::move(*node));
                node = std::move(lookup);
            }
            if (v.kind == VariableKind::Flow && v.nonNegative) // Stella's uniflow
                node = Node::call(Builtin::Max, {Node::constant(0), std::move(*node)});
            m_out.vars[index].equation = std::move(*node);
        }
        if (v.kind == VariableKind::Stock) {
            const ElementContext ctx = contextOf(sym.dims, i);
            for (const QString &f : v.inflows)
                linkFlow(scope, v, f, ctx, m_out.vars[index].inflows);
            for (const QString &f : v.outflows)
                linkFlow(scope, v, f, ctx, m_out.vars[index].outflows);
        }
    }

    void linkFlow(Scope &scope, const Variable &stock, const QString &flowName, const ElementContext &ctx, std::vector<int> &into)
    {
        const Symbol *s = lookupQualified(scope, flowName);
        if (!s || s->type != Symbol::Type::Variable) {
            errorAt(stock, QStringLiteral("stock '%1' names a flow '%2' that does not exist").arg(displayName(stock.name), flowName));
            return;
        }
        std::vector<int> idx;
        for (int d : s->dims) {
            const auto e = ctx.elementOf(d);
            if (!e) {
                errorAt(stock, QStringLiteral("stock '%1' and its flow '%2' have different dimensions").arg(displayName(stock.name), flowName));
                return;
            }
            idx.push_back(*e);
        }
        into.push_back(s->first + linearIndex(s->dims, idx));
    }

    int addTable(const GraphicalFunction &gf)
    {
        m_out.tables.push_back(gf);
        return int(m_out.tables.size()) - 1;
    }

    std::optional<Node> resolveEquation(Scope &scope, const Variable &v, const QString &text, const SourceRef &ref,
                                        const ElementContext &ctx)
    {
        const ParseResult parsed = parseEquation(text);
        if (parsed.error) {
            error(ref, parsed.error->offset, QStringLiteral("in '%1': %2").arg(displayName(v.name), parsed.error->message));
            return std::nullopt;
        }
        if (!parsed.expr) {
            if (v.access == QLatin1String("input")) // an unconnected module input: Stella reads 0
                return Node::constant(0);
            if (v.gf) // a graphical function with no input reads time
                return Node::of(Node::Kind::Time);
            errorAt(v, QStringLiteral("'%1' has no equation").arg(displayName(v.name)));
            return std::nullopt;
        }
        try {
            Context c{&scope, ctx, &v};
            return expr(c, *parsed.expr);
        } catch (const Failure &f) {
            error(ref, f.offset, QStringLiteral("in '%1': %2").arg(displayName(v.name), f.message));
            return std::nullopt;
        }
    }

    struct Context {
        Scope *scope;
        ElementContext element;
        const Variable *variable;
    };

    [[noreturn]] static void fail(const Expr &e, const QString &message) { throw Failure{message, e.offset, e.length}; }

    Node expr(Context &c, const Expr &e)
    {
        switch (e.kind) {
        case Expr::Kind::Number:
            return Node::constant(e.value);
        case Expr::Kind::Star:
            fail(e, QStringLiteral("'*' is only allowed inside a subscript"));
        case Expr::Kind::Unary: {
            Node n = Node::of(Node::Kind::Unary);
            n.unaryOp = e.unaryOp;
            n.args.push_back(expr(c, e.args[0]));
            if (e.unaryOp == UnaryOp::Plus)
                return std::move(n.args[0]);
            return n;
        }
        case Expr::Kind::Binary:
            return Node::binary(e.binaryOp, expr(c, e.args[0]), expr(c, e.args[1]));
        case Expr::Kind::If: {
            Node n = Node::of(Node::Kind::If);
            for (const Expr &a : e.args)
                n.args.push_back(expr(c, a));
            return n;
        }
        case Expr::Kind::Name: {
            std::vector<Node> nodes = names(c, e);
            if (nodes.size() != 1)
                fail(e, QStringLiteral("'%1' is an array of %2 values where one value is expected; "
                                       "pick an element or use SUM, MEAN, MIN or MAX")
                            .arg(e.spelling).arg(nodes.size()));
            return std::move(nodes[0]);
        }
        case Expr::Kind::Call:
            return call(c, e);
        }
        fail(e, QStringLiteral("unsupported expression"));
    }

    // A name's value(s): one node for a scalar, one per element for an array slice.
    std::vector<Node> names(Context &c, const Expr &e)
    {
        const QString &n = e.name;
        if (!e.subscripted) {
            if (n == QLatin1String("time"))
                return {Node::of(Node::Kind::Time)};
            if (n == QLatin1String("dt") || n == QLatin1String("time_step"))
                return {Node::of(Node::Kind::TimeStep)};
            if (n == QLatin1String("starttime") || n == QLatin1String("initial_time"))
                return {Node::of(Node::Kind::StartTime)};
            if (n == QLatin1String("stoptime") || n == QLatin1String("final_time"))
                return {Node::of(Node::Kind::StopTime)};
            if (n == QLatin1String("saveper"))
                return {Node::constant(m_project.simSpecs.effectiveSaveStep())};
            if (n == QLatin1String("pi"))
                return {Node::constant(M_PI)};
            if (n == QLatin1String("inf"))
                return {Node::constant(std::numeric_limits<double>::infinity())};
            if (n == QLatin1String("nan"))
                return {Node::constant(std::numeric_limits<double>::quiet_NaN())};
        }
        const Symbol *s = lookupQualified(*c.scope, n);
        if (!s && !e.subscripted) {
            // A dimension's name in an array equation: the index of the element computed.
            const int dim = dimensionIndex(n);
            if (dim >= 0) {
                if (const auto at = mappedElement(c.element, dim))
                    return {Node::constant(double(*at + 1))};
                fail(e, QStringLiteral("dimension '%1' used as a value outside an equation over it").arg(e.spelling));
            }
        }
        if (!s) {
            // An element name used as a value (Stella: the element's index).
            for (const ResolvedDimension &d : m_dims) {
                const qsizetype at = d.elementKeys.indexOf(n);
                if (at >= 0 && !e.subscripted)
                    return {Node::constant(double(at + 1))};
            }
            QStringList candidates;
            for (auto it = c.scope->symbols.cbegin(); it != c.scope->symbols.cend(); ++it)
                candidates << displayName(it->variable->name);
            const QString guess = closest(n, candidates);
            fail(e, QStringLiteral("unknown name '%1'%2").arg(e.spelling,
                    guess.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(guess)));
        }
        if (s->type == Symbol::Type::Module)
            fail(e, QStringLiteral("'%1' is a module, not a value; name one of its variables as %1.name").arg(e.spelling));
        std::vector<Node> out;
        for (int id : elementIds(c, *s, e))
            out.push_back(Node::var(id));
        return out;
    }

    // Which elements of an arrayed symbol a reference picks, given the subscripts written
    // and the element being computed.
    std::vector<int> elementIds(Context &c, const Symbol &s, const Expr &e)
    {
        if (s.dims.empty()) {
            if (e.subscripted)
                fail(e, QStringLiteral("'%1' is not an array but is subscripted").arg(e.spelling));
            return {s.first};
        }
        std::vector<std::vector<int>> choices(s.dims.size());
        if (!e.subscripted) {
            for (std::size_t i = 0; i < s.dims.size(); ++i) {
                if (const auto at = mappedElement(c.element, s.dims[i]))
                    choices[i] = {*at};
                else
                    for (int k = 0; k < m_dims[s.dims[i]].elements.size(); ++k)
                        choices[i].push_back(k);
            }
        } else {
            if (e.args.size() != s.dims.size())
                fail(e, QStringLiteral("'%1' has %2 dimension(s) but %3 subscript(s) are given")
                            .arg(e.spelling).arg(s.dims.size()).arg(e.args.size()));
            for (std::size_t i = 0; i < s.dims.size(); ++i)
                choices[i] = subscriptChoice(c, s.dims[i], e.args[i]);
        }
        std::vector<int> ids;
        std::vector<int> idx(s.dims.size(), 0);
        std::function<void(std::size_t)> product = [&](std::size_t level) {
            if (level == s.dims.size()) {
                ids.push_back(s.first + linearIndex(s.dims, idx));
                return;
            }
            for (int k : choices[level]) {
                idx[level] = k;
                product(level + 1);
            }
        };
        product(0);
        return ids;
    }

    // The element of `dim` that the element being computed stands for: its own, or the
    // element of the same name in a subrange (or superset) the context iterates.
    std::optional<int> mappedElement(const ElementContext &ctx, int dim) const
    {
        if (const auto at = ctx.elementOf(dim))
            return at;
        for (const auto &[d, e] : ctx.at) {
            const qsizetype byName = m_dims[dim].elementKeys.indexOf(m_dims[d].elementKeys[e]);
            if (byName >= 0)
                return int(byName);
        }
        return std::nullopt;
    }

    std::vector<int> subscriptChoice(Context &c, int dim, const Expr &sub)
    {
        const ResolvedDimension &d = m_dims[dim];
        std::vector<int> all;
        for (int k = 0; k < d.elements.size(); ++k)
            all.push_back(k);
        if (sub.kind == Expr::Kind::Star)
            return all;
        if (sub.kind == Expr::Kind::Name && !sub.subscripted) {
            const QString &key = sub.name;
            const int named = dimensionIndex(key);
            if (named >= 0) {
                // The dimension itself: the element being computed, or all of them.
                if (const auto at = c.element.elementOf(named)) {
                    if (named == dim)
                        return {*at};
                    // A subrange or another dimension: the element of the same name, else
                    // the one in the same position when the two are the same size.
                    const qsizetype byName = d.elementKeys.indexOf(m_dims[named].elementKeys[*at]);
                    if (byName >= 0)
                        return {int(byName)};
                    if (m_dims[named].elements.size() == d.elements.size())
                        return {*at};
                }
                if (named == dim)
                    return all;
                // A subrange named outside any context: its elements, by name.
                std::vector<int> members;
                for (const QString &k : m_dims[named].elementKeys) {
                    const qsizetype at = d.elementKeys.indexOf(k);
                    if (at < 0) {
                        members.clear();
                        break;
                    }
                    members.push_back(int(at));
                }
                if (!members.empty())
                    return members;
                fail(sub, QStringLiteral("dimension '%1' does not fit here: expected '%2'").arg(sub.spelling, d.name));
            }
            qsizetype at = d.elementKeys.indexOf(key);
            if (at < 0 && key.startsWith(d.key + QLatin1Char('.')))
                at = d.elementKeys.indexOf(key.mid(d.key.size() + 1));
            if (at >= 0)
                return {int(at)};
            if (!lookupQualified(*c.scope, key))
                fail(sub, QStringLiteral("subscript '%1' is not an element of '%2'").arg(sub.spelling, d.name));
        }
        // A constant index (1-based), possibly computed.
        const Node n = expr(c, sub);
        const std::optional<double> v = constantValue(n);
        if (!v)
            fail(sub, QStringLiteral("subscript '%1' is not an element of '%2'").arg(toString(sub), d.name));
        const int k = int(std::lround(*v)) - 1;
        if (k < 0 || k >= d.elements.size())
            fail(sub, QStringLiteral("index %1 is outside dimension '%2' (1 to %3)").arg(*v).arg(d.name).arg(d.elements.size()));
        return {k};
    }

    std::optional<double> constantValue(const Node &n) const
    {
        switch (n.kind) {
        case Node::Kind::Const:
            return n.value;
        case Node::Kind::Var: {
            const FlatVar &v = m_out.vars[n.index];
            if (v.equation.kind == Node::Kind::Const && v.kind == FlatVar::Kind::Aux)
                return v.equation.value;
            return std::nullopt;
        }
        case Node::Kind::Unary:
            if (n.unaryOp == UnaryOp::Negate)
                if (auto a = constantValue(n.args[0]))
                    return -*a;
            return std::nullopt;
        case Node::Kind::Binary: {
            const auto a = constantValue(n.args[0]);
            const auto b = constantValue(n.args[1]);
            if (!a || !b)
                return std::nullopt;
            switch (n.binaryOp) {
            case BinaryOp::Add: return *a + *b;
            case BinaryOp::Subtract: return *a - *b;
            case BinaryOp::Multiply: return *a * *b;
            case BinaryOp::Divide: return *a / *b;
            default: return std::nullopt;
            }
        }
        default:
            return std::nullopt;
        }
    }

    // Arguments of an array builtin: arrays spread into their elements.
    std::vector<Node> spread(Context &c, const Expr &call)
    {
        std::vector<Node> out;
        for (const Expr &a : call.args) {
            if (a.kind == Expr::Kind::Name) {
                for (Node &n : names(c, a))
                    out.push_back(std::move(n));
            } else {
                out.push_back(expr(c, a));
            }
        }
        return out;
    }

    void checkArity(const Expr &e, int min, int max)
    {
        const int n = int(e.args.size());
        if (n < min || (max >= 0 && n > max)) {
            const QString expected = min == max ? QString::number(min)
                                     : max < 0 ? QStringLiteral("at least %1").arg(min)
                                               : QStringLiteral("%1 to %2").arg(min).arg(max);
            fail(e, QStringLiteral("%1 takes %2 argument(s), not %3").arg(e.spelling.toUpper(), expected).arg(n));
        }
    }

    const GraphicalFunction *tableNamed(Context &c, const Expr &e)
    {
        if (e.kind != Expr::Kind::Name)
            return nullptr;
        if (auto it = c.scope->namedTables.constFind(e.name); it != c.scope->namedTables.constEnd())
            return *it;
        const Symbol *s = lookupQualified(*c.scope, e.name);
        if (s && s->type == Symbol::Type::Variable && s->variable->gf)
            return &*s->variable->gf;
        return nullptr;
    }

    Node call(Context &c, const Expr &e)
    {
        const QString &f = e.name;
        if (f == QLatin1String("if_then_else")) {
            checkArity(e, 3, 3);
            Node n = Node::of(Node::Kind::If);
            for (const Expr &a : e.args)
                n.args.push_back(expr(c, a));
            return n;
        }
        if (f == QLatin1String("pi") && e.args.empty())
            return Node::constant(M_PI);
        if (f == QLatin1String("time") && e.args.empty())
            return Node::of(Node::Kind::Time);
        if (f == QLatin1String("lookup")) {
            checkArity(e, 2, 2);
            const GraphicalFunction *gf = tableNamed(c, e.args[0]);
            if (!gf)
                fail(e.args[0], QStringLiteral("LOOKUP needs a graphical function as its first argument"));
            Node n = Node::of(Node::Kind::Lookup);
            n.index = addTable(*gf);
            n.args.push_back(expr(c, e.args[1]));
            return n;
        }
        if (const BuiltinInfo *b = findBuiltin(f)) {
            checkArity(e, b->minArgs, b->maxArgs);
            switch (b->id) {
            case Builtin::Min: case Builtin::Max: case Builtin::Sum: case Builtin::Mean: {
                std::vector<Node> args = spread(c, e);
                // Over no elements a sum is 0; a mean, a minimum or a maximum is undefined.
                if (args.empty() && b->id == Builtin::Sum)
                    return Node::constant(0);
                if (args.empty())
                    fail(e, QStringLiteral("%1 of no elements is undefined").arg(f.toUpper()));
                return Node::call(b->id, std::move(args));
            }
            case Builtin::Size:
                return Node::constant(double(spread(c, e).size()));
            case Builtin::Rank: {
                // RANK(array, n): the array's elements spread, n first for the machine.
                checkArity(e, 2, 2);
                Expr arrayOnly = e;
                arrayOnly.args.resize(1);
                std::vector<Node> args{expr(c, e.args[1])};
                for (Node &n : spread(c, arrayOnly))
                    args.push_back(std::move(n));
                return Node::call(Builtin::Rank, std::move(args));
            }
            default: {
                std::vector<Node> args;
                for (const Expr &a : e.args)
                    args.push_back(expr(c, a));
                if (b->id == Builtin::SafeDiv2 && args.size() == 3)
                    return Node::call(Builtin::SafeDiv3, std::move(args));
                if (b->id == Builtin::Pulse && args.size() == 2 && m_out.vensimDialect)
                    return Node::call(Builtin::VensimPulse, std::move(args));
                Node n = Node::call(b->id, std::move(args));
                if (b->id == Builtin::RandomUniform || b->id == Builtin::RandomNormal)
                    n.index = m_out.randomCalls++;
                return n;
            }
            }
        }
        if (std::optional<Node> n = stateful(c, e))
            return std::move(*n);
        if (const Macro *m = m_project.findMacro(e.spelling))
            return expandMacro(c, e, *m);
        Expr asName;
        asName.kind = Expr::Kind::Name;
        asName.name = e.name;
        if (const GraphicalFunction *gf = tableNamed(c, asName)) {
            checkArity(e, 1, 1);
            Node n = Node::of(Node::Kind::Lookup);
            n.index = addTable(*gf);
            n.args.push_back(expr(c, e.args[0]));
            return n;
        }
        QStringList candidates = builtinNames();
        const QString guess = closest(f, candidates);
        fail(e, QStringLiteral("unknown function '%1'%2").arg(e.spelling,
                guess.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(guess)));
    }

    // ---- macros ------------------------------------------------------------------------
    // Each call instantiates the macro's body as a hidden scope of its own, its parameters
    // bound to the call's arguments, so a macro that keeps state keeps it per call.
    Node expandMacro(Context &c, const Expr &e, const Macro &m)
    {
        checkArity(e, int(m.parameters.size()), int(m.parameters.size()));
        if (m_macroDepth > 64)
            fail(e, QStringLiteral("macro %1 expands more than 64 deep (does it call itself?)").arg(m.name));
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

    // ---- stateful builtins: hidden stocks and flows ------------------------------------
    int addHidden(FlatVar::Kind kind, const QString &what, Node eqn)
    {
        FlatVar v;
        v.kind = kind;
        v.hidden = true;
        // Macros and stateful builtins grow the model as it is flattened: a macro calling
        // itself twice per level doubles it each time, so the limit is checked here too.
        if (std::int64_t(m_out.vars.size()) >= maxModelSize())
            throw Failure{QStringLiteral("expanding this equation makes the model more than %1 values large "
                                         "(raise the limit with --max-size)").arg(maxModelSize()), 0, 0};
        v.name = QStringLiteral("#%1#%2").arg(what).arg(m_out.vars.size());
        v.equation = std::move(eqn);
        m_out.vars.push_back(std::move(v));
        return int(m_out.vars.size()) - 1;
    }

    // A value usable in several equations without computing it twice.
    Node shared(const QString &what, Node n)
    {
        if (n.kind == Node::Kind::Const || n.kind == Node::Kind::Var || n.kind == Node::Kind::Time
            || n.kind == Node::Kind::TimeStep)
            return n;
        return Node::var(addHidden(FlatVar::Kind::Aux, what, std::move(n)));
    }

    int constantOrder(Context &c, const Expr &e)
    {
        const std::optional<double> v = constantValue(expr(c, e));
        if (!v || *v < 1 || *v > 1000 || std::floor(*v) != *v)
            fail(e, QStringLiteral("the order of a delay or smooth must be a constant whole number from 1 to 1000"));
        return int(*v);
    }

    // A chain of `order` first-order stages (material delay or information smooth),
    // each with time constant `time / order`. Returns the last stage's output.
    Node chain(const QString &what, Node input, Node time, int order, std::optional<Node> init, bool delay)
    {
        const Node stageTime = shared(what, Node::binary(BinaryOp::Divide, time, Node::constant(order)));
        Node in = shared(what, std::move(input));
        const Node initial = init ? shared(what, std::move(*init)) : in;
        Node out;
        for (int k = 0; k < order; ++k) {
            const int stock = addHidden(FlatVar::Kind::Stock, what,
                                        delay ? Node::binary(BinaryOp::Multiply, initial, stageTime) : initial);
            if (delay) {
                // Material delay: the stage holds what entered and releases content/time.
                const int inflow = addHidden(FlatVar::Kind::Flow, what, in);
                const int outflow = addHidden(FlatVar::Kind::Flow, what,
                                              Node::binary(BinaryOp::Divide, Node::var(stock), stageTime));
                m_out.vars[stock].inflows.push_back(inflow);
                m_out.vars[stock].outflows.push_back(outflow);
                in = Node::var(outflow);
            } else {
                // Information smooth: the stage moves toward its input by gap/time.
                const int flow = addHidden(FlatVar::Kind::Flow, what,
                                           Node::binary(BinaryOp::Divide,
                                                        Node::binary(BinaryOp::Subtract, in, Node::var(stock)),
                                                        stageTime));
                m_out.vars[stock].inflows.push_back(flow);
                in = Node::var(stock);
            }
            out = in;
        }
        return out;
    }

    std::optional<Node> stateful(Context &c, const Expr &e)
    {
        const QString &f = e.name;
        const auto arg = [&](int i) { return expr(c, e.args[i]); };
        const auto optionalArg = [&](int i) -> std::optional<Node> {
            if (int(e.args.size()) > i)
                return expr(c, e.args[i]);
            return std::nullopt;
        };
        if (f == QLatin1String("smth1") || f == QLatin1String("smooth")) {
            checkArity(e, 2, 3);
            return chain(f, arg(0), arg(1), 1, optionalArg(2), false);
        }
        if (f == QLatin1String("smth3") || f == QLatin1String("smooth3")) {
            checkArity(e, 2, 3);
            return chain(f, arg(0), arg(1), 3, optionalArg(2), false);
        }
        if (f == QLatin1String("smthn") || f == QLatin1String("smoothn")) {
            checkArity(e, 3, 4);
            return chain(f, arg(0), arg(1), constantOrder(c, e.args[2]), optionalArg(3), false);
        }
        if (f == QLatin1String("delay1")) {
            checkArity(e, 2, 3);
            return chain(f, arg(0), arg(1), 1, optionalArg(2), true);
        }
        if (f == QLatin1String("delay3")) {
            checkArity(e, 2, 3);
            return chain(f, arg(0), arg(1), 3, optionalArg(2), true);
        }
        if (f == QLatin1String("delayn")) {
            checkArity(e, 3, 4);
            return chain(f, arg(0), arg(1), constantOrder(c, e.args[2]), optionalArg(3), true);
        }
        if (f == QLatin1String("trend")) {
            // Vensim and Stella: the fractional rate of change of the input against its
            // exponential average, (input - average) / (average * averaging time).
            checkArity(e, 2, 3);
            const Node input = shared(f, arg(0));
            const Node time = shared(f, arg(1));
            const Node initialTrend = e.args.size() > 2 ? arg(2) : Node::constant(0);
            Node initialAverage = Node::binary(BinaryOp::Divide, input,
                                               Node::binary(BinaryOp::Add, Node::constant(1),
                                                            Node::binary(BinaryOp::Multiply, initialTrend, time)));
            const Node average = shared(f, chain(f, input, time, 1, std::move(initialAverage), false));
            return Node::call(Builtin::Zidz, {Node::binary(BinaryOp::Subtract, input, average),
                                              Node::binary(BinaryOp::Multiply, average, time)});
        }
        if (f == QLatin1String("forcst") || f == QLatin1String("forecast")) {
            // FORCST(input, averaging time, horizon [, initial trend]): the input carried
            // forward along its trend, input * (1 + TREND * horizon).
            checkArity(e, 3, 4);
            const Node input = shared(f, arg(0));
            Expr trendCall = e;
            trendCall.name = QStringLiteral("trend");
            trendCall.args.erase(trendCall.args.begin() + 2);
            Node trend = *stateful(c, trendCall);
            return Node::binary(BinaryOp::Multiply, input,
                                Node::binary(BinaryOp::Add, Node::constant(1),
                                             Node::binary(BinaryOp::Multiply, std::move(trend), arg(2))));
        }
        if (f == QLatin1String("delay") || f == QLatin1String("delay_fixed")) {
            // A pipeline: the input as it was `delay time` ago; before that, the initial
            // value (by default the input's own first value).
            checkArity(e, 2, 3);
            const int series = record(f, arg(0));
            Node query = Node::binary(BinaryOp::Subtract, Node::of(Node::Kind::Time), arg(1));
            return history(series, std::move(query), e.args.size() > 2 ? optionalArg(2) : std::nullopt);
        }
        if (f == QLatin1String("previous")) {
            // The input one step ago; at the first step, the initial value (or the input's).
            checkArity(e, 1, 2);
            const int series = record(f, arg(0));
            Node query = Node::binary(BinaryOp::Subtract, Node::of(Node::Kind::Time), Node::of(Node::Kind::TimeStep));
            return history(series, std::move(query), optionalArg(1));
        }
        if (f == QLatin1String("history")) {
            // The input's value at an earlier time (its first value before the start).
            checkArity(e, 2, 2);
            const int series = record(f, arg(0));
            return history(series, arg(1), std::nullopt);
        }
        if (f == QLatin1String("init")) {
            checkArity(e, 1, 1);
            // A stock with no flows keeps its initial value.
            return Node::var(addHidden(FlatVar::Kind::Stock, f, arg(0)));
        }
        return std::nullopt;
    }

    // A hidden variable holding `input`, recorded at every step.
    int record(const QString &what, Node input)
    {
        const int var = addHidden(FlatVar::Kind::Aux, what, std::move(input));
        m_out.series.push_back(var);
        return int(m_out.series.size()) - 1;
    }

    Node history(int series, Node query, std::optional<Node> before)
    {
        Node n = Node::of(Node::Kind::History);
        n.index = series;
        n.args.push_back(std::move(query));
        if (before)
            n.args.push_back(std::move(*before));
        return n;
    }

    const Project &m_project;
    const FlattenOptions &m_options;
    FlatModel m_out;
    std::vector<ResolvedDimension> m_dims;
    Scope m_root;
    QSet<int> m_connected;
    std::deque<Variable> m_synthetic; // macro parameters and calls; pointers into it stay valid
    std::vector<std::unique_ptr<Scope>> m_macroScopes;
    int m_macroDepth = 0;
    bool m_tooLarge = false; // the size limit was hit: declare nothing more
    std::int64_t m_moduleCopies = 0;
    QHash<int, double> m_overrides;
};

} // namespace

FlatModel flatten(const Project &project, const FlattenOptions &options)
{
    return Flattener(project, options).run();
}

} // namespace meadows
