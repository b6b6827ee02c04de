#pragma once
// Sensitivity runs from the editor: constants drawn from distributions (uniform, normal or
// triangular, written as `meadows sensitivity --vary` takes them, and read by the same code)
// by Latin hypercube sampling, the model run many times on a worker thread, and the
// 5/25/50/75/95 percentile bands of every charted variable shaded on the Results chart.
#include "analysistab.h"

#include "solver/analysis/sensitivity.h"

#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
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
    // uniform, normal or triangular: choosing one proposes its parameters from the range.
    QComboBox *kind() const { return m_kind; }
    // The chosen constant's distribution, "normal(1, 0.25)", as the user may edit it.
    QLineEdit *distribution() const { return m_distribution; }
    QListWidget *varied() const { return m_varied; }
    QSpinBox *runs() const { return m_runs; }
    QSpinBox *seed() const { return m_seed; }
    QCheckBox *showBands() const { return m_show; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    std::shared_ptr<const Results> bands() const { return m_bands; }

signals:
    // The bands to shade on the Results chart; empty: none.
    void bandsChanged(std::shared_ptr<const meadows::Results> bands);

protected:
    void modelChanged() override;

private:
    void publish();
    // The distribution's text proposed for the kind chosen and the row's range.
    void propose();
    // The constants and their distributions to vary; on a mistake, empty with `error` set.
    bool varied(QStringList *names, std::vector<Distribution> *distributions, QString *error) const;

    ParameterRow *m_parameter = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_distribution = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QListWidget *m_varied = nullptr;
    QSpinBox *m_runs = nullptr;
    QSpinBox *m_seed = nullptr;
    QCheckBox *m_show = nullptr;
    std::shared_ptr<const Results> m_bands;
};

} // namespace meadows
