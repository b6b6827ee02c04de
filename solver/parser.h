#pragma once
// A recursive-descent parser for the XMILE expression language: numbers (1e-3, .5),
// names (plain, underscored, "quoted with spaces", module-qualified a.b), + - * / ^ MOD,
// comparisons, AND OR NOT, IF THEN ELSE, function calls, subscripts and {comments}.
#include "expr.h"

#include <QString>
#include <optional>

namespace meadows {

struct ParseError {
    int offset = 0; // 0-based, into the equation text
    QString message;
};

struct ParseResult {
    std::optional<Expr> expr; // empty on error, and for an equation that is only blank or a comment
    std::optional<ParseError> error;
    bool ok() const { return !error.has_value(); }
};

ParseResult parseEquation(const QString &text);

// The value of an expression that is a plain number ("3", "-0.5", "1e3"), if it is one:
// what makes a variable a constant (a slider, a parameter in a report, a known range).
std::optional<double> numberValue(const Expr &e);
// The same for an equation's text; nullopt when it does not parse or is not a number.
std::optional<double> numberValue(const QString &equation);

} // namespace meadows
