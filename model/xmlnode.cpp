#include "xmlnode.h"

#include <QStringDecoder>

#include <optional>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>
#include <algorithm>

namespace meadows {

namespace {
// Kept elements are read recursively; a file nesting deeper than any real model does is
// refused with a positioned error rather than allowed to exhaust the stack.
constexpr int kMaxDepth = 256;
thread_local int depth = 0;
} // namespace

XmlNode XmlNode::read(QXmlStreamReader &reader)
{
    struct DepthGuard {
        DepthGuard() { ++depth; }
        ~DepthGuard() { --depth; }
    } guard;
    XmlNode node;
    if (depth > kMaxDepth) {
        reader.raiseError(QStringLiteral("elements nest more than %1 levels deep").arg(kMaxDepth));
        return node;
    }
    node.name = reader.qualifiedName().toString();
    for (const QXmlStreamAttribute &a : reader.attributes())
        node.attributes.push_back({a.qualifiedName().toString(), a.value().toString()});
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            node.children.push_back(read(reader));
        } else if (reader.isCharacters()) {
            // Text split by a comment or a processing instruction is one text, as it is
            // written back (the writer keeps neither): read apart, a file would not read back
            // equal to itself.
            if (!node.children.empty() && node.children.back().isText())
                node.children.back().text += reader.text();
            else if (!reader.isWhitespace() || reader.isCDATA())
                node.children.push_back(XmlNode{{}, {}, reader.text().toString(), {}});
        } else if (reader.isEndElement()) {
            break;
        }
    }
    return node;
}

void XmlNode::write(QXmlStreamWriter &writer) const
{
    if (isText()) {
        writer.writeCharacters(text);
        return;
    }
    writer.writeStartElement(name);
    for (const XmlAttribute &a : attributes)
        writer.writeAttribute(a.name, a.value);
    for (const XmlNode &child : children)
        child.write(writer);
    writer.writeEndElement();
}

void XmlExtras::writeAttributes(QXmlStreamWriter &writer) const
{
    // An attribute twice in one element is not XML: no reader, Meadows included, would open
    // the file again. The first of a name is written.
    for (std::size_t i = 0; i < attributes.size(); ++i) {
        const XmlAttribute &a = attributes[i];
        if (std::none_of(attributes.begin(), attributes.begin() + std::ptrdiff_t(i),
                         [&a](const XmlAttribute &earlier) { return earlier.name == a.name; }))
            writer.writeAttribute(a.name, a.value);
    }
}

void XmlExtras::writeChildren(QXmlStreamWriter &writer) const
{
    for (const XmlNode &child : children)
        child.write(writer);
}

const QString *findAttribute(const XmlAttributes &attributes, QStringView name)
{
    for (const XmlAttribute &a : attributes) {
        if (a.name == name)
            return &a.value;
    }
    return nullptr;
}

QString readElementTextFlat(QXmlStreamReader &reader)
{
    QString result;
    int nested = 0; // child elements open below the one whose text is read
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::Characters:
            result += reader.text();
            break;
        case QXmlStreamReader::EntityReference:
            // A declared internal entity arrives expanded; an external one (SYSTEM "...")
            // arrives empty, and dropping it would change the equation without a word.
            if (reader.text().isEmpty()) {
                reader.raiseError(QStringLiteral("the entity '&%1;' refers to an external file, which Meadows does not read")
                                      .arg(reader.name()));
                return result;
            }
            result += reader.text();
            break;
        case QXmlStreamReader::StartElement:
            if (++nested + depth > kMaxDepth) {
                reader.raiseError(QStringLiteral("elements nest more than %1 levels deep").arg(kMaxDepth));
                return result;
            }
            break;
        case QXmlStreamReader::EndElement:
            if (nested-- == 0)
                return result;
            break;
        default:
            break;
        }
    }
    return result;
}

QString decodeXml(const QByteArray &data)
{
    std::optional<QStringConverter::Encoding> encoding = QStringConverter::encodingForData(data, u'<');
    QByteArray declared = "UTF-8";
    if (!encoding || *encoding == QStringConverter::Utf8) {
        // The XML declaration may name another encoding; honour it when Qt knows it.
        const qsizetype declStart = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
        if (data.mid(declStart, 5) == "<?xml") {
            const qsizetype end = data.indexOf("?>");
            const QByteArray decl = data.left(end);
            const qsizetype at = decl.indexOf("encoding=");
            if (at >= 0 && at + 10 < decl.size()) {
                const char quote = decl[at + 9];
                const qsizetype close = decl.indexOf(quote, at + 10);
                if (close > at)
                    declared = decl.mid(at + 10, close - at - 10);
            }
        }
        // A UTF-8 file that says "utf-16" was converted without its declaration being fixed.
        if (declared.toLower().startsWith("utf-16") || declared.toLower().startsWith("utf-32"))
            declared = "UTF-8";
    }
    QStringDecoder decoder = encoding && *encoding != QStringConverter::Utf8
                                 ? QStringDecoder(*encoding, QStringDecoder::Flag::Stateless)
                                 : QStringDecoder(declared.constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        decoder = QStringDecoder(QStringDecoder::Utf8);
    QString text = decoder(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

} // namespace meadows
