#include "equationhighlighter.h"

#include "model/names.h"
#include "solver/builtins.h"
#include "solver/lexer.h"

#include <QGuiApplication>
#include <QPalette>

namespace meadows {

EquationHighlighter::EquationHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    // Every function and keyword from the language's one registry (solver/builtins.h).
    for (const QString &b : builtinNames())
        m_builtins.insert(canonicalName(b));
}

void EquationHighlighter::setKnownNames(const QSet<QString> &names)
{
    m_known = names;
    rehighlight();
}

void EquationHighlighter::highlightBlock(const QString &text)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat number, builtin, name, unknown, comment;
    number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    builtin.setForeground(dark ? QColor(0xc5, 0x86, 0xc0) : QColor(0x7a, 0x3e, 0x9d));
    builtin.setFontWeight(QFont::DemiBold);
    name.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x1f, 0x4e, 0x8c));
    unknown.setForeground(dark ? QColor(0xf4, 0x87, 0x71) : QColor(0xa3, 0x15, 0x15));
    comment.setForeground(QColor(0x80, 0x80, 0x80));
    comment.setFontItalic(true);

    // The parser's own lexer: what is coloured as a name is what the parser reads as one.
    for (const Token &t : tokenize(text)) {
        if (t.kind == TokenKind::Comment) {
            setFormat(t.offset, t.length, comment);
        } else if (t.kind == TokenKind::Number) {
            setFormat(t.offset, t.length, number);
        } else if (t.kind == TokenKind::Name) {
            const QString key = canonicalName(t.text);
            if (m_builtins.contains(key))
                setFormat(t.offset, t.length, builtin);
            else
                setFormat(t.offset, t.length, m_known.contains(key) ? name : unknown);
        }
    }
}

} // namespace meadows
