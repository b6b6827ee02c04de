#include "xmlnode.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

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
            if (!reader.isWhitespace() || reader.isCDATA())
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
    for (const XmlAttribute &a : attributes)
        writer.writeAttribute(a.name, a.value);
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

} // namespace meadows
