#pragma once
// Vensim's functions over subscript ranges marked '!' (SUM, PROD, VMIN, VMAX, VECTOR
// SELECT), written out element by element in the XMILE syntax the solver reads, so that
// every element's term is an ordinary expression the loop analysis can follow.
#include "mdltranslate.h"

#include <optional>

namespace meadows::vensim {

// Whether `e` marks a subscript range with '!' anywhere in it.
bool marksRange(const Expr &e);

// SUM, PROD, VMIN or VMAX of one argument with '!' ranges; nothing when it has none, or
// more combinations than are written out (then the solver reads it as written, '*:range').
std::optional<QString> spelledReduction(const QString &f, const Expr &arg, TranslateContext &c);

// VECTOR SELECT; nothing when it cannot be written out (said, unless the solver reads it
// as written).
std::optional<QString> vectorSelect(const Expr &e, TranslateContext &c);

} // namespace meadows::vensim
