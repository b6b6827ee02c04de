#pragma once
// Moves diagram elements. Flows follow the stocks they connect: the attached end of the
// pipe moves with the stock, and a pipe coming from a cloud moves whole.
#include "geometrychange.h"

#include <QHash>
#include <QPointF>

namespace meadows {

class MoveVariablesCommand : public GeometryChangeCommand {
public:
    // Moves each element by its own offset (align, distribute), or all by one (a drag).
    MoveVariablesCommand(Document *document, const QHash<int, QPointF> &offsets, int dragId = 0);
    MoveVariablesCommand(Document *document, const QList<int> &uids, QPointF offset, int dragId = 0);

private:
    void build(const QHash<int, QPointF> &offsets);
    void moveFlowWithStock(int flowUid, const QString &stockName, QPointF offset, const QHash<int, QPointF> &offsets);
};

} // namespace meadows
