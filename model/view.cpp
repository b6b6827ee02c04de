#include "view.h"

#include <array>

namespace meadows {

namespace {

// In ViewElement::Type's order, Other last.
constexpr std::array<const char *, 7> kTags = {"stock", "flow", "aux", "module", "connector", "alias", "text_box"};

} // namespace

bool drawnAsName(const ViewElement &element)
{
    const QString *shape = findAttribute(element.extras.attributes, u"meadows_shape");
    return shape && *shape == QLatin1String("name_only");
}

void setDrawnAsName(ViewElement &element)
{
    if (!drawnAsName(element))
        element.extras.attributes.push_back({QStringLiteral("meadows_shape"), QStringLiteral("name_only")});
}

std::optional<double> labelWrapWidth(const ViewElement &element)
{
    const QString *width = findAttribute(element.extras.attributes, u"meadows_label_width");
    bool ok = false;
    const double w = width ? width->toDouble(&ok) : 0;
    // Narrower than a letter or wider than a page is no width a name was drawn at.
    return ok && w >= 8 && w <= 2000 ? std::optional<double>(w) : std::nullopt;
}

void setLabelWrapWidth(ViewElement &element, double width)
{
    const QString value = QString::number(width);
    for (XmlAttribute &a : element.extras.attributes)
        if (a.name == QLatin1String("meadows_label_width")) {
            a.value = value;
            return;
        }
    element.extras.attributes.push_back({QStringLiteral("meadows_label_width"), value});
}

QString xmileTag(ViewElement::Type type)
{
    const auto i = std::size_t(type);
    return i < kTags.size() ? QString::fromLatin1(kTags[i]) : QString();
}

ViewElement::Type viewElementType(QStringView tag)
{
    for (std::size_t i = 0; i < kTags.size(); ++i)
        if (tag == QLatin1String(kTags[i]))
            return ViewElement::Type(i);
    return ViewElement::Type::Other;
}

} // namespace meadows
