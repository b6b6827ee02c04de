#pragma once
// Draws a flow from a press to a release: from stock to stock, or from/to a cloud.
#include "additems.h"

#include <QPointF>

namespace meadows {

class AddFlowCommand : public AddItemsCommand {
public:
    // fromStock/toStock: names of the stocks under the press and release, or empty.
    AddFlowCommand(Document *document, QPointF from, const QString &fromStock, QPointF to, const QString &toStock);
    QString name() const { return m_variables.front().name; }
};

} // namespace meadows
