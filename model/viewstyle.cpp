#include "viewstyle.h"

namespace meadows {

std::optional<double> fontPointsFrom(QStringView size)
{
    QStringView s = size.trimmed();
    double perUnit = 1; // points
    if (s.endsWith(u"pt", Qt::CaseInsensitive)) {
        s.chop(2);
    } else if (s.endsWith(u"px", Qt::CaseInsensitive)) {
        s.chop(2);
        perUnit = 72.0 / 96.0;
    }
    bool ok = false;
    const double value = s.trimmed().toDouble(&ok) * perUnit;
    if (!ok || !(value > 0) || value > 1000)
        return std::nullopt;
    return value;
}

void ElementStyle::apply(const XmlAttributes &attributes)
{
    for (const XmlAttribute &a : attributes) {
        const QString value = a.value.trimmed();
        if (a.name == QLatin1String("font_family")) {
            if (!value.isEmpty())
                fontFamily = value;
        } else if (a.name == QLatin1String("font_size")) {
            if (const auto points = fontPointsFrom(value))
                fontPoints = points;
        } else if (a.name == QLatin1String("font_weight")) {
            bold = value.compare(QLatin1String("bold"), Qt::CaseInsensitive) == 0;
        } else if (a.name == QLatin1String("font_style")) {
            italic = value.compare(QLatin1String("italic"), Qt::CaseInsensitive) == 0;
        } else if (a.name == QLatin1String("text_decoration")) {
            underline = value.compare(QLatin1String("underline"), Qt::CaseInsensitive) == 0;
        } else if (a.name == QLatin1String("font_color")) {
            fontColor = value;
        } else if (a.name == QLatin1String("color")) {
            color = value;
        } else if (a.name == QLatin1String("background")) {
            background = value;
        }
    }
}

QString xmileTag(ViewElement::Type type)
{
    using T = ViewElement::Type;
    switch (type) {
    case T::Stock: return QStringLiteral("stock");
    case T::Flow: return QStringLiteral("flow");
    case T::Aux: return QStringLiteral("aux");
    case T::Module: return QStringLiteral("module");
    case T::Connector: return QStringLiteral("connector");
    case T::Alias: return QStringLiteral("alias");
    case T::TextBox: return QStringLiteral("text_box");
    case T::Other: break;
    }
    return {};
}

namespace {

// A <style>: its own attributes for every element, then its child for this element's type.
void applyStyleNode(ElementStyle &style, const XmlNode &node, const QString &tag)
{
    style.apply(node.attributes);
    for (const XmlNode &child : node.children)
        if (!tag.isEmpty() && child.name == tag)
            style.apply(child.attributes);
}

} // namespace

ViewStyles::ViewStyles(const Model &model, const View &view)
{
    for (const XmlNode &node : model.viewsExtras.children)
        if (node.name == QLatin1String("style"))
            m_sheets.push_back(&node);
    // A view's <style> is read as one of its elements, kept whole (ViewElement::Type::Other).
    for (const ViewElement &e : view.elements)
        if (e.type == ViewElement::Type::Other && e.raw.name == QLatin1String("style"))
            m_sheets.push_back(&e.raw);
}

ElementStyle ViewStyles::of(const ViewElement &element) const
{
    ElementStyle style;
    const QString tag = xmileTag(element.type);
    for (const XmlNode *sheet : m_sheets)
        applyStyleNode(style, *sheet, tag);
    style.apply(element.extras.attributes);
    return style;
}

} // namespace meadows
