#include "mdldefinition.h"
#include "mdltranslate.h"
#include "model/names.h"
#include "model/xmilewriter.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace meadows::vensim {

namespace {

// The range written after the units, "Dmnl [0,9,1]": the slider Vensim gives the variable
// (min, max, and the step when there is one; '?' for no bound). Kept as XMILE's <range>,
// which sets a variable's slider and axis there too, the step as meadows:step.
std::optional<XmlNode> rangeOf(const QString &units)
{
    const qsizetype open = units.indexOf(u'['), close = units.indexOf(u']', open + 1);
    if (open < 0 || close < 0)
        return std::nullopt;
    const QStringList parts = units.mid(open + 1, close - open - 1).split(u',');
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    XmlNode range;
    range.name = QStringLiteral("range");
    const char *names[] = {"min", "max", "meadows:step"};
    for (qsizetype i = 0; i < parts.size(); ++i) {
        bool ok = false;
        const double value = parts[i].trimmed().toDouble(&ok);
        if (ok && std::isfinite(value))
            range.attributes.push_back({QString::fromLatin1(names[i]), QString::number(value, 'g', QLocale::FloatingPointShortest)});
    }
    if (range.attributes.empty())
        return std::nullopt;
    return range;
}

GraphicalFunction tableOf(const LookupTable &t)
{
    GraphicalFunction gf;
    // Vensim orders a table's points by x.
    std::vector<std::size_t> order(t.xs.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return t.xs[a] < t.xs[b]; });
    for (std::size_t i : order) {
        gf.xpts.push_back(t.xs[i]);
        gf.ypts.push_back(t.ys[i]);
    }
    if (t.xrange)
        gf.xscale = Scale{t.xrange->first, t.xrange->second};
    if (t.yrange)
        gf.yscale = Scale{t.yrange->first, t.yrange->second};
    if (t.hold)
        gf.kind = GraphicalFunction::Kind::Discrete;
    return gf;
}

QSet<QString> canonicalSet(const QStringList &names)
{
    QSet<QString> out;
    for (const QString &n : names)
        out.insert(canonicalName(n));
    return out;
}

class Builder {
public:
    Builder(const SubscriptRanges &ranges, const QHash<QString, QStringList> &macros, const TimeLabels &labels,
            Reporter &report)
        : m_ranges(ranges), m_report(report)
    {
        m_ctx.timeLabels = labels;
        m_ctx.dimensions = ranges.byCanonicalName();
        m_ctx.macros = macros;
        m_ctx.warn = [this](qsizetype at, const QString &m) { m_report.warning(at, m); };
        m_ctx.error = [this](qsizetype at, const QString &m) { m_report.error(at, m); };
    }

    Model build(const std::vector<std::vector<const Definition *>> &groups)
    {
        Model model;
        for (const auto &group : groups)
            m_defined.insert(canonicalName(group.front()->name), group);
        for (const auto &group : groups) {
            if (auto v = variable(group))
                model.variables.push_back(std::move(*v));
            addMacroOutputs(*group.front());
        }
        for (Variable &v : model.variables)
            if (m_flows.contains(canonicalName(v.name)))
                v.kind = VariableKind::Flow;
        for (Variable &f : m_extra)
            model.variables.push_back(std::move(f));
        return model;
    }

private:
    // The variables a macro call in `caller`'s equation named after ':' to take its extra outputs.
    void addMacroOutputs(const Definition &caller)
    {
        for (TranslateContext::MacroOutput &o : std::exchange(m_ctx.macroOutputs, {})) {
            const QString key = canonicalName(o.variable);
            QString problem;
            if (key == canonicalName(caller.name))
                problem = QStringLiteral("'%1' is the call's own result, so the macro's extra output is not stored in it");
            else if (!caller.subscripts.empty())
                problem = QStringLiteral("a macro's extra output from an equation over subscripts is not supported: '%1' is not set");
            else if (m_defined.contains(key) || m_outputsSet.contains(key))
                problem = QStringLiteral("'%1' is defined elsewhere, so the macro's extra output is not stored in it");
            if (!problem.isEmpty()) {
                m_report.warning(o.offset, problem.arg(o.variable));
                continue;
            }
            m_outputsSet.insert(key);
            Variable v;
            v.name = o.variable.simplified();
            v.equation = o.equation;
            v.equationSource = m_report.ref(o.offset);
            v.elementSource = v.equationSource;
            m_extra.push_back(std::move(v));
        }
    }

