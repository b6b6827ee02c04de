#include "mdlrewrite.h"

#include "model/names.h"

#include <algorithm>

namespace meadows::vensim {

std::optional<Vector> vectorFrom(const Expr &arg, const std::vector<Definition> &defs, const SubscriptRanges &ranges)
{
    if (arg.kind != Expr::Kind::Name || arg.subscripts.empty() || arg.subscripts.back().bang
        || ranges.isRange(arg.subscripts.back().name) || !ranges.isElement(arg.subscripts.back().name))
        return std::nullopt;
    // The range of the variable's last subscript: the one its equation is written over, or,
    // written element by element (or over subranges), the largest range holding them all.
    QStringList lastRanges, held;
    for (const Definition &d : defs) {
        if (d.op == Tok::Colon || d.op == Tok::Equiv || canonicalName(d.name) != canonicalName(arg.text)
            || d.subscripts.size() != arg.subscripts.size())
            continue;
        const QString &last = d.subscripts.back().name;
        if (ranges.isRange(last) && std::none_of(lastRanges.cbegin(), lastRanges.cend(), [&last](const QString &r) {
                return canonicalName(r) == canonicalName(last);
            }))
            lastRanges << last;
        held << ranges.elementsOf(last);
    }
    const QString &first = arg.subscripts.back().name;
    held << first;
    const QString range = lastRanges.size() == 1 ? lastRanges.front() : ranges.rangeHolding(held);
    const QStringList elements = ranges.elementsOf(range);
    for (qsizetype i = 0; i < elements.size(); ++i)
        if (canonicalName(elements[i]) == canonicalName(first))
            return Vector{range, elements, i};
    return std::nullopt;
}

Expr elementOf(const Expr &vector, const QString &element)
{
    Expr e = vector;
    e.subscripts.back() = {element, false};
    return e;
}

Expr sumOf(std::vector<Expr> terms, qsizetype at)
{
    if (terms.empty())
        return numberAt(0, at);
    Expr sum = std::move(terms.front());
    for (std::size_t i = 1; i < terms.size(); ++i)
        sum = binaryOf("+", std::move(sum), std::move(terms[i]));
    return sum;
}

} // namespace meadows::vensim
