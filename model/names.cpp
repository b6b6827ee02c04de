#include "names.h"

namespace meadows {

namespace {
bool isSeparator(QChar c) { return c.isSpace() || c == u'_'; }
}

QString canonicalName(QStringView name)
{
    QString out;
    out.reserve(name.size());
    bool pendingSeparator = false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (c == u'"')
            continue;
        if (c == u'\\' && i + 1 < name.size() && name[i + 1] == u'n') {
            pendingSeparator = true;
            ++i;
            continue;
        }
        if (isSeparator(c)) {
            pendingSeparator = true;
            continue;
        }
        if (pendingSeparator && !out.isEmpty() && !out.endsWith(u'.'))
            out.append(u'_');
        pendingSeparator = false;
        out.append(c.toCaseFolded());
    }
    return out;
}

QString displayName(QStringView name)
{
    QString s = name.toString();
    s.replace(QLatin1String("\\n"), QLatin1String(" "));
    s = s.simplified();
    if (s.size() >= 2 && s.startsWith(u'"') && s.endsWith(u'"'))
        s = s.mid(1, s.size() - 2).simplified();
    return s;
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
    return plain ? s : QLatin1Char('"') + displayName(name) + QLatin1Char('"');
}

} // namespace meadows
