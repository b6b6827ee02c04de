#include "references.h"

#include "model/names.h"

namespace meadows {

namespace {

bool isNameStart(QChar c) { return c.isLetter() || c == u'_' || c == u'$' || c.unicode() > 127; }
bool isNameChar(QChar c) { return isNameStart(c) || c.isDigit() || c == u'\''; }

// One name token: where it is in the text and how it reads.
struct NameToken {
    int offset = 0;
    int length = 0;
    QString text; // quotes removed
    bool member = false; // the part after '.' in "module.member": not a name of this model
};

// Walks the equation the way the parser's lexer does (comments, numbers, quoted names),
// calling `visit` for each name token. Module-qualified names are split at '.', so each
// part is its own token.
template<typename Visit>
void forEachName(const QString &s, Visit visit)
{
    int i = 0;
    const int n = int(s.size());
    while (i < n) {
        const QChar c = s[i];
        if (c == u'{') {
            const int close = int(s.indexOf(u'}', i));
            i = close < 0 ? n : close + 1;
        } else if (c.isDigit() || (c == u'.' && i + 1 < n && s[i + 1].isDigit())) {
            while (i < n && (s[i].isDigit() || s[i] == u'.'))
                ++i;
            if (i < n && (s[i] == u'e' || s[i] == u'E')) {
                ++i;
                if (i < n && (s[i] == u'+' || s[i] == u'-'))
                    ++i;
                while (i < n && s[i].isDigit())
                    ++i;
            }
        } else if (c == u'"') {
            const int close = int(s.indexOf(u'"', i + 1));
            const int end = close < 0 ? n : close + 1;
            visit(NameToken{i, end - i, s.mid(i + 1, (close < 0 ? n : close) - i - 1), i > 0 && s[i - 1] == u'.'}, end);
            i = end;
        } else if (isNameStart(c)) {
            int j = i;
            while (j < n && isNameChar(s[j]))
                ++j;
            visit(NameToken{i, j - i, s.mid(i, j - i), i > 0 && s[i - 1] == u'.'}, j);
            i = j;
        } else {
            ++i;
        }
    }
}

bool followedByParen(const QString &s, int end)
{
    while (end < s.size() && s[end].isSpace())
        ++end;
    return end < s.size() && s[end] == u'(';
}

} // namespace

QStringList referencedNames(const QString &equation)
{
    QStringList names;
    forEachName(equation, [&](const NameToken &t, int end) {
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
    forEachName(equation, [&](const NameToken &t, int end) {
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
