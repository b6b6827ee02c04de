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
    // A setting the model computes (a Vensim control variable that changes with Time) is
    // shown, not edited here: its variable's equation is what changes it.
    const auto row = [&](const QString &label, QDoubleSpinBox *b, const QString &computedBy) {
        if (computedBy.isEmpty()) {
            form->addRow(label, b);
            return;
        }
        b->setEnabled(false);
        b->setMinimum(b->value()); // the number stored beside it means nothing: show a word
        b->setSpecialValueText(tr("computed at every step"));
        b->setToolTip(tr("The model computes this at every step: edit the equation of '%1' to change it.").arg(computedBy));
        form->addRow(tr("%1, computed by '%2'").arg(label, computedBy), b);
    };
    row(units.isEmpty() ? tr("Start time") : tr("Start time (%1)").arg(units), m_start, specs.varying.start);
    row(units.isEmpty() ? tr("Stop time") : tr("Stop time (%1)").arg(units), m_stop, specs.varying.stop);
    row(tr("DT"), m_dt, specs.varying.dt);
    row(tr("Save step"), m_save, specs.varying.saveStep);
    m_method = new QComboBox(this);
    m_method->addItem(tr("Euler"), QStringLiteral("Euler"));
    m_method->addItem(tr("Runge-Kutta 2"), QStringLiteral("RK2"));
    m_method->addItem(tr("Runge-Kutta 4"), QStringLiteral("RK4"));
    m_method->addItem(tr("Adaptive (RK45)"), QStringLiteral("RK45"));
    m_method->addItem(tr("Stiff (Rosenbrock)"), QStringLiteral("Rosenbrock"));
    // The item of the model's method, by the name that reads as the same method.
    const std::optional<Method> current = methodFromName(specs.method);
    for (int i = 0; i < m_method->count(); ++i)
        if (current && methodFromName(m_method->itemData(i).toString()) == current)
            m_method->setCurrentIndex(i);
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
    // Only settings that are both numbers here can be compared.
    const auto fixed = [](const QDoubleSpinBox *a, const QDoubleSpinBox *b) { return a->isEnabled() && b->isEnabled(); };
    QString problem;
    if (fixed(m_start, m_stop) && m_stop->value() <= m_start->value())
        problem = tr("The stop time must come after the start time.");
    else if (m_dt->isEnabled() && m_dt->value() <= 0)
        problem = tr("DT must be positive.");
    else if (fixed(m_dt, m_save) && m_save->value() < m_dt->value())
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
