#pragma once
// Draws a flow from a press to a release (or through clicked bends): from stock to stock, or
// from/to a cloud.
#include "additems.h"

#include <QPointF>
#include <vector>

namespace meadows {

class AddFlowCommand : public AddItemsCommand {
public:
    // fromStock/toStock: names of the stocks under the press and release, or empty.
    AddFlowCommand(Document *document, QPointF from, const QString &fromStock, QPointF to, const QString &toStock);
    // A pipe drawn bend by bend: its points as given, first at the source, last at the sink.
    AddFlowCommand(Document *document, const std::vector<QPointF> &points, const QString &fromStock, const QString &toStock);
    QString name() const { return m_variables.front().name; }

private:
    void build(const std::vector<QPointF> &pts, const QString &fromStock, const QString &toStock);
};

} // namespace meadows
