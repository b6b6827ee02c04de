#pragma once
// Follows every equilibrium as one constant moves (continuation, on a worker thread) and
// draws the bifurcation diagram of a chosen stock, with the tipping points listed.
#include "analysistab.h"

#include "solver/analysis/continuation.h"

class QComboBox;
class QLabel;

namespace meadows {

class BifurcationChart;
class ParameterRow;

struct ContinuationOutcome {
    Continuation continuation;
    QString error;
};

class BifurcationTab : public AnalysisTab {
    Q_OBJECT
public:
    explicit BifurcationTab(QWidget *parent = nullptr);

    void run() override;
    ParameterRow *parameter() const { return m_parameter; }
    QComboBox *stockChoice() const { return m_stock; }
    BifurcationChart *chart() const { return m_chart; }
    const ContinuationOutcome &outcome() const { return m_outcome; }
    // The continuation drawn, while it is still the model's (no edit or slider move since):
    // what the postmortem page charts; null otherwise.
    std::shared_ptr<const Continuation> currentContinuation() const;
    QString chosenStock() const;
    QString summary() const;

protected:
    void modelChanged() override;

private:
    void show(ContinuationOutcome outcome);
    void draw();

    ParameterRow *m_parameter = nullptr;
    QComboBox *m_stock = nullptr;
    BifurcationChart *m_chart = nullptr;
    QLabel *m_summary = nullptr;
    ContinuationOutcome m_outcome;
    bool m_current = false;
};

} // namespace meadows
