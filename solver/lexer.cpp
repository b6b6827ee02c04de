#include "lexer.h"

#include "model/names.h"
#include "model/numberliteral.h"

#include <charconv>
#include <cmath>

namespace meadows {

Token Lexer::next()
{
    if (std::optional<Token> comment = skipSpaceAndComments())
        return *comment;
    Token t;
    t.offset = m_i;
    if (m_error) {
        t.kind = TokenKind::Error;
        t.text = *m_error;
        t.offset = m_errorOffset;
        return t;
    }
    if (m_i >= m_s.size()) {
        t.kind = TokenKind::End;
        return t;
    }
    const QChar c = m_s[m_i];
    if (c.isDigit() || (c == u'.' && m_i + 1 < m_s.size() && m_s[m_i + 1].isDigit()))
        return number(t);
    if (c == u'"')
        return quotedName(t);
    if (isNameStart(c))
        return name(t);
    ++m_i;
    t.length = 1;
    switch (c.unicode()) {
    case '(': t.kind = TokenKind::LParen; return t;
    case ')': t.kind = TokenKind::RParen; return t;
    case '[': t.kind = TokenKind::LBracket; return t;
    case ']': t.kind = TokenKind::RBracket; return t;
    case ',': t.kind = TokenKind::Comma; return t;
    case ':': t.kind = TokenKind::Colon; return t;
    case '+': case '-': case '*': case '/': case '^': case '%':
        t.kind = TokenKind::Op;
        t.text = c;
        if (c == u'/' && peekChar('/')) { ++m_i; t.text = QStringLiteral("//"); t.length = 2; } // Stella's safe division
        return t;
    case '=':
        t.kind = TokenKind::Op;
        t.text = QStringLiteral("=");
        if (peekChar('=')) { ++m_i; t.length = 2; }
        return t;
    case '<':
        t.kind = TokenKind::Op;
        t.text = QStringLiteral("<");
        if (peekChar('=')) { ++m_i; t.text = QStringLiteral("<="); t.length = 2; }
        else if (peekChar('>')) { ++m_i; t.text = QStringLiteral("<>"); t.length = 2; }
        return t;
    case '>':
        t.kind = TokenKind::Op;
        t.text = QStringLiteral(">");
        if (peekChar('=')) { ++m_i; t.text = QStringLiteral(">="); t.length = 2; }
        return t;
    case '!':
        t.kind = TokenKind::Op;
        t.text = QStringLiteral("not");
        if (peekChar('=')) { ++m_i; t.text = QStringLiteral("<>"); t.length = 2; }
        return t;
    // XMILE 1.0 §3.7.1.1 "Array Operations": the dimension position operator (a[@2, @1])
    // and the transposition operator (a', a[M, 1, N]').
    case '@':
    case '\'':
        t.kind = TokenKind::Op;
        t.text = c;
        return t;
    case '&':
        if (peekChar('&')) { ++m_i; t.kind = TokenKind::Op; t.text = QStringLiteral("and"); t.length = 2; return t; }
        break;
    case '|':
        if (peekChar('|')) { ++m_i; t.kind = TokenKind::Op; t.text = QStringLiteral("or"); t.length = 2; return t; }
        break;
    case '.':
        if (m_mode == Mode::Tools) { // between the parts of "module.member"
            t.kind = TokenKind::Op;
            t.text = QStringLiteral(".");
            return t;
        }
        break;
    default:
        break;
    }
    t.kind = TokenKind::Error;
    // A control character prints as nothing: name it by its code point instead.
    t.text = c.isPrint() ? QStringLiteral("unexpected character '%1'").arg(c)
                         : QStringLiteral("unexpected control character U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    return t;
}

// Skips blanks and, when parsing, {comments}; for tools, returns a comment as a token.
std::optional<Token> Lexer::skipSpaceAndComments()
{
    while (m_i < m_s.size()) {
        const QChar c = m_s[m_i];
        if (c.isSpace()) {
            ++m_i;
        } else if (c == u'{') {
            const int start = m_i;
            const int close = int(m_s.indexOf(u'}', m_i));
            if (m_mode == Mode::Tools) {
                m_i = close < 0 ? int(m_s.size()) : close + 1;
                Token t;
                t.kind = TokenKind::Comment;
                t.offset = start;
                t.length = m_i - start;
                t.text = m_s.mid(start, t.length);
                return t;
            }
            if (close < 0) {
                m_error = QStringLiteral("unterminated comment: '{' has no closing '}'");
                m_errorOffset = start;
                m_i = int(m_s.size());
                return std::nullopt;
            }
            m_i = close + 1;
        } else if (c == u'\\' && m_i + 1 < m_s.size() && m_s[m_i + 1] == u'\n') {
            m_i += 2; // Vensim's line continuation
        } else {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::optional<double> plainNumber(QStringView text)
{
    char digits[64];
    if (text.isEmpty() || text.size() >= qsizetype(sizeof digits))
        return std::nullopt;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (!((u >= u'0' && u <= u'9') || u == u'.' || u == u'e' || u == u'E' || u == u'-' || u == u'+'))
            return std::nullopt;
        digits[i] = char(u);
    }
    double value = 0;
    const char *end = digits + text.size();
    const auto [stop, problem] = std::from_chars(digits, end, value);
    if (problem != std::errc() || stop != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

Token Lexer::number(Token t)
{
    int j = m_i;
    while (j < m_s.size() && m_s[j].isDigit()) ++j;
    if (j < m_s.size() && m_s[j] == u'.') {
        ++j;
        while (j < m_s.size() && m_s[j].isDigit()) ++j;
    }
    if (j < m_s.size() && (m_s[j] == u'e' || m_s[j] == u'E')) {
        int k = j + 1;
        if (k < m_s.size() && (m_s[k] == u'+' || m_s[k] == u'-')) ++k;
        if (k < m_s.size() && m_s[k].isDigit()) {
            while (k < m_s.size() && m_s[k].isDigit()) ++k;
            j = k;
        }
    }
    t.kind = TokenKind::Number;
    t.text = m_s.mid(m_i, j - m_i);
    t.length = j - m_i;
    m_i = j;
    if (const std::optional<double> plain = plainNumber(t.text)) {
        t.value = *plain;
        return t;
    }
    NumberLiteral literal = readNumberLiteral(t.text);
    t.value = literal.value;
    if (!literal.problem.isEmpty()) {
        t.kind = TokenKind::Error;
        t.text = std::move(literal.problem);
    }
    return t;
}

Token Lexer::quotedName(Token t)
{
    t.member = t.offset > 0 && m_s[t.offset - 1] == u'.';
    // A quote inside the name is written \" (equationName in model/names.h); \\ is a backslash.
    int close = m_i + 1;
    while (close < m_s.size() && m_s[close] != u'"')
        close += m_s[close] == u'\\' && close + 1 < m_s.size() ? 2 : 1;
    if (close >= m_s.size())
        close = -1;
    if (close < 0) {
        if (m_mode == Mode::Tools) { // the name runs to the end
            t.kind = TokenKind::Name;
            t.quoted = true;
            t.text = m_s.mid(m_i + 1);
            t.length = int(m_s.size()) - m_i;
            m_i = int(m_s.size());
            return t;
        }
        t.kind = TokenKind::Error;
        t.text = QStringLiteral("unterminated quoted name: '\"' has no closing '\"'");
        m_i = int(m_s.size());
        return t;
    }
    t.kind = TokenKind::Name;
    t.quoted = true;
    t.text = nameFromQuoted(QStringView(m_s).mid(m_i + 1, close - m_i - 1));
    m_i = close + 1;
    t.length = m_i - t.offset;
    if (m_mode == Mode::Tools)
        return t;
    if (t.text.trimmed().isEmpty()) {
        t.kind = TokenKind::Error;
        t.text = QStringLiteral("a quoted name cannot be empty");
        return t;
    }
    // A quoted name may continue with a module member: "my module".var
    while (m_i < m_s.size() && m_s[m_i] == u'.' && m_i + 1 < m_s.size() && (isNameStart(m_s[m_i + 1]) || m_s[m_i + 1] == u'"')) {
        ++m_i;
        Token rest;
        rest.offset = m_i;
        rest = m_s[m_i] == u'"' ? quotedName(rest) : name(rest);
        if (rest.kind == TokenKind::Error)
            return rest;
        t.text += u'.' + rest.text;
    }
    t.length = m_i - t.offset;
    return t;
}

Token Lexer::name(Token t)
{
    int j = m_i;
    while (j < m_s.size() && isNameChar(m_s[j]))
        ++j;
    // A trailing '.' belongs to no name; nor does a trailing apostrophe, which is XMILE's
    // transposition (a'): names hold one only inside (Stella's year's_sales), and a variable
    // whose name ends in one is found by Flattener::names.
    while (j > m_i + 1 && m_s[j - 1] == u'.')
        --j;
    while (j > m_i + 1 && m_s[j - 1] == u'\'')
        --j;
    t.kind = TokenKind::Name;
    t.text = m_s.mid(m_i, j - m_i);
    t.length = j - m_i;
    t.member = m_mode == Mode::Tools && t.offset > 0 && m_s[t.offset - 1] == u'.';
    m_i = j;
    return t;
}

std::vector<Token> tokenize(const QString &text)
{
    std::vector<Token> tokens;
    Lexer lexer(text, Lexer::Mode::Tools);
    for (;;) {
        Token t = lexer.next();
        if (t.kind == TokenKind::End)
            return tokens;
        tokens.push_back(std::move(t));
    }
}

} // namespace meadows
