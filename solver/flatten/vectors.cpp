// Vensim's vector functions: VECTOR SORT ORDER, VECTOR RANK and VECTOR REORDER, whose value
// is a vector (one element of it per element of the equation), and VECTOR ELM MAP, an
// element picked by its offset from a referenced one.
#include "flattener.h"

#include <cmath>

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
    const Expr &a = e.args[0];
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
               || d.elementKeys.contains(m_dims[binding.first].elementKeys[binding.second]);
    });
    Expr vector = a;
    if (vector.subscripted && !vector.args.empty())
        vector.args.back() = star(vector.args.back());
    std::vector<Node> elements = names(whole, vector);
    if (elements.size() != std::size_t(d.elements.size()))
        fail(a, QStringLiteral("%1 needs one vector along '%2': '%3' gives %4 values; pick one element of its other "
                               "dimensions").arg(calledAs(e), d.name, a.spelling).arg(elements.size()));
    return {std::move(elements), *position};
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
    for (int k = 0; k < count; ++k)
        pick.args.push_back(Node::var(s.first + k));
    return pick;
}

} // namespace meadows::flattening
