#pragma once
// XML that Meadows does not understand, kept verbatim so that a file from Stella or
// Vensim can be written back without losing anything. QtXml's DOM would do, but the
// model library is held to QtCore; this is the smallest tree that round-trips.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

class QXmlStreamReader;
class QXmlStreamWriter;

namespace meadows {

struct XmlAttribute {
    QString name; // qualified, as written ("isee:label")
    QString value;
    bool operator==(const XmlAttribute &) const = default;
};
using XmlAttributes = std::vector<XmlAttribute>;

struct XmlNode {
    QString name;             // qualified element name; empty for a text node
    XmlAttributes attributes;
    QString text;             // the text of a text node
    std::vector<XmlNode> children;

    bool isText() const { return name.isEmpty(); }
    bool operator==(const XmlNode &) const = default;

    // Reads the element the reader stands on (a StartElement), up to its end.
    static XmlNode read(QXmlStreamReader &reader);
    void write(QXmlStreamWriter &writer) const;
};

// Extra attributes and elements of an element Meadows does understand.
struct XmlExtras {
    XmlAttributes attributes;
    std::vector<XmlNode> children;
    bool operator==(const XmlExtras &) const = default;
    bool isEmpty() const { return attributes.empty() && children.empty(); }
    void writeAttributes(QXmlStreamWriter &writer) const;
    void writeChildren(QXmlStreamWriter &writer) const;
};

const QString *findAttribute(const XmlAttributes &attributes, QStringView name);

// The text of the element the reader stands on, child elements' text included, read
// without recursion (Qt's readElementText(IncludeChildElements) recurses once per level,
// so 60,000 nested tags inside an <eqn> overflowed the stack). Nesting deeper than any
// model needs, or an entity the reader cannot expand, stops the reader with an error.
QString readElementTextFlat(QXmlStreamReader &reader);

// XML bytes as text: a byte-order mark (UTF-8, UTF-16, UTF-32) or UTF-16 without one
// wins, then the encoding the declaration names, then UTF-8.
QString decodeXml(const QByteArray &data);

} // namespace meadows
