#pragma once
// An auxiliary or constant: a small circle. A causal-loop variable shows its name only.
#include "variableitem.h"

namespace meadows {

class AuxItem : public VariableItem {
public:
    using VariableItem::VariableItem;
    void setElement(const ViewElement &element) override;
    bool isResizable() const override { return !m_cld; }
    // Constants are drawn with a mark so a reader sees what can be turned into a slider.
    void setConstant(bool constant);
    // A graphical function shows a small curve mark inside, as Stella's "~".
    void setGraphical(bool graphical);

protected:
    QPainterPath body() const override;
    void paintBody(QPainter *painter) const override;
    bool labelInside() const override { return m_cld; }

private:
    bool m_cld = false;
    bool m_constant = false;
    bool m_graphical = false;
};

} // namespace meadows
