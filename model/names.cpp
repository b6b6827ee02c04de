#include "names.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace meadows {

namespace {
bool isSeparator(QChar c) { return c.isSpace() || c == u'_'; }
}

QString canonicalName(QStringView name)
{
    // Written into a buffer of the most it can take rather than appended a character at a
    // time: it is asked of every name read, many times over. A character gives at most two
    // (an underscore for the separators before it and itself; an escaped backslash, two,
    // after separators that gave none).
    QVarLengthArray<QChar, 256> buffer(name.size() * 2);
    QChar *const begin = buffer.data();
    QChar *o = begin;
    bool pendingSeparator = false;
    const auto separate = [&] {
        if (pendingSeparator && o != begin && o[-1] != u'.')
            *o++ = u'_';
        pendingSeparator = false;
    };
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (c == u'"')
            continue;
        if (c == u'\\' && i + 1 < name.size() && name[i + 1] == u'"') { // a quote as an equation writes it
            ++i;
            continue;
        }
        if (c == u'\\' && i + 1 < name.size() && name[i + 1] == u'n') {
            pendingSeparator = true;
            ++i;
            continue;
        }
        if (c == u'\\') {
            // An escaped backslash stays escaped, so that a key is its own key: "\\n" is no
            // line break when the key is read again. A lone one (hand-written XMILE's "abc\")
            // is the same backslash, and the same key.
            separate();
            *o++ = u'\\';
            *o++ = u'\\';
            if (i + 1 < name.size() && name[i + 1] == u'\\')
                ++i;
            continue;
        }
        if (isSeparator(c)) {
            pendingSeparator = true;
            continue;
        }
        separate();
        const char16_t u = c.unicode();
        *o++ = u < 128 ? QChar(char16_t(u >= u'A' && u <= u'Z' ? u + 32 : u)) : c.toCaseFolded();
    }
    return QString(begin, o - begin); // exactly as long as it is: keys are kept by the thousand
}

QString unescapedName(QStringView name, QChar lineBreak)
{
    QString s;
    s.reserve(name.size());
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name[i] == u'\\' && i + 1 < name.size() && (name[i + 1] == u'n' || name[i + 1] == u'\\')) {
            s += name[i + 1] == u'n' ? lineBreak : u'\\';
            ++i;
        } else {
            s += name[i];
        }
    }
    return s;
}

QString displayName(QStringView name)
{
    QString s = unescapedName(name, u' ').simplified();
    if (s.size() >= 2 && s.startsWith(u'"') && s.endsWith(u'"'))
        s = s.mid(1, s.size() - 2).simplified();
    return s;
}

QString nameFromDisplay(QStringView shown)
{
    QString name;
    name.reserve(shown.size());
    for (const QChar c : shown) {
        if (c == u'\\')
            name += QLatin1String("\\\\");
        else if (c == u'\n')
            name += QLatin1String("\\n");
        else
            name += c;
    }
    return name;
}

QString equationName(QStringView name)
{
    QString s = displayName(name);
    s.replace(u' ', u'_');
    bool plain = !s.isEmpty() && !s[0].isDigit();
    for (QChar c : s) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'$'))
            plain = false;
    }
    // The words of the equation language are read as operators unless quoted: a variable
    // named MOD (Forrester's "MOD = DUD*IDD") is "MOD" in an equation.
    static const QStringList words = {QStringLiteral("if"), QStringLiteral("then"), QStringLiteral("else"),
                                      QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("not"),
                                      QStringLiteral("mod")};
    if (words.contains(s, Qt::CaseInsensitive))
        plain = false;
    if (plain)
        return s;
    // Quoted, the name keeps its escaped backslashes (its line breaks are spaces, as shown),
    // and a quote in it is written \", as the equation lexer (solver/lexer.cpp) reads it.
    QString inner = name.toString().trimmed();
    if (inner.size() >= 2 && inner.startsWith(u'"') && inner.endsWith(u'"'))
        inner = inner.mid(1, inner.size() - 2);
    QString quoted;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const bool escape = inner[i] == u'\\' && i + 1 < inner.size();
        if (escape && inner[i + 1] == u'n') {
            quoted += u' ';
            ++i;
        } else if (escape && inner[i + 1] == u'"') { // a quote, as an equation writes it
            quoted += QLatin1String("\\\"");
            ++i;
        } else if (inner[i] == u'\\') { // escaped, or lone: one backslash either way
            quoted += QLatin1String("\\\\");
            if (escape && inner[i + 1] == u'\\')
                ++i;
        } else {
            quoted += inner[i] == u'"' ? QStringLiteral("\\\"") : QString(inner[i]);
        }
    }
    return QLatin1Char('"') + quoted.simplified() + QLatin1Char('"');
}

QString nameFromQuoted(QStringView quoted)
{
    QString name;
    name.reserve(quoted.size());
    for (qsizetype i = 0; i < quoted.size(); ++i) {
        if (quoted[i] == u'\\' && i + 1 < quoted.size()) {
            if (quoted[i + 1] != u'"')
                name += quoted[i];
            name += quoted[++i];
            continue;
        }
        name += quoted[i];
    }
    return name;
}

namespace {
// Levenshtein distance, for "did you mean", or `limit` as soon as the distance is known to
// reach it: a suggestion is only wanted when it is close, and a model with thousands of
// unknown names asks this of thousands of candidates each, so the full table is not worth
// computing for names that cannot win.
int editDistanceBelow(QStringView a, QStringView b, int limit)
{
    if (std::abs(a.size() - b.size()) >= limit)
        return limit;
    std::vector<int> row(std::size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[std::size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        int rowMinimum = row[0];
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[std::size_t(j)];
            row[std::size_t(j)] = std::min({row[std::size_t(j)] + 1, row[std::size_t(j - 1)] + 1,
                                            diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
            rowMinimum = std::min(rowMinimum, row[std::size_t(j)]);
        }
        if (rowMinimum >= limit) // every later row is at least this row's minimum
            return limit;
    }
    return std::min(limit, row[std::size_t(b.size())]);
}
} // namespace

QString closest(const QString &name, const QStringList &candidates)
{
    QString best;
    int bestDistance = std::max<int>(2, int(name.size()) / 3) + 1;
    for (const QString &c : candidates) {
        // A canonical name is never longer than the name it comes from, so a candidate
        // already too short to come within bestDistance is skipped before it is folded.
        if (name.size() - c.size() >= bestDistance)
            continue;
        const int d = editDistanceBelow(name, canonicalName(c), bestDistance);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

} // namespace meadows
