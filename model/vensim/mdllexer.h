#pragma once
// Tokens of Vensim's .mdl equation text: numbers, names (which may hold spaces, as in
// "IF THEN ELSE" or "Birth Rate"), quoted names, operators, and the :KEYWORDS: such as
// :AND: and :EXCEPT:. Offsets are into the whole file's text, so every message can name
// the line and column.
#include <QString>

namespace meadows::vensim {

enum class Tok {
    End, Number, Name, Keyword, LParen, RParen, LBracket, RBracket, Comma, Semicolon,
    Plus, Minus, Star, Slash, Caret, Eq, Ne, Lt, Le, Gt, Ge, Bang, Colon, Assign, EqEq,
    Map, Equiv, Other
};

struct Token {
    Tok kind = Tok::End;
    QString text;   // a name as written (quotes removed, inner whitespace folded), a keyword upper-cased without colons
    qsizetype offset = 0;
    double number = 0;
    bool quoted = false;
    bool singleQuoted = false; // 'text': a GET function's string argument, never a name called
    QString numberProblem;     // why a Number reads as none (too large, digits of another script)
};

// The name inside a quoted name's quotes, as a name of the model (model/names.h): Vensim writes
// a quote in it as \" and keeps that backslash and every other in the name (its output calls
// "a \"b\"" just that, and "Stock with \n Newline" has a backslash and an n), so each becomes
// XMILE's escaped backslash, \\. A backslash that ends a line continues the name on the next.
QString quotedNameAsXmile(QStringView inside);

// Text with each backslash that ends a line (Vensim's line continuation) and its line break
// replaced by a space.
QString withoutContinuations(QStringView text);

class Lexer {
public:
    // Tokens of text[begin, end).
    Lexer(const QString &text, qsizetype begin, qsizetype end);
    Token next();
    Token peek(int ahead = 0);
    qsizetype position() const { return m_pos; }
    // "line L, column C" of an offset, for messages that name a second place.
    QString lineAndColumn(qsizetype offset) const;

private:
    Token scan();
    void skipSpace();
    bool isNameChar(QChar c) const;
    static bool isNameStart(QChar c);

    const QString &m_text;
    qsizetype m_pos;
    qsizetype m_end;
    std::vector<Token> m_ahead;
};

} // namespace meadows::vensim
