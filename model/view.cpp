#include "view.h"

#include <array>

namespace meadows {

namespace {

// In ViewElement::Type's order, Other last.
constexpr std::array<const char *, 7> kTags = {"stock", "flow", "aux", "module", "connector", "alias", "text_box"};

} // namespace

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
