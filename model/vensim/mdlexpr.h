#pragma once
// Vensim expressions as a tree: what an equation's right-hand side says, before it is
// written out in the XMILE syntax Meadows' solver reads.
#include "mdllexer.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace meadows::vensim {

struct Subscript {
    QString name;   // a dimension, subrange or element ("1" for a number)
    bool bang = false; // dim! : every element, as in SUM(x[dim!])
};

struct LookupTable {
    std::optional<std::pair<double, double>> xrange, yrange; // from [(xmin,ymin)-(xmax,ymax)]
    std::vector<double> xs, ys;
    bool hold = false; // each y held until the next x (XMILE's discrete table), not interpolated
};

struct Expr {
    enum class Kind { Number, Name, Call, Unary, Binary, Lookup, NotAvailable, NumberList };
    Kind kind = Kind::Number;
    QString text;      // name, function, or operator ("+", "<=", "AND", "NOT", ...)
    double number = 0;
    std::vector<Subscript> subscripts; // Name
    std::vector<Expr> args;            // Call, Unary, Binary
    std::vector<Expr> outputs;         // Call of a macro: the names after ':' that take its extra outputs
    LookupTable table;                 // Lookup
    std::vector<double> numbers;       // NumberList: "1, 2; 3, 4"
    struct Row {
        int length = 0;
        qsizetype offset = 0; // its first value's
    };
    std::vector<Row> rows;             // NumberList with ';': its rows, the values between them
    qsizetype offset = 0;
    int depth = 1; // levels of nodes below and including this one
};

struct SyntaxError {
    qsizetype offset = 0;
    QString message;
};

// Expressions the reader builds in place of a construct (SINTEG's limits, data read between
// their points), each at the file offset its errors should point to.
Expr nameAt(const QString &text, qsizetype offset, std::vector<Subscript> subscripts = {});
Expr numberAt(double value, qsizetype offset);
Expr callAt(const QString &function, std::vector<Expr> args, qsizetype offset);
Expr binaryOf(const QString &op, Expr left, Expr right); // at the left operand's offset
// A call of the Vensim function `name` (upper case, words apart: "DELAY N"), however written.
bool isCall(const Expr &e, const char *name);

// Parses an expression, or a list of numbers, from text[begin, end). Empty with `error`
// set when malformed.
class ExprParser {
public:
    ExprParser(const QString &text, qsizetype begin, qsizetype end) : m_lex(text, begin, end) {}
    std::optional<Expr> parseAll();                    // the whole range
    std::optional<Expr> parseLookupBody(qsizetype at); // after "name(": points up to ')'
    std::optional<SyntaxError> error;
    Lexer &lexer() { return m_lex; }

    std::optional<std::vector<Subscript>> subscriptList(); // after '['
    std::optional<Expr> expression();

private:
    std::optional<Expr> binaryLevel(int level);
    std::optional<Expr> unary();
    std::optional<Expr> power();
    std::optional<Expr> primary();
    std::optional<Expr> lookupLiteral(qsizetype at, bool closeParen);
    std::optional<std::pair<double, double>> point();
    std::optional<double> signedNumber();
    bool expect(Tok kind, const char *what);
    std::nullopt_t fail(qsizetype offset, const QString &message);
    bool deepen(Expr &n);

    Lexer m_lex;
    int m_nesting = 0; // parentheses, signs, :NOT:s and ^s open around the token read
};

} // namespace meadows::vensim
