// Vensim's vector functions: VECTOR SORT ORDER, VECTOR RANK and VECTOR REORDER, whose value
// is a vector (one element of it per element of the equation), VECTOR ELM MAP, an element
// picked by its offset from a referenced one, VECTOR LOOKUP, a vector read as a lookup,
// VECTOR SELECT, a selection of an array reduced to one value, and INVERT MATRIX, whose value
// is a matrix.
#include "flattener.h"

#include <cmath>
#include <limits>

namespace meadows::flattening {

namespace {

Expr star(const Expr &at)
{
    Expr s;
    s.kind = Expr::Kind::Star;
    s.offset = at.offset;
    s.length = at.length;
    return s;
}

} // namespace

// The variable a vector function's first argument names; it fails unless it is one.
const Symbol &Flattener::vectorVariable(Context &c, const Expr &call, const Expr &a)
{
    const Symbol *s = a.kind == Expr::Kind::Name ? lookupQualified(*c.scope, a.name) : nullptr;
    if (!s || s->type != Symbol::Type::Variable)
        fail(a, QStringLiteral("%1 needs a variable as its first argument").arg(calledAs(call)));
    return *s;
}

// The vector a function of Vensim's works on, as its manual says: the complete vector along
// the first argument's last dimension (the other subscripts as the equation's element picks
// them), and the position in it of the element being computed. The manual's own example
// computes the result over another range of the same size (so[scompany] = VECTOR SORT
// ORDER(revenue[company], 1)): then the position is the element's along the equation's last
// dimension.
Flattener::PositionedVector Flattener::wholeVector(Context &c, const Expr &e)
{
    readArrays(e, 0);
    const Expr &a = e.args[0];
    if (a.kind != Expr::Kind::Name)
        return computedVector(c, e, a);
    const Symbol &s = vectorVariable(c, e, a);
    if (s.dims.empty())
        fail(a, QStringLiteral("%1 needs an array as its first argument; '%2' is not one").arg(calledAs(e), a.spelling));
    const int last = s.dims.back();
    const ResolvedDimension &d = m_dims[last];
    std::optional<int> position = mappedElement(c.element, last);
    int positionDimension = last;
    if (!position && !c.element.at.empty() && m_dims[c.element.at.back().first].elements.size() == d.elements.size()) {
        positionDimension = c.element.at.back().first;
        position = c.element.at.back().second;
    }
    if (!position)
        fail(e, QStringLiteral("%1 gives one value per element of '%2': use it in an equation over '%2'")
                    .arg(calledAs(e), d.name));
    // The whole vector: its last subscript taken as every element, and the equation's own
    // element of that dimension (or of one standing for it) forgotten.
    Context whole = c;
    std::erase_if(whole.element.at, [&](const std::pair<int, int> &binding) {
        return binding.first == last || binding.first == positionDimension
               || d.position(m_dims[binding.first].elementKeys[binding.second]) >= 0;
    });
    Expr vector = a;
    if (vector.subscripted && !vector.args.empty())
        vector.args.back() = star(vector.args.back());
    std::vector<Node> elements = names(whole, vector);
    readArrays(e, elements.size());
    if (elements.size() != std::size_t(d.elements.size()))
        fail(a, QStringLiteral("%1 needs one vector along '%2': '%3' gives %4 values; pick one element of its other "
                               "dimensions").arg(calledAs(e), d.name, a.spelling).arg(elements.size()));
    return {std::move(elements), *position};
}

// A vector computed by an expression over the equation's last range (as XMILE files from
// Simlin write it: VECTOR SORT ORDER(PREVIOUS(vals[Region]) + base[Region], 1) over Region):
// the expression at each element of that range, and the position of the one being computed.
Flattener::PositionedVector Flattener::computedVector(Context &c, const Expr &call, const Expr &a)
{
    if (c.element.at.empty())
        fail(call, QStringLiteral("%1 of a computed vector gives one value per element: use it in an equation over the "
                                  "vector's range").arg(calledAs(call)));
    const auto [dimension, position] = c.element.at.back();
    Context whole = c;
    whole.element.at.pop_back();
    std::vector<Node> elements;
    const int count = int(m_dims[dimension].elements.size());
    for (int k = 0; k < count; ++k) {
        Context one = whole;
        one.element.at.push_back({dimension, k});
        elements.push_back(expr(one, a));
    }
    readArrays(call, elements.size());
    return {std::move(elements), position};
}

// VECTOR SORT ORDER(vector, direction) and VECTOR RANK(vector, direction): the element of
// the result at the position being computed, sorted every step.
Node Flattener::vectorOrder(Context &c, const Expr &e, Builtin id)
{
    PositionedVector v = wholeVector(c, e);
    std::vector<Node> args{Node::constant(double(v.position)), expr(c, e.args[1])};
    for (Node &n : v.elements)
        args.push_back(std::move(n));
    return Node::call(id, std::move(args));
}

// VECTOR REORDER(vector, sort order): at each position, the vector's element the sort order
// names there (0-based, as VECTOR SORT ORDER gives it): sorted rev[scompany] = VECTOR
// REORDER(revenue[company], so[scompany]) is revenue in order. A position outside the vector
// gives NaN, which the run reports.
Node Flattener::vectorReorder(Context &c, const Expr &e)
{
    PositionedVector v = wholeVector(c, e);
    Node pick = Node::call(Builtin::ElementAt, {Node::binary(BinaryOp::Add, expr(c, e.args[1]), Node::constant(1))});
    for (Node &n : v.elements)
        pick.args.push_back(std::move(n));
    return pick;
}

// VECTOR ELM MAP(element, offset): the element `offset` places after the one named (0 is
// that element), counting through the whole variable in order, its last dimension fastest,
// as Vensim's manual does. An offset outside the variable is not an error when flattening:
// Vensim's own aging chain, IF THEN ELSE(stage = stage1, start, VECTOR ELM MAP(outflow[stage],
// -1)), names one for its first element in the branch it does not take. It picks with
// ELEMENT_AT, whose NaN out of range the run reports (when it is used) with the variable,
// the time and the equation's place.
Node Flattener::elementMap(Context &c, const Expr &e)
{
    const Expr &a = e.args[0];
    if (a.kind != Expr::Kind::Name) {
        // A computed vector (computedVector): the element `offset` places after the one
        // being computed.
        PositionedVector v = computedVector(c, e, a);
        Node pick = Node::call(Builtin::ElementAt, {Node::binary(BinaryOp::Add, expr(c, e.args[1]),
                                                                 Node::constant(v.position + 1))});
        for (Node &n : v.elements)
            pick.args.push_back(std::move(n));
        return pick;
    }
    const Symbol &s = vectorVariable(c, e, a);
    if (runTimeElement(c, s, a))
        fail(a, QStringLiteral("%1 needs its first argument's element fixed, not computed while the model runs")
                    .arg(calledAs(e)));
    const std::vector<int> picked = elementIds(c, s, a);
    if (picked.size() != 1)
        fail(a, QStringLiteral("%1 needs one element as its first argument; '%2' gives %3")
                    .arg(calledAs(e), a.spelling).arg(picked.size()));
    const int base = picked.front() - s.first;
    const int count = elementCount(s.dims);
    Node offset = expr(c, e.args[1]);
    if (const std::optional<double> k = constantValue(offset)) {
        const double at = base + std::round(*k);
        if (at >= 0 && at < count)
            return Node::var(s.first + int(at));
        // Outside: no candidates (which could make the equation read itself), so NaN.
        return Node::call(Builtin::ElementAt, {Node::constant(at + 1)});
    }
    Node pick = Node::call(Builtin::ElementAt, {Node::binary(BinaryOp::Add, std::move(offset), Node::constant(base + 1))});
    readArrays(e, std::size_t(count));
    for (int k = 0; k < count; ++k)
        pick.args.push_back(Node::var(s.first + k));
    return pick;
}

// VECTOR LOOKUP(vec[first], x, xmin, xmax, mode): vec's values along its last dimension read
// as a lookup over x from xmin to xmax, the mode saying how (builtins.cpp, vectorLookup).
// Vensim's reference: "always called with the first element of vec"; its other subscripts
// are the equation's, as for any reference. The last dimension varies fastest, so the
// vector is the run of variables from the one named.
Node Flattener::vectorLookup(Context &c, const Expr &e)
{
    readArrays(e, 0);
    const Expr &a = e.args[0];
    const Symbol &s = vectorVariable(c, e, a);
    if (s.dims.empty() || !a.subscripted || runTimeElement(c, s, a))
        fail(a, QStringLiteral("%1 needs an array's element as its first argument, the first along its last dimension "
                               "(vec[d1])").arg(calledAs(e)));
    const ResolvedDimension &last = m_dims[s.dims.back()];
    const int length = int(last.elements.size());
    const std::vector<int> picked = elementIds(c, s, a);
    if (picked.size() != 1 || (picked.front() - s.first) % length != 0)
        fail(a, QStringLiteral("%1 reads the whole of '%2' along '%3': name its first element there, %4")
                    .arg(calledAs(e), a.spelling, last.name, last.elements.front()));
    if (length < 2)
        fail(a, QStringLiteral("%1 needs two values at least along '%2'").arg(calledAs(e), last.name));
    Node mode = expr(c, e.args[4]);
    if (const std::optional<double> m = constantValue(mode)) {
        if (!(*m >= 0 && *m <= 9) || *m != std::round(*m))
            fail(e.args[4], QStringLiteral("%1's mode is a whole number from 0 to 9, not %2").arg(calledAs(e)).arg(*m));
    }
    std::vector<Node> args{expr(c, e.args[1]), expr(c, e.args[2]), expr(c, e.args[3]), std::move(mode)};
    readArrays(e, std::size_t(length));
    for (int k = 0; k < length; ++k)
        args.push_back(Node::var(picked.front() + k));
    return Node::call(Builtin::VectorLookup, std::move(args));
}

// INVERT MATRIX(A, n): the inverse of A over its last two dimensions (both of n elements),
// one element per element of the equation: inv[i, j] = INVERT MATRIX(a[i, j], 3). The row
// and column being computed are the equation's elements of A's two dimensions, or, when
// the equation is over other ranges of the same size (or A's dimensions are one range
// twice), its own last two. A's other subscripts are the equation's, as for a vector.
Node Flattener::matrixInverse(Context &c, const Expr &e)
{
    readArrays(e, 0);
    const Expr &a = e.args[0];
    const Symbol &s = vectorVariable(c, e, a);
    if (s.dims.size() < 2)
        fail(a, QStringLiteral("%1 needs a matrix (two dimensions) as its first argument; '%2' is not one")
                    .arg(calledAs(e), a.spelling));
    const int rowDim = s.dims[s.dims.size() - 2], columnDim = s.dims.back();
    const int n = int(m_dims[rowDim].elements.size());
    if (int(m_dims[columnDim].elements.size()) != n)
        fail(a, QStringLiteral("%1 needs a square matrix: '%2' is %3 by %4")
                    .arg(calledAs(e), a.spelling).arg(n).arg(m_dims[columnDim].elements.size()));
    Node size = expr(c, e.args[1]);
    const std::optional<double> given = constantValue(size);
    if (!given)
        fail(e.args[1], QStringLiteral("%1 needs its size as a constant").arg(calledAs(e)));
    if (*given != double(n))
        fail(e.args[1], QStringLiteral("%1's size is %2, but '%3' is %4 by %4").arg(calledAs(e)).arg(*given).arg(a.spelling).arg(n));
    std::optional<int> row = mappedElement(c.element, rowDim), column = mappedElement(c.element, columnDim);
    const std::vector<std::pair<int, int>> &at = c.element.at;
    std::vector<int> positionDims{rowDim, columnDim};
    if (!row || !column || rowDim == columnDim) {
        if (at.size() < 2 || int(m_dims[at[at.size() - 2].first].elements.size()) != n
            || int(m_dims[at.back().first].elements.size()) != n)
            fail(e, QStringLiteral("%1 gives one value per element of a %2 by %2 matrix: use it in an equation over "
                                   "two ranges of %2 elements").arg(calledAs(e)).arg(n));
        row = at[at.size() - 2].second;
        column = at.back().second;
        positionDims = {at[at.size() - 2].first, at.back().first};
    }
    // The whole matrix: A's last two subscripts taken as every element, and the equation's
    // elements of those dimensions (or of the ones standing for them) forgotten.
    Context whole = c;
    std::erase_if(whole.element.at, [&](const std::pair<int, int> &binding) {
        return binding.first == rowDim || binding.first == columnDim || binding.first == positionDims[0]
               || binding.first == positionDims[1];
    });
    Expr matrix = a;
    if (matrix.subscripted && matrix.args.size() >= 2) {
        matrix.args[matrix.args.size() - 2] = star(matrix.args[matrix.args.size() - 2]);
        matrix.args.back() = star(matrix.args.back());
    }
    std::vector<Node> elements = names(whole, matrix);
    readArrays(e, elements.size());
    if (elements.size() != std::size_t(n) * std::size_t(n))
        fail(a, QStringLiteral("%1 needs one %2 by %2 matrix: '%3' gives %4 values; pick one element of its other "
                               "dimensions").arg(calledAs(e)).arg(n).arg(a.spelling).arg(elements.size()));
    std::vector<Node> args{Node::constant(double(*row)), Node::constant(double(*column)), Node::constant(double(n))};
    for (Node &v : elements)
        args.push_back(std::move(v));
    return Node::call(Builtin::InvertMatrix, std::move(args));
}

// VECTOR SELECT(selection, expression, missing, numerical action, error action), as Vensim's
// reference defines it and as XMILE files from Simlin write it with '*' (VECTOR SELECT(sel[r,
// *], x[r, *], 0, 0, 0)): over the elements whose selection is not zero, by the action,
//   0 the sum of s*x, 1 the product of s*x, 2 the least s*x, 3 the greatest, 4 their mean,
//   5 the product of x^s, 6 the sum of x, 7 the product of x, 8 the least x, 9 the greatest,
//   10 their mean;
// `missing` where no element is selected. The two arrays are spread element by element, as
// SUM spreads one, and must hold as many. An action computed while the model runs picks among
// all eleven then, and is NaN (which the run reports) when it is none of them.
// VECTOR_SELECT_OF(missing, action, error action, s1, x1, s2, x2, ...) is the same over pairs
// listed one by one: the Vensim reader writes it for Vensim's '!' ranges, whose every
// combination is a pair (model/vensim/mdlarrayfunctions.cpp), which '*' cannot say.
// The error action (what Vensim does with too many or too few selections: stop the run) does
// not change the value; one other than 0 is said, once for the variable.
Node Flattener::vectorSelect(Context &c, const Expr &e)
{
    const bool listed = e.name == QLatin1String("vector_select_of");
    // The listed form is what the Vensim reader writes for VECTOR SELECT: said by that name.
    const QString name = listed ? QStringLiteral("VECTOR SELECT") : calledAs(e);
    const std::size_t missingAt = listed ? 0 : 2, actionAt = listed ? 1 : 3, errorAt = listed ? 2 : 4;
    std::vector<Node> selection, values;
    if (listed) {
        if (e.args.size() % 2 == 0)
            fail(e, QStringLiteral("%1 needs a value after each selection").arg(name));
        for (std::size_t i = 3; i + 1 < e.args.size(); i += 2) {
            selection.push_back(expr(c, e.args[i]));
            values.push_back(expr(c, e.args[i + 1]));
        }
    } else {
        const auto elements = [&](const Expr &array) {
            Expr only = e;
            only.args = {array};
            return spread(c, only);
        };
        selection = elements(e.args[0]);
        values = elements(e.args[1]);
        if (selection.size() != values.size())
            fail(e.args[1], QStringLiteral("%1 needs as many values as selections: '%2' gives %3, '%4' %5")
                                .arg(name, e.args[1].spelling).arg(values.size()).arg(e.args[0].spelling).arg(selection.size()));
    }
    if (selection.empty())
        fail(listed ? e : e.args[0], QStringLiteral("%1 of no elements").arg(name));
    const std::optional<double> errorAction = constantValue(expr(c, e.args[errorAt]));
    if (!errorAction || *errorAction != 0)
        warnOnce(c, e.args[errorAt], QStringLiteral("%1's error action other than 0 is not checked: the run does not stop for "
                                                    "too many or too few selections").arg(name));
    const auto when = [](const Node &s, Node value, double otherwise) {
        return Node::ifThenElse(Node::binary(BinaryOp::NotEqual, s, Node::constant(0)), std::move(value), Node::constant(otherwise));
    };
    constexpr double kInf = std::numeric_limits<double>::infinity();
    // Unselected elements stand out of a minimum or a maximum as +-Inf: a selected Inf is
    // still the least or greatest.
    std::vector<Node> count, weighted, weightedProduct, weightedMin, weightedMax, powers, sum, product, least, greatest;
    for (std::size_t i = 0; i < selection.size(); ++i) {
        const Node &s = selection[i];
        const Node &x = values[i];
        const Node sx = Node::binary(BinaryOp::Multiply, s, x);
        count.push_back(when(s, Node::constant(1), 0));
        weighted.push_back(when(s, sx, 0));
        weightedProduct.push_back(when(s, sx, 1));
        weightedMin.push_back(when(s, sx, kInf));
        weightedMax.push_back(when(s, sx, -kInf));
        powers.push_back(when(s, Node::binary(BinaryOp::Power, x, s), 1));
        sum.push_back(when(s, x, 0));
        product.push_back(when(s, x, 1));
        least.push_back(when(s, x, kInf));
        greatest.push_back(when(s, x, -kInf));
    }
    // Sums and products are one call each, not chains: a chain of thousands of pairs would
    // make a tree too deep for what walks it (the parser holds equations to 1,024 levels).
    const Node selected = Node::call(Builtin::Sum, std::move(count));
    std::vector<Node> results;
    results.push_back(Node::call(Builtin::Sum, std::move(weighted)));
    results.push_back(Node::call(Builtin::Prod, std::move(weightedProduct)));
    results.push_back(Node::call(Builtin::Min, weightedMin));
    results.push_back(Node::call(Builtin::Max, weightedMax));
    results.push_back(Node::binary(BinaryOp::Divide, results[0], selected));
    results.push_back(Node::call(Builtin::Prod, std::move(powers)));
    results.push_back(Node::call(Builtin::Sum, std::move(sum)));
    results.push_back(Node::call(Builtin::Prod, std::move(product)));
    results.push_back(Node::call(Builtin::Min, least));
    results.push_back(Node::call(Builtin::Max, greatest));
    results.push_back(Node::binary(BinaryOp::Divide, results[6], selected));
    Node missing = expr(c, e.args[missingAt]);
    Node action = expr(c, e.args[actionAt]);
    Node chosen;
    if (const std::optional<double> a = constantValue(action)) {
        if (!(*a >= 0 && *a <= 10) || *a != std::round(*a))
            fail(e.args[actionAt], QStringLiteral("%1's numerical action is a whole number from 0 to 10, not %2").arg(name).arg(*a));
        chosen = results[std::size_t(*a)];
    } else {
        chosen = Node::constant(std::numeric_limits<double>::quiet_NaN()); // an action that is none of them
        for (int a = 10; a >= 0; --a) {
            chosen = Node::ifThenElse(Node::binary(BinaryOp::Equal, action, Node::constant(a)), results[std::size_t(a)],
                                      std::move(chosen));
        }
    }
    return Node::ifThenElse(Node::binary(BinaryOp::Equal, selected, Node::constant(0)), std::move(missing), std::move(chosen));
}

} // namespace meadows::flattening
