#include "view.h"

#include <algorithm>
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

namespace {

// Narrower than a letter or wider than a page is no width a name was drawn at.
bool drawableWrapWidth(double w) { return w >= 8 && w <= 2000; }

void setAttribute(ViewElement &element, const QString &name, const QString &value)
{
    auto &attributes = element.extras.attributes;
    const auto it = std::find_if(attributes.begin(), attributes.end(), [&](const XmlAttribute &a) { return a.name == name; });
    if (it != attributes.end() && value.isEmpty())
        attributes.erase(it);
    else if (it != attributes.end())
        it->value = value;
    else if (!value.isEmpty())
        attributes.push_back({name, value});
}

} // namespace

std::optional<double> labelWrapWidth(const ViewElement &element)
{
    const QString *width = findAttribute(element.extras.attributes, u"meadows_label_width");
    bool ok = false;
    const double w = width ? width->toDouble(&ok) : 0;
    return ok && drawableWrapWidth(w) ? std::optional<double>(w) : std::nullopt;
}

void setLabelWrapWidth(ViewElement &element, std::optional<double> width)
{
    const bool kept = width && drawableWrapWidth(*width);
    setAttribute(element, QStringLiteral("meadows_label_width"), kept ? QString::number(*width) : QString());
}

bool connectorAtFlowName(const ViewElement &connector, bool atTarget)
{
    const QString *at = findAttribute(connector.extras.attributes, atTarget ? u"meadows_to_name" : u"meadows_from_name");
    return at && *at == QLatin1String("true");
}

void setConnectorAtFlowName(ViewElement &connector, bool atTarget, bool atName)
{
    setAttribute(connector, atTarget ? QStringLiteral("meadows_to_name") : QStringLiteral("meadows_from_name"),
                 atName ? QStringLiteral("true") : QString());
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
