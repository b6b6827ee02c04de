#include "simspecsdialog.h"

#include "solver/simulation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace meadows {

SimSpecsDialog::SimSpecsDialog(const SimSpecs &specs, QWidget *parent) : QDialog(parent), m_specs(specs)
{
    setWindowTitle(tr("Simulation settings"));
    auto *form = new QFormLayout(this);
    const auto box = [this](double value) {
        auto *b = new QDoubleSpinBox(this);
        b->setDecimals(6);
        b->setRange(-1e12, 1e12);
        b->setValue(value);
        connect(b, &QDoubleSpinBox::valueChanged, this, &SimSpecsDialog::validate);
        return b;
    };
    const QString units = specs.timeUnits;
    m_start = box(specs.start);
    m_stop = box(specs.stop);
    m_dt = box(specs.dt);
    m_save = box(specs.effectiveSaveStep());
    form->addRow(units.isEmpty() ? tr("Start time") : tr("Start time (%1)").arg(units), m_start);
    form->addRow(units.isEmpty() ? tr("Stop time") : tr("Stop time (%1)").arg(units), m_stop);
    form->addRow(tr("DT"), m_dt);
    form->addRow(tr("Save step"), m_save);
    m_method = new QComboBox(this);
    m_method->addItem(tr("Euler"), QStringLiteral("Euler"));
    m_method->addItem(tr("Runge-Kutta 4"), QStringLiteral("RK4"));
    m_method->addItem(tr("Adaptive (RK45)"), QStringLiteral("RK45"));
    m_method->addItem(tr("Stiff (Rosenbrock)"), QStringLiteral("Rosenbrock"));
    const std::optional<Method> current = methodFromName(specs.method);
    m_method->setCurrentIndex(current ? int(*current) : 0);
    form->addRow(tr("Method"), m_method);
    m_problem = new QLabel(this);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b"));
    form->addRow(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    validate();
}

void SimSpecsDialog::validate()
{
    QString problem;
    if (m_stop->value() <= m_start->value())
        problem = tr("The stop time must come after the start time.");
    else if (m_dt->value() <= 0)
        problem = tr("DT must be positive.");
    else if (m_save->value() < m_dt->value())
        problem = tr("The save step cannot be shorter than DT.");
    m_problem->setText(problem);
    if (auto *buttons = findChild<QDialogButtonBox *>())
        buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

SimSpecs SimSpecsDialog::specs() const
{
    SimSpecs s = m_specs;
    s.start = m_start->value();
    s.stop = m_stop->value();
    s.dt = m_dt->value();
    s.saveStep = m_save->value() == m_dt->value() && !m_specs.saveStep ? std::nullopt : std::optional<double>(m_save->value());
    s.method = m_method->currentData().toString();
    return s;
}

} // namespace meadows
