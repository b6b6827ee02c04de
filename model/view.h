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

struct View {
    QString type; // "stock_flow", "interface", ... empty when unset
    std::vector<ViewElement> elements;
    XmlExtras extras;
    bool operator==(const View &) const = default;
};

} // namespace meadows
