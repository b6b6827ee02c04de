#pragma once
// The bifurcation diagram: one stock's equilibrium value against a parameter. Stable
// stretches of a branch are drawn solid, unstable and saddle stretches dashed; folds (the
// tipping points, where two branches meet and vanish) and Hopf points (where a steady
// state turns into an oscillation) are marked and labelled with their values.
#include "solver/analysis/continuation.h"

#include <QChartView>

class QGraphicsSimpleTextItem;
class QScatterSeries;

namespace meadows {

class BifurcationChart : public QChartView {
    Q_OBJECT
public:
    explicit BifurcationChart(QWidget *parent = nullptr);

    // Draws `stock` (an index into c.stockNames) of every branch; an empty continuation clears.
    void show(const Continuation &c, std::size_t stock);
    void clear();

    // The marks' labels, as drawn: "fold: H = 25 (X = 50)".
    QStringList markLabels() const;

private:
    // Each mark's label sits above it, moved sideways to stay inside the plot.
    void placeLabels();

    QList<QPair<QGraphicsSimpleTextItem *, QScatterSeries *>> m_labels;
};

} // namespace meadows
