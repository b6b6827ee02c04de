#include "parser.h"
#include "lexer.h"

#include "model/names.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace meadows {

namespace {

using Tok = TokenKind;

struct Failure {
    ParseError error;
};

// Two bounds. The parser's own recursion (parentheses, prefix operators, arguments) is
// held to kMaxDepth. The tree it builds is walked recursively everywhere later
// (flattening, code generation, printing); a flat chain "a + b + c ..." is parsed by a
// loop but still makes a tree one level deeper per term, so the tree gets a looser
// bound, kMaxTreeDepth, measured to stay well within an 8 MB stack in every walk.
constexpr int kMaxDepth = 256;
// 10,000 ran in an ordinary build; 4,000 overflowed an 8 MB stack under AddressSanitizer,
// whose frames are larger, as a worker thread with a smaller stack could: 1,024 leaves room.
constexpr int kMaxTreeDepth = 1024;

class Parser {
public:
    explicit Parser(const QString &s) : m_lexer(s) { advance(); }

    Expr parseAll()
    {
        Expr e = expression();
        if (m_tok.kind != Tok::End)
            fail(m_tok.offset, QStringLiteral("unexpected %1 after the end of the expression").arg(describe(m_tok)));
        return e;
    }

private:
    [[noreturn]] void fail(int offset, const QString &message) { throw Failure{{offset, message}}; }

    static QString describe(const Token &t)
    {
        switch (t.kind) {
        case Tok::End: return QStringLiteral("end of equation");
        case Tok::Number: return QStringLiteral("number '%1'").arg(t.text);
        case Tok::Name: return QStringLiteral("name '%1'").arg(t.text);
        case Tok::LParen: return QStringLiteral("'('");
        case Tok::RParen: return QStringLiteral("')'");
        case Tok::LBracket: return QStringLiteral("'['");
        case Tok::RBracket: return QStringLiteral("']'");
        case Tok::Comma: return QStringLiteral("','");
        case Tok::Colon: return QStringLiteral("':'");
        case Tok::Op: return QStringLiteral("'%1'").arg(t.text);
        case Tok::Comment: return QStringLiteral("a comment");
        case Tok::Error: return t.text;
        }
        return {};
    }

    void advance()
    {
        m_tok = m_lexer.next();
        if (m_tok.kind == Tok::Error)
            fail(m_tok.offset, m_tok.text);
    }

    bool isKeyword(const char *kw) const
    {
        return m_tok.kind == Tok::Name && !m_tok.quoted && m_tok.text.compare(QLatin1String(kw), Qt::CaseInsensitive) == 0;
    }
    bool isOp(const char *op) const
    {
        return m_tok.kind == Tok::Op && m_tok.text == QLatin1String(op);
    }

    bool nextIsLParen() const
    {
        Lexer ahead = m_lexer;
        return ahead.next().kind == Tok::LParen;
    }

    bool isAnyKeyword() const
    {
        for (const char *kw : {"if", "then", "else", "and", "or", "not", "mod"}) {
            if (isKeyword(kw))
                return true;
        }
        return false;
    }

    void expect(Tok kind, const char *what)
    {
        if (m_tok.kind != kind)
            fail(m_tok.offset, QStringLiteral("expected %1 but found %2").arg(QLatin1String(what), describe(m_tok)));
        advance();
    }

    // Counts recursive descent, which parentheses and prefix operators deepen before
    // any node exists to measure.
    struct NestingGuard {
        Parser &p;
        explicit NestingGuard(Parser &parser) : p(parser)
        {
            if (++p.m_nesting > kMaxDepth)
                p.fail(p.m_tok.offset, QStringLiteral("the equation nests more than %1 levels deep").arg(kMaxDepth));
        }
        ~NestingGuard() { --p.m_nesting; }
    };

