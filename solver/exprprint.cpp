// An Expr printed back as equation text (toString, expr.h): the fewest parentheses that
// keep its meaning, and names quoted where they must be.
#include "expr.h"

#include "model/names.h"

#include <QStringList>

namespace meadows {

namespace {
// What the parser makes of Stella's "a // b": printed back the same way, so that a long
// chain of them prints flat, as it was written, and not as calls nested too deep to read.
bool isSafeDivision(const Expr &e)
{
    return e.kind == Expr::Kind::Call && e.name == QLatin1String("safediv") && e.args.size() == 2;
}

int precedence(const Expr &e)
{
    if (isSafeDivision(e))
        return 6; // as '/'
    switch (e.kind) {
    case Expr::Kind::If: return 0;
    case Expr::Kind::Binary:
        switch (e.binaryOp) {
        case BinaryOp::Or: return 1;
        case BinaryOp::And: return 2;
        case BinaryOp::Equal: case BinaryOp::NotEqual: case BinaryOp::Less: case BinaryOp::LessEqual:
        case BinaryOp::Greater: case BinaryOp::GreaterEqual: return 4;
        case BinaryOp::Add: case BinaryOp::Subtract: return 5;
        case BinaryOp::Multiply: case BinaryOp::Divide: case BinaryOp::Modulo: return 6;
        case BinaryOp::Power: return 8;
        }
        return 0;
    case Expr::Kind::Unary: return e.unaryOp == UnaryOp::Not ? 3 : 7;
    default: return 9;
    }
}

// A name prints bare only when the lexer would read it back as the same one name.
QString printableName(const QString &s)
{
    bool plain = !s.isEmpty() && !s[0].isDigit() && s[0] != u'.' && s[0] != u'\'' && !s.endsWith(u'.');
    for (QChar c : s) {
        const bool nameChar = c.isLetterOrNumber() || c == u'_' || c == u'$' || c == u'.' || c == u'\''
                              || (c.unicode() > 127 && !c.isSpace());
        plain = plain && nameChar;
    }
    for (const char *kw : {"if", "then", "else", "and", "or", "not", "mod"})
        plain = plain && s.compare(QLatin1String(kw), Qt::CaseInsensitive) != 0;
    return plain ? s : QLatin1Char('"') + s + QLatin1Char('"');
}

// What may follow an expression where it is printed: nothing that continues it (the end,
// ')', ',', THEN, ELSE), AND or OR, or anything.
enum class Follows { Nothing, AndOr, Anything };

QString print(const Expr &e, Follows follows);

// NOT and IF read everything after them, NOT up to AND, OR or the end of the enclosing
// text, IF's ELSE up to that end: where no more follows than that, they need no
// parentheses. Printed as written ("a > NOT b > NOT c", "+IF x THEN y ELSE z"), an
// equation is no deeper than it was read (in parentheses, a long chain of them printed
// past the parser's nesting bound).
bool readsToTheEnd(const Expr &e, Follows follows)
{
    if (e.kind == Expr::Kind::Unary && e.unaryOp == UnaryOp::Not)
        return follows != Follows::Anything;
    return e.kind == Expr::Kind::If && follows == Follows::Nothing;
}

// `e` printed where an operator of precedence `min` holds it, in parentheses when it binds
// more loosely.
QString wrap(const Expr &e, int min, Follows follows)
{
    if (precedence(e) >= min || readsToTheEnd(e, follows))
        return print(e, follows);
    return QLatin1Char('(') + print(e, Follows::Nothing) + QLatin1Char(')');
}

QString print(const Expr &e, Follows follows)
{
    switch (e.kind) {
    case Expr::Kind::Number: return QString::number(e.value, 'g', 17);
    case Expr::Kind::Star: return e.name.isEmpty() ? QStringLiteral("*") : QStringLiteral("*:") + printableName(e.spelling.isEmpty() ? e.name : e.spelling);
    case Expr::Kind::Range: return toString(e.args[0]) + QLatin1Char(':') + toString(e.args[1]);
    case Expr::Kind::Position: return QLatin1Char('@') + QString::number(e.value, 'g', 17);
    case Expr::Kind::Name: {
        QString s = printableName(e.spelling.isEmpty() ? e.name : e.spelling);
        if (e.subscripted) {
            QStringList parts;
            for (const Expr &a : e.args)
                parts << toString(a);
            s += QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
        }
        if (e.transposed)
            s += QLatin1Char('\'');
        return s;
    }
    case Expr::Kind::Call: {
        if (isSafeDivision(e))
            return wrap(e.args[0], 6, Follows::Anything) + QLatin1String("//") + wrap(e.args[1], 7, follows);
        QStringList parts;
        for (const Expr &a : e.args)
            parts << toString(a);
        return printableName(e.spelling.isEmpty() ? e.name : e.spelling) + QLatin1Char('(') + parts.join(QLatin1String(", ")) + QLatin1Char(')');
    }
    case Expr::Kind::If:
        return QStringLiteral("IF %1 THEN %2 ELSE %3").arg(toString(e.args[0]), toString(e.args[1]), print(e.args[2], follows));
    case Expr::Kind::Unary: {
        const char *op = e.unaryOp == UnaryOp::Negate ? "-" : e.unaryOp == UnaryOp::Plus ? "+" : "NOT ";
        return QLatin1String(op) + wrap(e.args[0], precedence(e), follows);
    }
    case Expr::Kind::Binary: {
        static const char *const ops[] = {"+", "-", "*", "/", "^", " MOD ", " = ", " <> ", " < ", " <= ", " > ", " >= ", " AND ", " OR "};
        const int p = precedence(e);
        const bool rightAssoc = e.binaryOp == BinaryOp::Power;
        const Follows left = e.binaryOp == BinaryOp::And || e.binaryOp == BinaryOp::Or ? Follows::AndOr : Follows::Anything;
        return wrap(e.args[0], rightAssoc ? p + 1 : p, left) + QLatin1String(ops[int(e.binaryOp)])
               + wrap(e.args[1], rightAssoc ? p : p + 1, follows);
    }
    }
    return {};
}
} // namespace

QString toString(const Expr &e)
{
    return print(e, Follows::Nothing);
}

} // namespace meadows
