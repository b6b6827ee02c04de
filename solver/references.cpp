#include "references.h"

#include "lexer.h"

#include "model/names.h"

namespace meadows {

namespace {

// Calls `visit` for each name token of the equation (the parser's lexer, in its mode for
// tools: module-qualified names come as parts, the parts after '.' marked as members).
template<typename Visit>
void forEachName(const QString &s, Visit visit)
{
    for (const Token &t : tokenize(s)) {
        if (t.kind == TokenKind::Name)
            visit(t, t.offset + t.length);
    }
}

bool followedByParen(const QString &s, int end)
{
    while (end < s.size() && s[end].isSpace())
        ++end;
    return end < s.size() && s[end] == u'(';
}

} // namespace

QStringList namesInEquationText(const QString &equation)
{
    QStringList names;
    forEachName(equation, [&](const Token &t, int end) {
        if (!t.member && !followedByParen(equation, end))
            names << t.text;
    });
    return names;
}

QString renameReferences(const QString &equation, const QString &oldName, const QString &newName)
{
    const QString key = canonicalName(oldName);
    const QString replacement = equationName(newName);
    QString out;
    int copied = 0;
    forEachName(equation, [&](const Token &t, int end) {
        if (t.member || canonicalName(t.text) != key || followedByParen(equation, end))
            return;
        out += QStringView(equation).mid(copied, t.offset - copied);
        out += replacement;
        copied = t.offset + t.length;
    });
    if (copied == 0)
        return equation;
    out += QStringView(equation).mid(copied);
    return out;
}

} // namespace meadows
