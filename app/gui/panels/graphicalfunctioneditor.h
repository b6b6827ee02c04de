#pragma once
// Edits a graphical function: a table of points beside a curve whose points can be dragged.
#include "model/graphicalfunction.h"

#include <QWidget>

class QTableWidget;

namespace meadows {

class GfCurveView;

class GraphicalFunctionEditor : public QWidget {
    Q_OBJECT
public:
    explicit GraphicalFunctionEditor(QWidget *parent = nullptr);
    void setFunction(const GraphicalFunction &gf);
    GfCurveView *curve() const { return m_curve; }
    QTableWidget *table() const { return m_table; }

    // A starting function for a variable that had none: 11 points rising from 0 to 1.
    static GraphicalFunction defaultFunction();

signals:
    void edited(const meadows::GraphicalFunction &gf);

private:
    void fillTable();
    void tableEdited(int row, int column);

    GraphicalFunction m_gf;
    GfCurveView *m_curve;
    QTableWidget *m_table;
    bool m_filling = false;
};

} // namespace meadows
