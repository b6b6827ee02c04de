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
            // A face's name has no quotes or control characters; Qt's SVG writer would put
            // them into its font-family attribute unescaped. Nor is it long: Windows keeps 31
            // characters of one, and fontconfig took 36 s to match a name of a million.
            constexpr qsizetype kLongestFace = 256;
            QString face = value.left(kLongestFace + 1);
            face.removeIf([](QChar c) { return c == u'"' || c.unicode() < 0x20; });
            if (!face.trimmed().isEmpty() && face.size() <= kLongestFace)
                fontFamily = face.trimmed();
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
        } else if (a.name == QLatin1String("border_color")) {
            borderColor = value;
        } else if (a.name == QLatin1String("border_style")) {
            borderStyle = value;
        }
    }
}

ViewStyles::ViewStyles(const Project &project, const Model &model, const View &view)
{
    const auto take = [this](const std::vector<XmlNode> &nodes) {
        for (const XmlNode &node : nodes)
            if (node.name == QLatin1String("style"))
                m_sheets.push_back(node);
    };
    take(project.extras.children);
    take(model.viewsExtras.children);
    // A view's <style> is read as one of its elements, kept whole (ViewElement::Type::Other).
    for (const ViewElement &e : view.elements)
        if (e.type == ViewElement::Type::Other && e.raw.name == QLatin1String("style"))
            m_sheets.push_back(e.raw);
}

ElementStyle ViewStyles::of(const ViewElement &element, std::optional<ViewElement::Type> as) const
{
    ElementStyle style;
    for (const XmlNode &sheet : m_sheets) // general styles, the nearest last
        style.apply(sheet.attributes);
    const QString tag = xmileTag(as.value_or(element.type));
    for (const XmlNode &sheet : m_sheets) // then the styles of the element's type
        for (const XmlNode &child : sheet.children)
            if (!tag.isEmpty() && child.name == tag)
                style.apply(child.attributes);
    style.apply(element.extras.attributes);
    return style;
}

} // namespace meadows
