#include "mdllexer.h"

#include "model/names.h"
#include "model/numberliteral.h"

#include <QRegularExpression>
#include <cmath>

namespace meadows::vensim {

QString withoutContinuations(QStringView text)
{
    static const QRegularExpression continuation(QStringLiteral("\\\\\\r?\\n"));
    return text.toString().replace(continuation, QStringLiteral(" "));
}

QString quotedNameAsXmile(QStringView inside)
{
    // A line continued with a backslash goes on after the line break (its spaces fold later);
    // every other backslash is the name's own, escaped as a name shown so is (model/names.h).
    return nameFromDisplay(withoutContinuations(inside));
}

Lexer::Lexer(const QString &text, qsizetype begin, qsizetype end) : m_text(text), m_pos(begin), m_end(end) {}

bool Lexer::isNameStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$' || c.unicode() > 127;
}

bool Lexer::isNameChar(QChar c) const
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c == u'\'' || c == u'.' || c == u'&' || c == u'%'
           || c.unicode() > 127;
}

// Blank space, and a backslash that continues the equation on the next line.
void Lexer::skipSpace()
{
    while (m_pos < m_end) {
        const QChar c = m_text[m_pos];
        if (c.isSpace()) {
            ++m_pos;
        } else if (c == u'\\' && m_pos + 1 < m_end && (m_text[m_pos + 1] == u'\n' || m_text[m_pos + 1] == u'\r')) {
            ++m_pos;
        } else if (c == u'{') { // a comment in braces
            const qsizetype close = m_text.indexOf(u'}', m_pos);
            m_pos = (close < 0 || close >= m_end) ? m_end : close + 1;
        } else {
            break;
        }
    }
}

Token Lexer::peek(int ahead)
{
    while (int(m_ahead.size()) <= ahead)
        m_ahead.push_back(scan());
    return m_ahead[ahead];
}

Token Lexer::next()
{
    if (!m_ahead.empty()) {
        Token t = m_ahead.front();
        m_ahead.erase(m_ahead.begin());
        return t;
    }
    return scan();
}

