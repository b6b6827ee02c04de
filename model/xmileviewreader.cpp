// Reading <views>: diagram elements, connectors and their points. What a view element
// holds that Meadows does not draw is kept for saving.
#include "xmilereading.h"

#include <algorithm>

namespace meadows::xmile {

void Reader::readViews(Model &m)
{
    m.viewsExtras.attributes = attributes({}, nullptr);
    while (nextChild()) {
        if (elementName(m_reader) == QLatin1String("view"))
            m.views.push_back(readView());
        else
            keepUnknown(m.viewsExtras, u"views");
    }
}

View Reader::readView()
{
    View view;
    std::vector<QString> a;
    view.extras.attributes = attributes({u"type"}, &a);
    view.type = a[0];
    while (nextChild())
        view.elements.push_back(readViewElement(elementName(m_reader)));
    return view;
}

ConnectorEnd Reader::readConnectorEnd()
{
    ConnectorEnd end;
    while (!m_reader.atEnd()) {
        m_reader.readNext();
        if (m_reader.isCharacters()) {
            end.name += m_reader.text();
        } else if (m_reader.isStartElement()) {
            if (elementName(m_reader) == QLatin1String("alias")) {
                bool ok = false;
                const int uid = m_reader.attributes().value(QLatin1String("uid")).toInt(&ok);
                if (ok)
                    end.aliasUid = uid;
            }
            m_reader.skipCurrentElement();
        } else if (m_reader.isEndElement()) {
            break;
        }
    }
    end.name = end.name.trimmed();
    return end;
}

std::vector<ViewPoint> Reader::readPoints()
{
    std::vector<ViewPoint> pts;
    while (nextChild()) {
        if (elementName(m_reader) != QLatin1String("pt")) {
            m_reader.skipCurrentElement();
            continue;
        }
        ViewPoint p;
        std::vector<QString> a;
        p.extraAttributes = attributes({u"x", u"y"}, &a);
        p.x = toNumber(a[0]);
        p.y = toNumber(a[1]);
        pts.push_back(std::move(p));
        m_reader.skipCurrentElement();
    }
    return pts;
}

ViewElement Reader::readViewElement(const QString &tag)
{
    ViewElement e;
    using T = ViewElement::Type;
    e.type = viewElementType(tag);
    if (e.type == T::Other) {
        e.raw = XmlNode::read(m_reader);
        return e;
    }
    const qsizetype at = startTagOffset();
    std::vector<QString> a;
    e.extras.attributes = attributes({u"name", u"uid", u"x", u"y", u"width", u"height", u"label_side", u"angle", u"polarity"}, &a);
    e.name = a[0];
    const auto optNumber = [](const QString &s) -> std::optional<double> {
        bool ok = false;
        const double d = s.toDouble(&ok);
        return ok ? std::optional<double>(d) : std::nullopt;
    };
    if (const auto uid = optNumber(a[1]))
        e.uid = int(*uid);
    else if (!a[1].isEmpty())
        e.extras.attributes.push_back({QStringLiteral("uid"), a[1]});
    e.x = optNumber(a[2]);
    e.y = optNumber(a[3]);
    e.width = optNumber(a[4]);
    e.height = optNumber(a[5]);
    // Comparisons are false for NaN: a NaN is left out too.
    const bool drawable = (!e.x || isDrawableCoordinate(*e.x)) && (!e.y || isDrawableCoordinate(*e.y))
                          && (!e.width || isDrawableSize(*e.width)) && (!e.height || isDrawableSize(*e.height));
    if (!drawable) {
        warnAt(at, QStringLiteral("the diagram position or size of this %1 is not one a diagram can show: it is left out")
                       .arg(tag));
        e.x = e.y = e.width = e.height = std::nullopt;
    }
    e.labelSide = a[6];
    e.angle = optNumber(a[7]);
    e.polarity = a[8];
    if (e.type == T::TextBox) {
        e.text = text();
        return e;
    }
    while (nextChild()) {
        const QString child = elementName(m_reader);
        if (child == QLatin1String("pts")) {
            e.points = readPoints();
            if (!std::all_of(e.points.begin(), e.points.end(),
                             [](const ViewPoint &p) { return isDrawableCoordinate(p.x) && isDrawableCoordinate(p.y); })) {
                warnAt(at, QStringLiteral("a point of this %1 is not one a diagram can show: its points are left out").arg(tag));
                e.points.clear();
            }
        } else if (child == QLatin1String("from") && e.type == T::Connector)
            e.from = readConnectorEnd();
        else if (child == QLatin1String("to") && e.type == T::Connector)
            e.to = readConnectorEnd();
        else if (child == QLatin1String("of") && e.type == T::Alias)
            e.aliasOf = text().trimmed();
        else
            keepUnknown(e.extras, u"views/element"); // display only: no rule applies
    }
    return e;
}

} // namespace meadows::xmile
