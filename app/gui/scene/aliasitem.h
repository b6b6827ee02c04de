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
    // A shadow of a variable drawn as its name (model/view.h drawnAsName) is its name in
    // angle brackets, as Vensim draws it.
    QString labelText() const override;
    bool labelInside() const override { return nameOnly(); }

private:
    bool nameOnly() const;
    ViewElement::Type m_kind = ViewElement::Type::Aux;
};

} // namespace meadows
