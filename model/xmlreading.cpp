#include "xmlreading.h"

namespace meadows {

QString controlCharacterProblem(const QString &text, qsizetype *at)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') {
            *at = i;
            return QStringLiteral("control character U+%1 is not allowed in an XMILE file").arg(int(c), 4, 16, QLatin1Char('0'));
        }
    }
    return {};
}

qsizetype firstContentFrom(const QString &text, qsizetype from)
{
    qsizetype at = from;
    while (at < text.size()) {
        if (text.at(at).isSpace()) {
            ++at;
        } else if (text.mid(at, 4) == QLatin1String("<!--")
                   || (text.mid(at, 2) == QLatin1String("<?") && text.mid(at, 5) != QLatin1String("<?xml"))) {
            // (an XML declaration there is the start of a second document pasted after the first)
            const bool comment = text.at(at + 1) == u'!';
            const qsizetype end = text.indexOf(comment ? QStringLiteral("-->") : QStringLiteral("?>"), at);
            if (end < 0)
                return at;
            at = end + (comment ? 3 : 2);
        } else {
            return at;
        }
    }
    return from;
}

} // namespace meadows
