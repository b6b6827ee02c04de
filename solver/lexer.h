#pragma once
// The lexer of the XMILE expression language, shared by everything that reads equation
// text: the parser (parser.cpp), renaming and listing names (references.cpp) and the
// editor's highlighter. One home for what a number, a name, a quoted name, a comment
// and an operator are.
#include <QString>
#include <optional>
#include <vector>

namespace meadows {

enum class TokenKind { End, Number, Name, LParen, RParen, LBracket, RBracket, Comma, Colon, Op, Comment, Error };

struct Token {
    TokenKind kind = TokenKind::End;
    QString text; // operator text, the name as written (quotes removed), or an error's message
    double value = 0;
    int offset = 0; // 0-based, into the equation text
    int length = 0;
    bool quoted = false;
    bool member = false; // a name right after '.': the member part of "module.member" (tokenize() only)
};

class Lexer {
public:
    enum class Mode {
        Parsing, // for the parser: comments skipped, "module.member" one name, stops at the first error
        Tools,   // for tokenize(): comments are tokens, names split at '.', every character is covered
    };

    explicit Lexer(const QString &s, Mode mode = Mode::Parsing) : m_s(s), m_mode(mode) {}

    Token next();

private:
    static bool isNameStart(QChar c) { return c.isLetter() || c == u'_' || c == u'$' || c.unicode() > 127; }
    bool isNameChar(QChar c) const
    {
        return isNameStart(c) || c.isDigit() || c == u'\'' || (c == u'.' && m_mode == Mode::Parsing);
    }
    bool peekChar(char c) const { return m_i < m_s.size() && m_s[m_i] == QLatin1Char(c); }
    std::optional<Token> skipSpaceAndComments();
    Token number(Token t);
    Token quotedName(Token t);
    Token name(Token t);

    const QString &m_s;
    Mode m_mode;
    int m_i = 0;
    std::optional<QString> m_error;
    int m_errorOffset = 0;
};

// Every token of an equation, in order, comments included, for tools that work on the
// text: names split at '.' (the parts after a '.' marked `member`), and lexing goes on
// past errors (an unterminated comment or quote runs to the end). Ends before TokenKind::End.
std::vector<Token> tokenize(const QString &text);

// The value of `text` when all of it is one finite number as equations write it (digits, a
// point, an exponent, a leading minus); nullopt otherwise, and for what the caller should
// read more carefully (an underflow). Read with std::from_chars, where QString::toDouble
// converts the text first: numbers are read for every equation when a model is.
std::optional<double> plainNumber(QStringView text);

} // namespace meadows
