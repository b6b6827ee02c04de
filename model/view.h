#pragma once
// Diagram geometry as XMILE keeps it. Positions are centres. Anything a view holds that
// Meadows does not draw (graphs, tables, buttons, styles) is kept as raw XML, in order.
#include "xmlnode.h"

#include <QString>
#include <optional>
#include <vector>

namespace meadows {

struct ViewPoint {
    double x = 0;
    double y = 0;
    XmlAttributes extraAttributes; // Stella marks a point's attachment with uid="..."
    bool operator==(const ViewPoint &) const = default;
};

// One end of a connector: a variable by name, or an alias by uid.
struct ConnectorEnd {
    QString name;
    std::optional<int> aliasUid;
    bool operator==(const ConnectorEnd &) const = default;
};

struct ViewElement {
    enum class Type { Stock, Flow, Aux, Module, Connector, Alias, TextBox, Other };

    Type type = Type::Other;
    QString name;                 // stock, flow, aux, module
    std::optional<int> uid;
    std::optional<double> x, y;   // centre
    std::optional<double> width, height;
    QString labelSide;
    std::vector<ViewPoint> points; // a flow's pipe, a connector's path
    std::optional<double> angle;  // a connector's take-off angle, degrees counter-clockwise
    ConnectorEnd from, to;        // connector
    QString polarity;             // connector: "+", "-", or empty when not marked
    QString aliasOf;              // alias: the variable it stands for
    QString text;                 // text box
    XmlExtras extras;
    XmlNode raw;                  // Type::Other: the element as it was

    bool operator==(const ViewElement &) const = default;
};

// Where a diagram can put something: a position within ten million units of the origin, a
// size from 0 to a million. A file's NaN, infinity or 1e308 would blank the picture, or
// overflow Qt's scene arithmetic, so readers leave such numbers out and say so.
constexpr double kMaxDiagramCoordinate = 1e7;
constexpr double kMaxDiagramSize = 1e6;
inline bool isDrawableCoordinate(double v) { return v >= -kMaxDiagramCoordinate && v <= kMaxDiagramCoordinate; }
inline bool isDrawableSize(double v) { return v >= 0 && v <= kMaxDiagramSize; }

// An auxiliary drawn as its name alone, centred where it stands, as Vensim draws its
// variables: the element's meadows_shape="name_only" (XMILE has no shape for it).
bool drawnAsName(const ViewElement &element);
void setDrawnAsName(ViewElement &element);
// The width an element's name wraps at, when the file gives one: Vensim's sketch sizes each
// word's box to its name, so wrapping there breaks the name where Vensim breaks it. The
// element's meadows_label_width (XMILE has none); unset, the editor's own width. Only
// widths a name can be drawn at are kept (kept and read by the same rule): 8 to 2000.
std::optional<double> labelWrapWidth(const ViewElement &element);
// Sets it, or with no width (a renamed variable: Vensim sizes the box to the new name) removes it.
void setLabelWrapWidth(ViewElement &element, std::optional<double> width);

// A connector that Vensim draws to or from a flow's name rather than its valve (its sketch
// says which: the arrow ends on the name's word or on the valve). The connector's
// meadows_from_name or meadows_to_name (XMILE has none); the editor ends it at the name.
bool connectorAtFlowName(const ViewElement &connector, bool atTarget);
// Sets it, or clears it (automatic layout draws every connector to the valve).
void setConnectorAtFlowName(ViewElement &connector, bool atTarget, bool atName = true);

// The XMILE element of a view element's type ("stock", "aux", ... "text_box"); empty for
// Other. One table for the reader, the writer and styles (model/viewstyle.h).
QString xmileTag(ViewElement::Type type);
// The type an XMILE element stands for; Other for an element Meadows keeps as it is.
ViewElement::Type viewElementType(QStringView tag);

struct View {
    QString type; // "stock_flow", "interface", ... empty when unset
    std::vector<ViewElement> elements;
    XmlExtras extras;
    bool operator==(const View &) const = default;
};

} // namespace meadows
