// XMILE's ways to reorder an array's dimensions (XMILE 1.0 §3.7.1.1, "Array Operations"):
// the transposition operator (a', a[M, 1, N]') and dimension positions (a[@2, @1]); and
// the subscripts computed while the model runs, whose index may fall outside its dimension.
#include "flattener.h"

#include <algorithm>
#include <limits>

namespace meadows::flattening {

namespace {

Expr positionSubscript(int k, const Expr &at)
{
    Expr p;
    p.kind = Expr::Kind::Position;
    p.value = k;
    p.offset = at.offset;
    p.length = at.length;
    return p;
}

} // namespace

// "The transposition operator ... reverses the dimensions": an M x N x P array read as
// P x N x M. In an equation over an array that is A[@3, @2, @1], each dimension of A read at
// the position, counted from the end, of the equation's own dimensions (the spec's own
// example: A[DimM, @2, @1] "is the same as A'"). A slice transposes its free dimensions
// (those written as a dimension's name or '*'): A[M, 1, N]' is A[@2, 1, @1]. Outside such an
// equation (SUM(A')) it is A's elements in the transposed order.
std::vector<Node> Flattener::transposed(Context &c, const Symbol &s, const Expr &e)
{
    Expr plain = e;
    plain.transposed = false;
    if (s.dims.empty() || isContainer(s))
        fail(e, QStringLiteral("'%1' is not an array: the transposition operator ' reverses an array's dimensions")
                    .arg(plain.spelling));
    std::vector<std::size_t> free; // the subscripts the transposition reorders
    if (!plain.subscripted) {
        plain.subscripted = true;
        plain.args.assign(s.dims.size(), Expr{});
        for (std::size_t i = 0; i < s.dims.size(); ++i)
            free.push_back(i);
    } else {
        if (plain.args.size() != s.dims.size())
            fail(e, QStringLiteral("'%1' has %2 dimension(s) but %3 subscript(s) are given")
                        .arg(plain.spelling).arg(s.dims.size()).arg(plain.args.size()));
        for (std::size_t i = 0; i < plain.args.size(); ++i) {
            const Expr &a = plain.args[i];
            if ((a.kind == Expr::Kind::Star && a.name.isEmpty()) || a.kind == Expr::Kind::Position
                || (a.kind == Expr::Kind::Name && !a.subscripted && dimensionIndex(a.name) >= 0))
                free.push_back(i);
        }
        if (free.empty())
            fail(e, QStringLiteral("'%1' is one element, not an array: the transposition operator ' reverses an "
                                   "array's dimensions").arg(toString(plain)));
    }
    if (!c.element.own.empty()) {
        // A position already written reads the equation's dimensions backwards too: the
        // transposed slice at (p1 .. pn) is the slice at (pn .. p1), so @k reads @(n + 1 - k).
        const int n = int(free.size());
        for (int k = 0; k < n; ++k) {
            Expr &a = plain.args[free[std::size_t(k)]];
            if (a.kind == Expr::Kind::Position)
                checkPosition(c, a); // one past the equation's dimensions is said as written
            a = a.kind == Expr::Kind::Position ? positionSubscript(int(c.element.own.size()) + 1 - int(a.value), a)
                                               : positionSubscript(n - k, e);
        }
        return names(c, plain);
    }
    if (e.subscripted)
        fail(e, QStringLiteral("a transposed slice '%1' needs an equation over an array, whose dimensions it is read "
                               "along").arg(toString(e)));
    // A's elements, the last dimension slowest.
    std::vector<int> reversed(s.dims.rbegin(), s.dims.rend());
    const int count = elementCount(s.dims);
    readArrays(e, std::size_t(count));
    std::vector<Node> out;
    out.reserve(std::size_t(count));
    for (int k = 0; k < count; ++k) {
        std::vector<int> idx = unflatten(reversed, k);
        std::reverse(idx.begin(), idx.end());
        out.push_back(Node::var(s.first + linearIndex(s.dims, idx)));
    }
    return out;
}

// "@k": the element of the k-th dimension of the variable whose equation this is (XMILE 1.0
// §3.7.1.1, "an absolute dimension position of the dimension in the entity that contains the
// equation"), read in `dim`: the same element, the one a declared mapping gives, or the one
// in the same position of a dimension of the same size.
// "@k" must name one of the dimensions of the variable whose equation it is in.
void Flattener::checkPosition(Context &c, const Expr &sub)
{
    const std::vector<std::pair<int, int>> &own = c.element.own;
    const double k = sub.value;
    const QString variable = c.variable ? displayName(c.variable->name) : QString();
    if (own.empty())
        fail(sub, QStringLiteral("'%1' names a dimension of the equation's variable by its position, but '%2' is not "
                                 "an array").arg(toString(sub), variable));
    if (!(k >= 1 && k <= double(own.size())))
        fail(sub, QStringLiteral("'%1' names dimension %2 of '%3', which has %4").arg(toString(sub)).arg(k)
                      .arg(variable).arg(own.size()));
}

int Flattener::positionChoice(Context &c, int dim, const Expr &sub)
{
    checkPosition(c, sub);
    const std::vector<std::pair<int, int>> &own = c.element.own;
    const auto [from, at] = own[std::size_t(sub.value) - 1];
    if (from == dim)
        return at;
    if (const auto mapped = declaredMapping(from, at, dim))
        return *mapped;
    if (m_dims[from].elements.size() == m_dims[dim].elements.size())
        return at;
    fail(sub, QStringLiteral("'%1' is '%2' (%3 elements) where the subscript picks from '%4' (%5 elements)")
                  .arg(toString(sub), m_dims[from].name).arg(m_dims[from].elements.size())
                  .arg(m_dims[dim].name).arg(m_dims[dim].elements.size()));
}

// Where a subscript computed while the model runs is, for the error an index outside its
// dimension stops the run with (FlatSubscriptSite).
int Flattener::subscriptSite(Context &c, const Expr &e, const QString &dimension, int size)
{
    FlatSubscriptSite site;
    site.variable = c.self >= 0 ? m_out.vars[std::size_t(c.self)].name : m_equationVariable;
    site.array = e.spelling;
    site.dimension = dimension;
    site.size = size;
    if (m_equationRef)
        site.source = *m_equationRef;
    m_out.subscriptSites.push_back(std::move(site));
    return int(m_out.subscriptSites.size()) - 1;
}

// XMILE 1.0 §3.7.1 says an index out of range "MUST" give 0, or NaN when the header's
// <uses_arrays invalid_index_value="NaN"> says so (§2.2.1, "XMILE Options", default 0). An
// index out of range is nearly always a mistake, and a 0 in its place is a quiet wrong
// number: Meadows stops the run with an error instead, unless the file asks for a value
// with that attribute, which it honours.
void Flattener::readInvalidIndexValue()
{
    for (const XmlNode &options : m_project.header.children) {
        if (options.name != QLatin1String("options"))
            continue;
        for (const XmlNode &uses : options.children) {
            if (uses.name != QLatin1String("uses_arrays"))
                continue;
            const QString *value = findAttribute(uses.attributes, u"invalid_index_value");
            if (!value)
                continue;
            const QString v = value->trimmed();
            if (v.compare(QLatin1String("nan"), Qt::CaseInsensitive) == 0)
                m_out.invalidIndexValue = std::numeric_limits<double>::quiet_NaN();
            else if (v == QLatin1String("0"))
                m_out.invalidIndexValue = 0.0;
            else
                m_out.diagnostics.push_back(Diagnostic(Severity::Warning, m_project.fileName, {},
                    QStringLiteral("<uses_arrays invalid_index_value=\"%1\"> is neither NaN nor 0, the values XMILE "
                                   "allows: an index out of range stops the run").arg(*value)));
        }
    }
}

} // namespace meadows::flattening
