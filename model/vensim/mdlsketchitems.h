#pragma once
// The objects and arrows of one view of Vensim's sketch, as model/vensim/mdlsketch.cpp reads
// them off their lines, and the geometry of flows drawn from them: a pipe through its valve
// and the side its name stands on.
#include "model/project.h"
#include "model/view.h"
#include "model/xmlnode.h"

#include <QHash>
#include <QPointF>
#include <QString>

#include <functional>
#include <vector>

namespace meadows::vensim {

struct SketchItem {
    int type = 0; // 10 a word (variable), 11 a valve, 12 a comment or cloud
    QString name;
    QPointF at;
    double w = 0, h = 0; // half its width and height
    bool shadow = false;
    int valveFlow = -1; // a valve: the id of its flow's variable
    qsizetype offset = 0;
    XmlAttributes style;  // its font and colours where they differ from its view's
    bool comment = false; // a comment's words (type 12), in `text`
    QString text;
    int shape = 0;        // 3 a level's box, 8 the name alone; +32 a flow's name on its valve
    bool hidden = false;  // the hide level (field 9) set: Vensim does not draw it
};

struct Arrow {
    int id = 0, from = 0, to = 0;
    qsizetype offset = 0; // its line's
    int shape = 0;
    int polarity = 0;
    bool pipe = false;
    bool hidden = false;
    std::vector<QPointF> pts;
    XmlAttributes style;
};

// The variable a sketch word names, or null.
using VariableLookup = std::function<const Variable *(const QString &name)>;

// A flow's pipe: from the end it comes from to the end it goes to, through the valve's
// bends. Each of the valve's two pipe arrows runs from the valve to one end. The end it
// comes from is the stock the flow drains, or else the end that is not the stock it fills;
// Vensim marks a cloud at the source end 100 or 68, so the mark decides only when no stock
// does (a pipe between two clouds).
std::vector<ViewPoint> pipeThroughValve(int valve, const QHash<int, SketchItem> &items, const std::vector<Arrow> &arrowsOfView,
                                        const VariableLookup &variable);

// Where a flow's name stands from its valve, as XMILE's label_side says it: the side it is
// furthest out on (Vensim places it freely; a name level with the valve is beside it).
QString flowLabelSide(QPointF valve, QPointF name);

} // namespace meadows::vensim
