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

std::optional<double> numberValue(const Expr &e)
{
    if (e.kind == Expr::Kind::Number)
        return e.value;
    // A number with signs before it: -4, +4, -(-4).
    if (e.kind == Expr::Kind::Unary && (e.unaryOp == UnaryOp::Negate || e.unaryOp == UnaryOp::Plus) && e.args.size() == 1) {
        const std::optional<double> v = numberValue(e.args[0]);
        return v && e.unaryOp == UnaryOp::Negate ? std::optional<double>(-*v) : v;
    }
    return std::nullopt;
}

std::optional<double> numberValue(const QString &equation)
{
    // Asked of every variable when a model is read: a plain number is read directly, and an
    // equation that starts with a letter, a quote or an underscore is no number. Anything
    // else (a sign apart, parentheses, a comment) is parsed.
    const QStringView s = QStringView(equation).trimmed();
    if (s.isEmpty() || s.front().isLetter() || s.front() == u'"' || s.front() == u'_')
        return std::nullopt;
    if (const std::optional<double> plain = plainNumber(s))
        return plain;
    // A name or an operator other than a sign, outside a {comment}, makes it no number;
    // "0.1 + 0.05 * SIN(TIME / 10)" is told without parsing it (the ring benchmark's 1,000
    // such auxiliaries cost 12 M instructions parsed once more here).
    bool comment = false; // comments do not nest (Lexer::skipSpaceAndComments)
    for (const QChar c : s) {
        if (c == u'{' || c == u'}')
            comment = c == u'{';
        else if (!comment && ((c.isLetter() && c != u'e' && c != u'E') || c == u'*' || c == u'/' || c == u'^'))
            return std::nullopt;
    }
    const ParseResult parsed = parseEquation(equation);
    return parsed.ok() && parsed.expr ? numberValue(*parsed.expr) : std::nullopt;
}

} // namespace meadows
