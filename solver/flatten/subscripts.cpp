// Subscripts: dimensions, element positions, and which elements of an array a
// reference picks.
#include "flattener.h"

#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

namespace meadows::flattening {

int Flattener::dimensionIndex(const QString &name) const
{
    const QString key = canonicalName(name);
    for (std::size_t i = 0; i < m_dims.size(); ++i) {
        if (m_dims[i].key == key)
            return int(i);
    }
    return -1;
}

int Flattener::elementCount(const std::vector<int> &dims) const
{
    int n = 1;
    for (int d : dims)
        n *= int(m_dims[d].elements.size());
    return n;
}

std::vector<int> Flattener::unflatten(const std::vector<int> &dims, int linear) const
{
    std::vector<int> idx(dims.size());
    for (int i = int(dims.size()) - 1; i >= 0; --i) {
        const int size = int(m_dims[dims[i]].elements.size());
        idx[i] = size ? linear % size : 0;
        linear = size ? linear / size : 0;
    }
    return idx;
}

int Flattener::linearIndex(const std::vector<int> &dims, const std::vector<int> &idx) const
{
    int linear = 0;
    for (std::size_t i = 0; i < dims.size(); ++i)
        linear = linear * int(m_dims[dims[i]].elements.size()) + idx[i];
    return linear;
}

QString Flattener::elementSuffix(const std::vector<int> &dims, int linear) const
{
    if (dims.empty())
        return {};
    const std::vector<int> idx = unflatten(dims, linear);
    QStringList parts;
    for (std::size_t i = 0; i < dims.size(); ++i)
        parts << m_dims[dims[i]].elements[idx[i]];
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

// The context for element `linear` of an apply-to-all array.
ElementContext Flattener::contextOf(const std::vector<int> &dims, int linear) const
{
    ElementContext ctx;
    const std::vector<int> idx = unflatten(dims, linear);
    for (std::size_t i = 0; i < dims.size(); ++i)
        ctx.at.push_back({dims[i], idx[i]});
    ctx.own = ctx.at;
    return ctx;
}

// For each element of `v`, the one of its written elements whose subscript names it (the
// first written wins), or null. Built once per variable: searching the list for every
// element was quadratic, hours for an array of a million elements.
std::vector<const ArrayElement *> Flattener::writtenElements(const Variable &v, const std::vector<int> &dims) const
{
    std::vector<const ArrayElement *> out(std::size_t(elementCount(dims)), nullptr);
    std::vector<QHash<QString, int>> positions(dims.size());
    for (std::size_t i = 0; i < dims.size(); ++i) {
        const ResolvedDimension &d = m_dims[dims[i]];
        for (int k = 0; k < d.elementKeys.size(); ++k)
            positions[i].insert(d.elementKeys[k], k);
    }
    for (auto e = v.elements.crbegin(); e != v.elements.crend(); ++e) {
        const QStringList parts = e->subscript.split(u',');
        if (parts.size() != qsizetype(dims.size()))
            continue;
        std::vector<int> idx(dims.size());
        bool named = true;
        for (std::size_t i = 0; i < dims.size() && named; ++i) {
            QString key = canonicalName(parts[i].trimmed());
            const QString qualifier = m_dims[dims[i]].key + QLatin1Char('.'); // Dimension.Element
            auto at = positions[i].constFind(key);
            if (at == positions[i].constEnd() && key.startsWith(qualifier))
                at = positions[i].constFind(key.mid(qualifier.size()));
            named = at != positions[i].constEnd();
            if (named)
                idx[i] = *at;
        }
        if (named)
            out[std::size_t(linearIndex(dims, idx))] = &*e;
    }
    return out;
}

// Which elements of an arrayed symbol a reference picks, given the subscripts written
// and the element being computed.
std::vector<int> Flattener::elementIds(Context &c, const Symbol &s, const Expr &e)
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

// The element of `dim` that the element being computed stands for: its own, the one a
// declared mapping (isee:maps_to) gives, or the element of the same name in a subrange (or
// superset) the context iterates. Numbered dimensions (<dim size="N">) share names only by
// position: one of another size is no subrange, but another dimension, which nothing binds.
std::optional<int> Flattener::mappedElement(const ElementContext &ctx, int dim) const
{
    if (const auto at = ctx.elementOf(dim))
        return at;
    for (const auto &[d, e] : ctx.at)
        if (const auto mapped = declaredMapping(d, e, dim))
            return mapped;
    for (const auto &[d, e] : ctx.at) {
        if ((m_dims[d].numbered || m_dims[dim].numbered) && m_dims[d].elements.size() != m_dims[dim].elements.size())
            continue;
        const qsizetype byName = m_dims[dim].position(m_dims[d].elementKeys[e]);
        if (byName >= 0)
            return int(byName);
    }
    return std::nullopt;
}

std::vector<int> Flattener::subscriptChoice(Context &c, int dim, const Expr &sub)
{
    const ResolvedDimension &d = m_dims[dim];
    // Every element: built only when chosen, as a subscript is resolved for each element computed.
    const auto all = [&d] {
        std::vector<int> every(std::size_t(d.elements.size()));
        std::iota(every.begin(), every.end(), 0);
        return every;
    };
    if (sub.kind == Expr::Kind::Star && sub.name.isEmpty())
        return all();
    if (sub.kind == Expr::Kind::Position)
        return {positionChoice(c, dim, sub)};
    if (sub.kind == Expr::Kind::Star || sub.kind == Expr::Kind::Range)
        return rangeChoice(c, dim, sub);
    if (sub.kind == Expr::Kind::Name && !sub.subscripted) {
        const QString &key = sub.name;
        const int named = dimensionIndex(key);
        if (named >= 0) {
            // The dimension itself: the element being computed, or the element a declared
            // mapping (isee:maps_to) gives for it from a dimension the equation is over.
            std::optional<int> at = c.element.elementOf(named);
            for (std::size_t k = 0; !at && k < c.element.at.size(); ++k)
                at = declaredMapping(c.element.at[k].first, c.element.at[k].second, named);
            if (at) {
                if (named == dim)
                    return {*at};
                if (const auto mapped = declaredMapping(named, *at, dim))
                    return {*mapped};
                // A subrange or another dimension: the element of the same name, else
                // the one in the same position when the two are the same size.
                const qsizetype byName = d.position(m_dims[named].elementKeys[*at]);
                if (byName >= 0)
                    return {int(byName)};
                if (m_dims[named].elements.size() == d.elements.size())
                    return {*at};
            }
            if (named == dim)
                return all();
            // A subrange named outside any context: its elements, by name.
            std::vector<int> members;
            for (const QString &k : m_dims[named].elementKeys) {
                const qsizetype position = d.position(k);
                if (position < 0) {
                    members.clear();
                    break;
                }
                members.push_back(int(position));
            }
            if (!members.empty())
                return members;
            fail(sub, QStringLiteral("dimension '%1' does not fit here: expected '%2'").arg(sub.spelling, d.name));
        }
        qsizetype at = d.position(key);
        if (at < 0 && key.startsWith(d.key + QLatin1Char('.')))
            at = d.position(key.mid(d.key.size() + 1));
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
    const std::optional<std::size_t> k = indexedPosition(*v, std::size_t(d.elements.size()));
    if (!k)
        fail(sub, QStringLiteral("index %1 is outside dimension '%2' (1 to %3)").arg(*v).arg(d.name).arg(d.elements.size()));
    return {int(*k)};
}

// The element positions of `dim` that Stella's "*:Sub" (the subrange Sub's elements, by
// name) or a range "lo:hi" picks, in order.
std::vector<int> Flattener::rangeChoice(Context &c, int dim, const Expr &sub)
{
    const ResolvedDimension &d = m_dims[dim];
    std::vector<int> members;
    if (sub.kind == Expr::Kind::Star) {
        const int named = dimensionIndex(sub.name);
        if (named < 0)
            fail(sub, QStringLiteral("'%1' in '*:%1' is not a dimension").arg(sub.spelling));
        for (const QString &k : m_dims[named].elementKeys) {
            const qsizetype at = d.position(k);
            if (at < 0)
                fail(sub, QStringLiteral("'%1' is not a subrange of '%2': its element '%3' is not one of '%2'")
                              .arg(sub.spelling, d.name, m_dims[named].elements[m_dims[named].position(k)]));
            members.push_back(int(at));
        }
        return members;
    }
    const int lo = rangeEnd(c, dim, sub.args[0]);
    const int hi = rangeEnd(c, dim, sub.args[1]);
    if (lo > hi)
        fail(sub, QStringLiteral("the range '%1' of '%2' runs backwards: from position %3 down to %4")
                      .arg(toString(sub), d.name).arg(lo + 1).arg(hi + 1));
    for (int k = lo; k <= hi; ++k)
        members.push_back(k);
    return members;
}

// One end of a range "lo:hi": an element of `dim` by name (Dimension.Element too), or its
// position counted from 1, known before the run.
int Flattener::rangeEnd(Context &c, int dim, const Expr &end)
{
    const ResolvedDimension &d = m_dims[dim];
    if (end.kind == Expr::Kind::Name && !end.subscripted) {
        qsizetype at = d.position(end.name);
        if (at < 0 && end.name.startsWith(d.key + QLatin1Char('.')))
            at = d.position(end.name.mid(d.key.size() + 1));
        if (at >= 0)
            return int(at);
        if (!lookupQualified(*c.scope, end.name))
            fail(end, QStringLiteral("'%1' is not an element of '%2'").arg(end.spelling, d.name));
    }
    const std::optional<double> v = constantValue(expr(c, end));
    if (!v)
        fail(end, QStringLiteral("the end '%1' of a range must be an element of '%2' or a position known before the run")
                      .arg(toString(end), d.name));
    const std::optional<std::size_t> k = indexedPosition(*v, std::size_t(d.elements.size()));
    if (!k)
        fail(end, QStringLiteral("position %1 is outside dimension '%2' (1 to %3)").arg(*v).arg(d.name).arg(d.elements.size()));
    return int(*k);
}

// A dimension of its own for the elements of `dim` at `positions` (a range "lo:hi" inside
// an array expression: SUM(a[2:4] * 2)), made once per range, so that two references to
// the same range go through it together. Its elements have their names in `dim`, which
// is how a reference reads them back; its key cannot be written in an equation.
int Flattener::rangeDimension(int dim, const std::vector<int> &positions)
{
    QString key = QStringLiteral("\x01range ") + m_dims[dim].key;
    for (int k : positions)
        key += QLatin1Char(' ') + QString::number(k);
    key = canonicalName(key); // as dimensionIndex() reads it back
    for (std::size_t i = 0; i < m_dims.size(); ++i)
        if (m_dims[i].key == key)
            return int(i);
    ResolvedDimension range{m_dims[dim].name, key, {}, {}, {}, {}};
    for (int k : positions)
        range.add(m_dims[dim].elements[k], m_dims[dim].elementKeys[k]);
    m_dims.push_back(std::move(range));
    return int(m_dims.size()) - 1;
}

// Element `element` of dimension `from` as an element of `to`, when one of the two maps
// onto the other (isee:maps_to, element by element in order); nullopt otherwise.
std::optional<int> Flattener::declaredMapping(int from, int element, int to) const
{
    if (from == to || !(m_dims[from].mapsTo.contains(to) || m_dims[to].mapsTo.contains(from)))
        return std::nullopt;
    if (element >= m_dims[to].elements.size())
        return std::nullopt;
    return element;
}

// A subscript whose value is known only while the model runs (a variable that is not a
// constant, or an expression of one: level[INT(TIME / 4) + 1]); nothing for '*', a
// dimension or element name, or a constant (one out of the dimension is refused before the
// run, so that `meadows check` says it, even where an IF would leave the pick out).
std::optional<Node> Flattener::runTimeSubscript(Context &c, int dim, const Expr &sub)
{
    if (sub.kind == Expr::Kind::Star || sub.kind == Expr::Kind::Range || sub.kind == Expr::Kind::Position)
        return std::nullopt;
    if (sub.kind == Expr::Kind::Name && !sub.subscripted) {
        const QString &key = sub.name;
        const ResolvedDimension &d = m_dims[dim];
        if (dimensionIndex(key) >= 0 || d.position(key) >= 0
            || (key.startsWith(d.key + QLatin1Char('.')) && d.position(key.mid(d.key.size() + 1)) >= 0)
            || !lookupQualified(*c.scope, key))
            return std::nullopt;
    }
    Node n = expr(c, sub);
    if (constantValue(n))
        return std::nullopt;
    return n;
}

// An element picked by subscripts computed while the model runs: SUBSCRIPT_AT(index, the
// candidates...) for each such subscript, nested, the index 1-based. An index out of range
// stops the run with an error naming the variable, the index, the dimension and the time
// (or gives what the file's <uses_arrays invalid_index_value> asks: transposition.cpp).
// Nothing when every subscript is known when flattening.
std::optional<Node> Flattener::runTimeElement(Context &c, const Symbol &s, const Expr &e)
{
    if (!e.subscripted || s.dims.empty() || e.args.size() != s.dims.size())
        return std::nullopt;
    std::vector<std::optional<Node>> computed(s.dims.size());
    bool any = false;
    for (std::size_t i = 0; i < s.dims.size(); ++i) {
        computed[i] = runTimeSubscript(c, s.dims[i], e.args[i]);
        any = any || computed[i].has_value();
    }
    if (!any)
        return std::nullopt;
    std::vector<int> fixed(s.dims.size(), 0);
    for (std::size_t i = 0; i < s.dims.size(); ++i) {
        if (computed[i]) {
            computed[i] = shared(QStringLiteral("index"), std::move(*computed[i])); // computed once, read by each pick
            continue;
        }
        const std::vector<int> choice = subscriptChoice(c, s.dims[i], e.args[i]);
        if (choice.size() != 1)
            fail(e.args[i], QStringLiteral("a subscript computed while the model runs cannot be combined with a range "
                                           "of '%1'").arg(e.spelling));
        fixed[i] = choice.front();
    }
    double candidates = 1; // the elements the picks hold: every combination of the computed subscripts
    for (std::size_t i = 0; i < s.dims.size(); ++i)
        if (computed[i])
            candidates *= double(m_dims[s.dims[i]].elements.size());
    readArrays(e, std::size_t(std::min(candidates, 1e15)));
    std::vector<int> idx = fixed;
    std::function<Node(std::size_t)> build = [&](std::size_t level) -> Node {
        if (level == s.dims.size())
            return Node::var(s.first + linearIndex(s.dims, idx));
        if (!computed[level])
            return build(level + 1);
        Node pick = Node::call(Builtin::SubscriptAt, {*computed[level]});
        const ResolvedDimension &d = m_dims[s.dims[level]];
        pick.index = subscriptSite(c, e, QLatin1Char('\'') + d.name + QLatin1Char('\''), int(d.elements.size()));
        for (int k = 0; k < int(m_dims[s.dims[level]].elements.size()); ++k) {
            idx[level] = k;
            pick.args.push_back(build(level + 1));
        }
        return pick;
    };
    return build(0);
}

} // namespace meadows::flattening