    // Sets a new node's depth from its children and refuses trees too deep to walk.
    void deepen(Expr &e)
    {
        int below = 0;
        for (const Expr &a : e.args)
            below = std::max(below, a.depth);
        e.depth = below + 1;
        if (e.depth > kMaxTreeDepth)
            fail(e.offset, QStringLiteral("the equation is too long: more than %1 operations in one chain").arg(kMaxTreeDepth));
    }

    Expr binary(BinaryOp op, Expr lhs, Expr rhs)
    {
        Expr e;
        e.kind = Expr::Kind::Binary;
        e.binaryOp = op;
        e.offset = lhs.offset;
        e.length = rhs.offset + rhs.length - lhs.offset;
        e.args.push_back(std::move(lhs));
        e.args.push_back(std::move(rhs));
        deepen(e);
        return e;
    }

    Expr expression()
    {
        // Parentheses nest calls without making nodes: count the calls too.
        const NestingGuard guard(*this);
        Expr e = isKeyword("if") ? ifExpression() : orExpression();
        deepen(e);
        return e;
    }

    Expr ifExpression()
    {
        Expr e;
        e.kind = Expr::Kind::If;
        e.offset = m_tok.offset;
        advance();
        e.args.push_back(expression());
        if (!isKeyword("then"))
            fail(m_tok.offset, QStringLiteral("expected THEN but found %1").arg(describe(m_tok)));
        advance();
        e.args.push_back(expression());
        if (!isKeyword("else"))
            fail(m_tok.offset, QStringLiteral("expected ELSE but found %1 (IF needs THEN and ELSE)").arg(describe(m_tok)));
        advance();
        e.args.push_back(expression());
        e.length = e.args[2].offset + e.args[2].length - e.offset;
        return e;
    }

    Expr orExpression()
    {
        Expr lhs = andExpression();
        while (isKeyword("or") || isOp("or")) {
            advance();
            lhs = binary(BinaryOp::Or, std::move(lhs), andExpression());
        }
        return lhs;
    }

    Expr andExpression()
    {
        Expr lhs = notExpression();
        while (isKeyword("and") || isOp("and")) {
            advance();
            lhs = binary(BinaryOp::And, std::move(lhs), notExpression());
        }
        return lhs;
    }

    Expr notExpression()
    {
        const NestingGuard guard(*this);
        if (isKeyword("not") || isOp("not")) {
            Expr e;
            e.kind = Expr::Kind::Unary;
            e.unaryOp = UnaryOp::Not;
            e.offset = m_tok.offset;
            advance();
            e.args.push_back(notExpression());
            e.length = e.args[0].offset + e.args[0].length - e.offset;
            deepen(e);
            return e;
        }
        return comparison();
    }

    Expr comparison()
    {
        Expr lhs = additive();
        for (;;) {
            BinaryOp op;
            if (isOp("=")) op = BinaryOp::Equal;
            else if (isOp("<>")) op = BinaryOp::NotEqual;
            else if (isOp("<")) op = BinaryOp::Less;
            else if (isOp("<=")) op = BinaryOp::LessEqual;
            else if (isOp(">")) op = BinaryOp::Greater;
            else if (isOp(">=")) op = BinaryOp::GreaterEqual;
            else return lhs;
            advance();
            lhs = binary(op, std::move(lhs), additive());
        }
    }

    Expr additive()
    {
        Expr lhs = multiplicative();
        for (;;) {
            BinaryOp op;
            if (isOp("+")) op = BinaryOp::Add;
            else if (isOp("-")) op = BinaryOp::Subtract;
            else return lhs;
            advance();
            lhs = binary(op, std::move(lhs), multiplicative());
        }
    }

    Expr multiplicative()
    {
        Expr lhs = unary();
        for (;;) {
            BinaryOp op;
            if (isOp("//")) { // Stella: a // b is a / b, or 0 when b is 0: SAFEDIV(a, b)
                advance();
                Expr rhs = unary();
                Expr e;
                e.kind = Expr::Kind::Call;
                e.name = QStringLiteral("safediv");
                e.spelling = QStringLiteral("SAFEDIV");
                e.offset = lhs.offset;
                e.length = rhs.offset + rhs.length - lhs.offset;
                e.args.push_back(std::move(lhs));
                e.args.push_back(std::move(rhs));
                deepen(e);
                lhs = std::move(e);
                continue;
            }
            if (isOp("*")) op = BinaryOp::Multiply;
            else if (isOp("/")) op = BinaryOp::Divide;
            else if (isOp("%") || isKeyword("mod")) op = BinaryOp::Modulo;
            else return lhs;
            advance();
            lhs = binary(op, std::move(lhs), unary());
        }
    }

