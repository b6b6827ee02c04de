#include "mdlarrayfunctions.h"

#include "model/names.h"

namespace meadows::vensim {

namespace {

// More spelled-out terms than this would make an equation no one could read or run fast.
constexpr std::size_t kMaxTerms = 100000;

void bangRanges(const Expr &e, QStringList &out)
{
    for (const Subscript &s : e.subscripts)
        if (s.bang && !out.contains(canonicalName(s.name)))
            out << canonicalName(s.name);
    for (const Expr &a : e.args)
        bangRanges(a, out);
}

void pinBang(Expr &e, const QString &range, const QString &element)
{
    for (Subscript &s : e.subscripts) {
        if (s.bang && canonicalName(s.name) == range) {
            s.name = element;
            s.bang = false;
        }
    }
    for (Expr &a : e.args)
        pinBang(a, range, element);
}

// Every combination of the elements of the ranges marked '!' in `args`, each combination
// the args with those ranges pinned to its elements. Nothing when no range is marked, a
// range is unknown, or there would be too many (then `tooMany`, and the call is left to the
// solver as written, a '!' range read as all its elements: translateMarked).
std::optional<std::vector<std::vector<Expr>>> expandBang(std::vector<Expr> args, TranslateContext &c, bool &tooMany)
{
    QStringList ranges;
    for (const Expr &a : args)
        bangRanges(a, ranges);
    if (ranges.isEmpty())
        return std::nullopt;
    // The number of combinations, counted before any is written out: two ranges of 20,000
    // would otherwise fill memory before the limit below was reached.
    double count = 1;
    for (const QString &range : ranges) {
        const auto it = c.dimensions.constFind(range);
        if (it == c.dimensions.constEnd())
            return std::nullopt;
        count *= double(it->size());
    }
    tooMany = count > double(kMaxTerms);
    if (tooMany)
        return std::nullopt;
    std::vector<std::vector<Expr>> combos{std::move(args)};
    for (const QString &range : ranges) {
        const auto it = c.dimensions.constFind(range);
        std::vector<std::vector<Expr>> next;
        for (const std::vector<Expr> &combo : combos) {
            for (const QString &element : *it) {
                std::vector<Expr> pinned = combo;
                for (Expr &a : pinned)
                    pinBang(a, range, element);
                next.push_back(std::move(pinned));
            }
        }
        combos = std::move(next);
    }
    return combos;
}

// A sum of the spelled terms: a chain (a + b + ...), which Stella reads too, up to 512
// terms; beyond, one call SUM(a, b, ...), as a chain of thousands would make an expression
// tree too deep to parse. A product stays a chain, whose polarity loop analysis knows
// (PROD's it does not); a product of over a thousand factors is refused as too long.
QString summed(const QStringList &terms)
{
    constexpr qsizetype kLongestChain = 512;
    if (terms.size() <= kLongestChain)
        return QStringLiteral("(%1)").arg(terms.join(QLatin1String(" + ")));
    return QStringLiteral("SUM(%1)").arg(terms.join(QLatin1String(", ")));
}

QString multiplied(const QStringList &factors)
{
    return QStringLiteral("(%1)").arg(factors.join(QLatin1String(" * ")));
}

} // namespace

bool marksRange(const Expr &e)
{
    QStringList ranges;
    bangRanges(e, ranges);
    return !ranges.isEmpty();
}

std::optional<QString> spelledReduction(const QString &f, const Expr &arg, TranslateContext &c)
{
    bool tooMany = false; // then SUM(x[*:A]) as written, which the solver spreads
    const std::optional<std::vector<std::vector<Expr>>> combos = expandBang({arg}, c, tooMany);
    if (!combos)
        return std::nullopt;
    QStringList parts;
    for (const std::vector<Expr> &combo : *combos)
        parts << translateMarked(combo.front(), c);
    if (f == QLatin1String("SUM"))
        return summed(parts);
    if (f == QLatin1String("PROD"))
        return multiplied(parts);
    return QStringLiteral("%1(%2)").arg(f == QLatin1String("VMIN") ? QStringLiteral("MIN") : QStringLiteral("MAX"),
                                        parts.join(QLatin1String(", ")));
}

// VECTOR SELECT(selection, expression, missing, numerical_action, error_action): each
// combination of the elements of the ranges marked '!' in the selection and the expression is
// one pair, written out for the solver's VECTOR_SELECT_OF(missing, action, error action, s1,
// x1, ...) (solver/flatten/vectors.cpp), which computes the actions. The ranges of the two
// arguments need not be the same: `sel[A!]` with `x[B!]` pairs every a with every b, as the
// combinations of A and B.
std::optional<QString> vectorSelect(const Expr &e, TranslateContext &c)
{
    if (e.args.size() != 5) {
        c.warn(e.offset, QStringLiteral("VECTOR SELECT takes 5 arguments, not %1").arg(e.args.size()));
        return std::nullopt;
    }
    QStringList marked;
    bangRanges(e.args[0], marked);
    bangRanges(e.args[1], marked);
    if (marked.isEmpty()) {
        c.warn(e.offset, QStringLiteral("VECTOR SELECT needs its ranges marked with '!'"));
        return std::nullopt;
    }
    // An unknown range is said where the call, then translated as written, names it.
    bool tooMany = false;
    const std::optional<std::vector<std::vector<Expr>>> combos = expandBang({e.args[0], e.args[1]}, c, tooMany);
    if (tooMany) {
        // The solver pairs the two arguments' elements in order, which is every combination
        // only where both mark the same ranges in the same order; else computing anything
        // would be silently wrong, and the model is not read.
        QStringList selectionRanges, valueRanges;
        bangRanges(e.args[0], selectionRanges);
        bangRanges(e.args[1], valueRanges);
        if (selectionRanges != valueRanges)
            c.error(e.offset, QStringLiteral("VECTOR SELECT over more than %1 combinations of different ranges in its "
                                             "two arguments is not supported").arg(kMaxTerms));
        return std::nullopt;
    }
    if (!combos)
        return std::nullopt;
    QStringList args{translateMarked(e.args[2], c), translateMarked(e.args[3], c), translateMarked(e.args[4], c)};
    for (const std::vector<Expr> &combo : *combos)
        args << translateMarked(combo[0], c) << translateMarked(combo[1], c);
    return QStringLiteral("VECTOR_SELECT_OF(%1)").arg(args.join(QLatin1String(", ")));
}

} // namespace meadows::vensim
