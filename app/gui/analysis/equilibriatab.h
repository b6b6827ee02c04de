#pragma once
// The model's steady states as the editor has it (with the sliders' values): each one's
// stocks, eigenvalues, stability, whether it spirals, and whether it sits on a MIN/MAX/IF
// kink (its eigenvalues then describe neither side alone). Found again whenever the
// equations change, on a worker thread.
#include "analysistab.h"

#include "solver/analysis/equilibria.h"

class QLabel;
class QTableWidget;
class QTimer;

namespace meadows {

struct EquilibriaOutcome {
    EquilibriumSearch search;
    double at = 0;
    QString error;
};

class EquilibriaTab : public AnalysisTab {
    Q_OBJECT
public:
    explicit EquilibriaTab(QWidget *parent = nullptr);

    void run() override;
    QTableWidget *table() const { return m_table; }
    const EquilibriaOutcome &outcome() const { return m_outcome; }
    QString notice() const;

protected:
    void modelChanged() override;
    void showEvent(QShowEvent *event) override;

private:
    void show(EquilibriaOutcome outcome);

    QTableWidget *m_table = nullptr;
    QLabel *m_notice = nullptr;
    QTimer *m_debounce = nullptr;
    bool m_outdated = false; // the equations changed since the last search
    EquilibriaOutcome m_outcome;
};

// "-0.6", "0.3 + 2i": how the table and the CLI write an eigenvalue.
QString eigenvalueText(std::complex<double> v);

} // namespace meadows
