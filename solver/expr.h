#pragma once
// Expr: the syntax tree of one equation exactly as written, before anything is resolved.
// Names are strings (canonical, plus the spelling), calls are by name, subscripts are
// unevaluated, and every node knows where it sits in the text (offset, length). The parser
// makes it; tools that work on what the modeller wrote use it (units checking, polarity,
// the expression evaluator, printing). Its resolved counterpart, which the compiler turns
// into instructions, is Node (node.h): made from an Expr by flattening.
#include <QString>
#include <vector>

namespace meadows {

enum class UnaryOp { Negate, Plus, Not };
enum class BinaryOp { Add, Subtract, Multiply, Divide, Power, Modulo, Equal, NotEqual, Less, LessEqual,
                      Greater, GreaterEqual, And, Or };

struct Expr {
    enum class Kind {
        Number,    // value
        Name,      // name (canonical), spelling; args = subscripts when subscripted
        Star,      // '*' as a subscript: every element; "*:Sub" (name, spelling set): Sub's elements
        Range,     // "lo:hi" as a subscript: args[0] to args[1], element positions or names
        Position,  // "@k" as a subscript: the k-th (value) dimension of the equation's variable
        Unary,     // unaryOp, args[0]
        Binary,    // binaryOp, args[0], args[1]
        Call,      // name (canonical function name), args
        If,        // args[0] condition, args[1] then, args[2] else
    };

    Kind kind = Kind::Number;
    double value = 0;
    QString name;     // canonical
    QString spelling; // as written
    UnaryOp unaryOp = UnaryOp::Negate;
    BinaryOp binaryOp = BinaryOp::Add;
    bool subscripted = false;
    bool transposed = false; // a Name followed by XMILE's transposition operator: a[d1, d2]'
    std::vector<Expr> args;
    int offset = 0; // where the node starts in the equation text (0-based)
    int length = 0;
    int depth = 1;  // levels of nodes below and including this one

    static Expr number(double v, int offset = 0)
    {
        Expr e;
        e.value = v;
        e.offset = offset;
        return e;
    }
};

// Prints an expression back as XMILE text (canonical names, minimal parentheses).
QString toString(const Expr &e);

} // namespace meadows