Token Lexer::scan()
{
    skipSpace();
    Token t;
    t.offset = m_pos;
    if (m_pos >= m_end)
        return t;
    const QChar c = m_text[m_pos];
    const auto at = [&](qsizetype i) { return m_pos + i < m_end ? m_text[m_pos + i] : QChar(); };
    if (c.isDigit() || (c == u'.' && at(1).isDigit())) {
        qsizetype i = m_pos;
        while (i < m_end && (m_text[i].isDigit() || m_text[i] == u'.'))
            ++i;
        if (i < m_end && (m_text[i] == u'e' || m_text[i] == u'E')) {
            qsizetype j = i + 1;
            if (j < m_end && (m_text[j] == u'+' || m_text[j] == u'-'))
                ++j;
            if (j < m_end && m_text[j].isDigit()) {
                while (j < m_end && m_text[j].isDigit())
                    ++j;
                i = j;
            }
        }
        t.kind = Tok::Number;
        t.text = m_text.mid(m_pos, i - m_pos);
        NumberLiteral literal = readNumberLiteral(t.text);
        t.number = literal.value;
        t.numberProblem = std::move(literal.problem);
        m_pos = i;
        return t;
    }
    if (c == u'\'') {
        // 'file.xlsx', 'Sheet1': the string arguments of the GET functions.
        const qsizetype close = m_text.indexOf(u'\'', m_pos + 1);
        const qsizetype stop = (close < 0 || close >= m_end) ? m_end : close;
        t.kind = Tok::Name;
        t.text = m_text.mid(m_pos + 1, stop - m_pos - 1);
        t.quoted = true;
        t.singleQuoted = true;
        m_pos = std::min(stop + 1, m_end);
        return t;
    }
    if (c == u'"') {
        qsizetype i = m_pos + 1;
        while (i < m_end && m_text[i] != u'"')
            i += m_text[i] == u'\\' && i + 1 < m_end ? 2 : 1;
        t.kind = i < m_end ? Tok::Name : Tok::Other;
        t.text = quotedNameAsXmile(QStringView(m_text).mid(m_pos + 1, std::min(i, m_end) - m_pos - 1)).simplified();
        t.quoted = true;
        m_pos = std::min(i + 1, m_end);
        return t;
    }
    if (isNameStart(c)) {
        QString name;
        qsizetype i = m_pos;
        while (i < m_end) {
            if (isNameChar(m_text[i])) {
                name += m_text[i++];
                continue;
            }
            // Spaces inside a name ("Birth Rate"), even across a continued line.
            qsizetype j = i;
            while (j < m_end && (m_text[j] == u' ' || m_text[j] == u'\t' || m_text[j] == u'_'
                                 || ((m_text[j] == u'\n' || m_text[j] == u'\r')
                                     && j > m_pos && m_text[j - 1] == u'\\')
                                 || (m_text[j] == u'\\' && j + 1 < m_end
                                     && (m_text[j + 1] == u'\n' || m_text[j + 1] == u'\r'))))
                ++j;
            if (j > i && j < m_end && isNameChar(m_text[j])) {
                name += u' ';
                i = j;
                continue;
            }
            break;
        }
        t.kind = Tok::Name;
        t.text = name;
        m_pos = i;
        return t;
    }
    if (c == u':') {
        // :AND:, :EXCEPT:, :NA: ... or a lone colon, or :=
        if (at(1) == u'=') {
            t.kind = Tok::Assign;
            m_pos += 2;
            return t;
        }
        qsizetype i = m_pos + 1;
        while (i < m_end && (m_text[i].isLetter() || m_text[i] == u' ' || m_text[i] == u'_'))
            ++i;
        if (i > m_pos + 1 && i < m_end && m_text[i] == u':') {
            t.kind = Tok::Keyword;
            t.text = m_text.mid(m_pos + 1, i - m_pos - 1).simplified().toUpper();
            m_pos = i + 1;
            return t;
        }
        t.kind = Tok::Colon;
        ++m_pos;
        return t;
    }
    ++m_pos;
    switch (c.unicode()) {
    case '(': t.kind = Tok::LParen; break;
    case ')': t.kind = Tok::RParen; break;
    case '[': t.kind = Tok::LBracket; break;
    case ']': t.kind = Tok::RBracket; break;
    case ',': t.kind = Tok::Comma; break;
    case ';': t.kind = Tok::Semicolon; break;
    case '+': t.kind = Tok::Plus; break;
    case '*': t.kind = Tok::Star; break;
    case '/': t.kind = Tok::Slash; break;
    case '^': t.kind = Tok::Caret; break;
    case '!': t.kind = Tok::Bang; break;
    case '-':
        if (at(0) == u'>') {
            ++m_pos;
            t.kind = Tok::Map;
        } else {
            t.kind = Tok::Minus;
        }
        break;
    case '=':
        if (at(0) == u'=') {
            ++m_pos;
            t.kind = Tok::EqEq;
        } else {
            t.kind = Tok::Eq;
        }
        break;
    case '<':
        if (at(0) == u'-' && at(1) == u'>') {
            m_pos += 2;
            t.kind = Tok::Equiv;
        } else if (at(0) == u'>') {
            ++m_pos;
            t.kind = Tok::Ne;
        } else if (at(0) == u'=') {
            ++m_pos;
            t.kind = Tok::Le;
        } else {
            t.kind = Tok::Lt;
        }
        break;
    case '>':
        if (at(0) == u'=') {
            ++m_pos;
            t.kind = Tok::Ge;
        } else {
            t.kind = Tok::Gt;
        }
        break;
    default:
        t.kind = Tok::Other;
        t.text = QString(c);
        break;
    }
    return t;
}

QString Lexer::lineAndColumn(qsizetype offset) const
{
    const qsizetype lineStart = m_text.lastIndexOf(u'\n', offset - 1) + 1;
    const qsizetype line = QStringView(m_text).left(lineStart).count(u'\n') + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

} // namespace meadows::vensim
