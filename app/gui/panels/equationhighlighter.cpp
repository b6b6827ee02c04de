#include "equationhighlighter.h"

#include "model/names.h"
#include "solver/builtins.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace meadows {

EquationHighlighter::EquationHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    for (const QString &b : builtinNames())
        m_builtins.insert(canonicalName(b));
    for (const char *k : {"if", "then", "else", "and", "or", "not", "mod", "time", "dt", "starttime", "stoptime", "pi"})
        m_builtins.insert(QLatin1String(k));
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

    static const QRegularExpression token(QStringLiteral(R"((\{[^}]*\}?)|(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)|("[^"]*"?)|([A-Za-z_$\x{80}-\x{ffff}][\w$'\x{80}-\x{ffff}]*))"));
    auto it = token.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const int start = int(m.capturedStart()), length = int(m.capturedLength());
        if (m.capturedLength(1))
            setFormat(start, length, comment);
        else if (m.capturedLength(2))
            setFormat(start, length, number);
        else {
            const QString key = canonicalName(m.captured());
            if (m_builtins.contains(key))
                setFormat(start, length, builtin);
            else
                setFormat(start, length, m_known.contains(key) ? name : unknown);
        }
    }
}

} // namespace meadows
