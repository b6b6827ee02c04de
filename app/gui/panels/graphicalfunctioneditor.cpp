#include "graphicalfunctioneditor.h"

#include "gfcurveview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QTableWidget>
#include <cmath>

namespace meadows {

GraphicalFunctionEditor::GraphicalFunctionEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_curve = new GfCurveView(this);
    layout->addWidget(m_curve);
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("gfTable"));
    m_table->setHorizontalHeaderLabels({tr("Input (x)"), tr("Output (y)")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setMaximumHeight(140);
    m_table->setMinimumWidth(0);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_table);
    connect(m_curve, &GfCurveView::edited, this, [this](const GraphicalFunction &gf) {
        m_gf = gf;
        fillTable();
        emit edited(m_gf);
    });
    connect(m_table, &QTableWidget::cellChanged, this, &GraphicalFunctionEditor::tableEdited);
}

GraphicalFunction GraphicalFunctionEditor::defaultFunction()
{
    GraphicalFunction gf;
    gf.xscale = Scale{0, 1};
    gf.yscale = Scale{0, 1};
    for (int i = 0; i <= 10; ++i)
        gf.ypts.push_back(i / 10.0);
    return gf;
}

void GraphicalFunctionEditor::setFunction(const GraphicalFunction &gf)
{
    m_gf = gf;
    m_curve->setFunction(gf);
    fillTable();
}

void GraphicalFunctionEditor::fillTable()
{
    m_filling = true;
    m_table->setRowCount(int(m_gf.size()));
    for (int i = 0; i < int(m_gf.size()); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(QString::number(m_gf.x(i), 'g', 10)));
        m_table->setItem(i, 1, new QTableWidgetItem(QString::number(m_gf.ypts[i], 'g', 10)));
    }
    m_filling = false;
}

void GraphicalFunctionEditor::tableEdited(int row, int column)
{
    if (m_filling || row < 0 || row >= int(m_gf.size()))
        return;
    bool ok = false;
    const double value = m_table->item(row, column)->text().toDouble(&ok);
    // Not a number, or nan or inf (Qt reads those as numbers): the old value goes back.
    if (!ok || !std::isfinite(value)) {
        fillTable();
        return;
    }
    GraphicalFunction next = m_gf;
    if (column == 1) {
        next.ypts[row] = value;
        // The y scale widens to hold what was typed.
        if (next.yscale) {
            next.yscale->min = std::min(next.yscale->min, value);
            next.yscale->max = std::max(next.yscale->max, value);
        }
    } else {
        // Typed x values make the points explicit.
        if (next.xpts.empty())
            for (std::size_t i = 0; i < next.size(); ++i)
                next.xpts.push_back(next.x(i));
        next.xpts[row] = value;
        next.xscale.reset();
    }
    // A table the reader would refuse (an x out of order: x points must not decrease) could
    // not be opened again once saved: the old value goes back.
    if (!next.problem().isEmpty()) {
        fillTable();
        return;
    }
    m_gf = std::move(next);
    m_curve->setFunction(m_gf);
    emit edited(m_gf);
}

} // namespace meadows
