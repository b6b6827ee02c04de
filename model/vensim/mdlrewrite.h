#pragma once
// What the rewrites of Vensim's level-like functions share (mdllevels, mdldepreciation,
// mdlshift): the equations one rewrite adds beside the call, and the vector a call passes
// at its first element.
#include "mdldefinition.h"

#include <optional>

namespace meadows::vensim {

// The equations one rewrite adds for a call "y = F(...)", each where the call is (so that
// what is said of them points there), over y's own subscripts.
struct Rewrite {
    Definition &call;
    std::vector<Definition> &added;
    qsizetype at = call.rhs->offset;
    std::vector<Subscript> own = ownSubscripts(call);
    QString base = call.name.simplified() + u' ' + call.rhs->text.simplified().toUpper() + u' ';
    Expr name(const QString &part) const { return nameAt(base + part, at, own); }
    // `sameUnits`: in the call's units (its input, its stream); else in none declared, as
    // a delay time or an accumulation is not in y's units.
    void add(const QString &part, Expr rhs, bool sameUnits)
    {
        Definition e = call;
        e.name = base + part;
        e.op = Tok::Eq;
        e.rhs = std::move(rhs);
        if (!sameUnits)
            e.record.units.clear();
        added.push_back(std::move(e));
    }
    Expr initial(const Expr &e) const { return callAt(QStringLiteral("INITIAL"), {e}, at); }
    Expr number(double v) const { return numberAt(v, at); }
    Expr callOf(const char *f, std::vector<Expr> args) const { return callAt(QString::fromLatin1(f), std::move(args), at); }
    Expr ifThen(Expr condition, Expr then, Expr otherwise) const
    {
        return callOf("IF THEN ELSE", {std::move(condition), std::move(then), std::move(otherwise)});
    }
};

// A vector as Vensim's vector functions take it: a variable written with the first element
// of its last range ("sch[Y1]", "Population[country, gender, IN VITRO]"), standing for that
// element and those after it in the range the variable is defined over.
struct Vector {
    QString name;      // that range
    QStringList range; // its elements
    qsizetype first = 0; // the one written
    QStringList elements() const { return range.mid(first); }
};
// Nothing when `arg` is not a variable written so (its last subscript a range, or an
// element of no range).
std::optional<Vector> vectorFrom(const Expr &arg, const std::vector<Definition> &defs, const SubscriptRanges &ranges);

// `vector` with its last subscript the element `element`.
Expr elementOf(const Expr &vector, const QString &element);

// A sum of the terms, left to right (a flat chain, however many); 0 for none.
Expr sumOf(std::vector<Expr> terms, qsizetype at);

} // namespace meadows::vensim