    // The equation's text; `source`, when given, learns where its names came from.
    QString translateFor(const Expr &e, const QString &self, const QHash<QString, QString> &substitute,
                         SourceRef *source = nullptr)
    {
        m_ctx.self = self;
        Translation t;
        if (substitute.isEmpty()) {
            t = translate(e, m_ctx);
        } else {
            Expr copy = e;
            substituteIn(copy, substitute);
            t = translate(copy, m_ctx);
        }
        if (source)
            source->rewritten = std::move(t.offsets);
        return t.text;
    }

    // The element an equation written on a range stands for, in the subscripts of its
    // right-hand side: the range itself, or a range holding that element.
    void substituteIn(Expr &e, const QHash<QString, QString> &substitute)
    {
        if (isRangeValue(e) && !substitute.isEmpty()) {
            // A range used as a number: the position of the element computed in the
            // largest range that holds it (a subrange's elements count in their parent).
            const auto it = substitute.constFind(canonicalName(e.text));
            QStringList candidates = it != substitute.constEnd() ? QStringList{*it} : QStringList(substitute.values());
            // A range mapped onto one the equation is written on: its element the mapping pairs.
            for (auto m = substitute.constBegin(); m != substitute.constEnd(); ++m)
                if (const QString paired = m_ranges.correspondingElement(e.text, m.key(), *m);
                    m_ranges.mapped(e.text, m.key()) && !paired.isEmpty())
                    candidates << paired;
            for (const QString &element : candidates) {
                const QStringList members = m_ranges.elementsOf(m_ranges.rangeHolding({element}));
                if (!m_ranges.elementsOf(e.text).contains(element, Qt::CaseInsensitive))
                    continue;
                const qsizetype at = members.indexOf(element, Qt::CaseInsensitive);
                if (at >= 0) {
                    e.kind = Expr::Kind::Number;
                    e.number = double(at + 1);
                    return;
                }
            }
        }
        for (Subscript &s : e.subscripts) {
            if (s.bang || !m_ranges.isRange(s.name))
                continue;
            const auto it = substitute.constFind(canonicalName(s.name));
            if (it != substitute.constEnd()) {
                s.name = *it;
                continue;
            }
            // A range mapped onto one the equation is written on: the element the mapping pairs.
            bool done = false;
            for (auto m = substitute.constBegin(); m != substitute.constEnd() && !done; ++m) {
                if (!m_ranges.mapped(s.name, m.key()))
                    continue;
                if (const QString element = m_ranges.correspondingElement(s.name, m.key(), *m); !element.isEmpty()) {
                    s.name = element;
                    done = true;
                }
            }
            if (done)
                continue;
            const QStringList members = m_ranges.elementsOf(s.name);
            for (const QString &element : substitute) {
                if (members.contains(element, Qt::CaseInsensitive)) {
                    s.name = element;
                    break;
                }
            }
        }
        for (Expr &a : e.args)
            substituteIn(a, substitute);
    }

    bool isRangeValue(const Expr &e) const
    {
        return e.kind == Expr::Kind::Name && e.subscripts.empty() && m_ranges.isRange(e.text)
               && !m_defined.contains(canonicalName(e.text));
    }

    // What only an element's own equation can say: its subscripted lookup, or the
    // position of its element in a range.
    bool needsElements(const Expr &e, const std::vector<Subscript> &lhs) const
    {
        if ((e.kind == Expr::Kind::Call && !e.subscripts.empty()) || isRangeValue(e))
            return true;
        // LOOKUP FORWARD(tbl[d], x) and its kin read one table per element: the element's own,
        // named once d is that element (mdltranslate.cpp).
        if (readsTableFirst(e)
            && std::any_of(e.args[0].subscripts.begin(), e.args[0].subscripts.end(),
                           [this](const Subscript &s) { return !s.bang && m_ranges.isRange(s.name); }))
            return true;
        if (isCall(e, "ELMCOUNT"))
            return false;
        // A range mapped onto one the equation is written on: the solver matches ranges
        // of the same size by position only from the equation's side.
        for (const Subscript &s : e.subscripts) {
            if (s.bang || !m_ranges.isRange(s.name))
                continue;
            for (const Subscript &l : lhs)
                if (canonicalName(l.name) != canonicalName(s.name) && m_ranges.mapped(l.name, s.name))
                    return true;
        }
        for (const Expr &a : e.args)
            if (needsElements(a, lhs))
                return true;
        return false;
    }

