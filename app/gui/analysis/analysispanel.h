#pragma once
// The Analysis panel: where the model's edge is. Its steady states and their stability,
// the bifurcation diagram along a constant (tipping points marked), the map of which
// disturbances it recovers from, and sensitivity runs shaded on the Results chart. Each
// tab computes on a worker thread, with progress and Cancel, from the model as the editor
// has it (sliders included).
#include "model/project.h"
#include "solver/flatmodel.h"

#include <QWidget>
#include <memory>

class QTabWidget;

namespace meadows {

class BifurcationTab;
class EquilibriaTab;
class RecoveryTab;
class SensitivityTab;
struct Results;

class AnalysisPanel : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisPanel(QWidget *parent = nullptr);

    void setModel(const Project &project, const FlattenOptions &overrides);

    QTabWidget *tabs() const { return m_tabs; }
    // Where a tab (equilibria() ...) is in tabs() (each sits in a scroll area), and bringing it to the front.
    int indexOf(const QWidget *tab) const;
    void showTab(const QWidget *tab);
    EquilibriaTab *equilibria() const { return m_equilibria; }
    BifurcationTab *bifurcation() const { return m_bifurcation; }
    RecoveryTab *recovery() const { return m_recovery; }
    SensitivityTab *sensitivity() const { return m_sensitivity; }

signals:
    // Sensitivity bands for the Results chart; empty: none.
    void bandsChanged(std::shared_ptr<const meadows::Results> bands);

private:
    QTabWidget *m_tabs = nullptr;
    EquilibriaTab *m_equilibria = nullptr;
    BifurcationTab *m_bifurcation = nullptr;
    RecoveryTab *m_recovery = nullptr;
    SensitivityTab *m_sensitivity = nullptr;
};

} // namespace meadows
