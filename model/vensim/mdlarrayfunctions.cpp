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
// range is unknown, or there would be too many.
std::optional<std::vector<std::vector<Expr>>> expandBang(const QString &f, std::vector<Expr> args, TranslateContext &c,
                                                         qsizetype offset)
{
    QStringList ranges;
    for (const Expr &a : args)
        bangRanges(a, ranges);
    if (ranges.isEmpty())
        return std::nullopt;
    std::vector<std::vector<Expr>> combos{std::move(args)};
    for (const QString &range : ranges) {
        const auto it = c.dimensions.constFind(range);
        if (it == c.dimensions.constEnd())
            return std::nullopt;
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
        if (combos.size() > kMaxTerms) {
            c.warn(offset, QStringLiteral("%1 over more than %2 elements is not supported").arg(f).arg(kMaxTerms));
            return std::nullopt;
        }
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

// The number of numerical_action's value, when the file writes it as a plain number.
std::optional<int> literalAction(const Expr &e)
{
    if (e.kind == Expr::Kind::Number && e.number >= 0 && e.number <= 10 && e.number == int(e.number))
        return int(e.number);
    return std::nullopt;
}

} // namespace

std::optional<QString> spelledReduction(const QString &f, const Expr &arg, TranslateContext &c)
{
    const std::optional<std::vector<std::vector<Expr>>> combos = expandBang(f, {arg}, c, arg.offset);
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

// VECTOR SELECT(selection, expression, missing, numerical_action, error_action): over the
// elements whose selection is not zero, one of (Vensim's documentation, with action 5 as
// Vensim computes it, expression ^ selection):
//   0 sum of s*x, 1 product of s*x, 2 min of s*x, 3 max of s*x, 4 mean of s*x,
//   5 product of x^s, 6 sum of x, 7 product of x, 8 min of x, 9 max of x, 10 mean of x;
// `missing` when every selection is zero. Written out term by term over the '!' ranges,
// as SUM is; a numerical_action that is not a plain number picks among all eleven at run
// time. Unselected elements stand out of MIN and MAX as -+1e308, beyond any model value.
std::optional<QString> vectorSelect(const Expr &e, TranslateContext &c)
{
    if (e.args.size() != 5) {
        c.warn(e.offset, QStringLiteral("VECTOR SELECT takes 5 arguments, not %1").arg(e.args.size()));
        return std::nullopt;
    }
    const std::optional<std::vector<std::vector<Expr>>> combos =
        expandBang(QStringLiteral("VECTOR SELECT"), {e.args[0], e.args[1]}, c, e.offset);
    if (!combos) {
        c.warn(e.offset, QStringLiteral("VECTOR SELECT needs its ranges marked with '!'"));
        return std::nullopt;
    }
    const Expr &errorAction = e.args[4];
    if (errorAction.kind != Expr::Kind::Number || errorAction.number != 0)
        c.warn(errorAction.offset, QStringLiteral("VECTOR SELECT's error_action other than 0 is not checked: "
                                                  "no error is raised for too many or too few selections"));
    QStringList count, weightedSum, weightedProduct, weightedMin, weightedMax, powerProduct, sum, product, minimum, maximum;
    for (const std::vector<Expr> &combo : *combos) {
        const QString s = translateMarked(combo[0], c), x = translateMarked(combo[1], c);
        const QString selected = QStringLiteral("(%1) <> 0").arg(s);
        const auto when = [&selected](const QString &value, const char *otherwise) {
            return QStringLiteral("(IF %1 THEN %2 ELSE %3)").arg(selected, value, QLatin1String(otherwise));
        };
        const QString sx = QStringLiteral("(%1) * (%2)").arg(s, x);
        count << when(QStringLiteral("1"), "0");
        weightedSum << sx;
        weightedProduct << when(sx, "1");
        weightedMin << when(sx, "1e308");
        weightedMax << when(sx, "-1e308");
        powerProduct << when(QStringLiteral("(%1) ^ (%2)").arg(x, s), "1");
        sum << when(x, "0");
        product << when(x, "1");
        minimum << when(x, "1e308");
        maximum << when(x, "-1e308");
    }
    const QString n = summed(count);
    const QString results[11] = {
        summed(weightedSum),
        multiplied(weightedProduct),
        QStringLiteral("MIN(%1)").arg(weightedMin.join(QLatin1String(", "))),
        QStringLiteral("MAX(%1)").arg(weightedMax.join(QLatin1String(", "))),
        QStringLiteral("(%1 / %2)").arg(summed(weightedSum), n),
        multiplied(powerProduct),
        summed(sum),
        multiplied(product),
        QStringLiteral("MIN(%1)").arg(minimum.join(QLatin1String(", "))),
        QStringLiteral("MAX(%1)").arg(maximum.join(QLatin1String(", "))),
        QStringLiteral("(%1 / %2)").arg(summed(sum), n),
    };
    QString chosen;
    if (const std::optional<int> action = literalAction(e.args[3])) {
        chosen = results[*action];
    } else {
        // An action other than the whole numbers 0 to 10 gives the missing value (Vensim's
        // documentation does not say what it does; a plain number out of range is warned of).
        if (e.args[3].kind == Expr::Kind::Number)
            c.warn(e.args[3].offset, QStringLiteral("VECTOR SELECT's numerical_action must be a whole number from 0 to 10"));
        const QString actionText = translateMarked(e.args[3], c);
        chosen = translateMarked(e.args[2], c);
        for (int a = 10; a >= 0; --a)
            chosen = QStringLiteral("(IF (%1) = %2 THEN %3 ELSE %4)").arg(actionText).arg(a).arg(results[a], chosen);
    }
    return QStringLiteral("(IF %1 = 0 THEN %2 ELSE %3)").arg(n, translateMarked(e.args[2], c), chosen);
}

} // namespace meadows::vensim
