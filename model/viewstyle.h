#pragma once
// A diagram element's font and colours, as XMILE's display attributes give them: on the
// element itself, and as defaults in a <style> (of <views> for every view, or of one
// <view>), whose attributes apply to every element and whose children named by element
// type (<stock>, <aux>, <flow>, <connector>, ...) to that type. The nearest wins: the
// element's own attribute, then its view's style, then the style of <views>.
//
// The attributes stay where the file put them (ViewElement::extras, the raw <style>), so a
// file is written back as it was read; this reads them for drawing. Vensim's sketch styles
// are written into the same attributes by model/vensim/mdlsketchstyle.
#include "project.h"

#include <QString>
#include <optional>

namespace meadows {

struct ElementStyle {
    QString fontFamily;
    std::optional<double> fontPoints;
    std::optional<bool> bold, italic, underline;
    QString fontColor;  // the text
    QString color;      // the lines: a stock's box, an auxiliary's circle, a connector
    QString background; // the fill

    // Takes what these attributes set (font_family, font_size, font_weight, font_style,
    // text_decoration, font_color, color, background), over what was set before.
    void apply(const XmlAttributes &attributes);
    bool isEmpty() const { return *this == ElementStyle{}; }
    bool operator==(const ElementStyle &) const = default;
};

// The XMILE tag of an element type ("stock", "aux", ...); empty for Other.
QString xmileTag(ViewElement::Type type);

// The styles of one view's elements: the <style>s that apply are found once, so a
// diagram of thousands of elements is styled in one pass.
class ViewStyles {
public:
    ViewStyles(const Model &model, const View &view);
    ElementStyle of(const ViewElement &element) const;

private:
    std::vector<const XmlNode *> m_sheets; // outermost first
};

// A size in points from XMILE's "9pt", "12px" (at 96 pixels per inch) or a bare number
// (points); nullopt when unreadable or not above 0.
std::optional<double> fontPointsFrom(QStringView size);

} // namespace meadows
