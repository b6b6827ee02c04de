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

} // namespace meadows
