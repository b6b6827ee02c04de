#include "xmlreading.h"

#include <QXmlStreamReader>

namespace meadows {

QString elementName(const QXmlStreamReader &r)
{
    const QStringView q = r.qualifiedName();
    const qsizetype colon = q.indexOf(u':');
    if (colon < 0)
        return q.toString();
    const QStringView prefix = q.left(colon);
    if (prefix == u"xmile" || prefix == u"smile")
        return q.mid(colon + 1).toString();
    return q.toString();
}

void refuseExternalEntities(QXmlStreamReader &reader)
{
    for (const QXmlStreamEntityDeclaration &e : reader.entityDeclarations()) {
        if (!e.systemId().isEmpty())
            reader.raiseError(QStringLiteral("the entity '%1' refers to the external file '%2', which Meadows does not read")
                                  .arg(e.name(), e.systemId()));
    }
}

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