    // Unary minus binds looser than '^': -2^2 is -4, as in Stella and Vensim.
    Expr unary()
    {
        const NestingGuard guard(*this);
        if (isOp("-") || isOp("+")) {
            Expr e;
            e.kind = Expr::Kind::Unary;
            e.unaryOp = isOp("-") ? UnaryOp::Negate : UnaryOp::Plus;
            e.offset = m_tok.offset;
            advance();
            e.args.push_back(unary());
            e.length = e.args[0].offset + e.args[0].length - e.offset;
            deepen(e);
            return e;
        }
        if (isKeyword("not") || isOp("not"))
            return notExpression();
        return power();
    }

    // '^' is right-associative: 2^3^2 = 2^9.
    Expr power()
    {
        Expr base = postfix();
        if (isOp("^")) {
            advance();
            return binary(BinaryOp::Power, std::move(base), unary());
        }
        return base;
    }

    Expr postfix()
    {
        const Token t = m_tok;
        switch (t.kind) {
        case Tok::Number: {
            advance();
            Expr e = Expr::number(t.value, t.offset);
            e.length = t.length;
            return e;
        }
        case Tok::LParen: {
            advance();
            Expr e = expression();
            if (m_tok.kind != Tok::RParen)
                fail(m_tok.kind == Tok::End ? t.offset : m_tok.offset,
                     m_tok.kind == Tok::End ? QStringLiteral("'(' is never closed")
                                            : QStringLiteral("expected ')' but found %1").arg(describe(m_tok)));
            advance();
            return e;
        }
        case Tok::Name: {
            if (isKeyword("mod") && nextIsLParen())
                ; // MOD(a, b): the function, not the operator
            else if (!t.quoted && (isKeyword("then") || isKeyword("else") || isKeyword("and") || isKeyword("or") || isKeyword("mod")))
                fail(t.offset, QStringLiteral("expected a value but found the keyword '%1'").arg(t.text));
            if (isKeyword("if"))
                return ifExpression();
            advance();
            Expr e;
            e.offset = t.offset;
            e.length = t.length;
            e.spelling = t.text;
            // Some writers (xmutil's macros) leave names with spaces unquoted: two plain
            // names in a row can mean nothing else, so they are one name.
            while (!t.quoted && m_tok.kind == Tok::Name && !m_tok.quoted && !isAnyKeyword()) {
                e.spelling += QLatin1Char(' ') + m_tok.text;
                e.length = m_tok.offset + m_tok.length - e.offset;
                advance();
            }
            e.name = canonicalName(e.spelling);
            if (m_tok.kind == Tok::LParen) {
                e.kind = Expr::Kind::Call;
                advance();
                if (m_tok.kind != Tok::RParen) {
                    for (;;) {
                        e.args.push_back(expression());
                        if (m_tok.kind == Tok::Comma) {
                            advance();
                            continue;
                        }
                        break;
                    }
                }
                if (m_tok.kind != Tok::RParen)
                    fail(m_tok.offset, m_tok.kind == Tok::End
                                           ? QStringLiteral("the call to %1 is never closed with ')'").arg(t.text)
                                           : QStringLiteral("expected ',' or ')' in the call to %1 but found %2").arg(t.text, describe(m_tok)));
                e.length = m_tok.offset + 1 - e.offset;
                advance();
                return e;
            }
            e.kind = Expr::Kind::Name;
            if (m_tok.kind == Tok::LBracket) {
                e.subscripted = true;
                advance();
                for (;;) {
                    e.args.push_back(subscript());
                    if (m_tok.kind == Tok::Comma) {
                        advance();
                        continue;
                    }
                    break;
                }
                if (m_tok.kind != Tok::RBracket)
                    fail(m_tok.offset, QStringLiteral("expected ',' or ']' in the subscript of %1 but found %2").arg(t.text, describe(m_tok)));
                e.length = m_tok.offset + 1 - e.offset;
                advance();
            }
            if (isOp("'")) { // XMILE's transposition, a' and a[M, 1, N]': above '^' (§3.7.1.1)
                e.transposed = true;
                e.length = m_tok.offset + 1 - e.offset;
                advance();
            }
            return e;
        }
        case Tok::End:
            fail(t.offset, QStringLiteral("the equation ends where a value was expected"));
        default:
            fail(t.offset, QStringLiteral("expected a value but found %1").arg(describe(t)));
        }
    }