    bool applyToAll(const std::vector<const Definition *> &group) const
    {
        if (group.size() != 1 || !group.front()->excepts.empty())
            return false;
        const Definition &d = *group.front();
        if (!d.subscripts.empty() && d.rhs && needsElements(*d.rhs, d.subscripts))
            return false;
        if (d.rhs && d.rhs->kind == Expr::Kind::NumberList)
            return d.subscripts.empty();
        for (const Subscript &s : d.subscripts)
            if (!m_ranges.isRange(s.name))
                return false;
        return true;
    }

    // rate = a + b - c over flows with the stock's own subscripts: those become the
    // stock's inflows and outflows; anything else goes through a flow of its own.
    bool splitFlows(const Expr &rate, const Definition &stock, int sign, QStringList &in, QStringList &out)
    {
        if (rate.kind == Expr::Kind::Binary && (rate.text == QLatin1String("+") || rate.text == QLatin1String("-")))
            return splitFlows(rate.args[0], stock, sign, in, out)
                   && splitFlows(rate.args[1], stock, rate.text == QLatin1String("-") ? -sign : sign, in, out);
        if (rate.kind == Expr::Kind::Unary && rate.text == QLatin1String("-"))
            return splitFlows(rate.args[0], stock, -sign, in, out);
        if (rate.kind != Expr::Kind::Name || rate.subscripts.size() != stock.subscripts.size())
            return false;
        for (std::size_t i = 0; i < rate.subscripts.size(); ++i)
            if (canonicalName(rate.subscripts[i].name) != canonicalName(stock.subscripts[i].name) || rate.subscripts[i].bang)
                return false;
        const auto it = m_defined.constFind(canonicalName(rate.text));
        if (it == m_defined.constEnd() || it->size() != 1 || !applyToAll(*it))
            return false;
        const Definition &flow = *it->front();
        if (!flow.rhs || flow.op == Tok::LParen || isCall(*flow.rhs, "INTEG") || flow.subscripts.size() != stock.subscripts.size())
            return false;
        for (std::size_t i = 0; i < flow.subscripts.size(); ++i)
            if (canonicalName(flow.subscripts[i].name) != canonicalName(stock.subscripts[i].name))
                return false;
        // A rate Vensim lets two stocks share: XMILE's flow may drain one stock and fill
        // another (World3's maturation 14 to 15, out of one age group and into the next),
        // but fills at most one and drains at most one. A rate that would fill (or drain) a
        // second stock leaves that stock to a net flow of its own.
        const QString name = flow.name;
        const QString key = canonicalName(name);
        if (in.contains(name) || out.contains(name) || (sign > 0 ? m_fills : m_drains).contains(key))
            return false;
        (sign > 0 ? in : out) << name;
        return true;
    }

    QString freshName(const QString &base)
    {
        QString name = base;
        for (int k = 2; m_defined.contains(canonicalName(name)) || m_taken.contains(canonicalName(name)); ++k)
            name = QStringLiteral("%1 %2").arg(base).arg(k);
        m_taken.insert(canonicalName(name));
        return name;
    }

