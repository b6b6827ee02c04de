#pragma once
// Sensitivity runs from the editor: constants drawn from uniform ranges (Latin hypercube),
// the model run many times on a worker thread, and the 5/25/50/75/95 percentile bands of
// every charted variable shaded on the Results chart.
#include "analysistab.h"

#include "solver/analysis/sensitivity.h"

#include <memory>

class QCheckBox;
class QListWidget;
class QSpinBox;

namespace meadows {

class ParameterRow;

class SensitivityTab : public AnalysisTab {
    Q_OBJECT
public:
    explicit SensitivityTab(QWidget *parent = nullptr);

    void run() override;
    ParameterRow *parameter() const { return m_parameter; }
    QListWidget *varied() const { return m_varied; }
    QSpinBox *runs() const { return m_runs; }
    QSpinBox *seed() const { return m_seed; }
    QCheckBox *showBands() const { return m_show; }
    QPushButton *addButton() const { return m_add; }
    std::shared_ptr<const Results> bands() const { return m_bands; }

signals:
    // The bands to shade on the Results chart; empty: none.
    void bandsChanged(std::shared_ptr<const meadows::Results> bands);

protected:
    void modelChanged() override;

private:
    void publish();

    ParameterRow *m_parameter = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QListWidget *m_varied = nullptr;
    QSpinBox *m_runs = nullptr;
    QSpinBox *m_seed = nullptr;
    QCheckBox *m_show = nullptr;
    std::shared_ptr<const Results> m_bands;
};

} // namespace meadows