    // One subscript: an expression, '*' (every element), Stella's "*:Sub" (the elements of
    // the subrange Sub) or a range "lo:hi" of positions or element names.
    Expr subscript()
    {
        if (isOp("@")) { // XMILE's dimension position: the equation's own k-th dimension (§3.7.1.1)
            Expr e;
            e.kind = Expr::Kind::Position;
            e.offset = m_tok.offset;
            advance();
            if (m_tok.kind != Tok::Number || m_tok.value < 1 || m_tok.value != std::floor(m_tok.value) || m_tok.value > 1e6)
                fail(m_tok.offset, QStringLiteral("expected a dimension's position after '@' (@1 for the first) but found %1")
                                       .arg(describe(m_tok)));
            e.value = m_tok.value;
            e.length = m_tok.offset + m_tok.length - e.offset;
            advance();
            return e;
        }
        if (isOp("*")) {
            Expr e;
            e.kind = Expr::Kind::Star;
            e.offset = m_tok.offset;
            e.length = 1;
            advance();
            if (m_tok.kind == Tok::Colon) {
                advance();
                if (m_tok.kind != Tok::Name)
                    fail(m_tok.offset, QStringLiteral("expected a dimension's name after '*:' but found %1").arg(describe(m_tok)));
                e.spelling = m_tok.text;
                e.name = canonicalName(m_tok.text);
                e.length = m_tok.offset + m_tok.length - e.offset;
                advance();
            }
            return e;
        }
        Expr first = expression();
        if (m_tok.kind != Tok::Colon)
            return first;
        advance();
        Expr range;
        range.kind = Expr::Kind::Range;
        range.offset = first.offset;
        range.args.push_back(std::move(first));
        range.args.push_back(expression());
        range.length = range.args[1].offset + range.args[1].length - range.offset;
        deepen(range);
        return range;
    }

    Lexer m_lexer;
    Token m_tok;
    int m_nesting = 0;
};

} // namespace

ParseResult parseEquation(const QString &text)
{
    ParseResult result;
    try {
        Parser parser(text);
        result.expr = parser.parseAll();
    } catch (const Failure &f) {
        if (f.error.message == QLatin1String("the equation ends where a value was expected") && text.trimmed().isEmpty())
            return result; // blank: no equation, and no error either
        Lexer probe(text);
        if (probe.next().kind == Tok::End)
            return result; // only a comment
        result.error = f.error;
    }
    return result;
}

// ---- printing -------------------------------------------------------------------------

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

std::optional<double> numberValue(const Expr &e)
{
    if (e.kind == Expr::Kind::Number)
        return e.value;
    if (e.kind == Expr::Kind::Unary && e.unaryOp == UnaryOp::Negate && e.args.size() == 1
        && e.args[0].kind == Expr::Kind::Number)
        return -e.args[0].value;
    return std::nullopt;
}

std::optional<double> numberValue(const QString &equation)
{
    const ParseResult parsed = parseEquation(equation);
    return parsed.ok() && parsed.expr ? numberValue(*parsed.expr) : std::nullopt;
}

} // namespace meadows