    std::optional<Variable> variable(const std::vector<const Definition *> &group)
    {
        const Definition &first = *group.front();
        Variable v;
        v.name = first.name;
        v.units = unitsOf(first.record.units);
        if (std::optional<XmlNode> range = rangeOf(first.record.units))
            v.extras.children.push_back(std::move(*range));
        v.doc = first.record.comment;
        v.elementSource = m_report.ref(first.nameOffset);
        v.equationSource = m_report.ref(first.rhsBegin);
        const QString self = variableName(v.name);
        if (std::all_of(group.begin(), group.end(), [](const Definition *d) { return d->incomplete; })) {
            // Read and drawn, as Vensim does, so its loops and diagram can be looked at; it
            // cannot run until it has an equation, and compiling says so.
            m_report.warning(first.nameOffset, QStringLiteral("'%1' has no equation yet (it is empty or A FUNCTION OF): "
                                                              "the model can be read and drawn but not run").arg(first.name));
            return v;
        }
        bool stock = false;
        for (const Definition *d : group) {
            if (d->incomplete) {
                m_report.error(d->nameOffset, QStringLiteral("'%1' has an equation and an empty one (or A FUNCTION OF)").arg(d->name));
                return std::nullopt;
            }
            if (d->op == Tok::End) {
                m_report.error(d->nameOffset, QStringLiteral("'%1' has no equation: give its data in a .dat file "
                                                             "(--data FILE.dat; .vdf files are not read)").arg(d->name));
                return std::nullopt;
            }
            if (d->op == Tok::Assign)
                m_report.warning(d->nameOffset, QStringLiteral("'%1' is a data equation (:=); it is read as an "
                                                               "ordinary equation").arg(d->name));
            if (d->rhs && isCall(*d->rhs, "INTEG"))
                stock = true;
        }
        for (const Definition *d : group) {
            if (stock && !(d->rhs && isCall(*d->rhs, "INTEG"))) {
                m_report.error(d->rhsBegin, QStringLiteral("'%1' is a stock, so every equation of it must be INTEG").arg(d->name));
                return std::nullopt;
            }
            if (d->rhs && isCall(*d->rhs, "INTEG") && d->rhs->args.size() != 2) {
                m_report.error(d->rhs->offset, QStringLiteral("INTEG takes the rate and the initial value"));
                return std::nullopt;
            }
        }
        v.kind = stock ? VariableKind::Stock : VariableKind::Aux;
        if (first.op == Tok::LParen && !first.subscripts.empty()) {
            // A subscripted lookup: each element's table a variable of its own.
            for (const Definition *d : group) {
                if (d->op != Tok::LParen || d->subscripts.size() != first.subscripts.size()) {
                    m_report.error(d->nameOffset, QStringLiteral("'%1' mixes lookup tables with other equations").arg(d->name));
                    return std::nullopt;
                }
                for (const QStringList &t : tuples(d->subscripts, m_ranges)) {
                    std::vector<Subscript> subs;
                    for (const QString &e : t)
                        subs.push_back({e, false});
                    Variable table;
                    table.name = elementTableName(d->name, subs);
                    table.gf = tableOf(d->rhs->table);
                    table.elementSource = m_report.ref(d->nameOffset);
                    m_extra.push_back(std::move(table));
                }
            }
            return std::nullopt;
        }

        if (applyToAll(group)) {
            for (const Subscript &s : first.subscripts)
                v.dimensions << rangeName(s.name);
            const Expr &rhs = *first.rhs;
            if (first.op == Tok::LParen) {
                v.gf = tableOf(rhs.table);
                return v;
            }
            if (stock) {
                v.equation = translateFor(rhs.args[1], self, {}, &v.equationSource);
                QStringList in, out;
                if (splitFlows(rhs.args[0], first, 1, in, out)) {
                    v.inflows = in;
                    v.outflows = out;
                    for (const QString &f : in)
                        m_fills.insert(canonicalName(f));
                    for (const QString &f : out)
                        m_drains.insert(canonicalName(f));
                    for (const QString &f : in + out)
                        m_flows.insert(canonicalName(f));
                } else {
                    Variable flow;
                    flow.kind = VariableKind::Flow;
                    flow.name = freshName(v.name + QStringLiteral(" net flow"));
                    flow.dimensions = v.dimensions;
                    flow.equationSource = v.equationSource;
                    flow.equation = translateFor(rhs.args[0], self, {}, &flow.equationSource);
                    flow.elementSource = v.elementSource;
                    v.inflows << flow.name;
                    m_extra.push_back(std::move(flow));
                }
                return v;
            }
            v.equation = topLevel(rhs, v, self, {}, v.gf, v.equationSource);
            return v;
        }
        return elementwise(group, std::move(v), stock);
    }

    QString rangeName(const QString &name) const
    {
        for (const Dimension &d : m_ranges.dimensions())
            if (canonicalName(d.name) == canonicalName(name))
                return d.name;
        return name;
    }

