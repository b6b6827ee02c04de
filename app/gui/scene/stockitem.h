#pragma once
// A stock: a box.
#include "variableitem.h"

namespace meadows {

class StockItem : public VariableItem {
public:
    using VariableItem::VariableItem;
    bool isResizable() const override { return true; }

protected:
    QPainterPath body() const override;
    void paintBody(QPainter *painter) const override;
    QString defaultLabelSide() const override { return QStringLiteral("top"); }
};

} // namespace meadows
