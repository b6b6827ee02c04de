#pragma once
// The shapes a view draws, worked out without a GUI: element bodies, name labels, flow
// pipes and clouds, connector arcs and polarity signs, as the editor places them. Automatic
// layout routes connectors among them, and layout measurements count their collisions.
// QtCore only; label sizes come from a LabelMeasure.
#include "connectorarc.h"
#include "labelgeometry.h"

#include "model/project.h"

#include <QHash>
#include <QRectF>
#include <vector>

namespace meadows::diagram {

enum class ShapeKind { Stock, Aux, Module, Valve, Cloud, TextBox };

struct ShapeBox {
    ShapeKind kind = ShapeKind::Aux;
    int element = -1; // index in the view's elements
    QString name;     // canonical, for stocks, auxes, modules and valves
    QPointF centre;
    QRectF body;
    bool round = false; // auxes and valves: a circle inscribed in `body`
    QRectF label;       // empty when the element has no name label outside its body
};

struct PipeShape {
    int element = -1;
    int valve = -1;             // index in boxes
    int source = -1, sink = -1; // the stocks or clouds at its ends, indices in boxes
    std::vector<QPointF> points;
};

struct LinkShape {
    int element = -1;
    int from = -1, to = -1; // indices in boxes
    ConnectorArc arc;
    QRectF sign; // empty when the connector carries no polarity
};

struct DiagramShapes {
    std::vector<ShapeBox> boxes;
    std::vector<PipeShape> pipes;
    std::vector<LinkShape> links;
    QHash<QString, int> byName; // canonical name -> box
};

// The shapes of `view`, which belongs to `model` (whose stocks say which pipe ends are
// clouds). Elements without a position are left out.
DiagramShapes diagramShapes(const Model &model, const View &view, const LabelMeasure &measure);

// A text box's height: the file's, grown to fit its text (estimated), or the text's.
double textBoxHeight(const ViewElement &textBox);
// Whether p lies inside a box's outline (circle or rectangle).
bool outlineContains(const ShapeBox &box, QPointF p);
// The arc of a connector between two boxes, as the editor draws it.
ConnectorArc linkArc(const ShapeBox &from, const ShapeBox &to, std::optional<double> angle);

} // namespace meadows::diagram
