#pragma once
// A diagram element's font and colours, as XMILE's display attributes give them (XMILE 1.0
// §2.7): on the element itself, and as defaults in a <style> of <xmile>, of <views> or of
// one <view>, whose attributes apply to every element and whose children named by element
// type (<stock>, <aux>, <flow>, <connector>, <text_box>, ...) to that type. The element's
// own attributes win; then a style for its type at any level over a general style at any
// level; among styles of one kind the nearer level wins.
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
    QString fontColor;   // the text
    QString color;       // the lines: a stock's box, an auxiliary's circle, a connector
    QString background;  // the fill
    QString borderColor; // a text box's frame, drawn when borderStyle is not "none"
    QString borderStyle; // "none" (XMILE's default), "solid", ...

    // Takes what these attributes set (font_family, font_size, font_weight, font_style,
    // text_decoration, font_color, color, background, border_color, border_style), over
    // what was set before.
    void apply(const XmlAttributes &attributes);
    bool hasBorder() const { return !borderStyle.isEmpty() && borderStyle != QLatin1String("none"); }
    bool operator==(const ElementStyle &) const = default;
};

// The styles of one view's elements: the <style>s that apply are copied once, so a diagram
// of thousands of elements is styled in one pass and the sheets outlive edits to the view.
class ViewStyles {
public:
    ViewStyles() = default;
    ViewStyles(const Project &project, const Model &model, const View &view);
    // An alias is drawn as what it stands for: `as` names that type (a stock's ghost, a
    // stock); by default the element's own.
    ElementStyle of(const ViewElement &element, std::optional<ViewElement::Type> as = std::nullopt) const;

private:
    std::vector<XmlNode> m_sheets; // outermost first
};

// A size in points from XMILE's "9pt", "12px" (at 96 pixels per inch) or a bare number
// (points); nullopt when unreadable or not above 0.
std::optional<double> fontPointsFrom(QStringView size);

} // namespace meadows
