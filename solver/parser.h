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

} // namespace meadows
