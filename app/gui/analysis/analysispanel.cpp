#include "analysispanel.h"

#include "bifurcationtab.h"
#include "equilibriatab.h"
#include "recoverytab.h"
#include "sensitivitytab.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace meadows {

AnalysisPanel::AnalysisPanel(QWidget *parent) : QWidget(parent)
{
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_equilibria = new EquilibriaTab(m_tabs);
    m_bifurcation = new BifurcationTab(m_tabs);
    m_recovery = new RecoveryTab(m_tabs);
    m_sensitivity = new SensitivityTab(m_tabs);
    m_tabs->addTab(m_equilibria, tr("Equilibria"));
    m_tabs->addTab(m_bifurcation, tr("Bifurcation"));
    m_tabs->addTab(m_recovery, tr("Recovery map"));
    m_tabs->addTab(m_sensitivity, tr("Sensitivity"));
    connect(m_sensitivity, &SensitivityTab::bandsChanged, this, &AnalysisPanel::bandsChanged);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

void AnalysisPanel::setModel(const Project &project, const FlattenOptions &overrides)
{
    for (AnalysisTab *tab : std::initializer_list<AnalysisTab *>{m_equilibria, m_bifurcation, m_recovery, m_sensitivity})
        tab->setModel(project, overrides);
}

} // namespace meadows
