// Flattening a project: the driver (declare, connect, resolve every equation),
// diagnostics, and the FlatModel helpers.
#include "flattener.h"

#include <QSet>

#include "model/conveyoroptions.h"

#include <QRegularExpression>
#include <algorithm>

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


namespace flattening {

FlatModel Flattener::run()
{
    m_out.specs = m_project.simSpecs;
    m_out.vensimDialect = writtenByVensim();
    for (const Dimension &d : m_project.dimensions) {
        ResolvedDimension rd{displayName(d.name), canonicalName(d.name), {}, {}, {}, {}};
        for (const QString &e : d.elements)
            rd.add(displayName(e), canonicalName(e));
        rd.numbered = d.numbered;
        m_dims.push_back(std::move(rd));
    }
    // Dimensions that map onto others (isee:maps_to), element by element in order. The
    // reader warns about a mapping onto an unknown dimension or one of another size.
    for (std::size_t i = 0; i < m_project.dimensions.size(); ++i) {
        for (const QString &target : m_project.dimensions[i].mapsTo) {
            const int t = dimensionIndex(target);
            if (t >= 0 && t != int(i) && m_dims[t].elements.size() == m_dims[i].elements.size())
                m_dims[i].mapsTo << t;
        }
    }
    readInvalidIndexValue();
    if (m_project.models.empty())
        return std::move(m_out);
    m_root.model = &m_project.mainModel();
    declare(m_root, 0);
    if (m_tooLarge)
        return std::move(m_out); // reported where the limit was passed; nothing to resolve
    connect(m_root);
    applyOverridesCheck();
    collectConveyorExits();
    resolve(m_root);
    checkProfiles();
    finishConveyors();
    finishOvens();
    finishAgedQueues();
    return std::move(m_out);
}

// Files converted from Vensim (xmutil) keep Vensim's meaning of PULSE and friends.
bool Flattener::writtenByVensim() const
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

// A problem at one place in an equation: the diagnostic carries the variable and the
// span in the equation's text, so an editor can underline it without reading the message.
void Flattener::error(const SourceRef &ref, int offset, int length, const QString &variable, const QString &message,
                      Severity severity)
{
    Diagnostic d;
    d.severity = severity;
    d.file = ref.isValid() ? ref.fileName() : m_project.fileName;
    d.pos = ref.isValid() ? ref.positionOfDecodedOffset(offset) : SourcePos{};
    d.message = message;
    d.variable = variable;
    d.equationOffset = offset;
    d.equationLength = length;
    sayOnce(std::move(d));
}

// An equation over an array is lowered once per element: one mistake, said once.
void Flattener::sayOnce(Diagnostic d)
{
    if (!m_out.diagnostics.empty()) {
        const Diagnostic &last = m_out.diagnostics.back();
        if (last.file == d.file && last.pos.line == d.pos.line && last.pos.column == d.pos.column && last.message == d.message)
            return;
    }
    m_out.diagnostics.push_back(std::move(d));
}

// A problem with a variable as a whole (no equation, a dimension missing...).
void Flattener::errorAt(const Variable &v, const QString &message, Severity severity)
{
    Diagnostic d;
    d.severity = severity;
    d.file = m_project.fileName;
    if (v.elementSource.isValid()) {
        d.file = v.elementSource.fileName(); // a module's model may come from another file
        d.pos = v.elementSource.position();
    }
    d.message = message;
    d.variable = displayName(v.name);
    sayOnce(std::move(d));
}

void Flattener::applyOverridesCheck()
{
    for (const auto &[name, value] : m_options.overrides) {
        const int index = m_out.findVar(name);
        if (index < 0) {
            QStringList names;
            for (const FlatVar &v : m_out.vars)
                names << v.name;
            const QString guess = closest(variableKey(name), names);
            m_out.diagnostics.push_back({Severity::Error, m_project.fileName, {},
                                         QStringLiteral("cannot set '%1': the model has no variable '%1'%2")
                                             .arg(name, guess.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(guess))});
            continue;
        }
        m_overrides.insert(index, value);
    }
}

// Scalar auxiliaries written as plain numbers are known before any equation is lowered,
// so that an equation earlier in the file can use one where a constant is needed (a
// delay's order: Vensim's SMOOTH N(input, time, init, order) with `order = 6`).
void Flattener::presetConstants(Scope &scope)
{
    for (const Variable &v : scope.model->variables) {
        if (v.kind != VariableKind::Aux || v.isArray() || v.gf || !v.elements.empty())
            continue;
        const auto it = scope.symbols.find(canonicalName(v.name));
        if (it == scope.symbols.end() || it->variable != &v || it->type != Symbol::Type::Variable)
            continue;
        const std::optional<double> value = numberValue(v.equation);
        if (value && !m_connected.contains(it->first)) {
            m_out.vars[it->first].equation = Node::constant(m_overrides.value(it->first, *value));
            m_unresolved.remove(it->first);
        }
    }
}

void Flattener::resolve(Scope &scope)
{
    presetConstants(scope);
    for (const Variable &v : scope.model->variables) {
        auto it = scope.symbols.find(canonicalName(v.name));
        if (it == scope.symbols.end() || it->variable != &v)
            continue;
        if (it->type == Symbol::Type::Module) {
            resolve(*it->module);
            continue;
        }
        const Symbol &sym = *it;
        WrittenAs written;
        if (!v.elements.empty()) {
            written.elements = writtenElements(v, sym.dims);
            warnUnusedElements(v, written.elements);
        }
        written.constants = arrayConstant(ownEquation(v), sym.dims);
        const int count = elementCount(sym.dims);
        // A macro's body is resolved inside an element's equation: the enclosing equation's
        // count and refusal are put back after.
        const std::int64_t outerLeft = m_elementsLeft, outerFewest = m_fewestElementReads;
        std::int64_t fewest = -1;
        const bool outerRefused = m_arrayReadsRefused;
        m_arrayReadsRefused = false; // this variable's own: others still say what is wrong with them
        for (int i = 0; i < count && !(m_arrayReadsRefused && v.elements.empty()); ++i) {
            const std::int64_t before = m_arrayReads;
            m_elementsLeft = v.elements.empty() ? count - i - 1 : 0;
            m_fewestElementReads = i >= 2 ? fewest : -1;
            resolveElement(scope, sym, v, written, i);
            const std::int64_t read = m_arrayReads - before;
            fewest = fewest < 0 ? read : std::min(fewest, read);
        }
        m_elementsLeft = outerLeft;
        m_fewestElementReads = outerFewest;
        m_arrayReadsRefused = outerRefused;
    }
}

// Stella's array constant "1, 2, 3": one number per element, in element order; nullopt
// when the text is not such a list for these dimensions.
std::optional<std::vector<double>> Flattener::arrayConstant(const QString &text, const std::vector<int> &dims) const
{
    if (dims.empty() || !text.contains(u','))
        return std::nullopt;
    const QStringList parts = text.split(u',');
    if (parts.size() != elementCount(dims))
        return std::nullopt;
    std::vector<double> values;
    for (const QString &p : parts) {
        const std::optional<double> value = numberValue(p);
        if (!value)
            return std::nullopt;
        values.push_back(*value);
    }
    return values;
}

// A variable's own equation, or a leak's fraction written in <leak> in its place.
QString Flattener::ownEquation(const Variable &v) const
{
    if (v.equation.trimmed().isEmpty())
        if (const std::optional<LeakOptions> leak = leakOptions(v); leak && !leak->fraction.isEmpty())
            return leak->fraction;
    return v.equation;
}

void Flattener::resolveElement(Scope &scope, const Symbol &sym, const Variable &v, const WrittenAs &written, int i)
{
    const int index = sym.first + i;
    if (m_connected.contains(index))
        return;
    FlatVar &target = m_out.vars[index];
    if (isConveyorExit(v)) {
        // The belt, the queue or the oven computes it (finishConveyors, finishOvens); an
        // equation of its own is not used, which is said, an element's too. A plain 0 is the
        // placeholder Stella writes on these flows (XMILE 1.0 section 4.3 says they "MUST NOT
        // have an equation"): not said.
        target.source = v.equationSource;
        const auto written = [](const QString &eqn) { return !eqn.trimmed().isEmpty() && eqn.trimmed() != QLatin1String("0"); };
        if (i == 0 && (written(v.equation) || std::any_of(v.elements.begin(), v.elements.end(),
                                                           [&](const ArrayElement &e) { return written(e.equation); })))
            m_out.diagnostics.push_back({Severity::Warning, v.equationSource.fileName(),
                                         v.equationSource.isValid() ? v.equationSource.positionOfDecodedOffset(0) : SourcePos{},
                                         QStringLiteral("the equation of '%1' is ignored: %2").arg(displayName(v.name),
                                             isOverflow(v)              ? QStringLiteral("it is a queue's overflow, which takes what the "
                                                                                            "queue's other outflows could not pass on")
                                             : m_queueOutflows.contains(&v) ? QStringLiteral("it is a queue's outflow, which the queue "
                                                                                             "drives: it takes all the queue holds, as far "
                                                                                             "as a conveyor or oven downstream takes it")
                                             : m_ovenExits.contains(&v) ? QStringLiteral("it is the outflow of an oven, which releases "
                                                                                         "its whole content when it has cooked")
                                                                        : QStringLiteral("it is the outflow of a conveyor, which releases "
                                                                                         "what entered one transit time before"))});
    } else if (auto o = m_overrides.constFind(index); o != m_overrides.constEnd()) {
        target.equation = Node::constant(*o);
        m_unresolved.remove(index);
    } else {
        const ElementContext ctx = contextOf(sym.dims, i);
        QString text = ownEquation(v);
        bool own = true;
        SourceRef ref = v.equationSource;
        const GraphicalFunction *gf = v.gf ? &*v.gf : nullptr;
        if (!v.elements.empty()) {
            if (const ArrayElement *e = written.elements[std::size_t(i)]) {
                // An element with a graphical function but no equation reads the variable's
                // equation through its own table (XMILE 1.0 section 4.5.3 lets elements
                // share one apply-to-all equation and have their own graphical functions).
                if (!e->equation.trimmed().isEmpty() || !e->gf || text.trimmed().isEmpty()) {
                    text = e->equation;
                    own = false;
                    ref = e->equationSource;
                }
                if (e->gf)
                    gf = &*e->gf;
            } else if (text.trimmed().isEmpty()) {
                errorAt(v, QStringLiteral("'%1' has no equation for element %2")
                               .arg(displayName(v.name), elementSuffix(sym.dims, i)));
                return;
            }
        }
        m_out.vars[index].source = ref;
        const std::optional<std::vector<double>> constants = own ? written.constants : arrayConstant(text, sym.dims);
        std::optional<Node> node;
        if (constants)
            node = Node::constant((*constants)[std::size_t(i)]);
        else
            node = resolveEquation(scope, v, text, ref, ctx, index, gf);
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
        m_unresolved.remove(index);
        // An explicit initial value (<init_eqn>, Vensim's ACTIVE INITIAL) replaces the
        // equation while the model initialises, which can break a loop there.
        if (v.kind != VariableKind::Stock && !v.initEquation.trimmed().isEmpty() && v.elements.empty())
            if (std::optional<Node> init = resolveEquation(scope, v, v.initEquation, ref, ctx))
                m_out.vars[index].initial = std::move(*init);
    }
    if (v.kind == VariableKind::Stock) {
        const ElementContext ctx = contextOf(sym.dims, i);
        for (const QString &f : v.inflows)
            linkFlow(scope, v, f, ctx, m_out.vars[index].inflows, true);
        for (const QString &f : v.outflows)
            linkFlow(scope, v, f, ctx, m_out.vars[index].outflows, false);
        addConveyor(scope, v, index, ctx);
        addQueue(scope, v, index, ctx);
        addOven(scope, v, index, ctx);
    }
}

// The flat variable of a flow's element that goes with the stock's element `ctx`;
// nullopt when the flow has a dimension the stock does not.
std::optional<int> Flattener::flowElement(const Symbol &flow, const ElementContext &ctx) const
{
    std::vector<int> idx;
    for (int d : flow.dims) {
        const auto e = ctx.elementOf(d);
        if (!e)
            return std::nullopt;
        idx.push_back(*e);
    }
    return flow.first + linearIndex(flow.dims, idx);
}

void Flattener::linkFlow(Scope &scope, const Variable &stock, const QString &flowName, const ElementContext &ctx, std::vector<int> &into,
                         bool inflow)
{
    const Symbol *s = lookupQualified(scope, flowName);
    if (!s || s->type != Symbol::Type::Variable) {
        errorAt(stock, QStringLiteral("stock '%1' names a flow '%2' that does not exist").arg(displayName(stock.name), flowName));
        return;
    }
    // A stock or an auxiliary listed as a flow would move its value into the stock
    // without being a flow anywhere else: the file is wrong, and says so.
    if (s->variable && s->variable->kind != VariableKind::Flow) {
        errorAt(stock, QStringLiteral("stock '%1' lists '%2' as a flow, but it is %3")
                           .arg(displayName(stock.name), flowName,
                                s->variable->kind == VariableKind::Stock ? QStringLiteral("a stock") : QStringLiteral("an auxiliary")));
        return;
    }
    const std::optional<int> element = flowElement(*s, ctx);
    if (!element) {
        errorAt(stock, QStringLiteral("stock '%1' and its flow '%2' have different dimensions").arg(displayName(stock.name), flowName));
        return;
    }
    const int flow = *element;
    // One flow fills at most one stock and drains at most one: the same flow as the
    // inflow of two stocks would create what it moves twice.
    QHash<int, QString> &seen = inflow ? m_flowFills : m_flowDrains;
    const QString stockName = displayName(stock.name);
    if (auto it = seen.constFind(flow); it != seen.constEnd() && *it != stockName) {
        errorAt(stock, QStringLiteral("flow '%1' is an %2 of both '%3' and '%4'; a flow may %5 one stock only")
                           .arg(flowName, inflow ? QStringLiteral("inflow") : QStringLiteral("outflow"), *it, stockName,
                                inflow ? QStringLiteral("fill") : QStringLiteral("drain")));
        return;
    }
    seen.insert(flow, stockName);
    into.push_back(flow);
}

// An <element> whose subscript names no element of the variable's dimensions, or that
// repeats another's (the first is used), changes nothing: said at its equation, never dropped
// without a word.
void Flattener::warnUnusedElements(const Variable &v, const std::vector<const ArrayElement *> &used)
{
    QSet<const ArrayElement *> taken(used.begin(), used.end());
    QSet<QString> takenSubscripts;
    for (const ArrayElement *e : used)
        if (e)
            takenSubscripts.insert(canonicalName(e->subscript).remove(u' '));
    for (const ArrayElement &e : v.elements) {
        if (taken.contains(&e))
            continue;
        const bool repeated = takenSubscripts.contains(canonicalName(e.subscript).remove(u' '));
        m_out.diagnostics.push_back({Severity::Warning, e.equationSource.fileName(), e.equationSource.position(),
                                     repeated ? QStringLiteral("'%1' has a second element [%2]; the first is used")
                                                    .arg(displayName(v.name), e.subscript)
                                              : QStringLiteral("'%1' has an element [%2] that names no element of its "
                                                               "dimensions: it is left out").arg(displayName(v.name), e.subscript)});
    }
}

int Flattener::addTable(const GraphicalFunction &gf)
{
    m_out.tables.push_back(gf);
    return int(m_out.tables.size()) - 1;
}

std::shared_ptr<const ParseResult> Flattener::parsedEquation(const QString &text)
{
    if (!m_parsed || text != m_parsedText) {
        m_parsed = std::make_shared<const ParseResult>(parseEquation(text));
        m_parsedText = text;
    }
    return m_parsed; // shared: lowering may parse another equation (a macro's) meanwhile
}

std::optional<Node> Flattener::resolveEquation(Scope &scope, const Variable &v, const QString &text, const SourceRef &ref,
                                               const ElementContext &ctx, int self, const GraphicalFunction *table)
{
    const std::shared_ptr<const ParseResult> held = parsedEquation(text);
    const ParseResult &parsed = *held;
    if (parsed.error) {
        error(ref, parsed.error->offset, 1, displayName(v.name),
              QStringLiteral("in '%1': %2").arg(displayName(v.name), parsed.error->message));
        return std::nullopt;
    }
    if (!parsed.expr) {
        if (v.access == QLatin1String("input")) // an unconnected module input: Stella reads 0
            return Node::constant(0);
        if (table) // a graphical function with no input reads time
            return Node::of(Node::Kind::Time);
        errorAt(v, QStringLiteral("'%1' has no equation").arg(displayName(v.name)));
        return std::nullopt;
    }
    m_equationRef = &ref;
    m_equationVariable = displayName(v.name);
    std::optional<Node> lowered;
    try {
        Context c{&scope, ctx, &v, self};
        lowered = expr(c, *parsed.expr);
    } catch (const Failure &f) {
        error(ref, f.offset, f.length, displayName(v.name), QStringLiteral("in '%1': %2").arg(displayName(v.name), f.message));
    }
    m_equationRef = nullptr;
    return lowered;
}

} // namespace flattening

FlatModel flatten(const Project &project, const FlattenOptions &options)
{
    return flattening::Flattener(project, options).run();
}

} // namespace meadows
