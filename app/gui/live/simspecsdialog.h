#pragma once
// Start, stop, DT, save step and integration method.
#include "model/project.h"

#include <QDialog>

class QDoubleSpinBox;
class QComboBox;
class QLabel;

namespace meadows {

class SimSpecsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SimSpecsDialog(const SimSpecs &specs, QWidget *parent = nullptr);
    SimSpecs specs() const;

private:
    void validate();
    SimSpecs m_specs;
    QDoubleSpinBox *m_start, *m_stop, *m_dt, *m_save;
    QComboBox *m_method;
    QLabel *m_problem;
};

} // namespace meadows
