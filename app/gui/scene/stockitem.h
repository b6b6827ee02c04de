#pragma once
// A stock: a box. After a run it also shows its trajectory inside the box (a sparkline)
// and how full it is at the time the scrubber points to. Stella's special stocks are told
// apart inside the box, as Stella draws them: a conveyor's belt on its rollers, a queue's
// row of waiting items, an oven's door and burners.
#include "variableitem.h"

#include <vector>

namespace meadows {

class StockItem : public VariableItem {
public:
    enum class Kind { Plain, Conveyor, Queue, Oven };

    using VariableItem::VariableItem;
    bool isResizable() const override { return true; }

    void setKind(Kind kind);
    Kind kind() const { return m_kind; }

    // The stock's values over the run (one per saved row); empty clears the display.
    void setTrajectory(std::vector<double> values);
    // Which row the fill level shows; -1 for the last.
    void setTimeIndex(int row);
    // The fill level drawn now, 0 (empty) to 1 (the run's highest value); -1 when none.
    double fillFraction() const;

protected:
    QPainterPath body() const override;
    void paintBody(QPainter *painter) const override;
    QString defaultLabelSide() const override { return QStringLiteral("top"); }

private:
    void paintKind(QPainter *painter, const QRectF &box) const;

    Kind m_kind = Kind::Plain;
    std::vector<double> m_trajectory;
    double m_low = 0, m_high = 0;
    int m_row = -1;
};

} // namespace meadows
