#include "analysispanel.h"

#include "bifurcationtab.h"
#include "equilibriatab.h"
#include "recoverytab.h"
#include "sensitivitytab.h"

#include <QScrollArea>
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
    // A short dock scrolls a tab rather than squeeze its chart or map below what it needs.
    const auto add = [this](QWidget *tab, const QString &title) {
        auto *scroll = new QScrollArea(m_tabs);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(tab);
        m_tabs->addTab(scroll, title);
    };
    add(m_equilibria, tr("Equilibria"));
    add(m_bifurcation, tr("Bifurcation"));
    add(m_recovery, tr("Recovery map"));
    add(m_sensitivity, tr("Sensitivity"));
    connect(m_sensitivity, &SensitivityTab::bandsChanged, this, &AnalysisPanel::bandsChanged);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

int AnalysisPanel::indexOf(const QWidget *tab) const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i)->isAncestorOf(tab))
            return i;
    return -1;
}

void AnalysisPanel::showTab(const QWidget *tab)
{
    m_tabs->setCurrentIndex(indexOf(tab));
}

void AnalysisPanel::setModel(const Project &project, const FlattenOptions &overrides)
{
    for (AnalysisTab *tab : std::initializer_list<AnalysisTab *>{m_equilibria, m_bifurcation, m_recovery, m_sensitivity})
        tab->setModel(project, overrides);
}

} // namespace meadows
