#pragma once
// An alias (Stella's ghost): another picture of a variable drawn elsewhere, dashed.
#include "variableitem.h"

namespace meadows {

class AliasItem : public VariableItem {
public:
    using VariableItem::VariableItem;
    // The kind of the variable it stands for decides the shape (box for a stock).
    void setOriginalKind(ViewElement::Type kind);

protected:
    QPainterPath body() const override;
    void paintBody(QPainter *painter) const override;
    QString labelText() const override { return diagramLabel(m_element.aliasOf); }

private:
    ViewElement::Type m_kind = ViewElement::Type::Aux;
};

} // namespace meadows