    // WITH LOOKUP and ACTIVE INITIAL stand for the whole equation.
    // `source` learns where the equation's names came from, except with ACTIVE INITIAL, whose
    // two equations share one position: errors in either point at the equation's start.
    QString topLevel(const Expr &rhs, Variable &v, const QString &self, const QHash<QString, QString> &sub,
                     std::optional<GraphicalFunction> &gf, SourceRef &source)
    {
        if (isCall(rhs, "WITH LOOKUP") && rhs.args.size() == 2 && rhs.args[1].kind == Expr::Kind::Lookup) {
            gf = tableOf(rhs.args[1].table);
            return translateFor(rhs.args[0], self, sub, &source);
        }
        if (isCall(rhs, "ACTIVE INITIAL") && rhs.args.size() == 2) {
            if (!sub.isEmpty())
                m_report.warning(rhs.offset, QStringLiteral("ACTIVE INITIAL in an equation written element by element "
                                                            "is not supported: the initial value is not used"));
            else
                v.initEquation = translateFor(rhs.args[1], self, sub);
            return translateFor(rhs.args[0], self, sub);
        }
        return translateFor(rhs, self, sub, &source);
    }

    // Equations written for elements, subranges and :EXCEPT:, each element its own.
    std::optional<Variable> elementwise(const std::vector<const Definition *> &group, Variable v, bool stock)
    {
        const Definition &first = *group.front();
        const std::size_t rank = first.subscripts.size();
        if (rank == 0 && std::all_of(group.begin(), group.end(), [](const Definition *d) { return d->subscripts.empty(); })) {
            // "a = 1" and "a = 2": Vensim's multiple definitions, said at each after the first.
            for (std::size_t k = 1; k < group.size(); ++k)
                m_report.error(group[k]->nameOffset, QStringLiteral("'%1' has a second equation here: a variable without "
                                                                    "subscripts has one").arg(group[k]->name));
            return std::nullopt;
        }
        std::vector<QStringList> used(rank);
        for (const Definition *d : group) {
            if (d->subscripts.size() != rank) {
                m_report.error(d->nameOffset, QStringLiteral("'%1' is given %2 subscript(s) here but %3 elsewhere")
                                                  .arg(d->name).arg(d->subscripts.size()).arg(rank));
                return std::nullopt;
            }
            for (std::size_t i = 0; i < rank; ++i)
                used[i] << m_ranges.elementsOf(d->subscripts[i].name);
        }
        for (std::size_t i = 0; i < rank; ++i) {
            // A range the equations name that holds just the elements they define is the
            // variable's (x[sub] = 1, 2, 3 over a subrange of five is three elements, as
            // Vensim lists it); otherwise the largest range holding them all.
            QString range;
            const QSet<QString> usedKeys = canonicalSet(used[i]);
            for (const Definition *d : group)
                if (range.isEmpty() && m_ranges.isRange(d->subscripts[i].name)
                    && canonicalSet(m_ranges.elementsOf(d->subscripts[i].name)) == usedKeys)
                    range = rangeName(d->subscripts[i].name);
            if (range.isEmpty())
                range = m_ranges.rangeHolding(used[i]);
            if (range.isEmpty()) {
                m_report.error(first.nameOffset, QStringLiteral("the subscripts of '%1' at position %2 belong to no "
                                                                "subscript range").arg(first.name).arg(i + 1));
                return std::nullopt;
            }
            v.dimensions << range;
        }
        Variable flow;
        flow.kind = VariableKind::Flow;
        flow.dimensions = v.dimensions;
        QSet<QString> done;
        for (const Definition *d : group) {
            const std::vector<QStringList> targets = definedElements(*d, m_ranges);
            const Expr &rhs = *d->rhs;
            if (rhs.kind == Expr::Kind::NumberList && rhs.numbers.size() != targets.size()) {
                m_report.error(rhs.offset, QStringLiteral("%1 values for the %2 elements of '%3'")
                                               .arg(rhs.numbers.size()).arg(targets.size()).arg(d->name));
                return std::nullopt;
            }
            if (rhs.kind == Expr::Kind::NumberList && !rhs.rows.empty() && d->subscripts.size() > 1 && d->excepts.empty()) {
                // A table is written one row per element of the first subscripts, each row
                // across the last one that is a range (not one element): rows of another
                // length are read in order all the same.
                qsizetype across = 1;
                for (qsizetype p = qsizetype(d->subscripts.size()) - 1; p >= 0 && across == 1; --p) {
                    QSet<QString> elements;
                    for (const QStringList &t : targets)
                        elements.insert(t[p].toLower());
                    across = elements.size();
                }
                const auto uneven = std::find_if(rhs.rows.begin(), rhs.rows.end(),
                                                 [&](const Expr::Row &r) { return r.length != across; });
                if (across > 1 && uneven != rhs.rows.end())
                    m_report.warning(uneven->offset, QStringLiteral("a row of %1 value(s) in '%2', whose last subscript "
                                                                    "has %3 elements: the values are read in order, %3 "
                                                                    "to a row")
                                                         .arg(uneven->length).arg(d->name).arg(across));
            }
            for (std::size_t k = 0; k < targets.size(); ++k) {
                const QString key = tupleKey(targets[k]);
                if (done.contains(key)) {
                    m_report.warning(d->nameOffset, QStringLiteral("'%1[%2]' is defined more than once; the first "
                                                                   "equation is used").arg(d->name, targets[k].join(u',')));
                    continue;
                }
                done.insert(key);
                QHash<QString, QString> sub;
                for (std::size_t i = 0; i < rank; ++i)
                    if (m_ranges.isRange(d->subscripts[i].name))
                        sub.insert(canonicalName(d->subscripts[i].name), targets[k][i]);
                ArrayElement e;
                e.subscript = targets[k].join(QLatin1String(", "));
                e.equationSource = m_report.ref(d->rhsBegin);
                const QString self = variableName(v.name) + QLatin1Char('[') + equationNames(targets[k]) + QLatin1Char(']');
                if (d->op == Tok::LParen) {
                    e.gf = tableOf(rhs.table);
                } else if (rhs.kind == Expr::Kind::NumberList) {
                    e.equation = formatNumber(rhs.numbers[k]);
                } else if (stock) {
                    e.equation = translateFor(rhs.args[1], self, sub, &e.equationSource);
                    ArrayElement rate = e;
                    rate.equation = translateFor(rhs.args[0], self, sub, &rate.equationSource);
                    flow.elements.push_back(std::move(rate));
                } else {
                    e.equation = topLevel(rhs, v, self, sub, e.gf, e.equationSource);
                }
                v.elements.push_back(std::move(e));
            }
        }
        // Elements no equation names are 0 in Vensim (which leaves them out of its output).
        std::vector<Subscript> whole;
        for (const QString &d : v.dimensions)
            whole.push_back({d, false});
        QStringList missing;
        for (const QStringList &t : tuples(whole, m_ranges)) {
            if (done.contains(tupleKey(t)))
                continue;
            missing << t.join(u',');
            ArrayElement e;
            e.subscript = t.join(QLatin1String(", "));
            e.equation = QStringLiteral("0");
            if (stock)
                flow.elements.push_back(e);
            v.elements.push_back(std::move(e));
        }
        if (!missing.isEmpty())
            m_report.warning(first.nameOffset, QStringLiteral("'%1' has no equation for %2; those elements are 0, as in Vensim")
                                                   .arg(v.name, missing.size() > 3 ? QStringLiteral("%1 elements").arg(missing.size())
                                                                                   : QLatin1Char('[') + missing.join(QLatin1String("], [")) + QLatin1Char(']')));
        if (stock) {
            flow.name = freshName(v.name + QStringLiteral(" net flow"));
            flow.elementSource = v.elementSource;
            v.inflows << flow.name;
            m_extra.push_back(std::move(flow));
        }
        return v;
    }

    static QString equationNames(const QStringList &elements)
    {
        QStringList out;
        for (const QString &e : elements)
            out << equationName(e);
        return out.join(QLatin1String(", "));
    }

    const SubscriptRanges &m_ranges;
    Reporter &m_report;
    TranslateContext m_ctx;
    QHash<QString, std::vector<const Definition *>> m_defined;
    QSet<QString> m_flows;  // every rate that became a flow of a stock
    QSet<QString> m_fills;  // the flows that are a stock's inflow
    QSet<QString> m_drains; // the flows that are a stock's outflow
    QSet<QString> m_taken;
    std::vector<Variable> m_extra;
    QSet<QString> m_outputsSet; // variables set by a macro call's extra outputs
};

} // namespace

Model buildModel(const std::vector<std::vector<const Definition *>> &groups, const SubscriptRanges &ranges,
                 const QHash<QString, QStringList> &macros, const TimeLabels &labels, Reporter &report)
{
    return Builder(ranges, macros, labels, report).build(groups);
}

} // namespace meadows::vensim
