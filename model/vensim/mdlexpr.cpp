#include "mdlexpr.h"

namespace meadows::vensim {

namespace {

const char *describe(Tok kind)
{
    switch (kind) {
    case Tok::End: return "the end of the equation";
    case Tok::RParen: return "')'";
    case Tok::RBracket: return "']'";
    case Tok::LParen: return "'('";
    case Tok::Comma: return "','";
    case Tok::Minus: return "'-'";
    case Tok::Plus: return "'+'";
    case Tok::Star: return "'*'";
    case Tok::Slash: return "'/'";
    case Tok::Caret: return "'^'";
    case Tok::LBracket: return "'['";
    case Tok::Semicolon: return "';'";
    case Tok::Eq: return "'='";
    case Tok::EqEq: return "'=='";
    case Tok::Ne: return "'<>'";
    case Tok::Lt: return "'<'";
    case Tok::Le: return "'<='";
    case Tok::Gt: return "'>'";
    case Tok::Ge: return "'>='";
    case Tok::Bang: return "'!'";
    case Tok::Colon: return "':'";
    case Tok::Assign: return "':='";
    case Tok::Map: return "'->'";
    case Tok::Equiv: return "'<->'";
    default: return "a symbol";
    }
}

} // namespace

// Hostile files nest parentheses thousands deep, or chain a + a + ... a hundred thousand
// times: the parser recurses once per level, and the tree it builds is walked recursively
// later, so both are bounded, with an error at the position rather than a crash. Chains
// are held to the solver's own limit for the XMILE this becomes (solver/parser.cpp).
// Nesting is held to half the solver's: each level costs this parser nine frames (one per
// precedence level), and with AddressSanitizer's larger frames 230 levels overflowed an
// 8 MB stack. No model written by hand nests 128 deep.
constexpr int kMaxNesting = 128;
constexpr int kMaxTreeDepth = 1024;

namespace {

// Counts one level of recursion for as long as it lives.
class NestingGuard {
public:
    explicit NestingGuard(int &nesting) : m_nesting(nesting) { ++m_nesting; }
    ~NestingGuard() { --m_nesting; }
    NestingGuard(const NestingGuard &) = delete;
    NestingGuard &operator=(const NestingGuard &) = delete;
    bool tooDeep() const { return m_nesting > kMaxNesting; }

private:
    int &m_nesting;
};

} // namespace

// Sets a new node's depth from its children's; false, with the error set, past the bound.
bool ExprParser::deepen(Expr &n)
{
    int below = 0;
    for (const Expr &a : n.args)
        below = std::max(below, a.depth);
    n.depth = below + 1;
    if (n.depth <= kMaxTreeDepth)
        return true;
    fail(n.offset, QStringLiteral("the equation is too long: more than %1 operations in one chain").arg(kMaxTreeDepth));
    return false;
}

Expr nameAt(const QString &text, qsizetype offset, std::vector<Subscript> subscripts)
{
    Expr e;
    e.kind = Expr::Kind::Name;
    e.text = text;
    e.subscripts = std::move(subscripts);
    e.offset = offset;
    return e;
}

Expr numberAt(double value, qsizetype offset)
{
    Expr e;
    e.number = value;
    e.offset = offset;
    return e;
}

Expr callAt(const QString &function, std::vector<Expr> args, qsizetype offset)
{
    Expr e;
    e.kind = Expr::Kind::Call;
    e.text = function;
    e.offset = offset;
    e.args = std::move(args);
    return e;
}

bool isCall(const Expr &e, const char *name)
{
    return e.kind == Expr::Kind::Call && e.text.simplified().toUpper().replace(u'_', u' ') == QLatin1String(name);
}

Expr binaryOf(const QString &op, Expr left, Expr right)
{
    Expr e;
    e.kind = Expr::Kind::Binary;
    e.text = op;
    e.offset = left.offset;
    e.args = {std::move(left), std::move(right)};
    return e;
}

std::nullopt_t ExprParser::fail(qsizetype offset, const QString &message)
{
    if (!error)
        error = SyntaxError{offset, message};
    return std::nullopt;
}

bool ExprParser::expect(Tok kind, const char *what)
{
    const Token t = m_lex.next();
    if (t.kind == kind)
        return true;
    fail(t.offset, QStringLiteral("expected %1").arg(QLatin1String(what)));
    return false;
}

std::optional<Expr> ExprParser::parseAll()
{
    std::optional<Expr> e = expression();
    if (!e)
        return std::nullopt;
    Token t = m_lex.peek();
    if (t.kind == Tok::Comma || t.kind == Tok::Semicolon) {
        // A list of numbers: a table of constants for the elements, row by row.
        Expr list;
        list.kind = Expr::Kind::NumberList;
        list.offset = e->offset;
        const auto value = [&](const Expr &x) -> std::optional<double> {
            if (x.kind == Expr::Kind::Number)
                return x.number;
            if (x.kind == Expr::Kind::Unary && x.text == QLatin1String("-") && x.args[0].kind == Expr::Kind::Number)
                return -x.args[0].number;
            return std::nullopt;
        };
        std::optional<double> v = value(*e);
        if (!v)
            return fail(e->offset, QStringLiteral("a list of values must hold plain numbers"));
        list.numbers.push_back(*v);
        std::size_t rowStart = 0;
        qsizetype rowOffset = e->offset;
        const auto endRow = [&] {
            list.rows.push_back({int(list.numbers.size() - rowStart), rowOffset});
            rowStart = list.numbers.size();
        };
        while (t.kind == Tok::Comma || t.kind == Tok::Semicolon) {
            if (t.kind == Tok::Semicolon)
                endRow();
            m_lex.next();
            if (t.kind == Tok::Semicolon)
                rowOffset = m_lex.peek().offset;
            if (m_lex.peek().kind == Tok::End)
                break; // the trailing ';' of a table
            const qsizetype at = m_lex.peek().offset;
            const std::optional<Expr> item = unary();
            if (!item)
                return std::nullopt;
            v = value(*item);
            if (!v)
                return fail(at, QStringLiteral("a list of values must hold plain numbers"));
            list.numbers.push_back(*v);
            t = m_lex.peek();
        }
        if (!list.rows.empty() && rowStart < list.numbers.size())
            endRow(); // a last row with no ';' after it
        e = std::move(list);
    }
    t = m_lex.peek();
    if (t.kind != Tok::End)
        return fail(t.offset, QStringLiteral("unexpected text after the expression"));
    return e;
}

std::optional<Expr> ExprParser::expression()
{
    return binaryLevel(0);
}

// Levels from loosest: :OR:, :AND:, comparisons, + -, * /. :NOT: and the signs sit
// below the comparisons; ^ binds tightest of the binary operators.
std::optional<Expr> ExprParser::binaryLevel(int level)
{
    if (level == 5)
        return unary();
    if (level == 2 && m_lex.peek().kind == Tok::Keyword && m_lex.peek().text == QLatin1String("NOT")) {
        const Token t = m_lex.next();
        const NestingGuard guard(m_nesting);
        if (guard.tooDeep())
            return fail(t.offset, QStringLiteral("the equation nests more than %1 levels deep").arg(kMaxNesting));
        std::optional<Expr> operand = binaryLevel(2);
        if (!operand)
            return std::nullopt;
        Expr n;
        n.kind = Expr::Kind::Unary;
        n.text = QStringLiteral("NOT");
        n.offset = t.offset;
        n.args.push_back(std::move(*operand));
        if (!deepen(n))
            return std::nullopt;
        return n;
    }
    std::optional<Expr> left = binaryLevel(level + 1);
    if (!left)
        return std::nullopt;
    for (;;) {
        const Token t = m_lex.peek();
        QString op;
        switch (level) {
        case 0:
            if (t.kind == Tok::Keyword && t.text == QLatin1String("OR"))
                op = QStringLiteral("OR");
            break;
        case 1:
            if (t.kind == Tok::Keyword && t.text == QLatin1String("AND"))
                op = QStringLiteral("AND");
            break;
        case 2:
            switch (t.kind) {
            case Tok::Eq: op = QStringLiteral("="); break;
            case Tok::Ne: op = QStringLiteral("<>"); break;
            case Tok::Lt: op = QStringLiteral("<"); break;
            case Tok::Le: op = QStringLiteral("<="); break;
            case Tok::Gt: op = QStringLiteral(">"); break;
            case Tok::Ge: op = QStringLiteral(">="); break;
            default: break;
            }
            break;
        case 3:
            if (t.kind == Tok::Plus || t.kind == Tok::Minus)
                op = t.kind == Tok::Plus ? QStringLiteral("+") : QStringLiteral("-");
            break;
        case 4:
            if (t.kind == Tok::Star || t.kind == Tok::Slash)
                op = t.kind == Tok::Star ? QStringLiteral("*") : QStringLiteral("/");
            break;
        }
        if (op.isEmpty())
            return left;
        m_lex.next();
        std::optional<Expr> right = binaryLevel(level + 1);
        if (!right)
            return std::nullopt;
        Expr n;
        n.kind = Expr::Kind::Binary;
        n.text = op;
        n.offset = t.offset;
        n.args.push_back(std::move(*left));
        n.args.push_back(std::move(*right));
        if (!deepen(n))
            return std::nullopt;
        left = std::move(n);
    }
}

// Every nested expression passes through here once (a parenthesis, an argument, a sign):
// the place to bound the recursion.
std::optional<Expr> ExprParser::unary()
{
    const Token t = m_lex.peek();
    const NestingGuard guard(m_nesting);
    if (guard.tooDeep())
        return fail(t.offset, QStringLiteral("the equation nests more than %1 levels deep").arg(kMaxNesting));
    if (t.kind == Tok::Minus || t.kind == Tok::Plus) {
        m_lex.next();
        std::optional<Expr> operand = unary();
        if (!operand)
            return std::nullopt;
        if (t.kind == Tok::Plus)
            return operand;
        Expr n;
        n.kind = Expr::Kind::Unary;
        n.text = QStringLiteral("-");
        n.offset = t.offset;
        n.args.push_back(std::move(*operand));
        if (!deepen(n))
            return std::nullopt;
        return n;
    }
    return power();
}

std::optional<Expr> ExprParser::power()
{
    std::optional<Expr> left = primary();
    if (!left)
        return std::nullopt;
    if (m_lex.peek().kind == Tok::Caret) {
        const Token t = m_lex.next();
        const NestingGuard guard(m_nesting); // 4^3^2^...: one level per ^
        if (guard.tooDeep())
            return fail(t.offset, QStringLiteral("the equation nests more than %1 levels deep").arg(kMaxNesting));
        // Vensim's ^ groups from the right: 4^3^2 is 4^9. The exponent may carry a sign.
        std::optional<Expr> right = m_lex.peek().kind == Tok::Minus || m_lex.peek().kind == Tok::Plus ? unary() : power();
        if (!right)
            return std::nullopt;
        Expr n;
        n.kind = Expr::Kind::Binary;
        n.text = QStringLiteral("^");
        n.offset = t.offset;
        n.args.push_back(std::move(*left));
        n.args.push_back(std::move(*right));
        if (!deepen(n))
            return std::nullopt;
        left = std::move(n);
    }
    return left;
}

std::optional<std::vector<Subscript>> ExprParser::subscriptList()
{
    std::vector<Subscript> subs;
    for (;;) {
        const Token t = m_lex.next();
        if (t.kind != Tok::Name && t.kind != Tok::Number)
            return fail(t.offset, QStringLiteral("expected a subscript name"));
        Subscript s{t.text, false};
        if (m_lex.peek().kind == Tok::Bang) {
            m_lex.next();
            s.bang = true;
        }
        subs.push_back(s);
        const Token sep = m_lex.next();
        if (sep.kind == Tok::RBracket)
            return subs;
        if (sep.kind != Tok::Comma)
            return fail(sep.offset, QStringLiteral("expected ',' or ']' in the subscripts"));
    }
}

std::optional<Expr> ExprParser::primary()
{
    const Token t = m_lex.next();
    Expr n;
    n.offset = t.offset;
    switch (t.kind) {
    case Tok::Number:
        if (!t.numberProblem.isEmpty())
            return fail(t.offset, t.numberProblem);
        n.kind = Expr::Kind::Number;
        n.number = t.number;
        n.text = t.text;
        return n;
    case Tok::Keyword:
        if (t.text == QLatin1String("NA")) {
            n.kind = Expr::Kind::NotAvailable;
            return n;
        }
        return fail(t.offset, QStringLiteral("unexpected :%1: in an expression").arg(t.text));
    case Tok::Name: {
        n.text = t.text;
        if (m_lex.peek().kind == Tok::LBracket) {
            m_lex.next();
            std::optional<std::vector<Subscript>> subs = subscriptList();
            if (!subs)
                return std::nullopt;
            n.subscripts = std::move(*subs);
        }
        if (m_lex.peek().kind == Tok::LParen && !t.quoted
            && t.text.simplified().toUpper().replace(u'_', u' ') == QLatin1String("TABBED ARRAY")) {
            // TABBED ARRAY(1 2 3 ...): numbers separated by blank space, row by row.
            m_lex.next();
            n.kind = Expr::Kind::NumberList;
            while (m_lex.peek().kind != Tok::RParen) {
                const std::optional<double> v = signedNumber();
                if (!v)
                    return std::nullopt;
                n.numbers.push_back(*v);
            }
            m_lex.next();
            return n;
        }
        // A call; a subscripted lookup is called as name[subs](x), and a lookup whose name is
        // in double quotes as "name"(x) (SDEverywhere's flatten model, run in Vensim).
        if (m_lex.peek().kind == Tok::LParen && !t.singleQuoted) {
            const qsizetype open = m_lex.next().offset;
            n.kind = Expr::Kind::Call;
            if (m_lex.peek().kind == Tok::RParen) {
                m_lex.next();
                return n;
            }
            for (;;) {
                // WITH LOOKUP's table is an argument.
                const Token a = m_lex.peek();
                std::optional<Expr> arg;
                if (a.kind == Tok::LParen && (m_lex.peek(1).kind == Tok::LBracket
                                              || (m_lex.peek(1).kind == Tok::LParen))) {
                    m_lex.next();
                    arg = lookupLiteral(a.offset, true);
                } else {
                    arg = expression();
                }
                if (!arg)
                    return std::nullopt;
                n.args.push_back(std::move(*arg));
                Token sep = m_lex.next();
                // A macro's extra outputs: "M(a, b : out1, out2)" names the variables that take them.
                while (sep.kind == Tok::Colon || (sep.kind == Tok::Comma && !n.outputs.empty())) {
                    std::optional<Expr> output = expression();
                    if (!output)
                        return std::nullopt;
                    if (output->kind != Expr::Kind::Name)
                        return fail(output->offset, QStringLiteral("after ':' in the arguments of %1, only names of variables "
                                                                   "that take the macro's outputs").arg(t.text));
                    n.outputs.push_back(std::move(*output));
                    sep = m_lex.next();
                }
                if (sep.kind == Tok::RParen) {
                    if (!deepen(n)) // a call's depth counts its arguments', as an operator's does
                        return std::nullopt;
                    return n;
                }
                if (sep.kind != Tok::Comma)
                    return fail(sep.offset, QStringLiteral("expected ',' or ')' in the arguments of %1 (opened at %2)")
                                                .arg(t.text, m_lex.lineAndColumn(open)));
            }
        }
        n.kind = Expr::Kind::Name;
        return n;
    }
    case Tok::LParen: {
        if (m_lex.peek().kind == Tok::LBracket
            || (m_lex.peek().kind == Tok::LParen && (m_lex.peek(1).kind == Tok::Number || m_lex.peek(1).kind == Tok::Minus)))
            return lookupLiteral(t.offset, true);
        std::optional<Expr> inner = expression();
        if (!inner || !expect(Tok::RParen, "')'"))
            return std::nullopt;
        return inner;
    }
    case Tok::End:
        return fail(t.offset, QStringLiteral("the expression ends early"));
    default:
        return fail(t.offset, QStringLiteral("unexpected %1 in an expression")
                                  .arg(t.text.isEmpty() ? QString::fromLatin1(describe(t.kind)) : QLatin1Char('\'') + t.text + QLatin1Char('\'')));
    }
}

std::optional<double> ExprParser::signedNumber()
{
    Token t = m_lex.next();
    double sign = 1;
    while (t.kind == Tok::Minus || t.kind == Tok::Plus) {
        if (t.kind == Tok::Minus)
            sign = -sign;
        t = m_lex.next();
    }
    if (t.kind != Tok::Number)
        return fail(t.offset, QStringLiteral("expected a number in the lookup table"));
    if (!t.numberProblem.isEmpty())
        return fail(t.offset, t.numberProblem);
    return sign * t.number;
}

std::optional<std::pair<double, double>> ExprParser::point()
{
    if (!expect(Tok::LParen, "'(' before a point"))
        return std::nullopt;
    const std::optional<double> x = signedNumber();
    if (!x || !expect(Tok::Comma, "','"))
        return std::nullopt;
    const std::optional<double> y = signedNumber();
    if (!y || !expect(Tok::RParen, "')' after a point"))
        return std::nullopt;
    return std::make_pair(*x, *y);
}

std::optional<Expr> ExprParser::parseLookupBody(qsizetype at)
{
    if (m_lex.peek().kind == Tok::Name && m_lex.peek(1).kind == Tok::LParen) {
        // "name(GET XLS LOOKUPS(...))": a table read from a file (mdlgetdata.cpp reads it).
        std::optional<Expr> call = expression();
        if (!call || !expect(Tok::RParen, "')' after the function reading the lookup"))
            return std::nullopt;
        if (m_lex.peek().kind != Tok::End)
            return fail(m_lex.peek().offset, QStringLiteral("unexpected text after the lookup"));
        return call;
    }
    std::optional<Expr> e = lookupLiteral(at, true);
    if (e && m_lex.peek().kind != Tok::End)
        return fail(m_lex.peek().offset, QStringLiteral("unexpected text after the lookup table"));
    return e;
}

// After the '(' : [(xmin,ymin)-(xmax,ymax)], (x,y), ... ')'. Also the form with the x
// values then the y values as plain numbers.
std::optional<Expr> ExprParser::lookupLiteral(qsizetype at, bool closeParen)
{
    Expr n;
    n.kind = Expr::Kind::Lookup;
    n.offset = at;
    if (m_lex.peek().kind == Tok::Name)
        return fail(m_lex.peek().offset, QStringLiteral("a lookup read with %1 is not supported: Meadows reads lookups "
                                                        "written as points").arg(m_lex.peek().text));
    if (m_lex.peek().kind == Tok::LBracket) {
        m_lex.next();
        const auto low = point();
        if (!low || !expect(Tok::Minus, "'-' between the corners of the range"))
            return std::nullopt;
        const auto high = point();
        if (!high)
            return std::nullopt;
        n.table.xrange = std::make_pair(low->first, high->first);
        n.table.yrange = std::make_pair(low->second, high->second);
        // Reference lines Vensim may keep inside the range brackets.
        while (m_lex.peek().kind == Tok::Comma) {
            m_lex.next();
            if (!point())
                return std::nullopt;
        }
        if (!expect(Tok::RBracket, "']' after the range"))
            return std::nullopt;
        if (m_lex.peek().kind == Tok::Comma)
            m_lex.next();
    }
    if (m_lex.peek().kind == Tok::LParen) {
        for (;;) {
            const auto p = point();
            if (!p)
                return std::nullopt;
            n.table.xs.push_back(p->first);
            n.table.ys.push_back(p->second);
            if (m_lex.peek().kind != Tok::Comma)
                break;
            m_lex.next();
        }
    } else {
        // x1, x2, ..., y1, y2, ...: half the numbers are xs.
        std::vector<double> all;
        for (;;) {
            const auto v = signedNumber();
            if (!v)
                return std::nullopt;
            all.push_back(*v);
            if (m_lex.peek().kind != Tok::Comma)
                break;
            m_lex.next();
        }
        if (all.size() % 2 != 0)
            return fail(at, QStringLiteral("a lookup given as x values then y values needs as many of each"));
        n.table.xs.assign(all.begin(), all.begin() + all.size() / 2);
        n.table.ys.assign(all.begin() + all.size() / 2, all.end());
    }
    if (closeParen && !expect(Tok::RParen, "')' at the end of the lookup table"))
        return std::nullopt;
    return n;
}

} // namespace meadows::vensim
